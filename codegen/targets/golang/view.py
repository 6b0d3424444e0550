"""The Go view-model: every identifier, literal and comment computed before templating."""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, FieldDecl, Ref, Spec
from codegen.naming import catalog_ids, check_collisions, name_catalog
from codegen.targets import Settings
from codegen.targets.golang import naming
from codegen.targets.golang.literals import base32_numbers, go_comment, go_string, go_table

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
_PLAIN_TYPES = {"string": "string", "boolean": "bool"}
ROW_FIXED = 7  # name, message, description, since, deprecation, retirement, successors; fields follow


@dataclass(frozen=True, slots=True)
class GoField:
    method: str
    type: str  # Go type the method returns
    optional: bool  # the method also returns whether the member has it
    kind: str  # plain, ref or ref_list
    doc: str
    item: int  # its item in a metadata row
    cell: str  # the _row method reading it: num (int64), text (string) or flag (bool)
    convert: str  # the Go expression turning that value v into the method's type
    element: str = ""  # a ref_list's element type


@dataclass(frozen=True, slots=True)
class GoTables:
    """The literals that locate a catalog's rows and values (the package's _table reads them)."""

    index: str  # where each row starts, and the last ends (width base-32 digits each)
    width: int
    order: str  # the positions in value order, likewise ("" when spec order is value order)
    keys: str  # the values in value order
    bounds: str  # where each string value starts in keys, and the last ends
    kwidth: int  # digits of each integer key
    key_base: int  # the least integer value, which integer keys count from


@dataclass(frozen=True, slots=True)
class GoMember:
    const: str
    literal: str
    doc: str


@dataclass(frozen=True, slots=True)
class GoCatalog:
    catalog_id: str  # Go string literal
    raw_id: str
    file: str
    spec_file: str
    type: str
    base: str  # int32, int64 or string
    integer: bool
    open: bool
    doc: str
    members: tuple[GoMember, ...]
    count: int
    rows: str  # Go literal: every member's metadata row, in spec order
    tables: GoTables
    fields: tuple[GoField, ...]
    successor_type: str  # a catalog type, or Member when successors span catalogs (or there are none)
    migrate: bool
    doc_url_item: int = -1  # the row item of the page address (the docs target's base_url is set)

    # The per-member lines, joined here: a template loop over 10,000 members costs several
    # times the join.
    @property
    def constants(self) -> str:
        """The const block's lines: each member's doc comment and constant."""
        tail = f" {self.type} = "
        return "\n".join([f"{m.doc}\n\t{m.const}{tail}{m.literal}" for m in self.members])


@dataclass
class GoPackage:
    package: str
    module: str
    go: str
    version: str
    description: str
    catalogs: list[GoCatalog] = field(default_factory=list)
    out: str = ""  # the target's folder below the output root
    doc: str = ""  # the package doc comment

    @property
    def has_integer(self) -> bool:
        """Whether a catalog of the package has integer values (and so a name table)."""
        return any(c.integer for c in self.catalogs)

    @property
    def has_string(self) -> bool:
        """Whether a catalog of the package has string values."""
        return not all(c.integer for c in self.catalogs)

    @property
    def num_cells(self) -> bool:
        """Whether a declared field is read as an integer (and so the package needs _row.num)."""
        return any(f.cell == "num" for c in self.catalogs for f in c.fields)

    @property
    def flag_cells(self) -> bool:
        """Whether a declared field is a boolean."""
        return any(f.cell == "flag" for c in self.catalogs for f in c.fields)

    @property
    def major(self) -> int:
        """The major version of the spec, which the module path must carry from 2 on."""
        return int(self.version.split(".")[0])


def build(spec: Spec, cfg: Settings) -> tuple[GoPackage, list[Diagnostic]]:
    """The package view, or diagnostics naming every clash and every value Go cannot hold."""
    pkg = GoPackage(str(cfg["package"]), str(cfg["module"]), str(cfg.get("go", "1.21")), spec.version,
                    str(cfg.get("description", "")))
    types, diags = check_collisions(naming.TYPE, catalog_ids(spec.catalogs), "the package")
    if pkg.package in naming.GO_RESERVED:
        diags.append(Diagnostic(*spec.at("targets", "go", "package"), "N001", f"go: package name '{pkg.package}' is a "
                                "Go keyword or predeclared identifier", "choose another package name"))
    bases = {c.id: _base(c) for c in spec.catalogs}
    for catalog in spec.catalogs:
        view, found = _catalog(spec, catalog, types, bases)
        diags += found
        pkg.catalogs.append(view)
    diags += _package_collisions(pkg, spec)
    return pkg, diags


def _base(catalog: Catalog) -> str:
    if catalog.values == "string":
        return "string"
    ints = [int(e.value) for e in catalog.entries]
    return "int32" if all(INT32[0] <= v <= INT32[1] for v in ints) else "int64"


