"""The OpenAPI fragment as data: components that another API document can $ref.

Decisions:

* Two documents from one builder: OpenAPI 3.1.0 (catalogs.openapi.yaml) and 3.0.3
  (catalogs.openapi-3.0.yaml). A document may only $ref schemas of its own dialect, and
  widely used generators still read 3.0 only (oapi-codegen / kin-openapi, Swagger Codegen,
  AutoRest; openapi-generator's 3.1 support is partial). The two differ in the version line
  and in 3.0's rule that siblings of $ref are ignored (3.1 keeps a description beside it).
* Catalog schemas are closed enums of the published values, with the per-value vocabulary
  generators read: `x-enum-varnames` and `x-enum-descriptions` (openapi-typescript,
  datamodel-code-generator, openapi-generator, NSwag's x-enumNames twin). OpenAPI has no
  per-value `deprecated`, and no common extension for it. So deprecation is carried as a
  prefix of the value's x-enum-descriptions text ("Deprecated since 1.0.0; use ..."), which
  every generator that reads descriptions copies into its doc comments; as `x-deprecated`,
  the list of deprecated or retired values, the one per-value form a generator is known to
  read (Micronaut's, which marks those constants @Deprecated; OpenAPI Generator does not);
  and as `x-enum-deprecated` (the same list) with `x-enum-lifecycle` (since/replacement per
  value) for tools and linters.
* Open catalogs stay open where they are used: a property whose catalog is open is
  `anyOf: [{$ref: <the closed enum>}, <the base type>]`. Validators accept values added
  later (the second branch), generators still see the named enum of every published
  value (openapi-typescript emits `VoipbinReason | string`, datamodel-code-generator
  `VoipbinReason | constr(...)`). `x-extensible-enum` and plain `enum` were rejected: the
  first is read by almost no generator, the second rejects future reasons. `oneOf` is
  wrong here because a published reason matches both branches. The open string branch
  keeps the published contract (UPPER_SNAKE) as its pattern.
* Page addresses (when the docs target gives the site's base URL): `externalDocs` is the
  OpenAPI field for "more documentation", but it sits on a schema, never on one enum value.
  So the catalog schema's `externalDocs` points at the catalog's page (Swagger UI, Redoc and
  most generators show it), and each value's page is carried where per-value data already
  lives: at the end of its x-enum-descriptions text, `(see <address>)`, which generators copy
  into the value's doc comment, and in `x-enum-doc-urls`, a list parallel to x-enum-varnames
  for tools that want the address itself.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterator
from functools import partial
from http import HTTPStatus
from typing import Any

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, Envelope, EnvelopeProperty, Spec
from codegen.naming import pascal
from codegen.targets import generated_note
from codegen.targets.openapi.standards import schema_names, standard_responses, standard_schemas

Json = Any

OPENAPI_31 = "3.1.0"
OPENAPI_30 = "3.0.3"
#: The open branch of a string catalog: the published "UPPER_SNAKE" contract, leniently.
UPPER_SNAKE = "^[A-Z][A-Z0-9_]*$"
HTTP_STATUS_FIELD = "http_status"


def schema_ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


class Names:
    """Component names: a catalog's schema is its id in PascalCase, or + "Code" when an
    envelope already has that name (infobip_voice_error vs the InfobipVoiceError object);
    the names of an integer catalog used by name are that schema's name + "Name"
    (InfobipVoiceErrorCodeName), never `<Envelope><Property>`, which generators derive."""

    def __init__(self, spec: Spec) -> None:
        taken = {e.name for e in spec.envelopes} | {e.body_name for e in spec.envelopes if e.body_name}
        taken |= {name for e in spec.envelopes if e.standard for name in schema_names(e)}
        self.values: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for catalog in spec.catalogs:
            base = pascal(catalog.id)
            self.values[catalog.id] = base + "Code" if base in taken else base
            self.names[catalog.id] = self.values[catalog.id] + "Name"

    def all(self) -> list[str]:
        return [*self.values.values(), *self.names.values()]


def _key(name: str) -> str:
    """How generators compare type names: case and separators do not count."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _owners(spec: Spec, names: Names) -> dict[str, str]:
    """Who each component name belongs to, with its location, for diagnostics."""
    owners: dict[str, str] = {}
    for envelope in spec.envelopes:
        owners[envelope.name] = f"envelope {envelope.name} ({spec.project_file}:{envelope.line})"
        if envelope.wrapper:
            body = envelope.body_name or f"{envelope.name}Body"
            owners[body] = f"the body of envelope {envelope.name} ({spec.project_file}:{envelope.line})"
    for catalog in spec.catalogs:
        for name in (names.values[catalog.id], names.names[catalog.id]):
            owners.setdefault(name, f"catalog {catalog.id} ({catalog.file}:1)")
    return owners


