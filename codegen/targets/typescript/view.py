"""The TypeScript view-model: every name, type and literal computed before templating."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, FieldDecl, Ref, Spec
from codegen.naming import catalog_ids, check_collisions, name_catalog
from codegen.targets import Settings
from codegen.targets.jsonbundle.bundle import compact_json
from codegen.targets.typescript import messages, naming, shapes
from codegen.targets.typescript.literals import (
    is_safe_integer,
    jsdoc,
    ts_key,
    ts_literal,
    ts_string,
    ts_template_lines,
)

_TYPES = {"integer": "number", "string": "string", "boolean": "boolean"}


@dataclass(frozen=True, slots=True)
class TsField:
    key: str  # property of the info record
    type: str  # its TypeScript type
    row_type: str  # the plain type a metadata row holds (cast to `type` when they differ)
    doc: str  # JSDoc block, indented for the interface


@dataclass(frozen=True, slots=True)
class TsMember:
    key: str  # property of the `as const` object
    value: str  # literal
    doc: str  # JSDoc block, indented for the object


@dataclass(frozen=True, slots=True)
class TsCatalog:
    catalog_id: str
    module: str  # kebab-case file name without extension
    spec_file: str
    open: bool
    value_type: str  # number or string
    doc: str  # module JSDoc block
    type_name: str  # the const object and the union of its values
    name_type: str  # union of member names
    names: str  # its definition: keyof the object, or the spelled-out names when a key is escaped
    info_type: str
    successor_type: str
    is_fn: str
    parse_fn: str
    parse_strict_fn: str  # open catalogs only
    info_fn: str
    infos_fn: str
    migrate_fn: str  # only when some entry has successors
    members: tuple[TsMember, ...]
    fields: tuple[TsField, ...]
    type_imports: tuple[tuple[str, tuple[str, ...]], ...]  # (module, names) imported as types
    successor_refs: tuple[tuple[str, str, str], ...]  # (catalog id literal, name type, value type)
    rows: str = ""  # the metadata rows as one template literal (rendered once for .ts and .js)
    doc_urls: bool = False  # each info record carries its page address (the docs target's base_url is set)

    @property
    def values(self) -> tuple[str, ...]:
        """Names the module exports as values (and, for the const object, as a type)."""
        out = [self.type_name, self.is_fn, self.parse_fn]
        if self.open:
            out.append(self.parse_strict_fn)
        out += [self.info_fn, self.infos_fn]
        if self.migrate_fn:
            out.append(self.migrate_fn)
        return tuple(out)

    @property
    def types(self) -> tuple[str, ...]:
        """Names the module exports as types only."""
        return (self.name_type, self.info_type, self.successor_type)


@dataclass
class TsPackage:
    package: str
    version: str
    description: str
    project_file: str
    doc: str = ""  # the index module's JSDoc block
    catalogs: list[TsCatalog] = field(default_factory=list)
    shapes: shapes.TsShapes = field(default_factory=lambda: shapes.TsShapes(()))
    messages: tuple[messages.TsMessages, ...] = ()

    @property
    def message_exports(self) -> tuple[str, ...]:
        """The values the message helpers export."""
        return tuple(n for m in self.messages for n in m.exports)

    @property
    def message_types(self) -> tuple[str, ...]:
        """The types the message helpers export."""
        return tuple(n for m in self.messages for n in m.types)


def build(spec: Spec, cfg: Settings) -> tuple[TsPackage, list[Diagnostic]]:
    """The whole package view, or diagnostics that say which entries cannot be emitted."""
    description = cfg.get("description", "")
    pkg = TsPackage(cfg["package"], spec.version, description, spec.project_file, jsdoc(
        (description or "Generated catalogs.") + "\n\n"
        f"Every catalog is its own module (also importable as `{cfg['package']}/<module>`); this\n"
        "index re-exports each under names prefixed by its catalog, so catalogs that share\n"
        "member names (an envelope status and a reason, say) never share a namespace.",
        tags=("@module",)))
    modules, diags = check_collisions(naming.MODULE, catalog_ids(spec.catalogs), "the package")
    types, more = check_collisions(naming.TYPE, catalog_ids(spec.catalogs), "the package")
    diags += more
    for catalog in spec.catalogs:
        view, found = _catalog(spec, catalog, modules, types)
        diags += found
        pkg.catalogs.append(view)
    diags += _check_exports(spec, pkg)
    if not diags:
        taken = {"UnknownValueError", "isUnknown", "Deprecation", "Lifecycle", "MemberRef", "Retirement", "Unknown", "VERSION"}
        taken |= {n for c in pkg.catalogs for n in c.values + c.types}
        names = {c.catalog_id: (c.module, c.type_name, c.info_fn, c.parse_fn) for c in pkg.catalogs}
        pkg.messages = messages.build(spec, names)
        taken |= set(pkg.message_exports + pkg.message_types)
        pkg.shapes, diags = shapes.build(spec, names, taken, pkg.messages)
    return pkg, diags


def _check_exports(spec: Spec, pkg: TsPackage) -> list[Diagnostic]:
    """Every name the index re-exports is distinct (FooInfo of foo vs type of foo_info)."""
    catalogs = {c.id: c for c in spec.catalogs}
    seen: dict[str, str] = {}
    diags: list[Diagnostic] = []
    for c in pkg.catalogs:
        for name in c.values + c.types:
            first = seen.setdefault(name, c.catalog_id)
            if first != c.catalog_id:
                first_file, first_line, _ = catalogs[first].at("catalog", "id")
                diags.append(Diagnostic(
                    *catalogs[c.catalog_id].at("catalog", "id"), "T002",
                    f"typescript: catalog {c.catalog_id} exports '{name}', which catalog {first} "
                    f"({first_file}:{first_line}) already exports from the index",
                    "rename one of the catalogs; a published name never changes, so rename the newer one"))
    return diags


def _catalog(spec: Spec, catalog: Catalog, modules: dict[str, str], types: dict[str, str]) -> tuple[TsCatalog, list[Diagnostic]]:
    type_name = types[catalog.id]
    keys, attrs, diags = name_catalog(catalog, naming.MEMBER, naming.FIELD, naming.INFO_KEYS, "T003",
                                      f"catalog {type_name}")
    diags += _check_integers(catalog)
    if diags:
        return _empty(catalog, modules, type_name), diags

    imports: dict[str, set[str]] = {}

    def import_type(catalog_id: str, what: str) -> str:
        name = types[catalog_id] + ("Name" if what == "name" else "")
        if catalog_id != catalog.id:
            imports.setdefault(naming.kebab(modules[catalog_id]), set()).add(name)
        return name

    value_types = {c.id: "number" if c.values == "integer" else "string" for c in spec.catalogs}
    fields = tuple(_field(d, attrs[d.name], catalog, import_type, value_types) for d in catalog.fields)
    succ_ids = sorted({r.catalog for e in catalog.entries for r in e.successors})
    successor_refs = tuple((ts_string(c), import_type(c, "name"), import_type(c, "value")) for c in succ_ids)
    camel = type_name[:1].lower() + type_name[1:]
    doc_lines = [catalog.title + ".", ""]
    if catalog.description:
        doc_lines += [catalog.description, ""]
    if catalog.publisher:
        doc_lines.append(f"Publisher: {catalog.publisher}.")
    doc_lines += [f"Source: {s.url}" for s in catalog.sources]
    doc_lines.append("")
    doc_lines.append(f"Open catalog: {_prefixed('parse', type_name)}() returns an Unknown for values it does not list."
                     if catalog.open else
                     f"Closed catalog: {_prefixed('parse', type_name)}() throws UnknownValueError for values it does not list.")
    members = []
    rows = []
    for entry in catalog.entries:
        members.append(TsMember(
            key=ts_key(keys[entry.name]),
            value=ts_literal(entry.value),
            doc=_member_jsdoc(spec, entry),
        ))
        rows.append(_row(spec, entry, catalog.fields, bool(succ_ids), spec.doc_url(catalog.id, entry.name)))
    view = TsCatalog(
        catalog_id=catalog.id,
        module=naming.kebab(modules[catalog.id]),
        spec_file=catalog.file,
        open=catalog.open,
        value_type="number" if catalog.values == "integer" else "string",
        doc=jsdoc("\n".join(doc_lines), tags=("@module",)),
        type_name=type_name,
        name_type=naming.TYPE.escape(type_name + "Name"),
        # keyof costs the checker nothing extra; a second union only when keys differ.
        names=(f"keyof typeof {type_name}" if all(keys[e.name] == e.name for e in catalog.entries)
               else " | ".join(ts_string(e.name) for e in catalog.entries)),
        info_type=naming.TYPE.escape(type_name + "Info"),
        successor_type=naming.TYPE.escape(type_name + "Successor"),
        is_fn=_prefixed("is", type_name),
        parse_fn=_prefixed("parse", type_name),
        parse_strict_fn=_prefixed("parse", type_name + "Strict"),
        info_fn=naming.FUNCTION.escape(camel + "Info"),
        infos_fn=naming.FUNCTION.escape(camel + "Infos"),
        migrate_fn=_prefixed("migrate", type_name) if succ_ids else "",
        members=tuple(members),
        fields=fields,
        type_imports=tuple((m, tuple(sorted(n))) for m, n in sorted(imports.items())),
        successor_refs=successor_refs,
        rows=ts_template_lines(rows),
        doc_urls=spec.doc_url(catalog.id) is not None,
    )
    return view, diags


def _prefixed(verb: str, type_name: str) -> str:
    """A function name made of a verb and a type name, kept clear of reserved and generated names."""
    return naming.FUNCTION.escape(verb + type_name)


def _empty(catalog: Catalog, modules: dict[str, str], type_name: str) -> TsCatalog:
    """A placeholder for a catalog that cannot be emitted (its diagnostics say why)."""
    return TsCatalog(catalog.id, naming.kebab(modules[catalog.id]), catalog.file, catalog.open, "", "",
                     type_name, "", "", "", "", "", "", "", "", "", "", (), (), (), ())


def _check_integers(catalog: Catalog) -> list[Diagnostic]:
    """JavaScript numbers hold integers exactly up to 2**53 - 1; larger ones are refused."""
    diags = []
    for index, entry in enumerate(catalog.entries):
        if not _unsafe(entry.value):
            for field_value in entry.fields.values():
                if _unsafe(field_value):
                    break
            else:
                continue  # the common case: nothing out of range
        values: list[tuple[str, object, tuple[str | int, ...]]] = [("value", entry.value, ("value",))]
        values += [(f"field {k}", v, ("fields", k)) for k, v in entry.fields.items()]
        for what, value, path in values:
            if isinstance(value, int) and not isinstance(value, bool) and not is_safe_integer(value):
                diags.append(Diagnostic(
                    *catalog.at("entries", index, *path), "T001",
                    f"typescript: {what} {value} of {catalog.id}.{entry.name} is beyond Number.MAX_SAFE_INTEGER "
                    f"(2**53 - 1) and would silently lose precision as a JavaScript number",
                    "keep integer values within ±9007199254740991, or make the catalog a string catalog"))
    return diags


def _unsafe(value: object) -> bool:
    """An integer (not a boolean) a JavaScript number cannot hold exactly."""
    return type(value) is int and not is_safe_integer(value)


def _field(decl: FieldDecl, key: str, catalog: Catalog, import_type: Callable[[str, str], str],
           value_types: dict[str, str]) -> TsField:
    always = decl.required and all(decl.name in e.fields for e in catalog.entries)
    if decl.type in ("ref", "ref_list") and decl.catalog:
        base, plain = import_type(decl.catalog, "value"), value_types[decl.catalog]
        if decl.type == "ref_list":
            base, plain = f"readonly {base}[]", f"readonly {plain}[]"
    elif decl.enum:
        base, plain = " | ".join(ts_string(v) for v in decl.enum), "string"
    else:
        base = plain = _TYPES[decl.type]
    if not always and decl.type != "ref_list":
        base, plain = base + " | null", plain + " | null"
    doc = decl.description or f"The {decl.name} field."
    return TsField(ts_key(key), base, plain, jsdoc(doc, indent="    "))


def _ref_row(spec: Spec, ref: Ref) -> tuple[str, str, int | str]:
    target = spec.resolve(ref)
    if target is None:  # the loader rejects dangling references before any target runs
        raise ValueError(f"unresolved reference {ref}")
    return (ref.catalog, ref.name, target.value)


def _row(spec: Spec, entry: Entry, decls: tuple[FieldDecl, ...], with_successors: bool, doc_url: str | None) -> str:
    dep = entry.deprecated
    row: tuple[object, ...] = (
        entry.name,
        entry.value,
        entry.message,
        entry.description,
        entry.since,
        *([] if doc_url is None else [doc_url]),  # only when the site's address is configured
        (dep.since, _ref_row(spec, dep.replacement) if dep.replacement else None, dep.note) if dep else None,
        (entry.retired.since, entry.retired.note) if entry.retired else None,
        *([tuple(_ref_row(spec, r) for r in entry.successors)] if with_successors else []),
        *(_field_value(spec, entry.fields.get(d.name), d) for d in decls),
    )
    # JSON text (JSON escapes every line break, so a row is one line).
    return compact_json(row)


def _field_value(spec: Spec, value: object, decl: FieldDecl) -> object:
    if isinstance(value, Ref):
        return _ref_row(spec, value)[2]
    if isinstance(value, tuple):
        return tuple(_ref_row(spec, r)[2] for r in value if isinstance(r, Ref))
    if value is None and decl.type == "ref_list":
        return ()
    return value


def _member_jsdoc(spec: Spec, entry: Entry) -> str:
    """The member's JSDoc: its text, @deprecated with the replacement, successors, @since."""
    parts = [entry.message]
    if entry.description.startswith(entry.message):
        parts = [entry.description]
    elif entry.description:
        parts += ["", entry.description]
    tags: list[str] = []
    if entry.retired:
        parts += ["", f"Retired since {entry.retired.since}: the value stays reserved. {entry.retired.note}".rstrip()]
    if entry.deprecated:
        dep = entry.deprecated
        use = ""
        if dep.replacement:
            use = f" Use {dep.replacement}"
            target = spec.resolve(dep.replacement)
            use += f" ({ts_literal(target.value)})." if target else "."
        tags.append(f"@deprecated Since {dep.since}.{use} {dep.note}".rstrip())
    elif entry.retired:
        tags.append(f"@deprecated Retired since {entry.retired.since}.")
    if entry.successors:
        tags.append("@see successors: " + ", ".join(str(r) for r in entry.successors))
    tags.append(f"@since {entry.since}")
    return jsdoc("\n".join(parts), "    ", tuple(tags))
