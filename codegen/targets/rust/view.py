"""The Rust view-model: every identifier, type and literal computed before templating."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, FieldDecl, Ref, Spec
from codegen.naming import catalog_ids, check_collisions, name_catalog
from codegen.targets import Settings
from codegen.targets.rust import naming, table
from codegen.targets.rust.literals import doc_text, rust_literal, rust_string, rustdoc

I32 = (-(2**31), 2**31 - 1)
I64 = (-(2**63), 2**63 - 1)
DEFAULT_LICENSE = "MIT OR Apache-2.0"


@dataclass(frozen=True, slots=True)
class RsField:
    method: str  # the accessor
    doc: str  # rustdoc block, indented for the impl
    returns: str  # accessor's return type
    body: tuple[str, ...]  # accessor body
    kind: str = "plain"  # plain, string, ref or ref_list (how the verifier prints it)


@dataclass(frozen=True, slots=True)
class RsEntry:
    const: str
    value: str  # literal of the wire value
    doc: str
    deprecated: str  # the #[deprecated] attribute, or ""


@dataclass(frozen=True, slots=True)
class RsCatalog:
    catalog_id: str
    module: str  # identifier (may be raw)
    file: str  # src/<file>.rs
    type_name: str
    spec_file: str
    doc: str  # the module's inner doc
    type_doc: str
    open: bool
    string: bool
    wire: str  # i32, i64 or str
    entries: tuple[RsEntry, ...]
    fields: tuple[RsField, ...]
    successor: str  # the successors' element type ("" when no entry has successors)
    successor_enum: tuple[tuple[str, str], ...]  # (variant, type path) when successors span catalogs
    allow_camel: bool  # the type name carries the escape suffix
    uses_ref: bool = False  # some deprecation names its replacement
    imports: tuple[str, ...] = ()  # other catalogs' types it names
    # for the verifier program: the successors' modules, and a value the catalog does not list
    successor_module: str = ""
    doc_urls: bool = False  # each row carries its page address (the docs target's base_url is set)
    successor_verify: tuple[tuple[str, str], ...] = ()
    unlisted: str = ""
    unlisted_text: str = ""
    # the packed table (see table.py): its statics, the text columns, the number of rows
    statics: tuple[table.Static, ...] = ()
    columns: dict[str, int] = field(default_factory=dict)
    count: int = 0
    values: str = ""  # the wire values by row, sorted (integer catalogs)
    helpers: frozenset[str] = frozenset()  # the `meta` functions the module calls
    uses_cow: bool = False

    # The per-member blocks of the module, joined here: a template loop over 10,000 members
    # costs several times the join.
    @property
    def constants(self) -> str:
        """Each member's doc, deprecation attribute and associated constant."""
        return "\n".join(f"{e.doc}\n    {e.deprecated}\n    pub const {e.const}: Self = Self({e.value});" if e.deprecated
                         else f"{e.doc}\n    pub const {e.const}: Self = Self({e.value});" for e in self.entries)

    @property
    def known(self) -> str:
        """The lines of KNOWN: every member's value, in spec order."""
        return "\n".join([f"        Self({e.value})," for e in self.entries])

    @property
    def inner(self) -> str:
        """The newtype's field: the wire value."""
        return "Cow<'static, str>" if self.string else self.wire

    @property
    def meta_imports(self) -> str:
        """The names the module takes from `meta`, in rustfmt's order."""
        names = ["Deprecation", *(["Ref"] if self.uses_ref else []), "Retirement", "Status", "UnknownValue"]
        return ", ".join(names)


@dataclass
class RsCrate:
    name: str  # the package name on crates.io
    lib: str  # its library identifier
    version: str
    description: str
    license: str
    alloc: bool  # some catalog holds strings
    example: str  # the README's doctest body
    repository: str = ""
    catalogs: list[RsCatalog] = field(default_factory=list)

    @property
    def helpers(self) -> frozenset[str]:
        """The `meta` functions some catalog module calls."""
        return frozenset().union(*(c.helpers for c in self.catalogs))

    @property
    def mod_lines(self) -> list[str]:
        """The module declarations in rustfmt's order (by name, raw prefix aside)."""
        return sorted(["meta", *(c.module for c in self.catalogs)], key=naming.plain)

    @property
    def use_lines(self) -> list[str]:
        """The re-exports in rustfmt's order (segment by segment, as written)."""
        lines = ["meta::{Deprecation, Ref, Retirement, Status, UnknownValue}"]
        lines += [f"{c.module}::{c.type_name}" for c in self.catalogs]
        return sorted(lines, key=lambda line: line.split("::"))

    @property
    def description_doc(self) -> str:
        """The description as Markdown that renders as the text."""
        return "\n".join(doc_text(self.description)) if self.description else ""


