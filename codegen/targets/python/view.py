"""The Python view-model: every name, literal and import computed before templating."""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog, Entry, FieldDecl, Ref, Spec
from codegen.naming import catalog_ids, check_collisions, name_catalog
from codegen.targets import Settings
from codegen.targets.python import messages, naming, shapes
from codegen.targets.python.literals import py_docstring, py_literal

_ANNOTATIONS = {"integer": "int", "string": "str", "boolean": "bool"}


@dataclass(frozen=True, slots=True)
class PyField:
    attr: str
    annotation: str  # in the Info dataclass
    kind: str  # plain, ref or ref_list
    doc: str
    ref_module: str = ""
    ref_class: str = ""


@dataclass(frozen=True, slots=True)
class PyMember:
    name: str
    value: str
    doc: str
    row: str


@dataclass(frozen=True, slots=True)
class PyCatalog:
    module: str
    class_name: str
    info_class: str
    base: str
    value_type: str
    open: bool
    catalog_id: str
    spec_file: str
    doc: str
    members: tuple[PyMember, ...]
    fields: tuple[PyField, ...]
    ref_imports: tuple[tuple[str, str], ...]
    successor_imports: tuple[tuple[str, str], ...]  # (module, class) of other catalogs
    successor_classes: tuple[tuple[str, str], ...]  # (catalog id literal, class) of every successor catalog
    successor_type: str
    doc_urls: bool = False  # each info record carries its page address (the docs target's base_url is set)

    @property
    def stub_imports(self) -> list[tuple[str, str]]:
        """(relative module, name) of every name the stub's annotations use, sorted as isort does."""
        pairs = {(f"_{self.module}_info", self.info_class), *self.ref_imports, *self.successor_imports}
        if self.open:
            pairs.add(("_runtime", "Unknown"))
        return sorted(pairs)


@dataclass
class PyPackage:
    package: str
    distribution: str
    version: str
    description: str
    doc: str  # the package docstring statement
    catalogs: list[PyCatalog] = field(default_factory=list)
    shapes: shapes.PyShapes = field(default_factory=lambda: shapes.PyShapes(()))
    messages: tuple[messages.PyMessages, ...] = ()

    @property
    def shape_exports(self) -> list[str]:
        """The public names of the standard shapes' helpers, in the order isort wants them."""
        return sorted((n for s in self.shapes.shapes for n in s.exports), key=_isort_key)

    @property
    def message_exports(self) -> list[str]:
        """The public names of the message helpers, in the order isort wants them."""
        return sorted((n for m in self.messages for n in m.exports), key=_isort_key)

    @property
    def type_imports(self) -> list[tuple[str, str]]:
        """(module, name) of every public name, in the order isort wants them."""
        pairs = [("_lifecycle", "Deprecation, Retirement")]
        pairs += [(f"_{c.module}_info", c.info_class) for c in self.catalogs]
        pairs += [(c.module, c.class_name) for c in self.catalogs]
        if self.shape_exports:
            pairs.append((shapes.MODULE, ", ".join(self.shape_exports)))
        if self.message_exports:
            pairs.append((messages.MODULE, ", ".join(self.message_exports)))
        return sorted(pairs)


