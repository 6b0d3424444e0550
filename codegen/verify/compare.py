"""Load each generated target natively and compare what it carries with the spec.

Every target is reduced to the same neutral shape, one row per entry:
name, value, message, description, since, status, deprecated, retired,
successors and the declared field values in declaration order. References
are rendered the way each target renders them (Python: the entry name;
TypeScript and JSON: name and value). A difference is reported with the
target, the catalog and the entry named.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from codegen.model import Catalog, Entry, Ref, Spec

Row = dict[str, Any]
Table = dict[str, list[Row]]  # catalog id -> rows in spec order


@dataclass
class TargetResult:
    """What verifying one target found."""

    target: str
    differences: list[str] = field(default_factory=list)
    skipped: str = ""  # the reason, when the toolchain is missing
    entries: int = 0


def _ref(spec: Spec, ref: Ref, style: str) -> object:
    if style == "name":
        return ref.name
    target = spec.resolve(ref)
    if style == "value":
        return None if target is None else target.value
    return {"catalog": ref.catalog, "name": ref.name, "value": None if target is None else target.value}


def _expected_row(spec: Spec, catalog: Catalog, entry: Entry, style: str) -> Row:
    fields: list[object] = []
    for decl in catalog.fields:
        value = entry.fields.get(decl.name)
        if isinstance(value, Ref):
            fields.append(_ref(spec, value, style))
        elif isinstance(value, tuple):
            fields.append([_ref(spec, r, style) for r in value])
        elif value is None and decl.type == "ref_list":
            fields.append([])
        else:
            fields.append(value)
    dep = entry.deprecated
    ret = entry.retired
    return {
        "name": entry.name,
        "value": entry.value,
        "message": entry.message,
        "description": entry.description,
        "since": entry.since,
        "status": entry.status,
        "deprecated": None if dep is None else {
            "since": dep.since,
            "replacement": None if dep.replacement is None else str(dep.replacement),
            "note": dep.note,
        },
        "retired": None if ret is None else {"since": ret.since, "note": ret.note},
        "successors": [str(s) for s in entry.successors],
        "fields": fields,
        "doc_url": spec.doc_url(catalog.id, entry.name),
        # What the generated functions answer (targets with functions report these too).
        "parse": entry.name,
        "parse_strict": entry.name,
        "unknown": "unknown",
        "migrate": [str(s) for s in entry.successors],
        "member_message": entry.message,
        "is_deprecated": entry.status != "active",
        "properties": fields,
    }


def expected(spec: Spec, style: str) -> Table:
    """The neutral table the spec promises, references rendered in `style` (name, value or full)."""
    return {c.id: [_expected_row(spec, c, e, style) for e in c.entries] for c in spec.catalogs}


def field_names(spec: Spec) -> dict[str, list[str]]:
    return {c.id: [d.name for d in c.fields] for c in spec.catalogs}


def diff_tables(target: str, want: Table, got: Table, field_names: dict[str, list[str]],
                keys: tuple[str, ...] | None = None) -> list[str]:
    """Human-readable differences between the spec's table and a target's, each naming catalog and entry."""
    out: list[str] = []
    for cid in sorted(set(want) - set(got)):
        out.append(f"{target}: catalog {cid}: missing")
    for cid in sorted(set(got) - set(want)):
        out.append(f"{target}: catalog {cid}: not in the spec")
    for cid, rows in want.items():
        if cid not in got:
            continue
        have = got[cid]
        want_names = [r["name"] for r in rows]
        have_names = [r.get("name") for r in have]
        if want_names != have_names:
            missing = [n for n in want_names if n not in have_names]
            extra = [n for n in have_names if n not in want_names]
            detail = f"missing {missing}" if missing else ""
            detail += ("; " if detail else "") + (f"extra {extra}" if extra else "")
            out.append(f"{target}: catalog {cid}: entries differ ({detail or 'order differs'})")
        by_name = {r.get("name"): r for r in have}
        for row in rows:
            other = by_name.get(row["name"])
            if other is None:
                continue
            for key in keys or tuple(row):
                if key not in other:
                    continue
                if key == "fields":
                    names = field_names.get(cid, [])
                    mine, theirs = row["fields"], other["fields"]
                    if len(mine) != len(theirs):
                        out.append(f"{target}: {cid}.{row['name']}: declared fields {names}, target has {len(theirs)} field(s)")
                        continue
                    for fname, a, b in zip(names, mine, theirs, strict=False):
                        if a != b:
                            out.append(f"{target}: {cid}.{row['name']}: field {fname}: spec {a!r}, target {b!r}")
                elif row[key] != other[key]:
                    out.append(f"{target}: {cid}.{row['name']}: {key}: spec {row[key]!r}, target {other[key]!r}")
    return out


# --- JSON bundle and OpenAPI ---------------------------------------------------------------

def load_json_bundle(path: Path) -> Table:
    """The catalogs of the JSON bundle."""
    data = json.loads(path.read_text(encoding="utf-8"))
    table: Table = {}
    for cid, cat in data["catalogs"].items():
        rows = []
        for e in cat["entries"]:
            dep = e.get("deprecated")
            ret = e.get("retired")
            fields = e.get("fields", {})
            rows.append({
                "name": e["name"], "value": e["value"], "message": e["message"],
                "description": e.get("description", ""), "since": e.get("since"), "status": e.get("status"),
                "deprecated": None if dep is None else {
                    "since": dep.get("since"),
                    "replacement": None if dep.get("replacement") is None else _bundle_ref(dep["replacement"]),
                    "note": dep.get("note", ""),
                },
                "retired": None if ret is None else {"since": ret.get("since"), "note": ret.get("note", "")},
                "successors": [_bundle_ref(s) for s in e.get("successors", [])],
                "fields": fields,
                "doc_url": e.get("doc_url"),
            })
        table[cid] = rows
    return table


def _bundle_ref(ref: object) -> str:
    if isinstance(ref, dict):
        return f"{ref.get('catalog')}.{ref.get('name')}"
    return str(ref)


def bundle_rows(spec: Spec, path: Path) -> Table:
    """The JSON bundle's catalogs with fields in declaration order."""
    table = load_json_bundle(path)
    _bundle_fields(spec, table)
    return table


