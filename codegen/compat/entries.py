"""Rules about entries: their names, values, field values, message parameters, lifecycle, text and order."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from codegen.compat.finding import Hit, Json


def by_name(catalog: Json) -> dict[str, Json]:
    return {e["name"]: e for e in catalog["entries"]}


def by_value(catalog: Json) -> dict[Any, Json]:
    return {e["value"]: e for e in catalog["entries"]}


def decls(catalog: Json) -> dict[str, Json]:
    return {f["name"]: f for f in catalog["fields"]}


def show(value: Any) -> str:
    """A value as a report shows it: references by name, absent as 'none'."""
    if value is None:
        return "none"
    if isinstance(value, dict) and "name" in value:
        return f"{value['catalog']}.{value['name']}"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return repr(value)


def change(before: Any, after: Any) -> str:
    """'from X to Y', naming the JSON types when the values alone would read the same."""
    a, b = show(before), show(after)
    if a == b or type(before) is not type(after):
        a, b = f"{a} ({_kind(before)})", f"{b} ({_kind(after)})"
    return f"from {a} to {b}"


def _kind(value: Any) -> str:
    return {bool: "boolean", int: "integer", str: "string", type(None): "absent"}.get(type(value), "reference")


def _neighbour(old: Json, new: Json, name: str) -> str | None:
    """The nearest entry after (else before) `name` in the baseline that still exists."""
    names: list[str] = [e["name"] for e in old["entries"]]
    kept = by_name(new)
    i = names.index(name)
    for other in names[i + 1:] + names[:i][::-1]:
        if other in kept:
            return other
    return None


def _added(old: Json, new: Json) -> list[str]:
    names, values = by_name(old), by_value(old)
    return [e["name"] for e in new["entries"] if e["name"] not in names and e["value"] not in values]


def rename_candidate(name: str, added: list[str]) -> str | None:
    """An added name that looks like `name` renamed: one is the other with words dropped, or they are close."""
    words = name.split("_")
    best, score = None, 0.0
    for other in added:
        more = other.split("_")
        short, long = sorted((words, more), key=len)
        if long[-len(short):] == short or long[:len(short)] == short:
            return other
        ratio = difflib.SequenceMatcher(None, name, other).ratio()
        if ratio >= 0.75 and ratio > score:
            best, score = other, ratio
    return best


def entry_removed(old: Json, new: Json) -> Iterator[Hit]:
    names, values = by_name(new), by_value(new)
    added = _added(old, new) if new["values"] == "string" else []
    for name, entry in by_name(old).items():
        if name in names or entry["value"] in values:
            continue
        anchor = _neighbour(old, new, name)
        if entry["retired"]:
            yield Hit(name, f"retired entry {name} ({entry['value']!r}) was deleted",
                      "restore it with its retired: block: a tombstone stays forever so its value is never reused", anchor=anchor)
            continue
        other = rename_candidate(name, added)
        if other:
            yield Hit(name, f"entry {name} was deleted and {other} added: looks like a rename",
                      f"keep the old name deprecated with `replacement: {old['id']}.{other}` and add the new one", anchor=anchor)
        else:
            yield Hit(name, f"entry {name} ({entry['value']!r}) was deleted",
                      "retire it instead (retired: {since: ...}) so its value stays reserved", anchor=anchor)


def entry_renamed(old: Json, new: Json) -> Iterator[Hit]:
    names, values = by_name(new), by_value(new)
    for name, entry in by_name(old).items():
        other = values.get(entry["value"])
        if name not in names and other is not None:
            yield Hit(other["name"], f"value {entry['value']!r} was renamed from {name} to {other['name']}",
                      f"keep {name}, deprecated with `replacement:`, beside the new name")


def entry_repointed(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(new)
    for name, entry in by_name(old).items():
        if name in names and names[name]["value"] != entry["value"]:
            yield Hit(name, f"{name} changed value {change(entry['value'], names[name]['value'])}",
                      "a published name keeps its value: add a new entry for the new value")


def retirement_undone(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(new)
    for name, entry in by_name(old).items():
        if entry["retired"] and name in names and not names[name]["retired"]:
            yield Hit(name, f"{name} was retired and came back", "keep the tombstone; add a new entry instead")


def deprecation_undone(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(new)
    for name, entry in by_name(old).items():
        if entry["deprecated"] and name in names and not names[name]["deprecated"]:
            yield Hit(name, f"the deprecation of {name} was withdrawn")


def value_added_to_closed(old: Json, new: Json) -> Iterator[Hit]:
    if new["open"]:
        return
    names = by_name(old)
    for entry in new["entries"]:
        if entry["name"] not in names:
            yield Hit(entry["name"], f"{entry['name']} was added to a closed catalog: exhaustive clients meet an unknown value",
                      "a closed catalog grows only in a major release")


def entry_added(old: Json, new: Json) -> Iterator[Hit]:
    if new["open"]:
        for name in _added(old, new):
            yield Hit(name, f"{name} was added")


def entry_deprecated(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(old)
    for entry in new["entries"]:
        before = names.get(entry["name"])
        if before is not None and entry["deprecated"] and not before["deprecated"]:
            yield Hit(entry["name"], f"{entry['name']} was deprecated")


def entry_retired(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(old)
    for entry in new["entries"]:
        before = names.get(entry["name"])
        if before is not None and entry["retired"] and not before["retired"]:
            yield Hit(entry["name"], f"{entry['name']} was retired; its value {entry['value']!r} stays reserved")


def _ref_key(ref: Json | None) -> tuple[str, str] | None:
    return (ref["catalog"], ref["name"]) if ref else None


def replacement_changed(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(new)
    for name, entry in by_name(old).items():
        after = names.get(name)
        if entry["deprecated"] and after and after["deprecated"]:
            a, b = entry["deprecated"]["replacement"], after["deprecated"]["replacement"]
            if _ref_key(a) != _ref_key(b):
                yield Hit(name, f"{name} changed its replacement {change(a, b)}", "clients that migrate automatically follow the new one")


def successors_changed(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(new)
    for name, entry in by_name(old).items():
        after = names.get(name)
        if after and [_ref_key(r) for r in entry["successors"]] != [_ref_key(r) for r in after["successors"]]:
            yield Hit(name, f"{name} changed its successors {change(entry['successors'], after['successors'])}")


def successor_targets_changed(old: Json, new: Json) -> Iterator[Hit]:
    before = sorted({r["catalog"] for e in old["entries"] for r in e["successors"]})
    after = sorted({r["catalog"] for e in new["entries"] for r in e["successors"]})
    if before != after:
        yield Hit(None, f"the catalogs its successors point to changed from {before or 'none'} to {after or 'none'}",
                  "the generated successor type is the union of these catalogs' members")


def lifecycle_changed(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(new)
    for name, entry in by_name(old).items():
        after = names.get(name)
        if after is None:
            continue
        parts = ["since"] if entry["since"] != after["since"] else []
        for part in ("deprecated", "retired"):
            a, b = entry[part], after[part]
            if a and b and (a["since"], a["note"]) != (b["since"], b["note"]):
                parts.append(f"{part} since/note")
        if parts:
            yield Hit(name, f"{name} changed its {', '.join(parts)}")


def typed(decl: Json) -> bool:
    """Whether values of the field are compared as values (not as free text)."""
    return decl["type"] != "string" or decl["enum"] is not None or decl["pattern"] is not None


def _field_pairs(old: Json, new: Json) -> Iterator[tuple[str, str, Json, Any, Any]]:
    names, old_decls, new_decls = by_name(new), decls(old), decls(new)
    for name, entry in by_name(old).items():
        after = names.get(name)
        if after is None:
            continue
        for field in [f for f in old_decls if f in new_decls]:
            yield name, field, new_decls[field] | {"old": old_decls[field]}, entry["fields"].get(field), after["fields"].get(field)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return _ref_key(a) == _ref_key(b)
    if isinstance(a, list) and isinstance(b, list):
        return [_ref_key(x) for x in a] == [_ref_key(x) for x in b]
    return a == b and type(a) is type(b)


def field_value_changed(old: Json, new: Json) -> Iterator[Hit]:
    for name, field, decl, a, b in _field_pairs(old, new):
        if (typed(decl) or typed(decl["old"])) and not _same(a, b) and not (a is None and not decl["required"]):
            yield Hit(name, f"{name} changed {field} {change(a, b)}", "clients branch on this value: add a new entry instead")


def field_value_filled(old: Json, new: Json) -> Iterator[Hit]:
    for name, field, decl, a, b in _field_pairs(old, new):
        if (typed(decl) or typed(decl["old"])) and a is None and b is not None and not decl["required"]:
            yield Hit(name, f"{name} filled in {field}, absent before, with {show(b)}")


def parameters(entry: Json) -> dict[str, Json]:
    """An entry's message parameters by name (a bundle that predates them, or an entry without any: none)."""
    return entry.get("parameters") or {}


