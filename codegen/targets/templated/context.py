"""The template context: the neutral model as plain data, names already transformed.

Its shape is versioned (CONTEXT_VERSION) and described by context.schema.json beside this
file; `codegen context` prints both. A change that removes or renames a field, or changes
what one means, raises the version; adding a field does not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, Envelope, FieldValue, Ref, Spec
from codegen.naming import Naming, catalog_ids, check_collisions, entry_names, field_names
from codegen.targets import generated_note

CONTEXT_VERSION = 1
SCHEMA_FILE = Path(__file__).resolve().parent / "context.schema.json"
_ENTRY_KINDS = ("member", "field")  # the kinds named per entry or per field, not per catalog

Json = dict[str, Any]


@cache
def context_schema() -> Json:
    """The JSON Schema of the context (for template authors and the tests)."""
    schema: Json = json.loads(SCHEMA_FILE.read_text("utf-8"))
    return schema


def build(spec: Spec, naming_name: str, rules: Mapping[str, Naming]) -> tuple[Json, list[Diagnostic]]:
    """The whole context for one naming; collisions after naming are diagnostics."""
    diags: list[Diagnostic] = []
    catalog_names: dict[str, dict[str, str]] = {c.id: {} for c in spec.catalogs}
    for kind, rule in rules.items():
        if kind in _ENTRY_KINDS:
            continue
        named, found = check_collisions(rule, catalog_ids(spec.catalogs), "the output")
        diags += found
        for cid, ident in named.items():
            catalog_names[cid][kind] = ident
    catalogs = []
    for catalog in spec.catalogs:
        view, found = _catalog(catalog, catalog_names[catalog.id], rules)
        catalogs.append(view)
        diags += found
    context: Json = {
        "context_version": CONTEXT_VERSION,
        "version": spec.version,
        "project_file": spec.project_file,
        "generated_note": generated_note(spec.project_file),
        "naming": naming_name,
        "catalogs": catalogs,
        "envelopes": [_envelope(e) for e in spec.envelopes],
    }
    return context, diags


def _catalog(catalog: Catalog, names: dict[str, str], rules: Mapping[str, Naming]) -> tuple[Json, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    idents = {e.name: e.name for e in catalog.entries}
    if "member" in rules:
        idents, diags = check_collisions(rules["member"], entry_names(catalog),
                                         f"catalog {catalog.id}")
    field_idents = {f.name: f.name for f in catalog.fields}
    if "field" in rules:
        field_idents, more = check_collisions(rules["field"], field_names(catalog),
                                              f"the fields of catalog {catalog.id}")
        diags += more
    view: Json = {
        "id": catalog.id, "title": catalog.title, "publisher": catalog.publisher, "value_type": catalog.values,
        "open": catalog.open, "file": catalog.file, "generated_note": generated_note(catalog.file),
        "description": catalog.description, "notes": list(catalog.notes), "names": names,
        "sources": [{"url": s.url, "title": s.title, "retrieved": s.retrieved, "note": s.note} for s in catalog.sources],
        "ranges": [{"name": r.name, "min": r.min, "max": r.max, "description": r.description} for r in catalog.ranges],
        "fields": [{"name": f.name, "ident": field_idents[f.name], "type": f.type, "description": f.description,
                    "required": f.required, "catalog": f.catalog} for f in catalog.fields],
        "entries": [_entry(e, idents[e.name]) for e in catalog.entries],
    }
    return view, diags


def _entry(entry: Entry, ident: str) -> Json:
    dep, ret = entry.deprecated, entry.retired
    return {
        "name": entry.name, "ident": ident, "value": entry.value, "message": entry.message,
        "description": entry.description, "since": entry.since, "status": entry.status,
        "deprecated": {"since": dep.since, "replacement": str(dep.replacement) if dep.replacement else None,
                       "note": dep.note} if dep else None,
        "retired": {"since": ret.since, "note": ret.note} if ret else None,
        "successors": [str(r) for r in entry.successors],
        "fields": {name: _field_value(value) for name, value in entry.fields.items()},
        "provenance": entry.provenance,
        "line": entry.line,
    }


def _field_value(value: FieldValue) -> Any:
    """References as `catalog.NAME` strings, lists of them as lists."""
    if isinstance(value, Ref):
        return str(value)
    if isinstance(value, tuple):
        return [str(r) for r in value]
    return value


def _envelope(envelope: Envelope) -> Json:
    return {
        "name": envelope.name, "description": envelope.description, "wrapper": envelope.wrapper,
        "body_name": envelope.body_name,
        "properties": [{"name": p.name, "description": p.description, "required": p.required, "catalog": p.catalog,
                        "use": p.use, "type": p.type, "format": p.format, "pattern": p.pattern, "items": p.items}
                       for p in envelope.properties],
    }
