"""Naming is data: per-target case transforms, reserved words and collision checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from codegen.diagnostics import Diagnostic

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


_TRANSFORMS = {"pascal": pascal, "camel": camel, "snake": snake}


@dataclass(frozen=True)
class Naming:
    """One target's rule for one kind of identifier: a transform plus reserved words."""

    target: str
    kind: str
    transform: str  # "keep", "pascal", "camel" or "snake"
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
