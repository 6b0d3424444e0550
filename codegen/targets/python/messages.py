"""The Python view of message parameters: a TypedDict per entry whose message names some, and a
typed `format_<catalog>_message` per catalog that has such entries."""

from __future__ import annotations

import builtins
import keyword
from dataclasses import dataclass

from codegen.model import Catalog, Entry, Spec
from codegen.naming import pascal
from codegen.targets.python import naming
from codegen.targets.python.literals import py_docstring, py_literal

#: The module of the message helpers (a catalog module never starts with "_").
MODULE = "_messages"
_TYPES = {"string": "str", "integer": "int"}


@dataclass(frozen=True, slots=True)
class PyParams:
    member: str  # the member's attribute name
    typed_dict: str  # the TypedDict of its parameters
    doc: str
    keys: tuple[tuple[str, str], ...]  # key and annotation
    functional: bool  # some key is a keyword or builtin: the TypedDict takes the call syntax
    literal: str  # the functional form's dict of keys
    row: str  # (name, type) pairs as a literal


@dataclass(frozen=True, slots=True)
class PyMessages:
    """One catalog's message helpers."""

    catalog_class: str
    module: str
    format_fn: str
    table: str  # the module constant: parameters of each member that has some
    impl: str  # the private formatter the shape builders call
    entries: tuple[PyParams, ...]
    plain: str  # Literal[...] of the members without parameters ("" when none)

    @property
    def any_parameters(self) -> str:
        """What a member not known until run time takes: the parameters of some member."""
        return "(" + " | ".join(p.typed_dict for p in self.entries) + ")"  # black and ruff agree on a parenthesised union

    @property
    def exports(self) -> tuple[str, ...]:
        """Public names: the formatter and every parameters TypedDict."""
        return (self.format_fn, *(p.typed_dict for p in self.entries))


def build(spec: Spec, modules: dict[str, str], classes: dict[str, str]) -> tuple[PyMessages, ...]:
    """The helpers of every catalog with an entry whose message has parameters."""
    return tuple(_catalog(c, modules[c.id], classes[c.id]) for c in spec.catalogs if any(e.parameters for e in c.entries))


def _catalog(catalog: Catalog, module: str, cls: str) -> PyMessages:
    plain = [f"{cls}.{e.name}" for e in catalog.entries if not e.parameters]
    return PyMessages(
        catalog_class=cls, module=module,
        format_fn=naming.FUNCTION.escape(f"format_{module}_message"),
        table="_" + module.upper() + "__PARAMETERS", impl=f"_{module}__message",
        entries=tuple(_params(cls, e) for e in catalog.entries if e.parameters),
        plain=f"_Literal[{', '.join(plain)}]" if plain else "",
    )


def _params(cls: str, entry: Entry) -> PyParams:
    keys = tuple((p.name, _TYPES[p.type]) for p in entry.parameters)
    # A key that is a keyword cannot be a class attribute; one that is a builtin would shadow a type.
    functional = any(keyword.iskeyword(k) or k in dir(builtins) for k, _ in keys)
    name = naming.CLASS.escape(cls + pascal(entry.name) + "Parameters")
    lines = [f"The parameters of {cls}.{entry.name}'s message.", ""]
    lines += [f"{p.name}: {p.description or p.type}" for p in entry.parameters]
    literal = "{" + ", ".join(f"{py_literal(k)}: {t}" for k, t in keys) + "}"
    return PyParams(entry.name, name, py_docstring("\n".join(lines), "    "), keys, functional, literal,
                    py_literal(tuple((p.name, p.type) for p in entry.parameters)))
