"""JSON Schema validation of spec files, reported as located diagnostics."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
from fastjsonschema.ref_resolver import RefResolver

from codegen.cache import compiled
from codegen.diagnostics import Diagnostic
from codegen.spec.yamlsrc import Document

# Codes for failures inside named definitions, so a bad identifier or version
# gets a specific code and hint instead of a generic schema error.
_DEF_CODES = {
    "identifier": ("C004", "names are UPPER_SNAKE: letters A-Z, digits and single underscores, starting with a letter"),
    "version": ("C005", "versions are semver MAJOR.MINOR.PATCH, for example 1.2.0; quote nothing else in"),
    "reference": ("C003", "write references as catalog_id.ENTRY_NAME, for example infobip_voice_error.BUSY"),
    "catalog_id": ("C004", "catalog ids are lower_snake: a-z, digits and single underscores"),
    "field_name": ("C004", "field names are lower_snake: a-z, digits and single underscores"),
    "rule_name": ("P002", "compatibility rule ids and categories are UPPER_SNAKE; `codegen compat --list-rules` lists them"),
}

_TYPE_NAMES = {bool: "boolean", int: "integer", float: "number", str: "string",
               list: "list", dict: "mapping", type(None): "null"}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped inside the package (`catalog` or `project`).

    The project schema is completed with each built-in target's settings schema, read from
    the target's own folder: adding a target never touches the shared schema.
    """
    text = resources.files("codegen.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    if name == "project":
        from codegen.targets import builtin_settings_schemas

        schema["properties"]["targets"]["properties"] = builtin_settings_schemas()
    return schema


@cache
def _validator(name: str) -> tuple[Any, dict[int, str]]:
    import jsonschema  # only an invalid document pays for importing it
    schema = load_schema(name)
    defs = {id(body): key for key, body in schema.get("$defs", {}).items()}
    return jsonschema.Draft202012Validator(schema), defs


@cache
def _fast(name: str) -> Callable[[Any], Any]:
    return _compiled_schema(json.dumps(load_schema(name), sort_keys=True))


@cache
def _compiled_schema(text: str) -> Callable[[Any], Any]:
    # The schemas use only keywords that mean the same in draft 7, which fastjsonschema
    # compiles to Python; the compiled code is cached (generating it costs 30 ms a schema).
    schema = {**json.loads(text), "$schema": "http://json-schema.org/draft-07/schema#"}
    text = json.dumps(schema, sort_keys=True)
    key = f"fastjsonschema {fastjsonschema.VERSION} {hashlib.sha256(text.encode()).hexdigest()}"
    namespace: dict[str, Any] = {}
    # fastjsonschema rewrites the $refs of the schema it is given: it gets copies, so the
    # shared schema (which `codegen schema --write` serialises) stays as shipped.
    exec(compiled(key, lambda: fastjsonschema.compile_to_code(json.loads(text))), namespace)
    root = RefResolver.from_schema(json.loads(text)).get_scope_name()  # the name compile() looks up
    validate: Callable[[Any], Any] = namespace[root]
    return validate


def validate(doc: Document, schema_name: str) -> list[Diagnostic]:
    """Every schema violation of doc, each at the position of the offending YAML node.

    A compiled validator answers the common case (valid) fast; only an invalid document
    pays for jsonschema, which reports every violation rather than the first.
    """
    try:
        _fast(schema_name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    validator, defs = _validator(schema_name)
    out: dict[Diagnostic, None] = {}
    # jsonschema reports `required` once per missing key, and each report names them all.
    for error in validator.iter_errors(doc.data):
        out.update(dict.fromkeys(_diagnose(doc, error, defs)))
    return list(out)


def validate_part(doc: Document, path: tuple[str | int, ...], schema: dict[str, Any]) -> list[Diagnostic]:
    """Every violation of schema by the value at path in doc (a third-party target's settings)."""
    value: Any = doc.data
    for key in path:
        value = value[key]
    try:
        _compiled_schema(json.dumps(schema, sort_keys=True))(value)
        return []  # valid: the compiled check is enough
    except fastjsonschema.JsonSchemaException:
        pass
    import jsonschema  # only an invalid value pays for importing it

    validator = jsonschema.Draft202012Validator(schema)
    return [d for error in validator.iter_errors(value) for d in _diagnose(doc, error, {}, path)]


def _diagnose(doc: Document, error: Any, defs: dict[int, str], prefix: tuple[str | int, ...] = ()) -> list[Diagnostic]:
    path = prefix + tuple(error.absolute_path)
    code, hint = _DEF_CODES.get(defs.get(id(error.schema), ""), ("S001", ""))
    kind = error.validator
    inst = error.instance
    if kind == "additionalProperties" and isinstance(inst, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in inst if k not in error.schema.get("properties", {})]
        return [_at(doc, path + (k,), "S002", f"unknown key '{k}'",
                    f"allowed keys here: {', '.join(allowed)}", key=True) for k in extra]
    if kind == "required":
        missing = str(error.validator_value)
        names = [k for k in error.validator_value if k not in inst] if isinstance(inst, dict) else []
        missing = ", ".join(f"'{k}'" for k in names) or missing
        return [_at(doc, path, "S003", f"missing required key {missing}", "add it; see the schema")]
    if kind == "type":
        got = _TYPE_NAMES.get(type(inst), type(inst).__name__)
        want = error.validator_value
        want_s = " or ".join(want) if isinstance(want, list) else str(want)
        fix = f'quote it: "{inst}"' if want_s == "string" and isinstance(inst, (int, float, bool)) else f"write a {want_s}"
        return [_at(doc, path, "S004", f"expected {want_s}, got {got} {_short(inst)}", fix)]
    if kind == "pattern":
        # A bad key (propertyNames) is located at that key, not at its mapping.
        is_key = "propertyNames" in error.absolute_schema_path and isinstance(inst, str)
        where = path + (inst,) if is_key else path
        return [_at(doc, where, code, f"{_short(inst)} does not match {error.validator_value}", hint, key=is_key)]
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        return [_at(doc, path, code, f"{_short(inst)} is not one of: {options}", f"use one of: {options}")]
    return [_at(doc, path, code, error.message, hint or "see the schema shipped in codegen/schemas")]


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _at(doc: Document, path: tuple[Any, ...], code: str, message: str, hint: str, *, key: bool = False) -> Diagnostic:
    line, col = doc.where(path, key=key)
    where = "/".join(str(p) for p in path)
    return Diagnostic(doc.file, line, col, code, f"{message} (at {where or 'top level'})", hint)
