"""The Java view-model: every name, literal, type and column computed before templating."""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, FieldDecl, Spec
from codegen.naming import catalog_ids, check_collisions, field_names, name_catalog
from codegen.targets import Settings
from codegen.targets.java import naming, rows
from codegen.targets.java.literals import doc_html, java_integer, java_string, javadoc
from codegen.targets.java.rows import FIXED_CELLS

#: Constants per holder interface: each holder's static initialiser stays far below 64 KB, and
#: the JVM's linking of a holder, which grows with the square of its fields, stays short.
CHUNK = 1000
#: Characters of values per string literal: a class file holds at most 65,535 bytes of one.
PART = 20_000
INT_RANGE = (-(2**31), 2**31 - 1)
LONG_RANGE = (-(2**63), 2**63 - 1)


@dataclass(frozen=True, slots=True)
class JavaType:
    """How a catalog's wire value is typed and parsed."""

    name: str  # int, long or String
    boxed: str
    parse: str  # the call turning a decimal string into the value ("" for String)


INT = JavaType("int", "Integer", "Integer.parseInt")
LONG = JavaType("long", "Long", "Long.parseLong")
STRING = JavaType("String", "String", "")


@dataclass(frozen=True, slots=True)
class JavaField:
    method: str
    kind: str  # int, long, string, boolean, ref or ref_list
    type: str  # the declared return type
    column: int
    nullable: bool
    doc: str  # the text of the method's Javadoc, before escaping
    ref_class: str = ""
    ref_parse: str = ""


@dataclass(frozen=True, slots=True)
class JavaMember:
    name: str
    literal: str
    index: int
    doc: str  # a whole Javadoc comment, indented for an interface body
    deprecated: str  # the @Deprecated annotation, or ""


@dataclass(frozen=True, slots=True)
class JavaValues:
    """The wire values in spec order, as the runtime's Rows reads them back."""

    parts: tuple[str, ...]  # Java string literals, joined at run time
    digits: int  # base-32 digits of each number (0: the values are texts)
    base: str  # the Java literal every number is counted from


@dataclass(frozen=True, slots=True)
class JavaChunk:
    name: str  # the holder interface of the constants
    holder: str  # the nested class of the catalog that makes their entries
    members: tuple[JavaMember, ...]

    # Joined here: a template loop over 1,000 members a holder costs several times the join.
    def constants(self, class_name: str) -> str:
        """Each member's Javadoc, deprecation annotation and constant, read from the holder's entries."""
        return "\n".join(f"{m.doc}\n    {m.deprecated}\n    {class_name} {m.name} = $ENTRIES[{i}];" if m.deprecated
                         else f"{m.doc}\n    {class_name} {m.name} = $ENTRIES[{i}];" for i, m in enumerate(self.members))


@dataclass(frozen=True, slots=True)
class JavaCatalog:
    class_name: str
    catalog_id: str
    catalog_id_literal: str
    spec_file: str
    open: bool
    type: JavaType
    doc: str
    chunks: tuple[JavaChunk, ...]
    fields: tuple[JavaField, ...]
    count: int
    width: int
    values: JavaValues
    doc_url_column: int = -1  # the cell of the page address (the docs target's base_url is set)

    @property
    def resource(self) -> str:
        return f"{self.class_name}.rows"


@dataclass
class JavaPackage:
    package: str
    group: str
    artifact: str
    version: str
    name: str
    description: str
    settings: Settings
    catalogs: list[JavaCatalog] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.package.replace(".", "/")

    @property
    def module_name(self) -> str:
        return self.package


def build(spec: Spec, cfg: Settings, members: bool = True) -> tuple[JavaPackage, list[Diagnostic]]:
    """The whole library view, or diagnostics naming what Java cannot carry (without the
    members' constants and Javadoc unless members: the Kotlin target reads only the rest)."""
    pkg = JavaPackage(cfg["package"], cfg["group"], cfg["artifact"], spec.version, cfg.get("name", cfg["artifact"]),
                      cfg.get("description", ""), cfg)
    classes, diags = check_collisions(naming.CLASS, catalog_ids(spec.catalogs), "the package")
    types = {c.id: _value_type(c) for c in spec.catalogs}
    for catalog in spec.catalogs:
        diags += _range_errors(catalog)
        view, found = _catalog(spec, catalog, classes, types, members)
        diags += found
        pkg.catalogs.append(view)
    return pkg, diags