def value_diagnostics(spec: Spec) -> list[Diagnostic]:
    """Values no Go integer type holds (beyond int64)."""
    return [Diagnostic(*c.at("entries", i, "value"), "T101",
                       f"go: value {e.value} of {c.id}.{e.name} does not fit in int64",
                       "integer codes must lie in -2^63 .. 2^63-1 for the Go target")
            for c in spec.catalogs if c.values == "integer" for i, e in enumerate(c.entries)
            if not INT64[0] <= int(e.value) <= INT64[1]]


def _catalog(spec: Spec, catalog: Catalog, types: dict[str, str], bases: dict[str, str]) -> tuple[GoCatalog, list[Diagnostic]]:
    tname = types[catalog.id]
    consts, slots, diags = name_catalog(catalog, naming.MEMBER, naming.FIELD, naming.METHODS, "N002", f"type {tname}")
    base = bases[catalog.id]
    integer = base != "string"
    succ_cats = sorted({r.catalog for e in catalog.entries for r in e.successors})
    succ_type = types[succ_cats[0]] if len(succ_cats) == 1 else "Member"
    fields = tuple(_field(d, slots[d.name], i, types, bases, catalog) for i, d in enumerate(catalog.fields))
    members = tuple(_member(e, tname + consts[e.name], spec) for e in catalog.entries)
    rows, starts = go_table([_row(spec, catalog, e) for e in catalog.entries])
    keys = _keys(catalog)
    view = GoCatalog(
        catalog_id=go_string(catalog.id), raw_id=catalog.id, file=naming.file_name(catalog.id),
        spec_file=catalog.file, type=tname, base=base, integer=integer, open=catalog.open,
        doc=_catalog_doc(catalog, tname), members=members,
        count=len(members), rows=rows, tables=keys.tables(starts),
        doc_url_item=ROW_FIXED + len(catalog.fields) if spec.doc_url(catalog.id) else -1,
        fields=fields, successor_type=succ_type, migrate=bool(succ_cats),
    )
    return view, diags


@dataclass(frozen=True, slots=True)
class _Keys:
    """A catalog's values in value order, and the spec-order position of each."""

    positions: list[int]
    ints: list[int]
    strings: list[bytes]

    def tables(self, starts: list[int]) -> GoTables:
        """The tables of the catalog whose rows start at starts (then end at the last)."""
        bounds = [0]
        for s in self.strings:
            bounds.append(bounds[-1] + len(s))
        width = _digits(max(starts[-1], bounds[-1], len(starts)))
        order = "" if self.positions == sorted(self.positions) else _numbers(self.positions, width)
        if not self.ints:
            return GoTables(_numbers(starts, width), width, order, go_string(b"".join(self.strings).decode("utf-8")),
                            _numbers(bounds, width), 0, 0)
        base = min(self.ints)
        kwidth = _digits(max(self.ints) - base)
        return GoTables(_numbers(starts, width), width, order, _numbers([v - base for v in self.ints], kwidth), "",
                        kwidth, base)


def _numbers(numbers: list[int], width: int) -> str:
    """A Go literal of numbers in base 32, width digits each."""
    return go_string(base32_numbers(numbers, width))


