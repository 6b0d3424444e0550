"""The Python view of the standard error shapes: one builder and one parser per standard envelope.

Every address, status and constant comes from codegen.standards, the same source the OpenAPI
fragment reads, so a payload the package builds is the payload the fragment documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.diagnostics import Diagnostic
from codegen.model import Envelope, Spec
from codegen.naming import snake
from codegen.standards import (
    ERROR_INFO_TYPE,
    HELP_TYPE,
    PROBLEM_MEMBER,
    kinds,
    standard_catalog,
    standard_envelopes,
    status_name,
)
from codegen.targets.python import naming
from codegen.targets.python.literals import py_docstring, py_literal
from codegen.targets.python.messages import PyMessages

#: The module that holds every standard envelope's helpers (a catalog module never starts with "_").
MODULE = "_shapes"


@dataclass(frozen=True, slots=True)
class PyKind:
    member: str  # the member's attribute name
    row: str  # the Python literal of what the builder adds to the member's message


@dataclass(frozen=True, slots=True)
class PyShape:
    standard: str
    name: str  # the TypedDict of the payload
    parsed: str  # the dataclass parse_* returns
    build_fn: str
    parse_fn: str
    table: str  # the module constant of per-member rows
    doc: str  # the payload TypedDict's docstring
    catalog_id: str  # a Python literal
    catalog_class: str
    catalog_module: str
    catalog_alias: str  # the catalog module, imported under this name
    open: bool
    value_type: str
    keys: tuple[tuple[str, str], ...]  # TypedDict keys and annotations (RFC 9457, or the AIP-193 Status)
    record: tuple[tuple[str, str], ...]  # the parsed record's attributes and annotations
    kinds: tuple[PyKind, ...]
    domain: str = "''"  # AIP-193 literals
    status_type: str = ""  # AIP-193: the TypedDict of google.rpc.Status
    info_type: str = ""
    help_type: str = ""
    link_type: str = ""
    optional: tuple[str, ...] = ()  # the builder's keyword arguments
    options: str = ""  # their declaration
    params: PyMessages | None = None  # the catalog's message helpers, when some message has parameters

    @property
    def params_type(self) -> str:
        """The annotation of the builder's parameters argument."""
        return "_Mapping[str, object] | None" if self.params else "None"

    @property
    def overloads(self) -> list[tuple[str, str]]:
        """(member, parameters) annotations of each typed signature of the builder."""
        if self.params is None:
            return []
        cls, m = self.catalog_class, self.params
        out = [(f"_Literal[{cls}.{p.member}]", p.typed_dict) for p in m.entries]
        out += [(m.plain, "None = None")] if m.plain else []
        return out + [(cls, m.any_parameters)]

    @property
    def link_keys(self) -> tuple[tuple[str, str], ...]:
        """AIP-193: the keys of a google.rpc.Help link."""
        return (("description", "str"), ("url", "str"))

    @property
    def wrapper(self) -> tuple[tuple[str, str], ...]:
        """AIP-193: the one key of the outer object."""
        return (("error", self.status_type),)

    @property
    def exports(self) -> tuple[str, ...]:
        """The public names of this envelope's helpers."""
        extra = (self.status_type, self.info_type, self.help_type, self.link_type) if self.standard == "aip193" else ()
        return (self.name, self.parsed, self.build_fn, self.parse_fn, *extra)


@dataclass(frozen=True, slots=True)
class PyShapes:
    shapes: tuple[PyShape, ...]
    code_key: str = py_literal(PROBLEM_MEMBER)
    error_info_type: str = py_literal(ERROR_INFO_TYPE)
    help_type: str = py_literal(HELP_TYPE)

    @property
    def imports(self) -> list[tuple[str, str]]:
        """(catalog module, class) of every catalog a shape is built from."""
        return sorted({(s.catalog_module, s.catalog_class) for s in self.shapes})

    @property
    def any_open(self) -> bool:
        """Whether some shape's catalog is open (its parser returns Unknown)."""
        return any(s.open for s in self.shapes)

    @property
    def message_imports(self) -> list[str]:
        """The private helpers of the message module that the builders and parsers call."""
        names = {n for s in self.shapes if s.params for n in (s.params.table, s.params.impl)}
        names |= {p.typed_dict for s in self.shapes if s.params for p in s.params.entries}
        return sorted(names | ({"_parameters"} if names else set()), key=_isort_key)

    @property
    def aliases(self) -> list[tuple[str, str]]:
        """(catalog module, alias) of every catalog whose parse function a parser calls."""
        return sorted({(s.catalog_module, s.catalog_alias) for s in self.shapes if s.standard == "aip193"})