def _value_type(catalog: Catalog) -> JavaType:
    if catalog.values == "string":
        return STRING
    fits = all(INT_RANGE[0] <= int(e.value) <= INT_RANGE[1] for e in catalog.entries)
    return INT if fits else LONG


def _range_errors(catalog: Catalog) -> list[Diagnostic]:
    out = []
    for i, entry in enumerate(catalog.entries):
        values = [("value", entry.value, ("value",))] + [(f"field {k}", v, ("fields", k))
                                                          for k, v in entry.fields.items() if not _fits(v)]
        for what, value, path in values:
            if not _fits(value):
                out.append(Diagnostic(
                    *catalog.at("entries", i, *path), "J001",
                    f"java: {what} {value} of {catalog.id}.{entry.name} does not fit a Java long",
                    "keep integer values within ±9223372036854775807, or make the catalog a string catalog"))
    return out


def _fits(value: object) -> bool:
    """Whether value is no integer, or one a Java long holds."""
    return type(value) is not int or LONG_RANGE[0] <= value <= LONG_RANGE[1]


def _catalog(spec: Spec, catalog: Catalog, classes: dict[str, str],
             types: dict[str, JavaType], with_members: bool) -> tuple[JavaCatalog, list[Diagnostic]]:
    cls = classes[catalog.id]
    # a field named like a generated method takes the escape suffix (FIELD reserves them), so none is refused
    if with_members:
        keys, methods, diags = name_catalog(catalog, naming.MEMBER, naming.FIELD, frozenset(), "N002", f"class {cls}")
    else:  # the fields' methods only: the members' names are the Java target's own concern
        keys, (methods, diags) = {}, check_collisions(naming.FIELD, field_names(catalog), f"class {cls}")
    vtype = types[catalog.id]
    members = [_member(e, i, keys, classes, vtype) for i, e in enumerate(catalog.entries)] if with_members else []
    chunks = tuple(JavaChunk(f"{cls}_{n}", f"Chunk{n}", tuple(members[i:i + CHUNK]))
                   for n, i in enumerate(range(0, len(members), CHUNK)))
    fields = tuple(_field(d, methods[d.name], FIXED_CELLS + i, catalog, classes, types)
                   for i, d in enumerate(catalog.fields))
    view = JavaCatalog(
        class_name=cls, catalog_id=catalog.id, catalog_id_literal=java_string(catalog.id), spec_file=catalog.file,
        open=catalog.open, type=vtype, doc=javadoc(_catalog_doc(catalog, cls)), chunks=chunks, fields=fields,
        count=len(catalog.entries), width=rows.width(spec, catalog), values=_values(catalog, vtype),
        doc_url_column=FIXED_CELLS + len(fields) if spec.doc_url(catalog.id) else -1)
    return view, diags


