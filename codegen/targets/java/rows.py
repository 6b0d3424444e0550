"""The metadata table each catalog class reads from its resource on first use.

Keeping the text out of the class keeps its constant pool and static initialiser small
however many entries a catalog has. One cell a line; a cell escapes backslash, line feed,
carriage return and tab; `\\N` is null; a reference is `catalog<TAB>value` and a list of
references joins them with tabs.
"""

from __future__ import annotations

from codegen.model import Catalog, Entry, FieldDecl, Ref, Spec

MAGIC = "codegen-rows 1"
FIXED_CELLS = 10  # name, message, description, since, deprecation (3), retirement (2), successors
_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})
NULL = "\\N"
_NO_LIFECYCLE = (NULL,) * 5  # the deprecation (3) and retirement (2) cells of an entry that has neither


def cell(text: str | None) -> str:
    """One escaped cell (None is null)."""
    if text is None:
        return NULL
    # printable text holds no line feed, carriage return or tab: only a backslash needs escaping
    return text if text.isprintable() and "\\" not in text else text.translate(_ESCAPES)


def ref_cell(spec: Spec, refs: tuple[Ref, ...]) -> str:
    """References as `catalog<TAB>value` pairs joined by tabs (the value is escaped)."""
    parts = []
    for ref in refs:
        target = spec.resolve(ref)
        value = "" if target is None else str(target.value)
        parts.append(f"{ref.catalog}\t{cell(value)}")
    return "\t".join(parts)


def width(spec: Spec, catalog: Catalog) -> int:
    """Cells per entry: the fixed ones, each declared field, and the page address when the
    docs target gives the site's base URL."""
    return FIXED_CELLS + len(catalog.fields) + (spec.doc_url(catalog.id) is not None)


def table(spec: Spec, catalog: Catalog) -> str:
    """The whole resource text of one catalog."""
    lines = [f"{MAGIC} {len(catalog.entries)} {width(spec, catalog)}"]
    for entry in catalog.entries:
        lines += _entry_cells(spec, entry, catalog.fields)
        url = spec.doc_url(catalog.id, entry.name)
        lines += [] if url is None else [cell(url)]
    return "\n".join(lines) + "\n"


def _entry_cells(spec: Spec, entry: Entry, decls: tuple[FieldDecl, ...]) -> list[str]:
    dep, ret = entry.deprecated, entry.retired
    cells = [cell(entry.name), cell(entry.message), cell(entry.description), cell(entry.since)]
    if dep or ret:
        cells += [
            cell(dep.since if dep else None),
            (ref_cell(spec, (dep.replacement,)) if dep.replacement else NULL) if dep else NULL,
            cell(dep.note if dep else None),
            cell(ret.since if ret else None), cell(ret.note if ret else None),
        ]
    else:
        cells += _NO_LIFECYCLE
    cells.append(ref_cell(spec, entry.successors) if entry.successors else "")
    for decl in decls:
        cells.append(_field_cell(spec, entry.fields.get(decl.name)))
    return cells


def _field_cell(spec: Spec, value: object) -> str:
    if value is None:
        return NULL
    if isinstance(value, Ref):
        return ref_cell(spec, (value,))
    if isinstance(value, tuple):
        return ref_cell(spec, value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return cell(str(value))
