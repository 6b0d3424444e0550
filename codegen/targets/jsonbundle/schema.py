"""The JSON Schema (2020-12) of the bundle, shipped beside it as catalogs.schema.json."""

from __future__ import annotations

from typing import Any

from codegen.placeholders import PARAMETER_NAME
from codegen.targets import generated_note
from codegen.targets.jsonbundle.bundle import FORMAT, HASH_KEY, SCHEMA_FILE

Json = Any

SEMVER = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"
CATALOG_ID = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
ENTRY_NAME = r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"


def _object(properties: dict[str, Json], description: str = "", optional: tuple[str, ...] = ()) -> dict[str, Json]:
    """A closed object whose every property but the optional ones is present (absent values are null or empty)."""
    schema: dict[str, Json] = {
        "type": "object",
        "required": [p for p in properties if p not in optional],
        "additionalProperties": False,
        "properties": properties,
    }
    if description:
        schema = {"description": description, **schema}
    return schema


def _string(description: str = "") -> dict[str, Json]:
    return {"type": "string", "description": description} if description else {"type": "string"}


def _nullable(schema: dict[str, Json]) -> dict[str, Json]:
    return {"anyOf": [schema, {"type": "null"}]}


def _list(items: dict[str, Json]) -> dict[str, Json]:
    return {"type": "array", "items": items}


def bundle_schema(project_file: str) -> dict[str, Json]:
    """The schema every catalogs.json of this format validates against."""
    ref = {"$ref": "#/$defs/ref"}
    defs: dict[str, Json] = {
        # anyOf, not a `type` list: ajv's strict mode (strictTypes) refuses union types.
        "value": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
        "ref": _object({
            "catalog": {"type": "string", "pattern": CATALOG_ID},
            "name": {"type": "string", "pattern": ENTRY_NAME},
            "value": {"anyOf": [{"$ref": "#/$defs/value"}, {"type": "null"}],
                      "description": "Value of the referenced entry (null if it does not resolve)."},
        }, "A reference to an entry of a catalog."),
        "source": _object({
            "url": _string(), "title": _string(), "retrieved": _string(), "note": _string(),
        }),
        "field_decl": _object({
            "name": _string(),
            "type": {"enum": ["integer", "string", "boolean", "ref", "ref_list"]},
            "description": _string(),
            "required": {"type": "boolean"},
            "min": _nullable({"type": "integer"}),
            "max": _nullable({"type": "integer"}),
            "enum": _nullable(_list({"type": "string"})),
            "pattern": _nullable({"type": "string"}),
            "catalog": _nullable({"type": "string", "pattern": CATALOG_ID}),
        }, "A typed field that the entries of the catalog carry."),
        "field_value": {"anyOf": [
            {"type": "integer"}, {"type": "string"}, {"type": "boolean"}, ref, _list(ref),
        ]},
        "entry": _object({
            "name": {"type": "string", "pattern": ENTRY_NAME},
            "value": {"$ref": "#/$defs/value"},
            "message": _string(),
            "description": _string(),
            "fields": {"type": "object", "additionalProperties": {"$ref": "#/$defs/field_value"}},
            "since": {"type": "string", "pattern": SEMVER},
            "status": {"enum": ["active", "deprecated", "retired"],
                       "description": "Lifecycle: retired wins over deprecated."},
            "deprecated": _nullable(_object({
                "since": {"type": "string", "pattern": SEMVER},
                "replacement": _nullable(ref),
                "note": _string(),
            })),
            "retired": _nullable(_object({
                "since": {"type": "string", "pattern": SEMVER},
                "note": _string(),
            })),
            "successors": _list(ref),
            "provenance": _string(),
            "alternatives": _list(_object({
                "field": _string(), "value": {"$ref": "#/$defs/value"}, "source": _string(), "note": _string(),
            })),
            "doc_url": {"type": "string", "format": "uri",
                        "description": "The entry's page on the documentation site (present when the site's base URL is set)."},
            "parameters": {
                "type": "object", "propertyNames": {"pattern": PARAMETER_NAME.pattern},
                "additionalProperties": _object({"type": {"enum": ["string", "integer"]}, "description": _string()}),
                "description": "The values the message names as {name} (present when the entry declares some).",
            },
        }, optional=("doc_url", "parameters")),
        "catalog": _object({
            "id": {"type": "string", "pattern": CATALOG_ID},
            "title": _string(),
            "description": _string(),
            "publisher": _string(),
            "sources": _list({"$ref": "#/$defs/source"}),
            "values": {"enum": ["integer", "string"]},
            "open": {"type": "boolean", "description": "Whether clients must accept values the catalog does not list."},
            "fields": _list({"$ref": "#/$defs/field_decl"}),
            "notes": _list({"type": "string"}),
            "file": _string("The spec file, relative to the project file."),
            "entries": _list({"$ref": "#/$defs/entry"}),
            "reserved": _object({
                "values": _list({"$ref": "#/$defs/value"}),
                "ranges": _list({"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}),
                "names": _list({"type": "string", "pattern": ENTRY_NAME}),
            }, "Values, inclusive [first, last] ranges and names no entry may use; absent when none."),
        }, optional=("reserved",)),
        "envelope_property": _object({
            "name": _string(),
            "description": _string(),
            "required": {"type": "boolean"},
            "catalog": _nullable({"type": "string", "pattern": CATALOG_ID}),
            "use": {"enum": ["value", "name"]},
            "type": _nullable({"type": "string"}),
            "format": _nullable({"type": "string"}),
            "pattern": _nullable({"type": "string"}),
            "items": _nullable({"type": "string"}),
        }),
        "envelope": _object({
            "name": _string(),
            "description": _string(),
            "wrapper": _nullable({"type": "string"}),
            "body_name": _nullable({"type": "string"}),
            "properties": _list({"$ref": "#/$defs/envelope_property"}),
            "domain": {"type": "string", "description": "An AIP-193 error's ErrorInfo.domain (present on such envelopes)."},
        }, optional=("domain",)),
    }
    root = _object({
        "$schema": {"const": SCHEMA_FILE},
        "$comment": _string(),
        "format": {"const": FORMAT, "description": "Version of the bundle layout."},
        "spec_version": {"type": "string", "pattern": SEMVER},
        "catalogs": {"type": "object", "propertyNames": {"pattern": CATALOG_ID},
                     "additionalProperties": {"$ref": "#/$defs/catalog"}},
        "envelopes": {"type": "object", "additionalProperties": {"$ref": "#/$defs/envelope"}},
        HASH_KEY: {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$",
                   "description": "sha256 of the canonical serialization of the bundle without this key."},
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "$comment": generated_note(project_file),
        "title": "Catalog bundle",
        "description": (
            "Every catalog of the spec: entries, values, messages, declared fields, lifecycle, "
            "successors, catalog metadata and sources, the envelopes, the spec version and a content "
            "hash. Serialized canonically: sorted keys, indent 2, UTF-8, final newline."
        ),
        **root,
        "$defs": defs,
    }
