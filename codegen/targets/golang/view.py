"""The Go view-model: every identifier, literal and comment computed before templating."""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, FieldDecl, Ref, Spec
from codegen.naming import catalog_ids, check_collisions, name_catalog
from codegen.targets import Settings
from codegen.targets.golang import naming
from codegen.targets.golang.literals import go_bytes, go_comment, go_rows, go_string

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
_PLAIN_TYPES = {"string": "string", "boolean": "bool"}
ROW_FIXED = 6  # message, description, since, deprecated, retired, successors; fields follow


@dataclass(frozen=True, slots=True)
class GoField:
    method: str
    slot: str  # the private struct field holding it
    type: str  # Go type the method returns
    optional: bool  # the method also returns whether the member has it
    kind: str  # plain, ref or ref_list
    doc: str
    index: int  # position in a metadata row
    read: str = ""  # the Go expression that reads one value (one element of a list) from a row


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
    names: str  # Go literal: every name, in spec order
    offsets: str  # Go literal: each name's offset in names (and the end), 4 bytes big-endian each
    rows: str  # raw string literal of the metadata rows, in spec order
    fields: tuple[GoField, ...]
    slots: tuple[str, ...]  # the info struct's field lines, aligned as gofmt aligns them
    successor_type: str  # a catalog type, or Member when successors span catalogs
    successor_read: str  # the Go expression that reads one successor from a row
    migrate: bool
    imports: tuple[str, ...]

    # The per-member lines, joined here: a template loop over 10,000 members costs several
    # times the join.
    @property
    def constants(self) -> str:
        """The const block's lines: each member's doc comment and constant."""
        tail = f" {self.type} = "
        return "\n".join([f"{m.doc}\n\t{m.const}{tail}{m.literal}" for m in self.members])

    @property
    def listed(self) -> str:
        """The lines of the table of every member, in spec order."""
        return "\n".join([f"\t{m.const}," for m in self.members])


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
    offsets = [0]
    for e in catalog.entries:
        offsets.append(offsets[-1] + len(e.name))
    succ_cats = sorted({r.catalog for e in catalog.entries for r in e.successors})
    succ_type = types[succ_cats[0]] if len(succ_cats) == 1 else "Member"
    succ_read = _read(succ_type, bases[succ_cats[0]]) if len(succ_cats) == 1 else "r.member()"
    fields = tuple(_field(d, slots[d.name], i, types, bases, catalog) for i, d in enumerate(catalog.fields))
    members = tuple(_member(e, tname + consts[e.name], spec) for e in catalog.entries)
    view = GoCatalog(
        catalog_id=go_string(catalog.id), raw_id=catalog.id, file=naming.file_name(catalog.id),
        spec_file=catalog.file, type=tname, base=base, integer=integer, open=catalog.open,
        doc=_catalog_doc(catalog, tname), members=members,
        names=go_string("".join(e.name for e in catalog.entries)),
        offsets=go_bytes(b"".join(o.to_bytes(4, "big") for o in offsets)),
        rows=go_rows([_row(spec, catalog, e, succ_type) for e in catalog.entries]),
        fields=fields, slots=_slots(fields), successor_type=succ_type, successor_read=succ_read,
        migrate=bool(succ_cats),
        imports=("slices", "strconv", "strings", "sync") if integer else ("slices", "strings", "sync"),
    )
    return view, diags


def _slots(fields: tuple[GoField, ...]) -> tuple[str, ...]:
    """`name type` lines of the declared fields, padded to one column."""
    pairs = [(f.slot, f.type) for f in fields]
    pairs += [(f.slot + "Set", "bool") for f in fields if f.optional]
    width = max((len(name) for name, _ in pairs), default=0)
    return tuple(f"{name.ljust(width)} {kind}" for name, kind in sorted(pairs, key=lambda p: p[0]))


def _read(go_type: str, base: str) -> str:
    """The reader call for a value of a catalog type whose underlying type is base."""
    return f"{go_type}(r.str())" if base == "string" else f"{go_type}(r.num())"


def _literal(value: int | str) -> str:
    return go_string(value) if isinstance(value, str) else str(value)


def _field(decl: FieldDecl, slot: str, i: int, types: dict[str, str], bases: dict[str, str],
           catalog: Catalog) -> GoField:
    optional = not (decl.required and all(decl.name in e.fields for e in catalog.entries))
    doc = go_comment(f"{slot} returns the {decl.name} field" + (f": {decl.description}" if decl.description else "."))
    index = ROW_FIXED + i
    if decl.type in ("ref", "ref_list") and decl.catalog:
        ref = types[decl.catalog]
        read = _read(ref, bases[decl.catalog])
        if decl.type == "ref_list":
            return GoField(slot, "f" + slot, "[]" + ref, False, "ref_list", doc, index, read)
        return GoField(slot, "f" + slot, ref, optional, "ref", doc, index, read)
    if decl.type == "integer":
        small = decl.min is not None and decl.max is not None and INT32[0] <= decl.min and decl.max <= INT32[1]
        return GoField(slot, "f" + slot, "int" if small else "int64", optional, "plain", doc, index,
                       "int(r.num())" if small else "r.num()")
    read = "r.str()" if decl.type == "string" else "r.flag()"
    return GoField(slot, "f" + slot, _PLAIN_TYPES[decl.type], optional, "plain", doc, index, read)


def _ref_value(spec: Spec, ref: Ref) -> int | str | None:
    target = spec.resolve(ref)
    return None if target is None else target.value


def _row(spec: Spec, catalog: Catalog, entry: Entry, succ_type: str) -> list[object]:
    dep = entry.deprecated
    dep_row: list[object] | None = None
    if dep:
        dep_row = [dep.since, dep.note]
        if dep.replacement:
            dep_row += [dep.replacement.catalog, _ref_value(spec, dep.replacement)]
    ret = [entry.retired.since, entry.retired.note] if entry.retired else None
    succ: list[object] = []
    for ref in entry.successors:
        succ += [ref.catalog, _ref_value(spec, ref)] if succ_type == "Member" else [_ref_value(spec, ref)]
    row: list[object] = [entry.message, entry.description, entry.since, dep_row, ret, succ]
    for decl in catalog.fields:
        value = entry.fields.get(decl.name)
        if isinstance(value, Ref):
            row.append(_ref_value(spec, value))
        elif isinstance(value, tuple):
            row.append([_ref_value(spec, r) for r in value])
        else:
            row.append([] if value is None and decl.type == "ref_list" else value)
    return row


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