def build(spec: Spec, modules: dict[str, str], classes: dict[str, str], taken: set[str],
          messages: tuple[PyMessages, ...] = ()) -> tuple[PyShapes, list[Diagnostic]]:
    """Every standard envelope's view, or a diagnostic for a name another export already has."""
    by_class = {m.catalog_class: m for m in messages}
    shapes = tuple(_shape(spec, e, modules, classes, by_class) for e in standard_envelopes(spec))
    diags = []
    for envelope, shape in zip(standard_envelopes(spec), shapes, strict=True):
        for name in shape.exports:
            if name in taken:
                diags.append(Diagnostic(*spec.at("envelopes", envelope.name, key=True), "N003",
                                        f"python: envelope {envelope.name} needs the name '{name}', which the package already exports",
                                        "rename the envelope or the catalog whose name it shares"))
            taken.add(name)
    return PyShapes(shapes), diags


def _shape(spec: Spec, envelope: Envelope, modules: dict[str, str], classes: dict[str, str],
           messages: dict[str, PyMessages]) -> PyShape:
    catalog = standard_catalog(spec, envelope)
    name = naming.CLASS.apply(envelope.name)
    value_type = "int" if catalog.values == "integer" else "str"
    fn = naming.FUNCTION.apply(snake(envelope.name))
    common: dict[str, Any] = {
        "standard": envelope.standard or "", "name": name, "parsed": naming.CLASS.escape("Parsed" + name),
        "build_fn": fn, "parse_fn": naming.FUNCTION.escape("parse_" + fn), "table": "_" + fn.upper(),
        "catalog_id": py_literal(catalog.id), "catalog_class": classes[catalog.id],
        "catalog_module": modules[catalog.id], "catalog_alias": "_" + modules[catalog.id] + "__module", "open": catalog.open,
        "value_type": value_type, "params": messages.get(classes[catalog.id]),
    }
    if envelope.standard == "rfc9457":
        return PyShape(
            **common,
            doc=py_docstring(f"{envelope.description} An RFC 9457 problem (application/problem+json).", "    "),
            keys=(("type", "str"), ("title", "str"), ("status", "int"), ("detail", "_NotRequired[str]"),
                  ("instance", "_NotRequired[str]"), ("parameters", "_NotRequired[dict[str, str | int]]"),
                  (PROBLEM_MEMBER, value_type)),
            record=(("kind", f"{classes[catalog.id]}{' | Unknown' if catalog.open else ''}"), ("type", "str"),
                    ("status", "int | None"), ("detail", "str | None"), ("instance", "str | None"),
                    ("parameters", "dict[str, str | int]")),
            kinds=tuple(PyKind(k.entry.name, py_literal((k.address, k.status or 0))) for k in kinds(spec, envelope)),
        optional=("detail", "instance"), options="detail: str | None = None, instance: str | None = None",
        )
    info_type = naming.CLASS.escape(name + "ErrorInfo")
    help_type = naming.CLASS.escape(name + "Help")
    return PyShape(
        **common,
        doc=py_docstring(f"{envelope.description} An AIP-193 error (google.rpc.Status).", "    "),
        keys=(("code", "int"), ("message", "str"), ("status", "_NotRequired[str]"),
              ("details", f"list[{info_type} | {help_type} | _Mapping[str, object]]")),
        record=(("reason", f"{classes[catalog.id]}{' | Unknown' if catalog.open else ''}"),
                ("code", "int | None"), ("message", "str | None"), ("status", "str | None"),
                ("domain", "str | None"), ("metadata", "dict[str, str]"), ("parameters", "dict[str, str | int]")),
        kinds=tuple(PyKind(k.entry.name, py_literal((k.status or 0, status_name(spec, envelope, k.status), k.address)))
                    for k in kinds(spec, envelope)),
        domain=py_literal(envelope.domain), status_type=naming.CLASS.escape(name + "Status"),
        info_type=info_type, help_type=help_type,
        optional=("metadata",), options="metadata: _Mapping[str, str] | None = None",
        link_type=naming.CLASS.escape(name + "Link"),
    )


def _isort_key(name: str) -> tuple[int, str]:
    """isort's order within one import: constants, then classes, then functions."""
    bare = name.lstrip("_")
    return (0 if bare.isupper() else 1 if bare[:1].isupper() else 2, name)
