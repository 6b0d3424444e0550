"""The site's view-model: pages, rows, addresses and example payloads, computed before templating."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from codegen.model import (
    Catalog,
    Entry,
    Envelope,
    EnvelopeProperty,
    FieldValue,
    Ref,
    Spec,
    catalog_page,
    entry_page,
)
from codegen.targets import Settings


def page_of(catalog_id: str) -> str:
    """The file of a catalog's page; an entry's address is this page plus '#' and its name."""
    return catalog_page(catalog_id)


def entry_address(catalog_id: str, name: str) -> str:
    """The stable address of an entry within the site: never changes once published."""
    return entry_page(catalog_id, name)


@dataclass(frozen=True, slots=True)
class Cell:
    """One field value: its text, a link when it names another entry, and whether it follows
    another value of the same cell (a list of references)."""

    text: str
    href: str = ""
    follows: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    value: str
    message: str
    description: str
    since: str
    status: str
    fields: tuple[tuple[Cell, ...], ...]
    lifecycle: str  # one sentence, empty for an active entry
    replacement: Cell | None
    successors: tuple[Cell, ...]
    examples: tuple[tuple[str, str], ...]  # (envelope name, JSON text)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive rows of a catalog's table, shown as a table of their own that the browser
    lays out only when it comes near the screen."""

    first: int  # 1-based position of the first row
    last: int
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Diagram:
    svg: str
    legacy: int
    successors: int


@dataclass(frozen=True, slots=True)
class CatalogPage:
    id: str
    file: str
    title: str
    description: str
    publisher: str
    sources: tuple[tuple[str, str], ...]  # (url, title)
    notes: tuple[str, ...]
    values: str
    open: bool
    field_names: tuple[str, ...]
    field_docs: tuple[tuple[str, str], ...]
    rows: tuple[Row, ...]
    chunks: tuple[Chunk, ...]
    diagram: Diagram | None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Site:
    title: str
    version: str
    base_url: str
    catalogs: tuple[CatalogPage, ...]
    search: list[list[str]]  # [catalog, name, value, message, href] per entry


# Rows per chunk of a catalog's table: small enough that the first screen lays out quickly,
# large enough that a catalog of 10,000 entries is a few hundred tables.
CHUNK = 50
_EMPTY = (Cell(""),)


def _cell(value: FieldValue | None) -> tuple[Cell, ...]:
    if value is None:
        return _EMPTY
    if isinstance(value, Ref):
        return (_link(value),)
    if isinstance(value, tuple):
        return _links(value) or _EMPTY
    if isinstance(value, bool):
        return (Cell("true" if value else "false"),)
    return (Cell(str(value)),)


def _link(ref: Ref, follows: bool = False) -> Cell:
    return Cell(str(ref), entry_address(ref.catalog, ref.name), follows)


def _links(refs: tuple[Ref, ...]) -> tuple[Cell, ...]:
    return tuple(_link(r, i > 0) for i, r in enumerate(refs))


def _chunks(rows: tuple[Row, ...]) -> tuple[Chunk, ...]:
    return tuple(Chunk(i + 1, min(i + CHUNK, len(rows)), rows[i:i + CHUNK]) for i in range(0, len(rows), CHUNK))


def _lifecycle(entry: Entry) -> str:
    if entry.retired:
        note = f" {entry.retired.note}" if entry.retired.note else ""
        return f"Retired since {entry.retired.since}: the value stays reserved and is never reused.{note}"
    if entry.deprecated:
        note = f" {entry.deprecated.note}" if entry.deprecated.note else ""
        return f"Deprecated since {entry.deprecated.since}.{note}"
    return ""


def _row(spec: Spec, fields: tuple[str, ...], entry: Entry, envelopes: list[tuple[Envelope, EnvelopeProperty]]) -> Row:
    rep = entry.deprecated.replacement if entry.deprecated else None
    values = entry.fields
    return Row(
        entry.name, str(entry.value), entry.message, entry.description, entry.since, entry.status,
        tuple([_cell(values.get(name)) for name in fields]),
        _lifecycle(entry),
        None if rep is None else _link(rep),
        _links(entry.successors) if entry.successors else (),
        tuple([(env.name, example_payload(spec, env, prop, entry)) for env, prop in envelopes]) if envelopes else (),
    )