def build(spec: Spec, cfg: Settings) -> tuple[RsCrate, list[Diagnostic]]:
    """The whole crate view, or diagnostics that say which names or values cannot be emitted."""
    crate = RsCrate(cfg["crate"], cfg["crate"].replace("-", "_"), spec.version, cfg.get("description", ""),
                    cfg.get("license", DEFAULT_LICENSE), any(c.values == "string" for c in spec.catalogs), "",
                    cfg.get("repository", ""))
    modules, diags = check_collisions(naming.MODULE, catalog_ids(spec.catalogs), "the crate")
    types, more = check_collisions(naming.TYPE, catalog_ids(spec.catalogs), "the crate")
    diags += more
    diags += _check_successor_names(spec, types)
    # the wire value of every entry, by reference: what a reference field stores
    refs = any(d.type in ("ref", "ref_list") for c in spec.catalogs for d in c.fields)
    values = {Ref(c.id, e.name): e.value for c in spec.catalogs for e in c.entries} if refs else {}
    for catalog in spec.catalogs:
        view, found = _catalog(spec, catalog, modules, types, values)
        diags += found
        crate.catalogs.append(view)
    if crate.catalogs and not diags:
        crate.example = _example(spec.catalogs[0], crate.catalogs[0], crate.lib)
    return crate, diags


def wire_type(catalog: Catalog) -> str | None:
    """i32 when every value fits, else i64; None when one does not fit in i64."""
    if catalog.values == "string":
        return "str"
    values = [e.value for e in catalog.entries if isinstance(e.value, int)]
    for name, (low, high) in (("i32", I32), ("i64", I64)):
        if all(low <= v <= high for v in values):
            return name
    return None


def _successor_catalogs(catalog: Catalog) -> list[str]:
    return sorted({r.catalog for e in catalog.entries for r in e.successors})


def _check_successor_names(spec: Spec, types: dict[str, str]) -> list[Diagnostic]:
    """A successor enum (successors from several catalogs) must not take a catalog's type name."""
    taken = {t: cid for cid, t in types.items()}
    diags = []
    for catalog in spec.catalogs:
        name = types[catalog.id] + "Successor"
        if len(_successor_catalogs(catalog)) > 1 and name in taken:
            diags.append(Diagnostic(*catalog.at("catalog", "id"), "N001",
                                    f"rust: catalog {catalog.id} needs the type '{name}' for its successors, "
                                    f"which catalog {taken[name]} already has", "rename one of the catalogs"))
    return diags


def _path(modules: dict[str, str], types: dict[str, str], catalog_id: str) -> str:
    return types[catalog_id]


def _imports(catalog: Catalog, succ: list[str], modules: dict[str, str], types: dict[str, str]) -> tuple[str, ...]:
    """`use` paths of the other catalogs whose types this one names (succ: its successors'
    catalogs), in rustfmt's order."""
    ids = {d.catalog for d in catalog.fields if d.catalog} | set(succ)
    ids.discard(catalog.id)
    return tuple(sorted((f"crate::{modules[i]}::{types[i]}" for i in ids if i), key=lambda p: p.split("::")))