def derived_name_clashes(spec: Spec, names: Names, schemas: dict[str, Json]) -> list[Diagnostic]:
    """Component names equal to a name generators derive for a property's inline schema,
    `<Schema><Property>` (OpenAPI Generator, orval, openapi-python-client): they would emit one
    type for both, or one that contains itself. Case and separators do not count."""
    by_key = {_key(name): name for name in schemas}
    owners = _owners(spec, names)
    diags: list[Diagnostic] = []
    for envelope, holder, prop, line in _inline_properties(spec, schemas):
        derived = holder + pascal(prop)
        clash = by_key.get(_key(derived))
        if clash is None:
            continue
        where = f"{envelope.name}.{prop}" if holder in (envelope.name, envelope.body_name, f"{envelope.name}Body") \
            else f"{holder}.{prop} (a schema of the {envelope.standard} envelope {envelope.name})"
        diags.append(Diagnostic(
            spec.project_file, line, 1, "O003",
            f"OpenAPI schema '{clash}' of {owners.get(clash, clash)} has the name generators "
            f"derive for the inline schema of {where} ('{derived}')",
            "rename the property, the envelope or the catalog"))
    return diags


def _inline_properties(spec: Spec, schemas: dict[str, Json]) -> Iterator[tuple[Envelope, str, str, int]]:
    """(envelope, schema, property, line) of each envelope schema's property with an inline
    schema: a property that only $refs a component gets no derived name. A standard shape's
    properties are located at its envelope."""
    for envelope in spec.envelopes:
        if envelope.standard:
            holders: list[tuple[str, dict[str, int]]] = [(name, {}) for name in schema_names(envelope)]
        else:
            body = (envelope.body_name or f"{envelope.name}Body") if envelope.wrapper else envelope.name
            holders = [(body, {p.name: p.line for p in envelope.properties})]
        for holder, lines in holders:
            for prop, inline in schemas[holder].get("properties", {}).items():
                if not set(inline) <= {"$ref", "description"}:
                    yield envelope, holder, prop, lines.get(prop) or envelope.line


def _lifecycle_text(spec: Spec, entry: Entry) -> str:
    if entry.retired:
        note = f" {entry.retired.note}" if entry.retired.note else ""
        return f"Retired since {entry.retired.since}: value reserved, never reused.{note} "
    if entry.deprecated:
        dep = entry.deprecated
        text = f"Deprecated since {dep.since}"
        if dep.replacement:
            target = spec.resolve(dep.replacement)
            shown = f" ({target.value})" if target and target.value != dep.replacement.name else ""
            text += f"; use {dep.replacement}{shown}"
        return text + ". "
    return ""


def _value_description(spec: Spec, catalog: Catalog, entry: Entry) -> str:
    text = _lifecycle_text(spec, entry) + entry.message
    url = spec.doc_url(catalog.id, entry.name)
    return text if url is None else f"{text} (see {url})"


def _doc_links(spec: Spec, catalog: Catalog, schema: dict[str, Json]) -> dict[str, Json]:
    """The catalog's page as the schema's externalDocs, each value's page in x-enum-doc-urls."""
    page = spec.doc_url(catalog.id)
    if page is not None:
        schema["externalDocs"] = {"description": f"{catalog.title} on the documentation site", "url": page}
        schema["x-enum-doc-urls"] = [spec.doc_url(catalog.id, e.name) for e in catalog.entries]
    return schema


def _lifecycle(spec: Spec, entries: list[Entry], key: str) -> dict[str, Json]:
    """Per deprecated or retired value (keyed by str(value) or name): since, replacement."""
    out: dict[str, Json] = {}
    for entry in entries:
        ident = entry.name if key == "name" else str(entry.value)
        if entry.retired:
            out[ident] = {"status": "retired", "since": entry.retired.since}
        elif entry.deprecated:
            info: dict[str, Json] = {"status": "deprecated", "since": entry.deprecated.since}
            if entry.deprecated.replacement:
                info["replacement"] = str(entry.deprecated.replacement)
            out[ident] = info
    return out


def _catalog_description(catalog: Catalog) -> str:
    text = catalog.description or f"{catalog.title}."
    if catalog.open:
        text += (" Open catalog: this schema lists the published values; properties that carry "
                 "it also accept values published later.")
    return text


