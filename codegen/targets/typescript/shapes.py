"""The TypeScript view of the standard error shapes: one builder and one parser per standard envelope.

Every address, status and constant comes from codegen.standards, the same source the OpenAPI
fragment reads, so a payload the package builds is the payload the fragment documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.diagnostics import Diagnostic
from codegen.model import Envelope, Spec
from codegen.standards import (
    ERROR_INFO_TYPE,
    HELP_TYPE,
    PROBLEM_MEMBER,
    kinds,
    standard_catalog,
    standard_envelopes,
    status_name,
)
from codegen.targets.typescript import naming
from codegen.targets.typescript.literals import jsdoc, ts_key, ts_literal, ts_string
from codegen.targets.typescript.messages import TsMessages

#: The module of every standard envelope's helpers (a catalog module never starts with "_").
MODULE = "_shapes"

Keys = tuple[tuple[str, str], ...]
PARAMETERS = "Readonly<Record<string, string | number>>"


@dataclass(frozen=True, slots=True)
class TsKind:
    value: str  # the member's literal
    row: str  # what the builder adds to the member


@dataclass(frozen=True, slots=True)
class TsShape:
    standard: str
    name: str  # the payload interface
    parsed: str  # the interface parse* returns
    options_type: str  # the builder's options
    build_fn: str
    parse_fn: str
    table: str  # the module constant of per-member rows
    doc: str  # the payload interface's JSDoc
    catalog_id: str  # a literal
    catalog_type: str
    catalog_module: str
    info_fn: str
    parse_catalog: str
    open: bool
    keys: Keys  # the RFC 9457 problem's, or the AIP-193 Status's
    options: Keys
    record: Keys
    kinds: tuple[TsKind, ...]
    domain: str = '""'
    status_type: str = ""
    info_type: str = ""
    help_type: str = ""
    link_type: str = ""
    info_keys: Keys = ()
    link_keys: Keys = (("description", "string"), ("url", "string"))
    help_keys: Keys = ()
    params: TsMessages | None = None  # the catalog's message helpers, when some message has parameters
    args_type: str = ""  # with params: what the builder takes after a member

    @property
    def wrapper(self) -> Keys:
        """AIP-193: the one key of the outer object."""
        return (("error", self.status_type),)

    @property
    def exports(self) -> tuple[str, ...]:
        """The values this envelope's helpers export."""
        return (self.build_fn, self.parse_fn)

    @property
    def types(self) -> tuple[str, ...]:
        """The types this envelope's helpers export."""
        extra = (self.status_type, self.info_type, self.help_type, self.link_type) if self.standard == "aip193" else ()
        return (self.name, self.parsed, self.options_type, *((self.args_type,) if self.params else ()), *extra)


