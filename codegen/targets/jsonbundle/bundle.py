"""The JSON bundle: every catalog as one canonical, hashed record.

The bundle is the published record that the compatibility gate compares against, so it is
complete (every field of the model, absent values spelled out as null or empty) and
canonical: objects are serialized with sorted keys, indent 2, UTF-8 text and a final
newline, so that its bytes change only when what it records changes. Lists keep the order
of the spec (entries in page order, fields and envelope properties in declared order);
collections whose order carries no meaning (catalogs, envelopes) are objects keyed by id.

`content_hash` is "sha256:" + the hex SHA-256 of the canonical serialization of the bundle
without its `content_hash` key: anyone can recompute it with `content_hash(bundle)`.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from typing import Any

import orjson

from codegen.model import (
    Alternative,
    Catalog,
    Entry,
    Envelope,
    EnvelopeProperty,
    FieldDecl,
    FieldValue,
    Ref,
    Source,
    Spec,
)
from codegen.targets import generated_note

Json = Any  # a JSON value: dict, list, str, int, bool or None

#: Version of the bundle layout (not of the spec): bumped when the shape changes.
FORMAT = 1
SCHEMA_FILE = "catalogs.schema.json"
BUNDLE_FILE = "catalogs.json"
HASH_KEY = "content_hash"


def canonical_json(obj: Json) -> str:
    """The one serialization of a JSON value: sorted keys, indent 2, UTF-8, final newline.

    orjson writes the same bytes as json.dumps(sort_keys=True, indent=2, ensure_ascii=False)
    ten times faster; integers beyond 64 bits, which it refuses, take the standard library.
    """
    try:
        return orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode("utf-8") + "\n"
    except TypeError:
        return json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False, separators=(",", ": "),
                          allow_nan=False) + "\n"


def compact_json(obj: object) -> str:
    """One line of JSON without spaces: orjson, or the standard library where orjson refuses."""
    try:
        return orjson.dumps(obj).decode("utf-8")
    except TypeError:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def content_hash(bundle: dict[str, Json]) -> str:
    """sha256 of the canonical bundle without its hash key."""
    data = {key: value for key, value in bundle.items() if key != HASH_KEY}
    return "sha256:" + hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def verify(bundle: dict[str, Json]) -> bool:
    """Whether the bundle's recorded hash is the hash of its data."""
    return bundle.get(HASH_KEY) == content_hash(bundle)


def _ref(spec: Spec, ref: Ref) -> dict[str, Json]:
    target = spec.resolve(ref)
    return {"catalog": ref.catalog, "name": ref.name, "value": target.value if target else None}


def _field_value(spec: Spec, value: FieldValue) -> Json:
    if isinstance(value, Ref):
        return _ref(spec, value)
    if isinstance(value, tuple):
        return [_ref(spec, item) for item in value]
    return value


def _source(source: Source) -> dict[str, Json]:
    return {"url": source.url, "title": source.title, "retrieved": source.retrieved, "note": source.note}


def _field_decl(decl: FieldDecl) -> dict[str, Json]:
    return {
        "name": decl.name,
        "type": decl.type,
        "description": decl.description,
        "required": decl.required,
        "min": decl.min,
        "max": decl.max,
        "enum": list(decl.enum) if decl.enum is not None else None,
        "pattern": decl.pattern,
        "catalog": decl.catalog,
    }


def _alternative(alt: Alternative) -> dict[str, Json]:
    return {"field": alt.field, "value": alt.value, "source": alt.source, "note": alt.note}


def _entry(spec: Spec, catalog: Catalog, entry: Entry) -> dict[str, Json]:
    dep = entry.deprecated
    ret = entry.retired
    return {
        "name": entry.name,
        "value": entry.value,
        "message": entry.message,
        "description": entry.description,
        "fields": {name: _field_value(spec, value) for name, value in entry.fields.items()},
        "since": entry.since,
        "status": entry.status,
        "deprecated": None if dep is None else {
            "since": dep.since,
            "replacement": _ref(spec, dep.replacement) if dep.replacement else None,
            "note": dep.note,
        },
        "retired": None if ret is None else {"since": ret.since, "note": ret.note},
        "successors": [_ref(spec, ref) for ref in entry.successors],
        "provenance": entry.provenance,
        "alternatives": [_alternative(alt) for alt in entry.alternatives],
        **({"doc_url": url} if (url := spec.doc_url(catalog.id, entry.name)) else {}),
        # Present only where an entry declares some, so older bundles stay valid and unchanged.
        **({"parameters": {p.name: {"type": p.type, "description": p.description} for p in entry.parameters}}
           if entry.parameters else {}),
    }


def _catalog(spec: Spec, catalog: Catalog) -> dict[str, Json]:
    out = {
        "id": catalog.id,
        "title": catalog.title,
        "description": catalog.description,
        "publisher": catalog.publisher,
        "sources": [_source(s) for s in catalog.sources],
        "values": catalog.values,
        "open": catalog.open,
        "fields": [_field_decl(f) for f in catalog.fields],
        "notes": list(catalog.notes),
        "file": catalog.file,
        "entries": [_entry(spec, catalog, e) for e in catalog.entries],
    }
    if catalog.reserved:  # present only where a catalog reserves something, so older bundles stay valid
        res = catalog.reserved
        out["reserved"] = {"values": list(res.values), "ranges": [list(r) for r in res.ranges], "names": list(res.names)}
    return out


def _property(prop: EnvelopeProperty) -> dict[str, Json]:
    return {
        "name": prop.name,
        "description": prop.description,
        "required": prop.required,
        "catalog": prop.catalog,
        "use": prop.use,
        "type": prop.type,
        "format": prop.format,
        "pattern": prop.pattern,
        "items": prop.items,
    }


def _envelope(envelope: Envelope) -> dict[str, Json]:
    return {
        "name": envelope.name,
        "description": envelope.description,
        "wrapper": envelope.wrapper,
        "body_name": envelope.body_name,
        "properties": [_property(p) for p in envelope.properties],
        # AIP-193's ErrorInfo.domain; present only on such envelopes, so older bundles stay valid.
        **({"domain": envelope.domain} if envelope.domain else {}),
    }


_MEMO: dict[int, tuple[weakref.ref[Spec], dict[str, Json], list[str]]] = {}


def _memo(spec: Spec) -> tuple[dict[str, Json], list[str]]:
    cached = _MEMO.get(id(spec))
    if cached is not None and cached[0]() is spec:
        return cached[1], cached[2]
    bundle: dict[str, Json] = _build(spec)
    _MEMO.clear()
    _MEMO[id(spec)] = (weakref.ref(spec), bundle, [])
    return bundle, _MEMO[id(spec)][2]


def build_bundle(spec: Spec) -> dict[str, Json]:
    """The whole spec as one JSON-ready dict, hash included (built once per spec: three targets ship it)."""
    return _memo(spec)[0]


def bundle_text(spec: Spec) -> str:
    """The canonical text of the bundle, serialised once per spec and shared by every target."""
    bundle, text = _memo(spec)
    if not text:
        text.append(canonical_json(bundle))
    return text[0]


def _build(spec: Spec) -> dict[str, Json]:
    bundle: dict[str, Json] = {
        "$schema": SCHEMA_FILE,
        "$comment": generated_note(spec.project_file),
        "format": FORMAT,
        "spec_version": spec.version,
        "catalogs": {c.id: _catalog(spec, c) for c in spec.catalogs},
        "envelopes": {e.name: _envelope(e) for e in spec.envelopes},
    }
    bundle[HASH_KEY] = content_hash(bundle)
    return bundle
