"""Components of the standard error shapes: RFC 9457 problems and AIP-193 (google.rpc.Status) errors.

An RFC 9457 envelope is one `Problem`-like object schema (type, title, status, detail,
instance and the catalog value as the extension member `code`), served as
`application/problem+json`; each entry's `type` URI is the base plus its stable page address.
An AIP-193 envelope is Google's HTTP mapping of google.rpc.Status, `{"error": {code, message,
status, details}}`, whose details carry an ErrorInfo (reason = the catalog value, domain,
metadata) and a Help link to the entry's page. Both keep the catalog open where it is open.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from codegen.model import Envelope, EnvelopeProperty, Spec
from codegen.naming import pascal
from codegen.standards import (
    ERROR_INFO_TYPE,
    HELP_TYPE,
    PROBLEM_MEDIA_TYPE,
    PROBLEM_MEMBER,
    Kind,
    kinds,
    status_name,
)

Json = Any
HTTP_STATUS = {"type": "integer", "minimum": 100, "maximum": 599}


def schema_names(envelope: Envelope) -> list[str]:
    """The component schema names a standard envelope takes."""
    if envelope.standard == "aip193":
        return [envelope.name, *(envelope.name + part for part in ("Status", "ErrorInfo", "Help"))]
    return [envelope.name]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _catalog_property(spec: Spec, names: Any, envelope: Envelope, version: str, description: str) -> Json:
    from codegen.targets.openapi.document import property_schema

    prop = EnvelopeProperty(name="", description=description, catalog=envelope.catalog)
    return property_schema(spec, names, prop, version)


def problem_schemas(spec: Spec, names: Any, envelope: Envelope, version: str) -> dict[str, Json]:
    """RFC 9457 section 3: the standard members plus the catalog value as an extension member."""
    return {envelope.name: {
        "type": "object",
        "description": f"{envelope.description} An RFC 9457 problem (application/problem+json).",
        "required": ["type", "title", "status", PROBLEM_MEMBER],
        "properties": {
            "type": {"type": "string", "format": "uri-reference",
                     "description": "Identifies the kind of problem: the entry's stable documentation address."},
            "title": {"type": "string", "description": "Short summary of the kind of problem: the entry's message."},
            "status": {**HTTP_STATUS, "description": "The HTTP status of this occurrence."},
            "detail": {"type": "string", "description": "Explanation specific to this occurrence."},
            "instance": {"type": "string", "format": "uri-reference",
                         "description": "Identifies this occurrence of the problem."},
            "parameters": {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                           "description": "The values the kind's message names, by parameter name (the detail is the message they fill in)."},
            PROBLEM_MEMBER: _catalog_property(spec, names, envelope, version,
                                              f"The {envelope.catalog} value of this kind of problem."),
        },
        "additionalProperties": True,
    }}


def aip193_schemas(spec: Spec, names: Any, envelope: Envelope, version: str) -> dict[str, Json]:
    """AIP-193 in Google's HTTP/JSON mapping: {error: google.rpc.Status} with ErrorInfo and Help."""
    name = envelope.name
    status: Json = {"type": "string", "pattern": "^[A-Z][A-Z0-9_]*$"}
    if envelope.status_catalog:
        status = _ref(names.values[envelope.status_catalog])
    detail_types = [_ref(name + "ErrorInfo"), _ref(name + "Help"),
                    {"type": "object", "required": ["@type"], "description": "Any other google.rpc detail.",
                     "properties": {"@type": {"type": "string", "not": {"enum": [ERROR_INFO_TYPE, HELP_TYPE]}}}}]
    return {
        name: {"type": "object", "description": f"{envelope.description} An AIP-193 error (google.rpc.Status).",
               "required": ["error"], "properties": {"error": _ref(name + "Status")}},
        name + "Status": {
            "type": "object", "description": f"The google.rpc.Status of {name}.",
            "required": ["code", "message", *(["status"] if envelope.status_catalog else []), "details"],
            "properties": {
                "code": {**HTTP_STATUS, "description": "The HTTP status of the response."},
                "message": {"type": "string", "description": "Developer-facing explanation (the entry's message)."},
                "status": status,
                "details": {"type": "array", "items": {"anyOf": detail_types},
                            "description": "An ErrorInfo with the reason, a Help link, and any other details."},
            },
        },
        name + "ErrorInfo": {
            "type": "object", "description": "google.rpc.ErrorInfo: why the error happened.",
            "required": ["@type", "reason", "domain"],
            "properties": {
                "@type": {"type": "string", "enum": [ERROR_INFO_TYPE]},
                "reason": _catalog_property(spec, names, envelope, version, f"The {envelope.catalog} value."),
                "domain": {"type": "string", "enum": [envelope.domain]},
                "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        },
        name + "Help": {
            "type": "object", "description": "google.rpc.Help: where the reason is documented.",
            "required": ["@type", "links"],
            "properties": {
                "@type": {"type": "string", "enum": [HELP_TYPE]},
                "links": {"type": "array", "items": {
                    "type": "object", "required": ["url"],
                    "properties": {"description": {"type": "string"}, "url": {"type": "string"}}}},
            },
        },
    }


def standard_schemas(spec: Spec, names: Any, envelope: Envelope, version: str) -> dict[str, Json]:
    """The component schemas of a standard envelope."""
    build = aip193_schemas if envelope.standard == "aip193" else problem_schemas
    return build(spec, names, envelope, version)


def example(spec: Spec, envelope: Envelope, kind: Kind) -> Json:
    """The payload of one kind of error in the envelope's standard shape."""
    if envelope.standard == "rfc9457":
        return {"type": kind.address, "title": kind.title, "status": kind.status, PROBLEM_MEMBER: kind.entry.value}
    error: dict[str, Json] = {"code": kind.status, "message": kind.title}
    status = status_name(spec, envelope, kind.status)
    if status is not None:
        error["status"] = status
    error["details"] = [
        {"@type": ERROR_INFO_TYPE, "reason": kind.entry.value, "domain": envelope.domain, "metadata": {}},
        {"@type": HELP_TYPE, "links": [{"description": kind.title, "url": kind.address}]},
    ]
    return {"error": error}


def standard_responses(spec: Spec, envelope: Envelope) -> dict[str, Json]:
    """components/responses: one per HTTP status (an example per entry) and one for any status."""
    media = PROBLEM_MEDIA_TYPE if envelope.standard == "rfc9457" else "application/json"
    by_code: dict[int, list[Kind]] = {}
    for kind in kinds(spec, envelope):
        if kind.status is not None:
            by_code.setdefault(kind.status, []).append(kind)
    out: dict[str, Json] = {envelope.name: {
        "description": f"Any error of {envelope.name} ({media}).",
        "content": {media: {"schema": _ref(envelope.name)}},
    }}
    for code in sorted(by_code):
        phrase = HTTPStatus(code).phrase if code in HTTPStatus._value2member_map_ else f"Status {code}"
        examples = {str(k.entry.value): {"summary": k.title, "value": example(spec, envelope, k)} for k in by_code[code]}
        out[envelope.name + pascal(phrase.replace("-", " ").replace("'", ""))] = {
            "description": f"HTTP {code} {phrase}: {envelope.name} for {', '.join(examples)} (or a kind published later).",
            "content": {media: {"schema": _ref(envelope.name), "examples": examples}},
        }
    return out