@dataclass(frozen=True, slots=True)
class TsShapes:
    shapes: tuple[TsShape, ...]
    code_key: str = ts_string(PROBLEM_MEMBER)
    error_info_type: str = ts_string(ERROR_INFO_TYPE)
    help_type: str = ts_string(HELP_TYPE)

    @property
    def any_open(self) -> bool:
        """Whether some shape's catalog is open (its parser returns Unknown)."""
        return any(s.open for s in self.shapes)

    @property
    def message_imports(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(types, values) the builders and parsers import from the message module."""
        found = [s.params for s in self.shapes if s.params]
        if not found:
            return (), ()
        return (tuple(sorted({m.parameters_type for m in found})),
                tuple(sorted({m.table for m in found} | {"_fillMessage", "_parameterValues"})))

    @property
    def imports(self) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        """(catalog module, types, values) of every catalog a shape is built from."""
        found: dict[str, tuple[set[str], set[str]]] = {}
        for s in self.shapes:
            types, values = found.setdefault(s.catalog_module, (set(), set()))
            types.add(s.catalog_type)
            values |= {s.info_fn, s.parse_catalog} if s.standard == "aip193" else {s.info_fn}
        return [(m, tuple(sorted(t)), tuple(sorted(v))) for m, (t, v) in sorted(found.items())]

    @property
    def exports(self) -> tuple[str, ...]:
        """Every value the module exports."""
        return tuple(n for s in self.shapes for n in s.exports)

    @property
    def types(self) -> tuple[str, ...]:
        """Every type the module exports."""
        return tuple(n for s in self.shapes for n in s.types)


def build(spec: Spec, catalogs: dict[str, tuple[str, str, str, str]], taken: set[str],
          messages: tuple[TsMessages, ...] = ()) -> tuple[TsShapes, list[Diagnostic]]:
    """Every standard envelope's view (catalogs: id -> module, type, info and parse function), or a
    diagnostic for a name the index already exports."""
    envelopes = standard_envelopes(spec)
    by_type = {m.catalog_type: m for m in messages}
    shapes = tuple(_shape(spec, e, catalogs, by_type) for e in envelopes)
    diags = []
    for envelope, shape in zip(envelopes, shapes, strict=True):
        for name in (*shape.exports, *shape.types):
            if name in taken:
                diags.append(Diagnostic(*spec.at("envelopes", envelope.name, key=True), "N003",
                                        f"typescript: envelope {envelope.name} needs the name '{name}', which the package already exports",
                                        "rename the envelope or the catalog whose name it shares"))
            taken.add(name)
    return TsShapes(shapes), diags


def _shape(spec: Spec, envelope: Envelope, catalogs: dict[str, tuple[str, str, str, str]],
           messages: dict[str, TsMessages]) -> TsShape:
    catalog = standard_catalog(spec, envelope)
    module, type_name, info_fn, parse_catalog = catalogs[catalog.id]
    name = naming.TYPE.apply(envelope.name)
    fn = naming.FUNCTION.apply(envelope.name)
    kind_type = f"{type_name}{' | Unknown<' + ts_string(catalog.id) + '>' if catalog.open else ''}"
    common: dict[str, Any] = {
        "standard": envelope.standard or "", "name": name, "parsed": naming.TYPE.escape("Parsed" + name),
        "options_type": naming.TYPE.escape(name + "Options"), "build_fn": fn,
        "parse_fn": naming.FUNCTION.escape("parse" + name), "table": "_" + naming.MODULE.apply(envelope.name).upper(),
        "catalog_id": ts_string(catalog.id), "catalog_type": type_name, "catalog_module": module,
        "info_fn": info_fn, "parse_catalog": parse_catalog, "open": catalog.open,
        "params": messages.get(type_name), "args_type": naming.TYPE.escape(name + "Args"),
    }
    if envelope.standard == "rfc9457":
        return TsShape(
            **common,
            doc=jsdoc(f"{envelope.description} An RFC 9457 problem (application/problem+json)."),
            keys=(("type", "string"), ("title", "string"), ("status", "number"), ("detail?", "string"),
                  ("instance?", "string"), ("parameters?", PARAMETERS), (ts_key(PROBLEM_MEMBER), type_name)),
            options=(("detail", "string"), ("instance", "string")),
            record=(("kind", kind_type), ("type", "string"), ("status", "number | null"),
                    ("detail", "string | null"), ("instance", "string | null"), ("parameters", PARAMETERS)),
            kinds=tuple(TsKind(ts_literal(k.entry.value), ts_literal((k.address, k.status or 0))) for k in kinds(spec, envelope)),
        )
    info_type, link_type = naming.TYPE.escape(name + "ErrorInfo"), naming.TYPE.escape(name + "Link")
    help_type = naming.TYPE.escape(name + "Help")
    return TsShape(
        **common,
        doc=jsdoc(f"{envelope.description} An AIP-193 error (google.rpc.Status)."),
        keys=(("code", "number"), ("message", "string"), ("status?", "string"),
              ("details", f"readonly ({info_type} | {help_type} | Readonly<Record<string, unknown>>)[]")),
        options=(("metadata", "Readonly<Record<string, string>>"),),
        record=(("reason", kind_type), ("code", "number | null"), ("message", "string | null"),
                ("status", "string | null"), ("domain", "string | null"),
                ("metadata", "Readonly<Record<string, string>>"), ("parameters", PARAMETERS)),
        kinds=tuple(TsKind(ts_literal(k.entry.value), ts_literal((k.status or 0, status_name(spec, envelope, k.status), k.address)))
                    for k in kinds(spec, envelope)),
        domain=ts_string(envelope.domain), status_type=naming.TYPE.escape(name + "Status"),
        info_type=info_type, help_type=help_type, link_type=link_type,
        info_keys=(('"@type"', "string"), ("reason", type_name), ("domain", "string"),
                   ("metadata", "Readonly<Record<string, string>>")),
        help_keys=(('"@type"', "string"), ("links", f"readonly {link_type}[]")),
    )