def _lifecycle_extensions(spec: Spec, catalog: Catalog, schema: dict[str, Json], key: str) -> dict[str, Json]:
    """Deprecation in every form a reader may look for, then the catalog's provenance.

    `deprecated: true` on the schema when every value is deprecated or retired (generators
    mark the whole type); per value, the lifecycle text leads x-enum-descriptions (doc
    comments), x-deprecated lists it for Micronaut's generator, and x-enum-deprecated /
    x-enum-lifecycle for tools and linters.
    """
    old = [e for e in catalog.entries if e.status != "active"]
    if old and len(old) == len(catalog.entries):
        schema["deprecated"] = True
    if old:
        schema["x-enum-deprecated"] = [e.name if key == "name" else e.value for e in old]
        schema["x-deprecated"] = list(schema["x-enum-deprecated"])  # Micronaut's generator: @Deprecated per constant
        schema["x-enum-lifecycle"] = _lifecycle(spec, old, key)
    schema["x-catalog"] = _x_catalog(catalog)
    return schema


def catalog_schema(spec: Spec, catalog: Catalog) -> dict[str, Json]:
    """The closed enum of a catalog's values, with per-value names, descriptions, lifecycle.

    No title: openapi-python-client names a class after a schema's title, every other
    generator after its component name; without one all agree.
    """
    entries = list(catalog.entries)
    schema: dict[str, Json] = {
        "description": _catalog_description(catalog),
        "type": catalog.values,
        "enum": [e.value for e in entries],
        "x-enum-varnames": [e.name for e in entries],
        "x-enum-descriptions": [_value_description(spec, catalog, e) for e in entries],
    }
    return _lifecycle_extensions(spec, catalog, _doc_links(spec, catalog, schema), "value")


def names_schema(spec: Spec, catalog: Catalog) -> dict[str, Json]:
    """The entry names of an integer catalog, for properties that carry the name."""
    entries = list(catalog.entries)
    schema: dict[str, Json] = {
        "description": f"Symbolic names of {catalog.id}. {_catalog_description(catalog)}",
        "type": "string",
        "enum": [e.name for e in entries],
        "x-enum-varnames": [e.name for e in entries],
        "x-enum-descriptions": [f"{e.value}: {_value_description(spec, catalog, e)}" for e in entries],
    }
    return _lifecycle_extensions(spec, catalog, _doc_links(spec, catalog, schema), "name")


def _x_catalog(catalog: Catalog) -> dict[str, Json]:
    """The catalog's title (schemas carry none) and where the values come from: the publisher
    only for someone else's catalog."""
    out: dict[str, Json] = {"id": catalog.id, "title": catalog.title}
    if catalog.publisher:
        out["publisher"] = catalog.publisher
    return out | {"open": catalog.open, "sources": [s.url for s in catalog.sources]}


def _with_description(schema: dict[str, Json], description: str, version: str) -> dict[str, Json]:
    if not description:
        return schema
    if "$ref" in schema and version == OPENAPI_30:
        return schema  # 3.0 ignores siblings of $ref
    return {**schema, "description": description}


def property_schema(spec: Spec, names: Names, prop: EnvelopeProperty, version: str) -> dict[str, Json]:
    """One envelope property: a catalog (open ones stay open) or a plain typed value."""
    if prop.catalog:
        catalog = spec.catalog(prop.catalog)
        assert catalog is not None, prop.catalog  # the loader checked the reference
        by_name = prop.use == "name" and catalog.values == "integer"
        ref = schema_ref(names.names[catalog.id] if by_name else names.values[catalog.id])
        if not catalog.open:
            return _with_description(ref, prop.description, version)
        base: dict[str, Json] = (
            {"type": "integer"} if catalog.values == "integer" and not by_name
            else {"type": "string", "pattern": UPPER_SNAKE}
        )
        return _with_description({"anyOf": [ref, base]}, prop.description, version)
    schema: dict[str, Json] = {"type": prop.type or "string"}
    if prop.type == "array":
        schema["items"] = {"type": prop.items or "string"}
    if prop.format:
        schema["format"] = prop.format
    if prop.pattern:
        schema["pattern"] = prop.pattern
    return _with_description(schema, prop.description, version)


def _object(spec: Spec, names: Names, envelope: Envelope, version: str, description: str) -> dict[str, Json]:
    schema: dict[str, Json] = {"type": "object"}
    if description:
        schema["description"] = description
    required = [p.name for p in envelope.properties if p.required]
    if required:
        schema["required"] = required
    schema["properties"] = {p.name: property_schema(spec, names, p, version) for p in envelope.properties}
    return schema


