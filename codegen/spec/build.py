"""Turn schema-valid plain data into the neutral model."""

from __future__ import annotations

from typing import Any

from codegen.model import (
    Alternative,
    Catalog,
    Deprecation,
    Entry,
    Envelope,
    EnvelopeProperty,
    FieldDecl,
    FieldValue,
    Parameter,
    Ref,
    Reserved,
    Retirement,
    Source,
    ValueRange,
)
from codegen.spec.yamlsrc import Document


def parse_ref(text: str) -> Ref:
    """`catalog_id.NAME` as a Ref (the schema has checked the shape)."""
    catalog, _, name = text.partition(".")
    return Ref(catalog, name)


def build_catalog(doc: Document, file: str) -> Catalog:
    """A Catalog from a schema-valid catalog document."""
    head: dict[str, Any] = doc.data["catalog"]
    fields = tuple(_field_decl(name, body) for name, body in head.get("fields", {}).items())
    kinds = {f.name: f for f in fields}
    entries = tuple(
        _entry(raw, head["values"], kinds, doc.entry_line(i))
        for i, raw in enumerate(doc.data["entries"])
    )
    return Catalog(
        id=head["id"],
        title=head["title"],
        publisher=head.get("publisher", ""),
        values=head["values"],
        open=head.get("open", True),
        file=file,
        sources=tuple(Source(**s) for s in head.get("sources", ())),
        description=head.get("description", ""),
        fields=fields,
        notes=tuple(head.get("notes", ())),
        entries=entries,
        ranges=tuple(ValueRange(name, r["min"], r["max"], r.get("description", ""))
                     for name, r in head.get("ranges", {}).items()),
        reserved=_reserved(head.get("reserved", {})),
        shown=doc.file,
        where=doc.where,
    )


def _reserved(body: dict[str, Any]) -> Reserved:
    return Reserved(values=tuple(body.get("values", ())), ranges=tuple((lo, hi) for lo, hi in body.get("ranges", ())),
                    names=tuple(body.get("names", ())))


def _field_decl(name: str, body: dict[str, Any]) -> FieldDecl:
    enum = body.get("enum")
    return FieldDecl(
        name=name,
        type=body["type"],
        description=body.get("description", ""),
        required=body.get("required", False),
        min=body.get("min"),
        max=body.get("max"),
        enum=tuple(enum) if enum is not None else None,
        pattern=body.get("pattern"),
        catalog=body.get("catalog"),
    )


def _field_value(decl: FieldDecl | None, value: Any) -> FieldValue:
    if type(value) is int or (type(value) is str and (decl is None or decl.catalog is None)):
        return value  # the common case: a plain integer, or a string that names no entry
    if decl is not None and decl.catalog:
        if decl.type == "ref" and isinstance(value, str):
            return Ref(decl.catalog, value)
        if decl.type == "ref_list" and isinstance(value, list):
            return tuple(Ref(decl.catalog, str(v)) for v in value)
    if isinstance(value, list):
        return tuple(parse_ref(str(v)) for v in value)
    return value  # type: ignore[no-any-return]


def _entry(raw: dict[str, Any], kind: str, decls: dict[str, FieldDecl], line: int) -> Entry:
    # Called once per entry of every catalog: optional parts cost nothing when absent.
    dep = raw.get("deprecated")
    ret = raw.get("retired")
    given = raw.get("fields")
    successors = raw.get("successors")
    alternatives = raw.get("alternatives")
    params = raw.get("parameters")
    value: int | str = raw.get("value", raw["name"])
    return Entry(
        name=raw["name"],
        value=value,
        message=raw["message"],
        since=raw["since"],
        description=raw.get("description", ""),
        fields={k: _field_value(decls.get(k), v) for k, v in given.items()} if given else {},
        deprecated=Deprecation(
            since=dep["since"],
            replacement=parse_ref(dep["replacement"]) if "replacement" in dep else None,
            note=dep.get("note", ""),
        ) if dep else None,
        retired=Retirement(since=ret["since"], note=ret.get("note", "")) if ret else None,
        successors=tuple(map(parse_ref, successors)) if successors else (),
        provenance=raw.get("provenance", ""),
        alternatives=tuple(Alternative(**a) for a in alternatives) if alternatives else (),
        line=line,
        parameters=tuple(Parameter(n, p["type"], p.get("description", "")) for n, p in params.items()) if params else (),
    )


def build_envelopes(project: Document) -> tuple[Envelope, ...]:
    """Envelopes from the project file, in file order, each with its line (for naming checks)."""
    out = []
    for name, body in project.data.get("envelopes", {}).items():
        props = tuple(
            EnvelopeProperty(name=p, line=project.key_line(("envelopes", name, "properties", p)), **spec)
            for p, spec in body.get("properties", {}).items()
        )
        out.append(Envelope(name=name, description=body["description"], properties=props,
                            wrapper=body.get("wrapper"), body_name=body.get("body_name"),
                            line=project.key_line(("envelopes", name)),
                            standard=body.get("standard"), catalog=body.get("catalog"),
                            type_base=body.get("type_base", ""), status_field=body.get("status_field"),
                            domain=body.get("domain", ""), status_catalog=body.get("status_catalog")))
    return tuple(out)
