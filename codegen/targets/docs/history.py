"""The release history: each published baseline compared with the one before it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from codegen.cache import computed
from codegen.model import Spec
from codegen.targets import Settings
from codegen.targets.docs.view import entry_address

_VERSION_FILE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?\.json$")
GROUPS = ("added", "deprecated", "retired", "changed", "removed")


@dataclass(frozen=True, slots=True)
class Change:
    catalog: str
    name: str  # empty for a change of the catalog itself
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Release:
    version: str
    previous: str
    file: str  # the page
    groups: tuple[tuple[str, tuple[Change, ...]], ...]  # non-empty groups, in GROUPS order

    @property
    def count(self) -> int:
        return sum(len(changes) for _, changes in self.groups)


def history_folder(spec: Spec, settings: Settings) -> Path | None:
    """Where the release baselines are: the history setting, else the folder of compat.baseline."""
    rel = settings.get("history")
    if rel is None and spec.baseline and spec.baseline.endswith(".json"):
        rel = str(Path(spec.baseline).parent)
    if rel is None:
        return None
    return Path(spec.project_dir or ".") / str(rel)


def _key(name: str) -> tuple[int, int, int, int, str]:
    match = _VERSION_FILE.match(name)
    assert match is not None
    major, minor, patch, pre = match.groups()
    return int(major), int(minor), int(patch), 0 if pre else 1, pre or ""


def baselines(folder: Path | None) -> list[tuple[str, Path]]:
    """(version, file) of every release baseline, oldest first."""
    if folder is None or not folder.is_dir():
        return []
    names = sorted((p.name for p in folder.iterdir() if _VERSION_FILE.match(p.name)), key=_key)
    return [(name[:-5], folder / name) for name in names]


_NOTHING = b'{"spec_version": "0.0.0", "catalogs": {}, "envelopes": {}}'


def releases(spec: Spec, settings: Settings) -> tuple[Release, ...]:
    """A page per release, newest first; the first release adds everything it carries.

    What changed between two baselines depends on their bytes alone, so it is kept in the
    cache: a run compares only the pairs it has not compared before."""
    out: list[Release] = []
    before = _NOTHING
    for version, path in baselines(history_folder(spec, settings)):
        after = path.read_bytes()
        found = computed("release", (before, after), partial(_changes, before, after))
        groups = tuple((g, tuple(Change(*c) for c in changes)) for g, changes in found["groups"])
        out.append(Release(version, found["previous"] if out else "", f"release-{version}.html", groups))
        before = after
    return tuple(reversed(out))


def _changes(before: bytes, after: bytes) -> dict[str, Any]:
    """The previous release's version and the non-empty groups of changes, as JSON data."""
    from codegen.compat import compare

    previous, bundle = json.loads(before), json.loads(after)
    groups: dict[str, list[Change]] = {g: [] for g in GROUPS}
    for finding in compare(previous, bundle).findings:
        if finding.catalog:
            _classify(finding.rule, finding.catalog, finding.entry, finding.message, bundle, groups)
        elif finding.rule != "CONTENT_CHANGED":  # an envelope or the project itself
            group = {"ENVELOPE_ADDED": "added", "ENVELOPE_REMOVED": "removed"}.get(finding.rule, "changed")
            groups[group].append(Change(finding.envelope or "project", "", finding.message, ""))
    return {"previous": str(previous["spec_version"]),
            "groups": [[g, [[c.catalog, c.name, c.text, c.href] for c in changes]] for g, changes in groups.items() if changes]}


def _classify(rule: str, catalog: str, entry: str | None, message: str, bundle: dict[str, Any],
              groups: dict[str, list[Change]]) -> None:
    entries = bundle.get("catalogs", {}).get(catalog, {}).get("entries", [])
    if rule == "CATALOG_ADDED":
        groups["added"] += [Change(catalog, e["name"], e["message"], entry_address(catalog, e["name"])) for e in entries]
        return
    href = entry_address(catalog, entry) if entry else f"{catalog}.html"
    text = next((e["message"] for e in entries if e["name"] == entry), "") if rule == "ENTRY_ADDED" else message
    group = {"ENTRY_ADDED": "added", "VALUE_ADDED_TO_CLOSED": "added", "ENTRY_DEPRECATED": "deprecated",
             "ENTRY_RETIRED": "retired", "ENTRY_REMOVED": "removed", "CATALOG_REMOVED": "removed"}.get(rule, "changed")
    if group == "removed":
        href = ""
    groups[group].append(Change(catalog, entry or "", text, href))
