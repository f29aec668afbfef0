"""xms-error-responses.json: `x-ms-error-response` statuses raise `HttpResponseError` with the
model of their own status (polymorphic: the discriminator picks the subtype); statuses whose
error schema is a string or an integer raise without a model; undeclared ones get `default`'s."""

from __future__ import annotations

import json
from typing import Any

import pytest

SWAGGER = "xms-error-responses.json"

NOT_PASSED: dict[str, str] = {}


def _raised(api: Any, operation: str, status: int, **arguments: Any) -> Any:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call(operation, **arguments)
    assert caught.value.status_code == status
    return caught.value


def test_get_pet_success(api: Any) -> None:
    pet = api.call("pet_get_pet_by_id", pet_id="tommy")
    assert type(pet) is api.models.Pet and (pet.name, pet.ani_type) == ("Tommy Tomson", "Dog")
    assert api.call("pet_get_pet_by_id", pet_id="django") is None  # 202, no body


def test_get_pet_404_is_the_discriminated_subtype(api: Any) -> None:
    models = api.models
    assert issubclass(models.AnimalNotFound, models.NotFoundErrorBase)
    assert issubclass(models.LinkNotFound, models.NotFoundErrorBase)
    animal = _raised(api, "pet_get_pet_by_id", 404, pet_id="coyoteUgly").error
    assert type(animal) is models.AnimalNotFound
    assert (animal.reason, animal.name, animal.some_base_prop) == ("the type of animal requested is not available", "coyote", "problem finding animal")
    link = _raised(api, "pet_get_pet_by_id", 404, pet_id="weirdAlYankovic").error
    assert type(link) is models.LinkNotFound
    assert (link.reason, link.what_sub_address) == ("link to pet not found", "pet/yourpet was not found")


def test_get_pet_errors_of_primitive_schemas(api: Any) -> None:
    ringo = _raised(api, "pet_get_pet_by_id", 400, pet_id="ringo")
    assert ringo.error is None and json.loads(ringo.body) == "ringo is missing"
    alien = _raised(api, "pet_get_pet_by_id", 501, pet_id="alien123")
    assert alien.error is None and json.loads(alien.body) == 123


def test_do_something(api: Any) -> None:
    action = api.call("pet_do_something", what_action="stay")
    assert type(action) is api.models.PetAction and action.action_response is api.package.UNSET
    assert action.additional_properties == {"name": "Tommy Tomson", "aniType": "Dog"}


def test_do_something_errors(api: Any) -> None:
    models = api.models
    sad = _raised(api, "pet_do_something", 500, what_action="jump").error  # the 500 x-ms-error-response
    assert type(sad) is models.PetSadError and isinstance(sad, models.PetActionError)
    assert (sad.reason, sad.error_message, sad.action_response) == ("need more treats", "casper aint happy", "grrrr")
    hungry = _raised(api, "pet_do_something", 404, what_action="fetch").error  # undeclared: `default`
    assert type(hungry) is models.PetHungryOrThirstyError
    assert (hungry.hungry_or_thirsty, hungry.reason) == ("hungry and thirsty", "need more everything")


def test_parameter_named_models(api: Any) -> None:
    # A query parameter called `models` next to the package's `models` module.
    request = api.requests.build_pet_has_models_param_request(models="value1", base_url=api.base_url)
    assert request.url.endswith("/errorStatusCodes/Pets/hasModelsParam?models=value1")
    sad = _raised(api, "pet_has_models_param", 500, models="value1").error
    assert type(sad) is api.models.PetSadError and sad.reason == "need more treats"