def _catalog(spec: Spec, catalog: Catalog, modules: dict[str, str], types: dict[str, str],
             values: dict[Ref, int | str]) -> tuple[RsCatalog, list[Diagnostic]]:
    type_name = types[catalog.id]
    consts, methods, diags = name_catalog(catalog, naming.MEMBER, naming.FIELD, naming.ACCESSORS, "N002",
                                     f"type {type_name}")
    wire = wire_type(catalog)
    diags += _check_integers(catalog, wire)
    if diags or wire is None:
        return _empty(catalog, modules[catalog.id], type_name), diags
    succ = _successor_catalogs(catalog)
    if len(succ) == 1:
        successor = _path(modules, types, succ[0])
    else:
        successor = f"{type_name}Successor" if succ else ""
    variants = tuple((types[c], _path(modules, types, c)) for c in succ) if len(succ) > 1 else ()

    def ref(r: Ref) -> str:
        return f"{_path(modules, types, r.catalog)}::{naming.MEMBER.apply(r.name)}"

    def succ_literal(r: Ref) -> str:
        return f"{type_name}Successor::{types[r.catalog]}({ref(r)})" if variants else ref(r)

    rows = sorted(catalog.entries, key=lambda e: e.value)
    doc_urls = spec.doc_url(catalog.id) is not None
    where = table.layout(catalog, spec, doc_urls)
    statics = [table.texts(catalog, rows, spec, where, values.__getitem__), *table.lifecycle(rows)]
    helpers: set[str] = set()
    if succ:
        cells = [(row, "&[" + ", ".join(succ_literal(r) for r in e.successors) + "]")
                 for row, e in enumerate(rows) if e.successors]
        statics.append(table.sparse("SUCCESSORS", f"&[{successor}]", "/// The rows' successors, for the rows that have some.",
                                    cells, deprecated=True))
        helpers.add("list")
    fields = []
    for index, decl in enumerate(catalog.fields):
        found, accessor = _field(spec, decl, index, rows, where, modules, types, values, ref)
        statics += found
        helpers |= accessor.helpers
        fields.append(_rs_field(decl, methods[decl.name], accessor))
    entries = tuple(_entry(spec, e, consts[e.name], modules, types) for e in catalog.entries)
    unlisted = _unlisted(catalog)
    string = catalog.values == "string"
    view = RsCatalog(
        catalog_id=catalog.id, module=modules[catalog.id], file=naming.plain(modules[catalog.id]),
        type_name=type_name, spec_file=catalog.file, doc=rustdoc(_catalog_doc(catalog), inner=True),
        type_doc=rustdoc(_catalog_doc(catalog)), open=catalog.open, string=string,
        wire=wire, entries=entries, fields=tuple(fields), successor=successor,
        successor_enum=variants, allow_camel=type_name.endswith(naming.TYPE.escape_suffix),
        uses_ref=any(e.deprecated and e.deprecated.replacement for e in catalog.entries),
        doc_urls=doc_urls,
        imports=_imports(catalog, succ, modules, types),
        successor_module=modules[succ[0]] if len(succ) == 1 else "",
        successor_verify=tuple((types[c], modules[c]) for c in succ),
        unlisted=rust_literal(unlisted), unlisted_text=rust_string(str(unlisted)),
        statics=tuple(statics), columns={name: where.column(name) for name in where.base}, count=len(rows),
        values="" if string else table.column([int(e.value) for e in rows]),
        helpers=frozenset(helpers),
        uses_cow=string or any(d.type == "ref" and d.name in where.fields for d in catalog.fields))
    return view, diags


def _empty(catalog: Catalog, module: str, type_name: str) -> RsCatalog:
    """A placeholder for a catalog that cannot be emitted (its diagnostics say why)."""
    return RsCatalog(catalog.id, module, naming.plain(module), type_name, catalog.file, "", "", catalog.open,
                     False, "", (), (), "", (), False)


def _check_integers(catalog: Catalog, wire: str | None) -> list[Diagnostic]:
    """Values and integer fields beyond i64 cannot be Rust integers: refused where they are written."""
    diags = []
    for index, entry in enumerate(catalog.entries):
        found: list[tuple[str, object, tuple[str, ...]]] = [("value", entry.value, ("value",))] if wire is None else []
        found += [(f"field {k}", v, ("fields", k)) for k, v in entry.fields.items() if not _fits(v)]
        for what, value, path in found:
            if not _fits(value):
                diags.append(Diagnostic(
                    *catalog.at("entries", index, *path), "R001",
                    f"rust: {what} {value} of {catalog.id}.{entry.name} does not fit in an i64",
                    "keep integer values within ±(2**63 - 1), or make the catalog a string catalog"))
    return diags


def _fits(value: object) -> bool:
    """Whether value is no integer, or one an i64 holds."""
    return type(value) is not int or I64[0] <= value <= I64[1]


def _int_type(decl: FieldDecl) -> str:
    """i32 when the declared bounds fit in it (a bound that a later entry cannot cross), else i64."""
    if decl.min is not None and decl.max is not None and I32[0] <= decl.min and decl.max <= I32[1]:
        return "i32"
    return "i64"