def envelope_schemas(spec: Spec, names: Names, envelope: Envelope, version: str) -> dict[str, Json]:
    """The envelope's schema and, for a wrapped one, its body's."""
    if not envelope.wrapper:
        return {envelope.name: _object(spec, names, envelope, version, envelope.description)}
    body = envelope.body_name or f"{envelope.name}Body"
    return {
        envelope.name: {
            "type": "object",
            "description": envelope.description,
            "required": [envelope.wrapper],
            "properties": {envelope.wrapper: schema_ref(body)},
        },
        body: _object(spec, names, envelope, version, f"The body of {envelope.name}, under '{envelope.wrapper}'."),
    }


def _http_catalog(spec: Spec, prop: EnvelopeProperty) -> Catalog | None:
    catalog = spec.catalog(prop.catalog) if prop.catalog else None
    if catalog and any(f.name == HTTP_STATUS_FIELD and f.type == "integer" for f in catalog.fields):
        return catalog
    return None


def _request_id(seed: str, pattern: str | None) -> str | None:
    """A deterministic example id that matches the property's pattern, if one of ours does."""
    digest = base64.b32encode(hashlib.sha256(seed.encode()).digest()).decode()
    for candidate in (f"req_{digest[:26]}", digest[:26]):
        if pattern is None or re.fullmatch(pattern, candidate):
            return candidate
    return None


def error_responses(spec: Spec, envelope: Envelope, project_file: str) -> tuple[dict[str, Json], list[Diagnostic]]:
    """components/responses: one per HTTP status of the envelope's reasons, one example per reason.

    The envelope's closed catalog with an http_status field is its status (1:1 with HTTP),
    the open one its reason; an envelope without both produces no responses.
    """
    diags: list[Diagnostic] = []
    status_prop = next((p for p in envelope.properties if (c := _http_catalog(spec, p)) and not c.open), None)
    reason_prop = next((p for p in envelope.properties if (c := _http_catalog(spec, p)) and c.open), None)
    if not envelope.wrapper or status_prop is None or reason_prop is None:
        return {}, diags
    statuses = spec.catalog(status_prop.catalog or "")
    reasons = spec.catalog(reason_prop.catalog or "")
    assert statuses is not None and reasons is not None
    by_code: dict[int, list[Entry]] = {}
    for reason in reasons.entries:
        code = reason.fields.get(HTTP_STATUS_FIELD)
        if isinstance(code, int) and not isinstance(code, bool) and reason.status != "retired":
            by_code.setdefault(code, []).append(reason)
    responses: dict[str, Json] = {}
    for code in sorted(by_code):
        phrase = HTTPStatus(code).phrase if code in HTTPStatus._value2member_map_ else f"Status {code}"
        candidates = [s.name for s in statuses.entries if s.fields.get(HTTP_STATUS_FIELD) == code]
        if not candidates:
            first = reasons.entries.index(by_code[code][0])
            diags.append(Diagnostic(*reasons.at("entries", first, "fields", HTTP_STATUS_FIELD), "O001",
                                    f"no {statuses.id} entry has http_status {code}",
                                    f"add the status of HTTP {code} to {statuses.id}", "warning"))
        examples: dict[str, Json] = {}
        for reason in by_code[code]:
            body: dict[str, Json] = {}
            for prop in envelope.properties:
                if prop is status_prop:
                    if candidates:
                        body[prop.name] = candidates[0]
                elif prop is reason_prop:
                    body[prop.name] = reason.value
                elif prop.required and prop.pattern:
                    rid = _request_id(reason.name, prop.pattern)
                    if rid is not None:
                        body[prop.name] = rid
                elif prop.required and (prop.type or "string") == "string":
                    body[prop.name] = reason.message
            example: dict[str, Json] = {"summary": reason.message}
            text = reason.description or reason.message
            if len(candidates) > 1:
                text += (f" (HTTP {code} carries status {' or '.join(candidates)}; the spec does not record "
                         f"which one this reason uses, the example shows {candidates[0]}.)")
            example["description"] = text
            example["value"] = {envelope.wrapper: body}
            examples[str(reason.value)] = example
        listed = "\n".join(f"- `{r.value}`: {r.message}" for r in by_code[code])
        responses[pascal(phrase.replace("-", " ").replace("'", ""))] = {
            "description": (f"HTTP {code} {phrase}: the {envelope.name} envelope with status "
                            f"{' or '.join(candidates) or '(none)'} and one of these reasons "
                            f"(or one published later):\n\n{listed}"),
            "x-status": candidates,
            "x-reasons": [r.value for r in by_code[code]],
            "content": {"application/json": {
                "schema": schema_ref(envelope.name),
                "examples": examples,
            }},
        }
    return responses, diags


