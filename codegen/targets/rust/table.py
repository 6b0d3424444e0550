"""What a catalog module says about its members, packed into a few literals.

rustc type-checks one long literal far faster than thousands of table rows (a row of struct
fields and `None`s costs it about 60 µs, so 10,000 rows took longer than the rest of the
crate), so the table is columns: every text of every row back to back in one string, with
where each ends; each numeric column as fixed-width decimal numbers in one string; and only
what few members have (deprecations, retirements, successors, reference lists) as short
tables of `(row, value)`. Every column is written one row a line. Rows are sorted by value;
a lookup is a binary search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from codegen.model import Catalog, Entry, FieldDecl, Ref, Spec
from codegen.targets.rust.literals import rust_string, rust_text, rustdoc


@dataclass(frozen=True, slots=True)
class Static:
    """A private static of the module: a column, or a table of what few rows have."""

    doc: str
    name: str
    type: str
    literal: str
    allow_deprecated: bool = False  # it names constants, some of which may be deprecated


@dataclass(frozen=True, slots=True)
class Shape:
    """A declared field's Rust shape: kind is integer, string, boolean, ref_int (a reference
    to an integer catalog), ref_text (to a string catalog) or ref_list."""

    kind: str
    base: str  # the accessor's element type (the referenced catalog's type for a reference)
    width: str = ""  # i32 or i64, for integers and references to an integer catalog


@dataclass(frozen=True, slots=True)
class Accessor:
    """How a declared field's accessor reads its column (the body runs after `self.row()`)."""

    returns: str
    body: tuple[str, ...]
    helpers: frozenset[str]  # the `meta` functions it calls that not every crate needs


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each text of a row sits: the row's columns of TEXTS."""

    base: tuple[str, ...]  # value (string catalogs), name, message, description, since, doc_url
    fields: tuple[str, ...]  # the text-valued fields, by name

    @property
    def width(self) -> int:
        return len(self.base) + len(self.fields)

    def column(self, name: str) -> int:
        return self.base.index(name)

    def field(self, name: str) -> int:
        return len(self.base) + self.fields.index(name)


def layout(catalog: Catalog, spec: Spec, doc_urls: bool) -> Layout:
    """The text columns of the catalog's rows."""
    base: tuple[str, ...] = ("value",) if catalog.values == "string" else ()
    base += ("name", "message", "description", "since") + (("doc_url",) if doc_urls else ())
    fields = tuple(d.name for d in catalog.fields if _text_valued(d, spec))
    return Layout(base, fields)


def _text_valued(decl: FieldDecl, spec: Spec) -> bool:
    if decl.type == "string":
        return True
    target = spec.catalog(decl.catalog) if decl.type == "ref" and decl.catalog else None
    return target is not None and target.values == "string"


def texts(catalog: Catalog, rows: list[Entry], spec: Spec, where: Layout, wire: Callable[[Ref], int | str]) -> Static:
    """TEXTS: every row's texts, one row a line, and the end of each text."""
    lines, ends, end = [], [], 0
    for entry in rows:
        cells = [str(entry.value)] if where.base[0] == "value" else []
        cells += [entry.name, entry.message, entry.description, entry.since]
        if "doc_url" in where.base:
            cells.append(spec.doc_url(catalog.id, entry.name) or "")
        for name in where.fields:
            value = entry.fields.get(name)
            cells.append(str(wire(value)) if isinstance(value, Ref) else "" if value is None else str(value))
        for cell in cells:
            end += len(cell.encode("utf-8"))
            ends.append(end)
        lines.append("".join(cells))
    literal = (f"meta::Texts {{\n    all: {rust_text(lines)},\n"
               f"    ends: {column(ends, where.width)},\n    width: {where.width},\n}}")
    doc = rustdoc(f"Every row's texts back to back ({', '.join(where.base + where.fields)}), one row a line, "
                  "and where each ends.")
    return Static(doc, "TEXTS", "meta::Texts", literal)


def column(numbers: list[int], per_line: int = 1) -> str:
    """A `meta::Column` of the numbers: each in decimal, zero-padded to one width, per_line
    numbers a line."""
    cells = list(map(str, numbers))
    width = max(map(len, cells), default=1)
    if any(len(cell) != width for cell in cells):
        cells = [cell.zfill(width) for cell in cells]  # "-7" becomes "-07"
    lines = ["".join(cells[i:i + per_line]) for i in range(0, len(cells), per_line)]
    return f"meta::Column {{ width: {width}, digits: {rust_text(lines, '        ')} }}"