def _parameter_pairs(old: Json, new: Json) -> Iterator[tuple[str, dict[str, Json], dict[str, Json]]]:
    """(name, parameters before, parameters now) of every entry in both catalogs."""
    names = by_name(new)
    for name, entry in by_name(old).items():
        after = names.get(name)
        if after is not None:
            yield name, parameters(entry), parameters(after)


def parameter_added(old: Json, new: Json) -> Iterator[Hit]:
    for name, before, after in _parameter_pairs(old, new):
        took = "" if before else "; its message took none before"
        for param in [p for p in after if p not in before]:
            yield Hit(name, f"{name} added message parameter {param} ({after[param]['type']}){took}",
                      "typed callers pass exactly an entry's parameters: leave this entry's as they were, and add a new entry "
                      "(this one deprecated with `replacement:`) for the new message")


def parameter_removed(old: Json, new: Json) -> Iterator[Hit]:
    for name, before, after in _parameter_pairs(old, new):
        for param in [p for p in before if p not in after]:
            yield Hit(name, f"{name} removed message parameter {param} ({before[param]['type']})",
                      "typed callers still pass it: keep it in the message, or add a new entry "
                      "(this one deprecated with `replacement:`) for the new message")


def parameter_type_changed(old: Json, new: Json) -> Iterator[Hit]:
    for name, before, after in _parameter_pairs(old, new):
        for param in [p for p in before if p in after and before[p]["type"] != after[p]["type"]]:
            yield Hit(name, f"{name} changed message parameter {param} {change(before[param]['type'], after[param]['type'])}",
                      "a parameter keeps its type: add a new entry (this one deprecated with `replacement:`) "
                      "whose parameter has the new type")


