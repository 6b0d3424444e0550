"""The Kotlin view-model: value classes over the Java library's classes.

The Kotlin artifact depends on the Java one and reads every piece of metadata through it,
so the Java class and method names come from the Java target's own view of the same spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, Spec
from codegen.naming import catalog_ids, check_collisions, name_catalog
from codegen.targets import Settings
from codegen.targets.java import view as java_view
from codegen.targets.kotlin import naming
from codegen.targets.kotlin.literals import kdoc, kotlin_string

_TYPES = {"int": ("Int", "INT", "Int"), "long": ("Long", "LONG", "Long"), "String": ("String", "STRING", "String")}
_FIELD_TYPES = {"int": "Int", "long": "Long", "boolean": "Boolean", "string": "String"}


@dataclass(frozen=True, slots=True)
class KtField:
    name: str
    type: str
    expr: str
    doc: str
    ref: str = ""  # the value class of a reference


@dataclass(frozen=True, slots=True)
class KtMember:
    name: str
    literal: str
    doc: str
    deprecated: str


@dataclass(frozen=True, slots=True)
class KtCatalog:
    class_name: str
    serializer: str
    java_class: str
    catalog_id: str
    spec_file: str
    open: bool
    value_type: str
    primitive: str  # the serial descriptor's kind
    coder: str  # Int, Long or String: encoder.encodeX / decoder.decodeX
    descriptor_name: str
    doc: str
    members: tuple[KtMember, ...]
    fields: tuple[KtField, ...]
    doc_urls: bool = False  # each entry has its page address (the docs target's base_url is set)

    @property
    def constants(self) -> str:
        """The companion's constants, each after a blank line with its KDoc and deprecation
        (joined here: a template loop over 10,000 members costs several times the join)."""
        cls = self.class_name
        return "\n".join([f"\n{m.doc}\n" + (f"        {m.deprecated}\n" if m.deprecated else "")
                          + f"        public val {m.name}: {cls}\n            get() = {cls}({m.literal})"
                          for m in self.members])


@dataclass
class KtPackage:
    package: str
    group: str
    artifact: str
    version: str
    name: str
    description: str
    java: java_view.JavaPackage
    catalogs: list[KtCatalog] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.package.replace(".", "/")


def build(spec: Spec, cfg: Settings) -> tuple[KtPackage | None, list[Diagnostic]]:
    """The whole Kotlin view, or diagnostics (the Java target must be configured too)."""
    java_cfg = spec.targets.get("java")
    if java_cfg is None:
        return None, [Diagnostic(spec.project_file, 1, 1, "K001", "kotlin: the Kotlin sources wrap the Java "
                                 "library, but the project file configures no java target",
                                 "add a java target (group, artifact, package, url, license, developers, scm)")]
    jpkg, diags = java_view.build(spec, java_cfg, members=False)
    pkg = KtPackage(cfg["package"], java_cfg["group"], cfg["artifact"], spec.version,
                    cfg.get("name", cfg["artifact"]), cfg.get("description", jpkg.description), jpkg)
    classes, more = check_collisions(naming.CLASS, catalog_ids(spec.catalogs), "the package")
    diags += more
    diags += _serializer_clashes(spec, classes)
    for catalog, jc in zip(spec.catalogs, jpkg.catalogs, strict=True):
        view, found = _catalog(catalog, jc, classes, pkg)
        diags += found
        pkg.catalogs.append(view)
    return pkg, diags


def _serializer_clashes(spec: Spec, classes: dict[str, str]) -> list[Diagnostic]:
    """A catalog whose class is named like another catalog's serializer object."""
    by_class = {classes[c.id]: c for c in spec.catalogs}
    out = []
    for catalog in spec.catalogs:
        serializer = classes[catalog.id] + "Serializer"
        other = by_class.get(serializer)
        if other is not None:
            file, line, _ = catalog.at("catalog", "id")
            out.append(Diagnostic(
                *other.at("catalog", "id"), "N001",
                f"kotlin: class '{serializer}' of catalog '{other.id}' is the name of the serializer of catalog "
                f"'{catalog.id}' ({file}:{line})", "rename one of them"))
    return out


