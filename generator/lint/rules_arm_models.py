"""ARM model rules that read schemas with their `$ref`s followed, as Azure's Spectral rules do
(secrets, provisioningState), placed where Azure places them (`places`)."""

from __future__ import annotations

from generator.lint.core import Context, check
from generator.lint.places import Walk, truthy

_SECRET_WORDS = ("access", "credential", "secret", "password", "key", "token", "auth", "connection")


def merged_property(ctx: Context, schema: Walk | None, name: str, _depth: int = 0) -> Walk | None:
    """`name` among Azure's `getProperties(schema)`: the schema's own properties win, then the
    `allOf` parents in order (an earlier parent over a later one), each merged the same way."""
    if schema is None or not isinstance(schema.value, dict) or _depth > 32:
        return None
    own = schema.get("properties")
    if isinstance(own, dict) and name in own:
        return schema.child(ctx, "properties", name)
    parents = schema.get("allOf")
    for i in range(len(parents) if isinstance(parents, list) else 0):
        found = merged_property(ctx, schema.child(ctx, "allOf", i), name, _depth + 1)
        if found is not None:
            return found
    return None


def find_property(ctx: Context, schema: Walk | None, name: str, _depth: int = 0) -> Walk | None:
    """Azure's `getProperty`: `name` among the `allOf` parents first (depth first), then the
    schema's own properties."""
    if schema is None or not isinstance(schema.value, dict) or _depth > 32:
        return None
    parents = schema.child(ctx, "allOf")
    if parents is not None and isinstance(parents.value, list):
        for i in range(len(parents.value)):
            found = find_property(ctx, parents.child(ctx, i), name, _depth + 1)
            if found is not None:
                return found
    own = schema.child(ctx, "properties")
    if own is not None and isinstance(own.value, dict) and name in own.value:
        return own.child(ctx, name)
    return None


def bag_provisioning_state(ctx: Context, schema: Walk | None) -> Walk | None:
    """`provisioningState` of the schema's `properties` bag (Azure looks nowhere else)."""
    bag = merged_property(ctx, schema, "properties")
    return find_property(ctx, bag, "provisioningState")


@check("ProvisioningStateSpecifiedForLROPut")
def provisioning_state_for_lro_put(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "put" or op.value.get("x-ms-long-running-operation") is not True:
            continue
        for code in ("200", "201"):
            schema = Walk.at(op.node).child(ctx, "responses", code, "schema")
            state = bag_provisioning_state(ctx, schema)
            if state is None or not isinstance(state.value, dict) or not state.value:
                ctx.report("ProvisioningStateSpecifiedForLROPut", op.loc, f"The {code} response schema of a long-running PUT must have provisioningState in its properties.")


@check("ProvisioningStateMustBeReadOnly")
def provisioning_state_read_only(ctx: Context) -> None:
    for op in ctx.operations():
        responses = Walk.at(op.node).child(ctx, "responses")
        if responses is None or not isinstance(responses.value, dict):
            continue
        for code in responses.value:
            schema = responses.child(ctx, code, "schema")
            state = bag_provisioning_state(ctx, schema)
            if schema is None or state is None or not isinstance(state.value, dict) or not state.value:
                continue
            if state.get("readOnly") is not True:
                ctx.report("ProvisioningStateMustBeReadOnly", schema.shown(ctx), "provisioningState must be readOnly.")


def _looks_secret(name: str) -> bool:
    lower = name.lower()
    return any(lower.endswith(w) and not lower.startswith(w) for w in _SECRET_WORDS) and "public" not in lower


@check("XMSSecretInResponse")
def xms_secret_in_response(ctx: Context) -> None:
    # Every definition (request-only ones too), and `properties` bags inside it.
    definitions = ctx.view.root.child("definitions")
    if not isinstance(definitions.value, dict):
        return
    for name in definitions.value:
        props = Walk.at(definitions).child(ctx, name, "properties")
        if props is not None:
            _scan_secrets(ctx, props, 0)


def _scan_secrets(ctx: Context, props: Walk, depth: int) -> None:
    if not isinstance(props.value, dict) or depth > 16:
        return
    names = list(props.value)
    key_value_pair = len(names) == 2 and "key" in names and "value" in names
    for name in names:
        prop = props.child(ctx, name)
        if prop is None:
            continue
        value = prop.value
        if name == "properties" and isinstance(value, dict):
            _scan_secrets(ctx, prop, depth + 1)  # a bag: its schema's members, then its properties
        elif (
            _looks_secret(name) and isinstance(value, dict) and value.get("x-ms-secret") is not True
            and not key_value_pair and value.get("type") == "string"
            and not truthy(value.get("enum")) and not truthy(value.get("x-ms-enum"))
        ):
            ctx.report("XMSSecretInResponse", prop.shown(ctx), f"Property '{name}' looks like a secret (its name ends in a secret keyword) but has no \"x-ms-secret\": true.")