def _values(catalog: Catalog, vtype: JavaType) -> JavaValues:
    """Numbers as fixed-width base-32 digits from the least; texts as their length, a colon and the text."""
    if vtype is STRING:
        items = [f"{len(str(e.value).encode('utf-16-le')) // 2}:{e.value}" for e in catalog.entries]
        return JavaValues(_parts(items), 0, "0")
    ints = [int(e.value) for e in catalog.entries]
    base = min(ints, default=0)
    digits = max(1, ((max(ints, default=0) - base).bit_length() + 4) // 5)
    items = ["".join(chr(0x30 + ((v - base) >> (5 * k) & 31)) for k in reversed(range(digits))) for v in ints]
    return JavaValues(_parts(items), digits, java_integer(base, vtype is LONG))


def _parts(items: list[str]) -> tuple[str, ...]:
    """Items joined into string literals of at most PART chars each (an item is never split)."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for item in items:
        if current and size + len(item) > PART:
            parts.append("".join(current))
            current, size = [], 0
        current.append(item)
        size += len(item)
    parts.append("".join(current))
    return tuple(java_string(part) for part in parts)


def _catalog_doc(catalog: Catalog, cls: str) -> str:
    lines = [catalog.title + "."]
    if catalog.description:
        lines += ["", catalog.description]
    if catalog.publisher:
        lines += ["", f"Publisher: {catalog.publisher}."]
    lines += [f"Source: {s.url}" for s in catalog.sources]
    lines.append("")
    lines.append("Open catalog: of() keeps a value it does not list as an instance whose isKnown() is false."
                 if catalog.open else
                 "Closed catalog: of() throws UnknownValueException for a value it does not list.")
    return "\n".join(lines)


def _member(entry: Entry, index: int, keys: dict[str, str], classes: dict[str, str], vtype: JavaType) -> JavaMember:
    literal = java_string(str(entry.value)) if vtype is STRING else java_integer(int(entry.value), vtype is LONG)
    return JavaMember(keys[entry.name], literal, index, _member_doc(entry, classes),
                      _deprecated(entry))


def _member_doc(entry: Entry, classes: dict[str, str]) -> str:
    lines = doc_html(entry.message)
    if entry.description and entry.description != entry.message:
        more = doc_html(entry.description)
        lines += ["", "<p>" + more[0], *more[1:]]
    body = [f"     * {line}" if line else "     *" for line in lines]
    tags = [f"     * @since {_html_line(entry.since)}"]
    dep, ret = entry.deprecated, entry.retired
    if dep or ret:
        parts = []
        if dep and dep.replacement:
            ref = dep.replacement
            parts.append(f"use {{@link {classes[ref.catalog]}#{naming.MEMBER.apply(ref.name)}}}")
        if dep:
            parts.append(_html_line(f"deprecated since {dep.since}. {dep.note}".strip()))
        if ret:
            parts.append(_html_line(f"retired since {ret.since}: the value stays reserved. {ret.note}".strip()))
        tags.append("     * @deprecated " + "; ".join(parts))
    return "\n".join(["    /**", *body, "     *", *tags, "     */"])


def _html_line(text: str) -> str:
    return " ".join(doc_html(text))


def _deprecated(entry: Entry) -> str:
    dep, ret = entry.deprecated, entry.retired
    if ret:
        return f"@Deprecated(since = {java_string(ret.since)}, forRemoval = true)"
    if dep:
        return f"@Deprecated(since = {java_string(dep.since)}, forRemoval = false)"
    return ""


def _field(decl: FieldDecl, method: str, column: int, catalog: Catalog, classes: dict[str, str],
           types: dict[str, JavaType]) -> JavaField:
    always = decl.required and all(decl.name in e.fields for e in catalog.entries)
    doc = decl.description or f"The {decl.name} field."
    if decl.type in ("ref", "ref_list") and decl.catalog:
        ref_cls, ref_type = classes[decl.catalog], types[decl.catalog]
        if decl.type == "ref_list":
            return JavaField(method, "ref_list", f"List<{ref_cls}>", column, False, doc, ref_cls, ref_type.parse)
        return JavaField(method, "ref", ref_cls, column, not always, doc, ref_cls, ref_type.parse)
    if decl.type == "integer":
        values = [v for e in catalog.entries if type(v := e.fields.get(decl.name)) is int]
        jt = INT if all(INT_RANGE[0] <= v <= INT_RANGE[1] for v in values) else LONG
        return JavaField(method, jt.name, jt.boxed if not always else jt.name, column, not always, doc,
                         ref_parse=jt.parse)
    if decl.type == "boolean":
        return JavaField(method, "boolean", "Boolean" if not always else "boolean", column, not always, doc)
    return JavaField(method, "string", "String", column, not always, doc)