def _field(spec: Spec, decl: FieldDecl, index: int, rows: list[Entry],
           where: table.Layout, modules: dict[str, str], types: dict[str, str], values: dict[Ref, int | str],
           ref: Callable[[Ref], str]) -> tuple[list[table.Static], table.Accessor]:
    """The statics of a declared field and how its accessor reads them."""
    if decl.type in ("ref", "ref_list") and decl.catalog:
        base = _path(modules, types, decl.catalog)
        target = spec.catalog(decl.catalog)
        width = ""
        if decl.type == "ref_list":
            kind = "ref_list"
        elif target is not None and target.values == "string":
            kind = "ref_text"
        else:
            kind, width = "ref_int", (wire_type(target) if target else None) or "i64"
    else:
        base = {"integer": _int_type(decl), "string": "&'static str", "boolean": "bool"}[decl.type]
        kind, width = decl.type, base if decl.type == "integer" else ""
    return table.field_column(decl, index, rows, where, table.Shape(kind, base, width), values.__getitem__, ref)


def _rs_field(decl: FieldDecl, method: str, accessor: table.Accessor) -> RsField:
    doc = rustdoc(decl.description or f"The {decl.name} field.", "    ")
    kind = {"ref": "ref", "ref_list": "ref_list", "string": "string"}.get(decl.type, "plain")
    return RsField(method, doc, accessor.returns, accessor.body, kind)


def _entry(spec: Spec, entry: Entry, const: str, modules: dict[str, str], types: dict[str, str]) -> RsEntry:
    value = rust_literal(entry.value) if isinstance(entry.value, int) else f"Cow::Borrowed({rust_string(entry.value)})"
    attr = ""
    if entry.retired:
        note = f"retired: the value stays reserved. {entry.retired.note}".rstrip()
        attr = f"#[deprecated(since = {rust_string(entry.retired.since)}, note = {rust_string(note)})]"
    elif entry.deprecated:
        dep = entry.deprecated
        use = ""
        if dep.replacement:
            use = f"use {types[dep.replacement.catalog]}::{naming.MEMBER.apply(dep.replacement.name)} instead."
        note = f"{use} {dep.note}".strip() or "deprecated"
        attr = f"#[deprecated(since = {rust_string(dep.since)}, note = {rust_string(note)})]"
    return RsEntry(const, value, rustdoc(_member_doc(entry), "    "), attr)


def _member_doc(entry: Entry) -> str:
    parts = [entry.message]
    if entry.description.startswith(entry.message):
        parts = [entry.description]
    elif entry.description:
        parts += ["", entry.description]
    if entry.deprecated:
        dep = entry.deprecated
        use = f" Use {dep.replacement}." if dep.replacement else ""
        parts += ["", f"Deprecated since {dep.since}.{use} {dep.note}".rstrip()]
    if entry.retired:
        parts += ["", f"Retired since {entry.retired.since}: the value stays reserved. {entry.retired.note}".rstrip()]
    if entry.successors:
        parts += ["", "Successors: " + ", ".join(map(str, entry.successors)) + "."]
    parts += ["", f"Since {entry.since}."]
    return "\n".join(parts)


def _catalog_doc(catalog: Catalog) -> str:
    lines = [catalog.title + "."]
    if catalog.description:
        lines += ["", catalog.description]
    lines.append("")
    if catalog.publisher:
        lines.append(f"Publisher: {catalog.publisher}.")
    lines += [f"Source: {s.url}" for s in catalog.sources]
    lines.append("")
    lines.append("Open catalog: a value it does not list is kept as it is (see is_known)." if catalog.open else
                 "Closed catalog: new, TryFrom, FromStr and Deserialize refuse a value it does not list.")
    return "\n".join(lines)


def _unlisted(catalog: Catalog) -> int | str:
    """A wire value the catalog does not list (for the README's example)."""
    values = {e.value for e in catalog.entries}
    if catalog.values == "string":
        text = "NOT_LISTED"
        while text in values:
            text += "_X"
        return text
    number = 0
    while number in values:
        number += 1
    return number


def _example(catalog: Catalog, view: RsCatalog, lib: str) -> str:
    """Doctest lines that hold for the first catalog whatever its entries."""
    t = view.type_name
    unlisted = rust_literal(_unlisted(catalog))
    lines = [
        f"use {lib}::{view.module}::{t};",
        "",
        f"let first = {t}::KNOWN[0].clone();",
        "assert!(first.is_known());",
        f"assert_eq!({t}::from_name(first.name().unwrap()), Some(first.clone()));",
        f"assert_eq!(first.to_string().parse::<{t}>(), Ok(first));",
    ]
    if catalog.open:
        lines += [f"let unlisted = {t}::new({unlisted});", "assert!(!unlisted.is_known());",
                  "assert_eq!(unlisted.message(), None);"]
    else:
        lines += [f"assert!({t}::new({unlisted}).is_err());"]
    return "\n".join(lines)