def sparse(name: str, element: str, doc: str, cells: list[tuple[int, str]], deprecated: bool = False) -> Static:
    """A table of `(row, value)` for the rows that have a value, in row order."""
    if not cells:
        return Static(doc, name, f"&[(usize, {element})]", "&[]", deprecated)
    body = "".join(f"    ({row}, {cell}),\n" for row, cell in cells)
    return Static(doc, name, f"&[(usize, {element})]", f"&[\n{body}]", deprecated)


def lifecycle(rows: list[Entry]) -> tuple[Static, Static]:
    """DEPRECATIONS and RETIREMENTS: the rows that have one."""
    deprecations, retirements = [], []
    for row, entry in enumerate(rows):
        dep, ret = entry.deprecated, entry.retired
        if dep:
            rep = (f"Some(Ref {{ catalog: {rust_string(dep.replacement.catalog)}, "
                   f"name: {rust_string(dep.replacement.name)} }})" if dep.replacement else "None")
            deprecations.append((row, f"Deprecation {{ since: {rust_string(dep.since)}, replacement: {rep}, "
                                      f"note: {rust_string(dep.note)} }}"))
        if ret:
            retirements.append((row, f"Retirement {{ since: {rust_string(ret.since)}, note: {rust_string(ret.note)} }}"))
    return (sparse("DEPRECATIONS", "Deprecation", "/// The deprecated rows: since when, for what, and why.", deprecations),
            sparse("RETIREMENTS", "Retirement", "/// The retired rows: since when, and why.", retirements))


def field_column(decl: FieldDecl, index: int, rows: list[Entry], where: Layout, shape: Shape,
                 wire: Callable[[Ref], int | str], literal: Callable[[Ref], str]) -> tuple[list[Static], Accessor]:
    """The statics of one declared field and how its accessor reads them."""
    kind, base = shape.kind, shape.base
    name = f"FIELD_{index}"
    doc = rustdoc(f"Field {decl.name}, by row.")
    values = [entry.fields.get(decl.name) for entry in rows]
    always = decl.required and all(v is not None for v in values)
    if kind == "ref_list":
        cells = [(row, "&[" + ", ".join(literal(r) for r in value) + "]")
                 for row, value in enumerate(values) if isinstance(value, tuple) and value]
        table = sparse(name, f"&[{base}]", doc, cells, deprecated=True)
        body: tuple[str, ...] = ("match self.row() {", f"    Some(row) => meta::list({name}, row),", "    None => &[],",
                                 "}")
        return [table], Accessor(f"&'static [{base}]", body, frozenset({"list"}))
    statics: list[Static] = []
    if kind in ("integer", "ref_int"):
        numbers = [int(wire(v)) if isinstance(v, Ref) else int(v) if isinstance(v, int) else 0 for v in values]
        statics.append(Static(doc, name, "meta::Column", column(numbers)))
        read = f"{name}.get(row)" + (" as i32" if shape.width == "i32" else "")
    elif kind == "boolean":
        booleans = [2 if v is None else int(bool(v)) for v in values]
        statics.append(Static(rustdoc(f"Field {decl.name}, by row: 0 false, 1 true, 2 none."), name, "meta::Column",
                              column(booleans)))
        return statics, Accessor("Option<bool>", ("let row = self.row()?;", f"meta::boolean({name}.get(row))"),
                                 frozenset({"boolean"}))
    else:  # string, ref_text
        read = f"TEXTS.get(row, {where.field(decl.name)})"
    if kind == "ref_int":
        read = f"{base}({read})"
    elif kind == "ref_text":
        read = f"{base}(Cow::Borrowed({read}))"
    if always:
        return statics, Accessor(f"Option<{base}>", ("let row = self.row()?;", f"Some({read})"), frozenset())
    statics.append(Static(rustdoc(f"Which rows have field {decl.name} (1), and which not (0)."), f"{name}_SET",
                          "meta::Column", column([int(v is not None) for v in values])))
    body = ("let row = self.row()?;", f"({name}_SET.get(row) == 1).then_some({read})")
    return statics, Accessor(f"Option<{base}>", body, frozenset())