def _license_and_contact(settings: dict[str, Any], version: str) -> dict[str, Json]:
    """info.license (an SPDX id: `identifier` in 3.1, its SPDX page as `url` in 3.0) and info.contact."""
    out: dict[str, Json] = {}
    spdx = settings.get("license")
    if isinstance(spdx, str):
        out["license"] = ({"name": spdx, "identifier": spdx} if version == OPENAPI_31
                          else {"name": spdx, "url": f"https://spdx.org/licenses/{spdx}.html"})
    contact = settings.get("contact")
    if isinstance(contact, dict):
        out["contact"] = {k: contact[k] for k in ("name", "url", "email") if k in contact}
    return out


def _name_clashes(spec: Spec, names: Names) -> list[Diagnostic]:
    """O002 for every schema name that two envelopes or catalogs would both take, located at
    the later one and naming every one of them with where it is written."""
    owners: dict[str, list[tuple[str, Callable[[], tuple[str, int, int]]]]] = {}
    for e in spec.envelopes:
        owners.setdefault(e.name, []).append((f"envelope {e.name}", partial(spec.at, "envelopes", e.name, key=True)))
        for part in schema_names(e)[1:] if e.standard else ():
            owners.setdefault(part, []).append(
                (f"the {part[len(e.name):]} of envelope {e.name}", partial(spec.at, "envelopes", e.name, "standard")))
        if e.body_name:
            owners.setdefault(e.body_name, []).append(
                (f"the body of envelope {e.name}", partial(spec.at, "envelopes", e.name, "body_name")))
    for c in spec.catalogs:
        where = partial(c.at, "catalog", "id")
        owners.setdefault(names.values[c.id], []).append((f"catalog {c.id}", where))
        owners.setdefault(names.names[c.id], []).append((f"the names of catalog {c.id}", where))
    diags = []
    for name, found in sorted(owners.items()):
        if len(found) > 1:
            places = [(what, where()) for what, where in found]
            listed = "; ".join(f"{what} ({file}:{line})" for what, (file, line, _) in places)
            diags.append(Diagnostic(*places[-1][1], "O002", f"OpenAPI schema name '{name}' is used twice: {listed}",
                                    "rename the envelope or the catalog"))
    return diags


def build_document(spec: Spec, version: str = OPENAPI_31,
                   filename: str = "catalogs.openapi.yaml") -> tuple[dict[str, Json], list[Diagnostic]]:
    """The whole fragment: info, empty paths, component schemas and responses."""
    names = Names(spec)
    diags: list[Diagnostic] = []
    diags += _name_clashes(spec, names)
    settings = spec.targets.get("openapi", {})
    note = generated_note(spec.project_file)
    schemas: dict[str, Json] = {}
    for envelope in spec.envelopes:
        build = standard_schemas if envelope.standard else envelope_schemas
        schemas.update(build(spec, names, envelope, version))
    by_name_used = {p.catalog for e in spec.envelopes for p in e.properties if p.catalog and p.use == "name"}
    for catalog in spec.catalogs:
        schemas[names.values[catalog.id]] = catalog_schema(spec, catalog)
        if catalog.id in by_name_used and catalog.values == "integer":
            schemas[names.names[catalog.id]] = names_schema(spec, catalog)
    diags += derived_name_clashes(spec, names, schemas)
    responses: dict[str, Json] = {}
    for envelope in spec.envelopes:
        if envelope.standard:
            responses.update(standard_responses(spec, envelope))
            continue
        found, more = error_responses(spec, envelope, spec.project_file)
        responses.update(found)
        diags += more
    example = next((e.name for e in spec.envelopes), next(iter(schemas), ""))
    doc: dict[str, Json] = {
        "openapi": version,
        "info": {
            "title": settings.get("title", "Catalogs"),
            "version": spec.version,
            "description": (
                "Components only: $ref the schemas and responses of this document from an API "
                f"document (e.g. `{filename}#/components/schemas/{example}`). {note}"
            ),
            **_license_and_contact(settings, version),
            "x-generated-by": note,
        },
        "paths": {},
        "components": {"schemas": schemas, "responses": responses},
    }
    return doc, diags