def _parameter_texts(old: Json, new: Json) -> Iterator[tuple[str, str]]:
    """(entry, part) for each parameter whose description changed."""
    for name, before, after in _parameter_pairs(old, new):
        for param in [p for p in before if p in after]:
            if before[param].get("description", "") != after[param].get("description", ""):
                yield name, f"parameter {param}'s description"


def text_changed(old: Json, new: Json) -> Iterator[Hit]:
    names = by_name(new)
    changed: dict[str, list[str]] = {}
    for name, entry in by_name(old).items():
        after = names.get(name)
        if after is not None:
            changed[name] = [k for k in ("message", "description", "provenance", "alternatives") if entry[k] != after[k]]
    for name, part in _parameter_texts(old, new):
        changed[name].append(part)
    for name, field, decl, a, b in _field_pairs(old, new):
        if not typed(decl) and not typed(decl["old"]) and a != b:
            changed[name].append(field)
    for name, parts in changed.items():
        if parts:
            yield Hit(name, f"{name} changed its {', '.join(parts)}")


def entry_order_changed(old: Json, new: Json) -> Iterator[Hit]:
    kept = by_name(new)
    before = [e["name"] for e in old["entries"] if e["name"] in kept]
    seen = set(before)  # built once: a set per entry made this quadratic (seconds at 10,000 entries)
    after = [n for n in kept if n in seen]
    if before != after:
        moved = next(a for a, b in zip(before, after, strict=True) if a != b)
        yield Hit(moved, f"entries were reordered (first difference: {moved})",
                  "generated enums list members in spec order; append new entries instead of moving old ones")