def _isort_key(name: str) -> tuple[int, str]:
    """isort's order within one import: constants, then classes, then functions."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


_PACKAGE_DOC = ("Each catalog lives in its own module, loaded when first used; a catalog's metadata loads\n"
                "when a member's info is first asked for.")


def build(spec: Spec, cfg: Settings) -> tuple[PyPackage, list[Diagnostic]]:
    """The whole package view, or naming diagnostics that say which entries clash."""
    description = cfg.get("description", "")
    doc = py_docstring((description or "Generated catalogs.") + "\n\n" + _PACKAGE_DOC, "")
    pkg = PyPackage(cfg["package"], cfg["distribution"], spec.version, description, doc)
    modules, diags = check_collisions(naming.MODULE, catalog_ids(spec.catalogs), "the package")
    classes, more = check_collisions(naming.CLASS, catalog_ids(spec.catalogs), "the package")
    diags += more
    for catalog in spec.catalogs:
        view, found = _catalog(spec, catalog, modules, classes)
        diags += found
        pkg.catalogs.append(view)
    taken = {"Deprecation", "Retirement", "Unknown", "UnknownValueError"}
    taken |= {n for c in pkg.catalogs for n in (c.class_name, c.info_class)}
    pkg.messages = messages.build(spec, modules, classes)
    taken |= {n for m in pkg.messages for n in m.exports}
    pkg.shapes, more = shapes.build(spec, modules, classes, taken, pkg.messages)
    return pkg, diags + more


def _catalog(spec: Spec, catalog: Catalog, modules: dict[str, str], classes: dict[str, str]) -> tuple[PyCatalog, list[Diagnostic]]:
    _, attrs, diags = name_catalog(catalog, naming.MEMBER, naming.FIELD, naming.MEMBER_ATTRIBUTES, "N002",
                                   f"enum {classes[catalog.id]}")
    fields = tuple(_field(d, attrs[d.name], modules, classes, _always_set(d, catalog)) for d in catalog.fields)
    succ = sorted({r.catalog for e in catalog.entries for r in e.successors})
    # A successor in this very catalog is its own class: imported from nowhere.
    succ_imports = tuple((modules[c], classes[c]) for c in succ if c != catalog.id)
    ref_imports = sorted({(f.ref_module, f.ref_class) for f in fields if f.ref_module} - {(modules[catalog.id], classes[catalog.id])})
    kind = catalog.values
    doc_lines = [catalog.title + ".", ""] + ([f"Publisher: {catalog.publisher}."] if catalog.publisher else [])
    doc_lines += [f"Source: {s.url}" for s in catalog.sources]
    doc_lines.append("Open catalog: parse() returns Unknown for values it does not list." if catalog.open
                     else "Closed catalog: parse() rejects values it does not list.")
    view = PyCatalog(
        module=modules[catalog.id],
        class_name=classes[catalog.id],
        info_class=naming.CLASS.escape(classes[catalog.id] + "Info"),
        base=naming.BASES[kind],
        value_type="int" if kind == "integer" else "str",
        open=catalog.open,
        catalog_id=catalog.id,
        spec_file=catalog.file,
        doc=py_docstring("\n".join(doc_lines), ""),
        members=tuple(_member(e, catalog.fields, spec.doc_url(catalog.id, e.name)) for e in catalog.entries),
        fields=fields,
        ref_imports=tuple(ref_imports),
        successor_imports=succ_imports,
        successor_classes=tuple((py_literal(c), classes[c]) for c in succ),
        successor_type=" | ".join(classes[c] for c in succ),
        doc_urls=spec.doc_url(catalog.id) is not None,
    )
    return view, diags


def _always_set(decl: FieldDecl, catalog: Catalog) -> bool:
    """Required fields may be absent on retired entries; then the type is optional."""
    return decl.required and all(decl.name in e.fields for e in catalog.entries)


def _field(decl: FieldDecl, attr: str, modules: dict[str, str], classes: dict[str, str], always: bool) -> PyField:
    optional = "" if always else " | None"
    doc = decl.description or f"The {decl.name} field."
    if decl.type in ("ref", "ref_list") and decl.catalog:
        ann = "str" + optional if decl.type == "ref" else "tuple[str, ...]"
        return PyField(attr, ann, decl.type, doc, modules[decl.catalog], classes[decl.catalog])
    return PyField(attr, _ANNOTATIONS[decl.type] + optional, "plain", doc)


def _member(entry: Entry, decls: tuple[FieldDecl, ...], doc_url: str | None) -> PyMember:
    dep = entry.deprecated
    row = (
        entry.message,
        entry.description,
        entry.since,
        *([] if doc_url is None else [doc_url]),  # only when the site's address is configured
        (dep.since, str(dep.replacement) if dep.replacement else None, dep.note) if dep else None,
        (entry.retired.since, entry.retired.note) if entry.retired else None,
        tuple(map(str, entry.successors)) if entry.successors else (),
        *[_field_value(entry.fields.get(d.name), d) for d in decls],
    )
    # repr is the encoder; the formatter then settles the quotes as it does everywhere.
    return PyMember(entry.name, py_literal(entry.value), py_docstring(_member_doc(entry), "    "), repr(row))


def _field_value(value: object, decl: FieldDecl) -> object:
    if isinstance(value, Ref):
        return value.name
    if isinstance(value, tuple):
        return tuple(r.name for r in value if isinstance(r, Ref))
    if value is None and decl.type == "ref_list":
        return ()
    return value


def _member_doc(entry: Entry) -> str:
    parts = [entry.message]
    if entry.description.startswith(entry.message):
        parts = [entry.description]
    elif entry.description:
        parts += ["", entry.description]
    if entry.deprecated:
        dep = entry.deprecated
        use = f" Use {dep.replacement}." if dep.replacement else ""
        parts += ["", f".. deprecated:: {dep.since}{use} {dep.note}".rstrip()]
    if entry.retired:
        parts += ["", f"Retired since {entry.retired.since}: the value stays reserved. {entry.retired.note}".rstrip()]
    return "\n".join(parts)