def _carriers(spec: Spec, catalog: Catalog) -> list[tuple[Envelope, EnvelopeProperty]]:
    """The envelopes (and their property) that carry this catalog's values."""
    return [(env, prop) for env in spec.envelopes for prop in env.properties if prop.catalog == catalog.id]


def build(spec: Spec, settings: Settings) -> Site:
    """The whole site's view."""
    from codegen.targets.docs.diagram import migration_svg

    base = str(settings.get("base_url", ""))
    pages = []
    search: list[list[str]] = []
    for catalog in spec.catalogs:
        carriers = _first_per_envelope(_carriers(spec, catalog))
        fields = tuple(d.name for d in catalog.fields)
        rows = tuple([_row(spec, fields, e, carriers) for e in catalog.entries])
        counts = {s: sum(r.status == s for r in rows) for s in ("active", "deprecated", "retired")}
        pages.append(CatalogPage(
            id=catalog.id, file=page_of(catalog.id), title=catalog.title, description=catalog.description,
            publisher=catalog.publisher, sources=tuple((s.url, s.title or s.url) for s in catalog.sources),
            notes=catalog.notes, values=catalog.values, open=catalog.open,
            field_names=fields,
            field_docs=tuple((d.name, d.description) for d in catalog.fields if d.description),
            rows=rows, chunks=_chunks(rows), diagram=migration_svg(spec, catalog), counts=counts,
        ))
        search += [[catalog.id, r.name, r.value, r.message, entry_address(catalog.id, r.name)] for r in rows]
    return Site(str(settings.get("title", "Error and status codes")), spec.version, base, tuple(pages), search)


def _first_per_envelope(carriers: list[tuple[Envelope, EnvelopeProperty]]) -> list[tuple[Envelope, EnvelopeProperty]]:
    seen: set[str] = set()
    out = []
    for env, prop in carriers:
        if env.name not in seen:
            seen.add(env.name)
            out.append((env, prop))
    return out


# --- example payloads ------------------------------------------------------------------------

_EXAMPLE_STRINGS = {"date-time": "2026-01-01T00:00:00Z", "date": "2026-01-01", "uri": "https://example.com/",
                    "uuid": "00000000-0000-0000-0000-000000000000"}


def example_payload(spec: Spec, envelope: Envelope, carrier: EnvelopeProperty, entry: Entry) -> str:
    """The envelope as the API sends it for this entry: required properties and the carrier.

    Another catalog's property takes the entry of that catalog that shares a declared field
    value with this one (a reason's HTTP status picks the matching status), else its first
    entry; a string property whose name says message carries the entry's message.
    """
    body: dict[str, Any] = {}
    for prop in envelope.properties:
        if prop is carrier:
            body[prop.name] = entry.name if prop.use == "name" else entry.value
        elif prop.catalog:
            if prop.required:
                sibling = _sibling(spec, prop.catalog, entry)
                if sibling is not None:
                    body[prop.name] = sibling.name if prop.use == "name" else sibling.value
        elif prop.required or "message" in prop.name.lower():
            body[prop.name] = _example(prop, entry)
    payload = {envelope.wrapper: body} if envelope.wrapper else body
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _sibling(spec: Spec, catalog_id: str, entry: Entry) -> Entry | None:
    other = spec.catalog(catalog_id)
    if other is None or not other.entries:
        return None
    mine = {k: v for k, v in entry.fields.items() if isinstance(v, (int, str)) and not isinstance(v, bool)}
    for candidate in other.entries:
        if any(candidate.fields.get(k) == v for k, v in mine.items()):
            return candidate
    return other.entries[0]


def _example(prop: EnvelopeProperty, entry: Entry) -> object:
    if "message" in prop.name.lower() and prop.type in (None, "string"):
        return entry.message
    if prop.type == "integer":
        return 0
    if prop.type == "boolean":
        return False
    if prop.type == "array":
        return []
    if prop.type == "object":
        return {}
    return _EXAMPLE_STRINGS.get(prop.format or "", f"<{prop.name}>")
