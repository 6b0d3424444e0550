"""The lint rule on member names that two catalogs share, and why it exists.

Every catalog becomes an enum schema of the OpenAPI fragment, its members named by
`x-enum-varnames`. OpenAPI Generator's `go` (with its default options) declares each member
as a package-level constant, so two catalogs with a member of the same name give a client that
does not compile (`BUSY redeclared in this block`); `enumClassPrefix=true` prefixes them with
the type. Sharing a name is legitimate (several publishers say BUSY), so the rule warns, and a
project that ships the recipe records that with `lint.accept`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from codegen.model import Catalog, Entry, Spec


def _key(name: str) -> str:
    """How generators compare constant names once they re-case them: case and separators do not count."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _where(catalog: Catalog, entry: Entry) -> str:
    file, line, col = catalog.at("entries", catalog.entries.index(entry), "name")
    return f"{catalog.id}.{entry.name} ({file}:{line}:{col})"


def shared_member_name(
    spec: Spec, options: Mapping[str, Any], baseline: Mapping[str, Any] | None
) -> Iterator[tuple[str, str | None, str, str]]:
    """Each entry whose name an earlier catalog of the fragment already has, naming every earlier one."""
    if "openapi" not in spec.targets:
        return
    seen: dict[str, list[tuple[Catalog, Entry]]] = {}
    for catalog in spec.catalogs:
        for entry in catalog.entries:
            earlier = [(c, e) for c, e in seen.get(_key(entry.name), []) if c is not catalog]
            if earlier:
                others = " and ".join(_where(c, e) for c, e in earlier)
                yield (catalog.id, entry.name,
                       f"{entry.name} is also a member of {others}: OpenAPI Generator's go (default options) "
                       "declares every member as a package-level constant, so its client does not compile",
                       "generate Go clients with --additional-properties enumClassPrefix=true, "
                       "and record that here with lint.accept; or rename one while it is unpublished")
            seen.setdefault(_key(entry.name), []).append((catalog, entry))
