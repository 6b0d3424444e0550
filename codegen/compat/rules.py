"""The compatibility rules: one small function per rule, each with a stable ID and a tier.

Each rule compares one (published, current) pair of catalogs from two JSON bundles and
yields findings that state a fact in the past tense. Modelled on buf's breaking-change
rules: a table anyone can read, and IDs that never change meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

Tier = Literal["breaking", "dangerous", "safe"]
Bump = Literal["major", "minor", "patch"]
Json = dict[str, Any]


@dataclass(frozen=True)
class Finding:
    rule: str
    tier: Tier
    bump: Bump
    catalog: str
    entry: str | None
    message: str


@dataclass(frozen=True)
class Rule:
    id: str
    tier: Tier
    bump: Bump
    purpose: str
    check: Callable[[Json, Json], Iterator[tuple[str | None, str]]]  # (old catalog, new catalog) -> (entry, message)


def _by_name(catalog: Json) -> dict[str, Json]:
    return {e["name"]: e for e in catalog["entries"]}


def _by_value(catalog: Json) -> dict[Any, Json]:
    return {e["value"]: e for e in catalog["entries"]}


def _decls(catalog: Json) -> dict[str, Json]:
    return {f["name"]: f for f in catalog["fields"]}


def entry_removed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names, values = _by_name(new), _by_value(new)
    for name, entry in _by_name(old).items():
        if name not in names and entry["value"] not in values:
            yield name, f"entry {name} ({entry['value']!r}) was deleted; retire it instead so its value stays reserved"


def entry_renamed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names, values = _by_name(new), _by_value(new)
    for name, entry in _by_name(old).items():
        other = values.get(entry["value"])
        if name not in names and other is not None:
            yield other["name"], f"value {entry['value']!r} was renamed from {name} to {other['name']}"


def entry_repointed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names = _by_name(new)
    for name, entry in _by_name(old).items():
        if name in names and names[name]["value"] != entry["value"]:
            yield name, f"{name} changed value from {entry['value']!r} to {names[name]['value']!r}"


def retired_value_reused(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    values = _by_value(new)
    for entry in old["entries"]:
        reuse = values.get(entry["value"])
        if entry["retired"] and reuse is not None and reuse["name"] != entry["name"]:
            yield reuse["name"], f"retired value {entry['value']!r} of {entry['name']} was reused by {reuse['name']}"


def retirement_undone(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names = _by_name(new)
    for name, entry in _by_name(old).items():
        if entry["retired"] and name in names and not names[name]["retired"]:
            yield name, f"{name} was retired and came back"


def deprecation_undone(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names = _by_name(new)
    for name, entry in _by_name(old).items():
        if entry["deprecated"] and name in names and not names[name]["deprecated"]:
            yield name, f"the deprecation of {name} was withdrawn"


def field_removed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    decls = _decls(new)
    for name in _decls(old):
        if name not in decls:
            yield None, f"declared field '{name}' was removed"


def field_type_changed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    decls = _decls(new)
    for name, decl in _decls(old).items():
        if name in decls and (decls[name]["type"], decls[name]["catalog"]) != (decl["type"], decl["catalog"]):
            yield None, f"declared field '{name}' changed type from {decl['type']} to {decls[name]['type']}"


def _semantic_fields(catalog: Json) -> set[str]:
    return {n for n, d in _decls(catalog).items() if d["type"] != "string"}


def field_value_changed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names = _by_name(new)
    watched = _semantic_fields(old) & _semantic_fields(new)
    for name, entry in _by_name(old).items():
        if name not in names:
            continue
        for field in sorted(watched):
            before, after = entry["fields"].get(field), names[name]["fields"].get(field)
            if before != after:
                yield name, f"{name} changed {field} from {_show(before)} to {_show(after)}"


def kind_changed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    if old["values"] != new["values"]:
        yield None, f"catalog values changed from {old['values']} to {new['values']}"


def catalog_closed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    if old["open"] and not new["open"]:
        yield None, "catalog was closed: clients that accepted unknown values now reject them"


def value_added_to_closed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    if new["open"]:
        return
    names = _by_name(old)
    for entry in new["entries"]:
        if entry["name"] not in names:
            yield entry["name"], f"{entry['name']} was added to a closed catalog: exhaustive clients will meet an unknown value"


def entry_added(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    if not new["open"]:
        return
    names, values = _by_name(old), _by_value(old)
    for entry in new["entries"]:
        if entry["name"] not in names and entry["value"] not in values:
            yield entry["name"], f"{entry['name']} was added"


def entry_deprecated(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names = _by_name(old)
    for entry in new["entries"]:
        before = names.get(entry["name"])
        if before is not None and entry["deprecated"] and not before["deprecated"]:
            yield entry["name"], f"{entry['name']} was deprecated"


def entry_retired(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names = _by_name(old)
    for entry in new["entries"]:
        before = names.get(entry["name"])
        if before is not None and entry["retired"] and not before["retired"]:
            yield entry["name"], f"{entry['name']} was retired; its value {entry['value']!r} stays reserved"


def text_changed(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    names = _by_name(new)
    text_fields = (set(_decls(old)) & set(_decls(new))) - _semantic_fields(old) - _semantic_fields(new)
    for name, entry in _by_name(old).items():
        after = names.get(name)
        if after is None:
            continue
        changed = [k for k in ("message", "description") if entry[k] != after[k]]
        changed += [f for f in sorted(text_fields) if entry["fields"].get(f) != after["fields"].get(f)]
        if changed:
            yield name, f"{name} changed its {', '.join(changed)}"


def field_added(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    decls = _decls(old)
    for name in _decls(new):
        if name not in decls:
            yield None, f"declared field '{name}' was added"


def catalog_opened(old: Json, new: Json) -> Iterator[tuple[str | None, str]]:
    if not old["open"] and new["open"]:
        yield None, "catalog was opened: clients must now accept unknown values"


def _show(value: Any) -> str:
    if isinstance(value, dict) and "name" in value:
        return f"{value['catalog']}.{value['name']}"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return repr(value)


RULES: tuple[Rule, ...] = (
    Rule("ENTRY_REMOVED", "breaking", "major", "an entry was deleted instead of retired", entry_removed),
    Rule("ENTRY_RENAMED", "breaking", "major", "a value kept its meaning under a new name", entry_renamed),
    Rule("ENTRY_VALUE_CHANGED", "breaking", "major", "a name now stands for another value", entry_repointed),
    Rule("RETIRED_VALUE_REUSED", "breaking", "major", "a retired value was given to another entry", retired_value_reused),
    Rule("RETIREMENT_UNDONE", "breaking", "major", "a retired entry came back", retirement_undone),
    Rule("FIELD_REMOVED", "breaking", "major", "a declared field was removed", field_removed),
    Rule("FIELD_TYPE_CHANGED", "breaking", "major", "a declared field changed type or target catalog", field_type_changed),
    Rule("ENTRY_FIELD_CHANGED", "breaking", "major", "an entry's HTTP status, group or other non-text field changed", field_value_changed),
    Rule("CATALOG_KIND_CHANGED", "breaking", "major", "a catalog switched between integer and string values", kind_changed),
    Rule("CATALOG_CLOSED", "breaking", "major", "an open catalog was closed", catalog_closed),
    Rule("DEPRECATION_UNDONE", "dangerous", "minor", "a deprecation was withdrawn", deprecation_undone),
    Rule("VALUE_ADDED_TO_CLOSED", "dangerous", "minor", "a value was added to a closed catalog", value_added_to_closed),
    Rule("CATALOG_OPENED", "dangerous", "minor", "a closed catalog was opened", catalog_opened),
    Rule("ENTRY_ADDED", "safe", "minor", "an entry was added to an open catalog", entry_added),
    Rule("ENTRY_DEPRECATED", "safe", "minor", "an entry was deprecated", entry_deprecated),
    Rule("ENTRY_RETIRED", "safe", "minor", "an entry was retired as a tombstone", entry_retired),
    Rule("FIELD_ADDED", "safe", "minor", "a declared field was added", field_added),
    Rule("TEXT_CHANGED", "safe", "patch", "a message, description or text field was reworded", text_changed),
)

CATALOG_RULES = (
    ("CATALOG_REMOVED", "breaking", "major", "a catalog was removed"),
    ("CATALOG_ADDED", "safe", "minor", "a catalog was added"),
)
