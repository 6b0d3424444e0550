"""What the rules produce: a rule's identity, one hit it reports, and the finding it becomes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

Tier = Literal["breaking", "dangerous", "safe"]
Bump = Literal["major", "minor", "patch"]
Scope = Literal["catalog", "bundle"]
Json = dict[str, Any]
Path = tuple[str | int, ...]

#: Rule categories, for `compat.use` / `compat.except` in the project file.
CATEGORIES: dict[str, str] = {
    "WIRE": "values and names clients send and receive",
    "API": "the shape of the generated packages: kinds, openness, declared fields, message parameters, member order",
    "LIFECYCLE": "deprecations, retirements, replacements and successors",
    "ENVELOPE": "the response shapes of the OpenAPI fragment",
    "DOCS": "titles, messages, descriptions and other text",
    "RESERVED": "values and names a catalog reserves",
}


class Hit(NamedTuple):
    """One fact a rule reports: the entry (or None), a past-tense message, and where to look."""

    entry: str | None
    message: str
    hint: str = ""
    path: Path = ()  # YAML path in the catalog file (or, for envelopes, the project file)
    anchor: str | None = None  # a current entry next to where a removed one was
    catalog: str = ""  # set by bundle-scope rules
    envelope: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    tier: Tier
    bump: Bump
    category: str
    purpose: str
    check: Callable[[Json, Json], Iterator[Hit]]
    scope: Scope = "catalog"


@dataclass(frozen=True)
class Finding:
    rule: str
    tier: Tier
    bump: Bump
    catalog: str
    entry: str | None
    message: str
    hint: str = ""
    path: Path = ()
    anchor: str | None = None
    envelope: str | None = None
    accepted: str | None = None  # the project's reason for accepting it deliberately

    @property
    def subject(self) -> str:
        """What the finding is about, for one line of a report."""
        if self.envelope:
            return f"envelope {self.envelope}"
        return f"catalog {self.catalog}" if self.catalog else "project"
