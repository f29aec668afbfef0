"""xml-service.json: XML bodies are out of scope for specgen (its packages read and write JSON);
the two operations of the file that speak JSON are driven here."""

from __future__ import annotations

from typing import Any

SWAGGER = "xml-service.json"

NOT_PASSED = {
    "GetEmptyWrappedXMLList": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetEmptyXMLList": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetEmptyXMLListAtRoot": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetRootWithRefAndMetaXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetRootWithRefAndNoMetaXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetSimpleXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetWithXMsText": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetWrappedXMLList": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetXMLEmptyNode": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetXMLListAtRoot": "XML bodies are out of scope: specgen's packages read and write JSON",
    "GetXMLListAtRootSingle": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutEmptyWrappedXMLList": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutEmptyXMLList": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutEmptyXMLListAtRoot": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutRootWithRefAndMetaXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutRootWithRefAndNoMetaXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutSimpleXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutWrappedXMLList": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutXMLEmptyNode": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutXMLListAtRoot": "XML bodies are out of scope: specgen's packages read and write JSON",
    "PutXMLListAtRootSingle": "XML bodies are out of scope: specgen's packages read and write JSON",
    "StorageGetContainerACLXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "StorageGetServicePropertiesXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "StorageListBlobsXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "StorageListContainersXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "StoragePutContainerACLXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "StoragePutServicePropertiesXML": "XML bodies are out of scope: specgen's packages read and write JSON",
    "XmlGetBytes": "XML bodies are out of scope: specgen's packages read and write JSON",
    "XmlGetUrl": "XML bodies are out of scope: specgen's packages read and write JSON",
    "XmlPutBytes": "XML bodies are out of scope: specgen's packages read and write JSON",
    "XmlPutUrl": "XML bodies are out of scope: specgen's packages read and write JSON",
}


def test_json_input(api: Any) -> None:
    request = api.requests.build_xml_json_input_request(body=api.models.JSONInput(id=42))
    assert (request.headers["Content-Type"], request.body) == ("application/json", b'{"id":42}')
    assert api.call("xml_json_input", body={"id": 42}) is None


def test_json_output(api: Any) -> None:
    assert api.requests.build_xml_json_output_request().headers["Accept"] == "application/json"
    output = api.call("xml_json_output")
    assert type(output) is api.models.JSONOutput and output.id == 42