def _bundle_fields(spec: Spec, table: Table) -> None:
    """Turn the bundle's field mapping into the declared-order list (absent fields become null)."""
    for cat in spec.catalogs:
        for row in table.get(cat.id, []):
            mapping = row["fields"]
            if isinstance(mapping, dict):
                row["fields"] = [mapping.get(d.name, [] if d.type == "ref_list" else None) for d in cat.fields]


def load_openapi(path: Path) -> dict[str, dict[str, Any]]:
    """The first (value) schema of each catalog in the OpenAPI fragment, by catalog id."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: dict[str, dict[str, Any]] = {}
    for schema in doc.get("components", {}).get("schemas", {}).values():
        meta = schema.get("x-catalog") if isinstance(schema, dict) else None
        if isinstance(meta, dict) and meta.get("id") not in found:
            found[str(meta["id"])] = schema
    return found


def diff_openapi(spec: Spec, schemas: dict[str, dict[str, Any]]) -> list[str]:
    """Names, values, messages and lifecycle of the OpenAPI fragment against the spec."""
    out: list[str] = []
    for cid in sorted(set(schemas) - {c.id for c in spec.catalogs}):
        out.append(f"openapi: catalog {cid}: not in the spec")
    for cat in spec.catalogs:
        schema = schemas.get(cat.id)
        if schema is None:
            out.append(f"openapi: catalog {cat.id}: missing")
            continue
        values = schema.get("enum", [])
        names = schema.get("x-enum-varnames", [])
        descs = schema.get("x-enum-descriptions", [])
        lifecycle = {str(k): v for k, v in (schema.get("x-enum-lifecycle") or {}).items()}
        if len(values) != len(cat.entries) or len(names) != len(cat.entries):
            out.append(f"openapi: catalog {cat.id}: {len(cat.entries)} entries in the spec, "
                       f"{len(values)} values and {len(names)} names in the schema")
        for i, entry in enumerate(cat.entries):
            where = f"openapi: {cat.id}.{entry.name}"
            if i >= len(values) or i >= len(names):
                out.append(f"{where}: missing")
                continue
            if names[i] != entry.name:
                out.append(f"{where}: name: spec {entry.name!r}, target {names[i]!r}")
            if values[i] != entry.value or type(values[i]) is not type(entry.value):
                out.append(f"{where}: value: spec {entry.value!r}, target {values[i]!r}")
            if i < len(descs) and entry.message not in str(descs[i]):
                out.append(f"{where}: message: spec {entry.message!r}, target {descs[i]!r}")
            life = lifecycle.get(str(entry.value))
            status = life.get("status", "active") if isinstance(life, dict) else "active"
            if status != entry.status:
                out.append(f"{where}: status: spec {entry.status!r}, target {status!r}")
            if entry.deprecated and entry.deprecated.replacement and isinstance(life, dict):
                rep = life.get("replacement")
                if rep != str(entry.deprecated.replacement):
                    out.append(f"{where}: replacement: spec {str(entry.deprecated.replacement)!r}, target {rep!r}")
        out += _openapi_doc_urls(spec, cat, schema)
    return out


def _openapi_doc_urls(spec: Spec, cat: Catalog, schema: dict[str, Any]) -> list[str]:
    """The catalog's externalDocs and each value's address (x-enum-doc-urls and the end of its
    description) against the spec's page addresses; none of them when the site has no base URL."""
    page = spec.doc_url(cat.id)
    docs = schema.get("externalDocs")
    got = docs.get("url") if isinstance(docs, dict) else docs
    out = [f"openapi: catalog {cat.id}: externalDocs: spec {page!r}, target {got!r}"] if got != page else []
    urls = schema.get("x-enum-doc-urls")
    descs = schema.get("x-enum-descriptions", [])
    for i, entry in enumerate(cat.entries):
        want = spec.doc_url(cat.id, entry.name)
        have = urls[i] if isinstance(urls, list) and i < len(urls) else None
        if have != want:
            out.append(f"openapi: {cat.id}.{entry.name}: doc_url: spec {want!r}, target {have!r}")
        told = i < len(descs) and str(descs[i]).endswith(f" (see {want})")
        if want is not None and not told:
            out.append(f"openapi: {cat.id}.{entry.name}: description does not end with its address {want!r}")
    return out


# --- driver ---------------------------------------------------------------------------------

def verify(spec: Spec, root: Path) -> list[TargetResult]:
    """Verify every configured target under the output root against the spec, each with its
    own verifier (a target without one is reported as skipped)."""
    from codegen.generate import targets_of
    from codegen.targets import Skip

    results: list[TargetResult] = []
    entries = sum(len(c.entries) for c in spec.catalogs)
    for name, target in targets_of(spec).items():
        res = TargetResult(name, entries=entries)
        settings = spec.targets[name]
        try:
            if target.verify is None:
                res.skipped = "no verifier for this target"
            else:
                res.differences = target.verify(spec, root / str(settings["out"]), settings)
        except Skip as exc:
            res.skipped = str(exc)
        except (OSError, RuntimeError, ValueError, KeyError, TypeError, yaml.YAMLError, subprocess.TimeoutExpired) as exc:
            res.differences = [f"{name}: could not load: {exc}"]
        results.append(res)
    return results