def _catalog(catalog: Catalog, jc: java_view.JavaCatalog, classes: dict[str, str],
             pkg: KtPackage) -> tuple[KtCatalog, list[Diagnostic]]:
    cls = classes[catalog.id]
    # a field named like a generated member takes the escape suffix (FIELD reserves them), so none is refused
    keys, props, diags = name_catalog(catalog, naming.MEMBER, naming.FIELD, frozenset(), "N002", f"value class {cls}")
    value_type, primitive, coder = _TYPES[jc.type.name]
    java_ids = {c.catalog_id: f"{pkg.java.package}.{c.class_name}" for c in pkg.java.catalogs}
    members = tuple(_member(e, keys[e.name], value_type, classes, pkg.package) for e in catalog.entries)
    fields = tuple(_field(catalog, i, props, jf, classes, java_ids) for i, jf in enumerate(jc.fields))
    doc_text = f"{catalog.title}.\n\n" + ("Open catalog: of() keeps a value it does not list (isKnown is false)."
                                         if catalog.open else
                                         "Closed catalog: of() throws UnknownValueException for a value it does not list.")
    view = KtCatalog(cls, cls + "Serializer", java_ids[catalog.id], catalog.id, catalog.file, catalog.open,
                     value_type, primitive, coder, kotlin_string(f"{pkg.package}.{cls}"), kdoc(doc_text), members, fields,
                     jc.doc_url_column >= 0)
    return view, diags


def _member(entry: Entry, name: str, value_type: str, classes: dict[str, str], package: str) -> KtMember:
    value = entry.value
    literal = kotlin_string(str(value)) if value_type == "String" else (f"{value}L" if value_type == "Long" else str(value))
    if value_type == "Int" and value == -(2**31):
        literal = "Int.MIN_VALUE"
    if value_type == "Long" and value == -(2**63):
        literal = "Long.MIN_VALUE"
    text = entry.message + (f"\n\n{entry.description}" if entry.description and entry.description != entry.message else "")
    return KtMember(name, literal, kdoc(text, "        "), _deprecated(entry, classes, package))


def _deprecated(entry: Entry, classes: dict[str, str], package: str) -> str:
    dep, ret = entry.deprecated, entry.retired
    if not dep and not ret:
        return ""
    words = []
    if dep:
        words.append(f"Deprecated since {dep.since}. {dep.note}".strip())
    if ret:
        words.append(f"Retired since {ret.since}: the value stays reserved. {ret.note}".strip())
    message = kotlin_string(" ".join(words))
    if dep and dep.replacement:
        cls = classes[dep.replacement.catalog]
        target = f"{cls}.{naming.MEMBER.apply(dep.replacement.name)}"
        return f"@Deprecated({message}, ReplaceWith({kotlin_string(target)}, {kotlin_string(f'{package}.{cls}')}))"
    return f"@Deprecated({message})"


def _field(catalog: Catalog, i: int, props: dict[str, str], jf: java_view.JavaField, classes: dict[str, str],
           java_ids: dict[str, str]) -> KtField:
    decl = catalog.fields[i]
    doc = kdoc(decl.description or f"The {decl.name} field.", "    ")
    call = f"java.{jf.method}()"
    if jf.kind in ("ref", "ref_list") and decl.catalog:
        ref = classes[decl.catalog]
        if jf.kind == "ref_list":
            return KtField(props[decl.name], f"List<{ref}>", f"{call}.map {{ {ref}.of(it.value()) }}", doc, ref)
        if jf.nullable:
            return KtField(props[decl.name], f"{ref}?", f"{call}?.let {{ {ref}.of(it.value()) }}", doc, ref)
        return KtField(props[decl.name], ref, f"{ref}.of({call}.value())", doc, ref)
    kt = _FIELD_TYPES[jf.kind]
    return KtField(props[decl.name], kt + ("?" if jf.nullable else ""), call, doc)
