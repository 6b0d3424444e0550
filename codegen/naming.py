"""Naming is data: per-target case transforms, reserved words and collision checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog

_WORD = re.compile(r"[A-Za-z][a-z0-9]*|[0-9]+")


def words(name: str) -> list[str]:
    """Split snake, kebab or camel case into lowercase words."""
    parts: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", name):
        parts += [w.lower() for w in re.findall(r"[A-Z]+(?=[A-Z][a-z]|[0-9]|\b)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", chunk)]
    return parts


def pascal(name: str) -> str:
    """voipbin_reason -> VoipbinReason."""
    return "".join(w[:1].upper() + w[1:] for w in words(name))


def camel(name: str) -> str:
    """http_status -> httpStatus."""
    p = pascal(name)
    return p[:1].lower() + p[1:]


def snake(name: str) -> str:
    """httpStatus -> http_status."""
    return "_".join(words(name))


def upper(name: str) -> str:
    """voipbin_reason -> VOIPBIN_REASON (C macros and constants)."""
    return snake(name).upper()


_TRANSFORMS = {"pascal": pascal, "camel": camel, "snake": snake, "upper": upper}


@dataclass(frozen=True)
class Naming:
    """One target's rule for one kind of identifier: a transform plus reserved words."""

    target: str
    kind: str
    transform: str  # "keep", "pascal", "camel", "snake" or "upper"
    reserved: frozenset[str]
    escape_suffix: str = "_"

    def apply(self, name: str) -> str:
        """The identifier for name; a reserved result gets the escape suffix."""
        out = name if self.transform == "keep" else _TRANSFORMS[self.transform](name)
        if out and out[0].isdigit():
            out = "_" + out
        return out + self.escape_suffix if out in self.reserved else out


def check_collisions(
    naming: Naming, sources: Iterable[tuple[str, str, int]], scope: str
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Name each (source name, file, line); report two sources that end up with one identifier."""
    taken: dict[str, tuple[str, str, int]] = {}
    out: dict[str, str] = {}
    diags: list[Diagnostic] = []
    for source, file, line in sources:
        ident = naming.apply(source)
        out[source] = ident
        first = taken.setdefault(ident, (source, file, line))
        if first[0] != source:
            diags.append(Diagnostic(
                file, line, 1, "N001",
                f"{naming.target}: {naming.kind} '{source}' becomes '{ident}', "
                f"which '{first[0]}' ({first[1]}:{first[2]}) already has in {scope}",
                "rename one of them; a published name never changes, so rename the newer one"))
    return out, diags


def name_catalog(
    catalog: Catalog, members: Naming, fields: Naming, taken: frozenset[str], code: str, scope: str
) -> tuple[dict[str, str], dict[str, str], list[Diagnostic]]:
    """A catalog's member and field identifiers for one target, with every collision reported.

    taken holds the attributes the target's generated code already gives each member (or
    info record); a field named like one would shadow it, so it is refused with code.
    """
    keys, diags = check_collisions(members, ((e.name, catalog.file, e.line) for e in catalog.entries), scope)
    attrs, more = check_collisions(fields, ((f.name, catalog.file, 1) for f in catalog.fields), scope)
    diags += more
    diags += [
        Diagnostic(catalog.file, 1, 1, code,
                   f"{fields.target}: field '{decl.name}' of catalog {catalog.id} would shadow the generated "
                   f"attribute '{attrs[decl.name]}'", "rename the field")
        for decl in catalog.fields if attrs[decl.name] in taken
    ]
    return keys, attrs, diags
