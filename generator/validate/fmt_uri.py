"""Run-time checks of the identifier formats, copied into generated validators.

uuid (RFC 4122), uri / uri-reference (RFC 3986), iri / iri-reference (RFC 3987),
uri-template (RFC 6570), json-pointer (RFC 6901) and relative-json-pointer.  The source the
emitter copies from (see :mod:`generator.validate.formats`); standard library only.
"""

import re

from generator.validate.fmt_net import _fmt_ipv6

_UUID = re.compile(
    r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
).fullmatch


def _fmt_uuid(value: str) -> bool:
    """RFC 4122 textual UUID (8-4-4-4-12 hex digits)."""
    return _UUID(value) is not None


# RFC 3986 Appendix B: splits any string into scheme, authority, path, query and fragment.
_URI_PARTS = re.compile(
    r"(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.DOTALL
).fullmatch


_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*").fullmatch
_URI_PORT = re.compile(r"(?::[0-9]*)?").fullmatch
_IP_FUTURE = re.compile(r"[Vv][0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+").fullmatch


# What each part may hold, for URIs (RFC 3986): userinfo, host, path, query, fragment.
_URI_CHARS = tuple(
    re.compile(f"(?:[A-Za-z0-9\\-._~!$&'()*+,;={extra}]|%[0-9A-Fa-f]{{2}})*")
    for extra in (":", "", ":@/", ":@/?", ":@/?")
)


# ... and for IRIs (RFC 3987): ucschar in every part, iprivate in the query too.
_IRI_UCSCHAR = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd"
    "\U00030000-\U0003fffd\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
    "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd\U000a0000-\U000afffd"
    "\U000b0000-\U000bfffd\U000c0000-\U000cfffd\U000d0000-\U000dfffd\U000e1000-\U000efffd"
)
_IRI_IPRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_IRI_CHARS = tuple(
    re.compile(f"(?:[A-Za-z0-9\\-._~!$&'()*+,;={_IRI_UCSCHAR}{extra}]|%[0-9A-Fa-f]{{2}})*")
    for extra in (":", "", ":@/", ":@/?" + _IRI_IPRIVATE, ":@/?")
)


def _uri(value: str, chars: tuple[re.Pattern[str], ...], relative: bool) -> bool:
    """An RFC 3986 URI (an RFC 3987 IRI with the IRI ``chars``), or with ``relative`` a URI
    reference: each part split off (Appendix B) and checked on its own, in linear time."""
    parts = _URI_PARTS(value)
    if parts is None:
        return False
    scheme, authority, path, query, fragment = parts.groups()
    if scheme is None:
        if not relative:
            return False
    elif _URI_SCHEME(scheme) is None:
        return False  # nor is it a relative reference: its first segment would hold a ":"
    if authority is not None:
        userinfo, at, hostport = authority.rpartition("@")
        if at and ("@" in userinfo or chars[0].fullmatch(userinfo) is None):
            return False
        if hostport.startswith("["):
            end = hostport.find("]")
            host, port = hostport[1:end], hostport[end + 1 :]
            if end < 0 or (_IP_FUTURE(host) is None and not _fmt_ipv6(host)):
                return False
        else:
            end = hostport.find(":")
            host, port = (hostport, "") if end < 0 else (hostport[:end], hostport[end:])
            if chars[1].fullmatch(host) is None:
                return False
        if _URI_PORT(port) is None:
            return False
    elif path.startswith("//"):
        return False
    if chars[2].fullmatch(path) is None:
        return False
    return (query is None or chars[3].fullmatch(query) is not None) and (
        fragment is None or chars[4].fullmatch(fragment) is not None
    )


def _fmt_uri(value: str) -> bool:
    """RFC 3986 URI: a scheme, then an optional authority, path, query and fragment."""
    return _uri(value, _URI_CHARS, False)


def _fmt_uri_reference(value: str) -> bool:
    """RFC 3986 URI-reference: a URI or a relative reference."""
    return _uri(value, _URI_CHARS, True)


def _fmt_iri(value: str) -> bool:
    """RFC 3987 IRI: a URI that may hold non-ASCII characters."""
    return _uri(value, _IRI_CHARS, False)


def _fmt_iri_reference(value: str) -> bool:
    """RFC 3987 IRI-reference: an IRI or a relative reference."""
    return _uri(value, _IRI_CHARS, True)


_URI_TEMPLATE = re.compile(
    '(?:[^\\x00-\\x20\\x7f"%<>\\\\^`{|}\ud800-\udfff]|%[0-9A-Fa-f]{2}'
    "|\\{[+#./;?&]?"
    "(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+(?:\\.(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+)*"
    "(?::[1-9][0-9]{0,3}|\\*)?"
    "(?:,(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+(?:\\.(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+)*"
    "(?::[1-9][0-9]{0,3}|\\*)?)*\\})*"
).fullmatch


def _fmt_uri_template(value: str) -> bool:
    """RFC 6570 URI Template: literals and ``{op var:len,var*}`` expressions (levels 1-4)."""
    return _URI_TEMPLATE(value) is not None


_JSON_POINTER = re.compile(r"(?:/(?:[^~/]|~[01])*)*").fullmatch


def _fmt_json_pointer(value: str) -> bool:
    """RFC 6901 JSON Pointer: empty, or ``/``-led reference tokens with ``~0``/``~1`` escapes."""
    return _JSON_POINTER(value) is not None


_RELATIVE_JSON_POINTER = re.compile(r"(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~[01])*)*)").fullmatch


def _fmt_relative_json_pointer(value: str) -> bool:
    """Relative JSON Pointer: a non-negative integer, then ``#`` or a JSON Pointer."""
    return _RELATIVE_JSON_POINTER(value) is not None