def _digits(largest: int) -> int:
    """Base-32 digits that hold every number up to largest."""
    return max(1, (largest.bit_length() + 4) // 5)


def _keys(catalog: Catalog) -> _Keys:
    """Strings order by their UTF-8 bytes, as Go compares them."""
    if catalog.values == "string":
        encoded = [str(e.value).encode("utf-8") for e in catalog.entries]
        positions = sorted(range(len(encoded)), key=encoded.__getitem__)
        return _Keys(positions, [], [encoded[i] for i in positions])
    ints = [int(e.value) for e in catalog.entries]
    positions = sorted(range(len(ints)), key=ints.__getitem__)
    return _Keys(positions, [ints[i] for i in positions], [])


def _literal(value: int | str) -> str:
    return go_string(value) if isinstance(value, str) else str(value)


def _field(decl: FieldDecl, method: str, i: int, types: dict[str, str], bases: dict[str, str],
           catalog: Catalog) -> GoField:
    optional = not (decl.required and all(decl.name in e.fields for e in catalog.entries))
    doc = go_comment(f"{method} returns the {decl.name} field" + (f": {decl.description}" if decl.description else "."))
    item = ROW_FIXED + i
    if decl.type in ("ref", "ref_list") and decl.catalog:
        ref = types[decl.catalog]
        cell = "text" if bases[decl.catalog] == "string" else "num"
        if decl.type == "ref_list":
            return GoField(method, "[]" + ref, False, "ref_list", doc, item, cell, "", ref)
        return GoField(method, ref, optional, "ref", doc, item, cell, f"{ref}(v)")
    if decl.type == "integer":
        small = decl.min is not None and decl.max is not None and INT32[0] <= decl.min and decl.max <= INT32[1]
        return GoField(method, "int" if small else "int64", optional, "plain", doc, item, "num",
                       "int(v)" if small else "v")
    return GoField(method, _PLAIN_TYPES[decl.type], optional, "plain", doc, item,
                   "text" if decl.type == "string" else "flag", "v")


def _ref_value(spec: Spec, ref: Ref) -> str:
    """A reference's wire value as a row carries it (always resolved in a validated spec)."""
    target = spec.resolve(ref)
    return "" if target is None else str(target.value)


def _row(spec: Spec, catalog: Catalog, entry: Entry) -> list[object]:
    """The member's metadata row: every item the package's _row reads, in its order."""
    dep = entry.deprecated
    dep_row: list[object] | None = None
    if dep:
        dep_row = [dep.since, dep.note]
        if dep.replacement:
            dep_row += [dep.replacement.catalog, _ref_value(spec, dep.replacement)]
    ret: list[object] | None = [entry.retired.since, entry.retired.note] if entry.retired else None
    succ: list[object] = []
    for ref in entry.successors:
        succ += [ref.catalog, _ref_value(spec, ref)]
    row: list[object] = [entry.name, entry.message, entry.description, entry.since, dep_row, ret, succ]
    for decl in catalog.fields:
        value = entry.fields.get(decl.name)
        if isinstance(value, Ref):
            row.append(_ref_value(spec, value))
        elif isinstance(value, tuple):
            row.append([_ref_value(spec, r) for r in value])
        else:
            row.append([] if value is None and decl.type == "ref_list" else value)
    url = spec.doc_url(catalog.id, entry.name)
    return row if url is None else [*row, url]  # the address only when the site's is configured


def _member(entry: Entry, const: str, spec: Spec) -> GoMember:
    return GoMember(const, _literal(entry.value), _member_doc(entry, const, spec))


def replacement_const(spec: Spec, ref: Ref) -> str:
    """The Go constant a deprecation points to."""
    cat = spec.catalog(ref.catalog)
    tname = naming.TYPE.apply(ref.catalog)
    return tname + naming.MEMBER.apply(ref.name) if cat else str(ref)


def _member_doc(entry: Entry, const: str, spec: Spec) -> str:
    text = entry.message
    if entry.description.startswith(entry.message):
        text = entry.description
    elif entry.description:
        text += "\n" + entry.description
    lines = [go_comment(f"{const}: {text}", "\t")]
    if entry.deprecated:
        dep = entry.deprecated
        use = f" Use {replacement_const(spec, dep.replacement)} instead." if dep.replacement else ""
        lines += ["\t//", _deprecated(f"since {dep.since}.{use}\n{dep.note}")]
    if entry.retired:
        lines += ["\t//", _deprecated(f"retired since {entry.retired.since}; the value stays reserved "
                                       f"and is never reused.\n{entry.retired.note}")]
    return "\n".join(lines)


def _deprecated(text: str) -> str:
    """The paragraph go/doc, gopls and staticcheck read as a deprecation (the text escaped)."""
    return "\t// Deprecated: " + go_comment(text, "\t")[len("\t// "):]


def _catalog_doc(catalog: Catalog, tname: str) -> str:
    lines = [f"{tname} is a {'code' if catalog.values == 'integer' else 'reason'} of {catalog.id}: {catalog.title}."]
    if catalog.description:
        lines.append(catalog.description)
    doc = [go_comment("\n".join(lines))]
    about = [f"Publisher: {catalog.publisher}."] if catalog.publisher else []
    about += [f"Source: {s.url}" for s in catalog.sources]
    if about:
        doc += ["//", go_comment("\n".join(about))]
    rule = ("Open catalog: Parse{t} and UnmarshalText keep a value it does not list as is (IsKnown reports false)."
            if catalog.open else "Closed catalog: Parse{t}, UnmarshalText and MarshalText reject a value it does not list.")
    doc += ["//", go_comment(rule.format(t=tname))]
    return "\n".join(doc)


def _package_collisions(pkg: GoPackage, spec: Spec) -> list[Diagnostic]:
    """Two sources of one package-level identifier, across catalogs and the package's own names.

    Clashes between two catalog types, or two members of one catalog, are reported where
    the names are made; this finds the rest (a member named like another catalog's type).
    """
    taken: dict[str, tuple[str, str]] = {name: ("the generated package", "") for name in naming.SHARED_NAMES}
    diags: list[Diagnostic] = []
    for view, catalog in zip(pkg.catalogs, spec.catalogs, strict=True):
        kind = f"catalog {catalog.id}"
        where: tuple[str | int, ...] = ("catalog", "id")
        own: list[tuple[str, str, str, tuple[str | int, ...]]] = [(view.type, kind, "type", where), ("All" + view.type, kind, "func", where),
               ("Parse" + view.type, kind, "func", where)]
        if view.migrate:
            own.append(("Migrate" + view.type, kind, "func", where))
        own += [(m.const, f"{catalog.id}.{e.name}", "member " + catalog.id, ("entries", i, "name"))
                for i, (m, e) in enumerate(zip(view.members, catalog.entries, strict=True))]
        for ident, source, group, path in own:
            first, first_group = taken.setdefault(ident, (source, group))
            if first != source and first_group != group:
                diags.append(Diagnostic(*catalog.at(*path), "N001",
                                        f"go: {source} becomes '{ident}', which {first} already declares in the package",
                                        "rename one of them; a published name never changes, so rename the newer one"))
    return diags
