"""The TypeScript view of message parameters: per catalog with an entry whose message names some,
an interface of every such member's parameters and a typed `format<Catalog>Message`."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.model import Catalog, Spec
from codegen.targets.typescript import naming
from codegen.targets.typescript.literals import jsdoc, ts_key, ts_literal

#: The module of the message helpers (a catalog module never starts with "_").
MODULE = "_messages"
_TYPES = {"string": "string", "integer": "number"}


@dataclass(frozen=True, slots=True)
class TsParams:
    value: str  # the member's literal (its key in the interface)
    type: str  # the object type of its parameters
    doc: str
    row: str  # (name, type) pairs as a literal


@dataclass(frozen=True, slots=True)
class TsMessages:
    """One catalog's message helpers."""

    catalog_type: str
    module: str
    info_fn: str
    format_fn: str
    parameters_type: str  # the interface: member value -> parameters
    args_type: str  # what the formatter takes after a member
    table: str  # the exported (internal) map of declared parameters
    entries: tuple[TsParams, ...]

    @property
    def exports(self) -> tuple[str, ...]:
        """The values the index exports."""
        return (self.format_fn,)

    @property
    def types(self) -> tuple[str, ...]:
        """The types the index exports."""
        return (self.parameters_type, self.args_type)


def build(spec: Spec, catalogs: dict[str, tuple[str, str, str, str]]) -> tuple[TsMessages, ...]:
    """The helpers of every catalog with an entry whose message has parameters (catalogs: id ->
    module, type, info and parse function)."""
    return tuple(_catalog(c, *catalogs[c.id][:3]) for c in spec.catalogs if any(e.parameters for e in c.entries))


def _catalog(catalog: Catalog, module: str, type_name: str, info_fn: str) -> TsMessages:
    entries = []
    for e in catalog.entries:
        if e.parameters:
            fields = "".join(f"\n        readonly {ts_key(p.name)}: {_TYPES[p.type]};" for p in e.parameters)
            doc = "\n".join(f"{p.name}: {p.description or p.type}" for p in e.parameters)
            entries.append(TsParams(ts_literal(e.value), f"{{{fields}\n    }}", jsdoc(doc, "    "),
                                    ts_literal([[p.name, p.type] for p in e.parameters])))
    return TsMessages(
        catalog_type=type_name, module=module, info_fn=info_fn,
        format_fn=naming.FUNCTION.escape(f"format{type_name}Message"),
        parameters_type=naming.TYPE.escape(type_name + "Parameters"),
        args_type=naming.TYPE.escape(type_name + "MessageArgs"),
        table="_" + naming.MODULE.apply(catalog.id).upper() + "__PARAMETERS",
        entries=tuple(entries),
    )
