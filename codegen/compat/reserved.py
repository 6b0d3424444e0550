"""Rules about reserved values, ranges and names (protobuf's `reserved`), and retired values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codegen.compat.entries import by_name, by_value
from codegen.compat.finding import Hit, Json

EMPTY: Json = {"values": [], "ranges": [], "names": []}


def reserved(catalog: Json) -> Json:
    """The catalog's reservations (bundles written before reservations existed have none)."""
    return catalog.get("reserved") or EMPTY


def holds(res: Json, name: str, value: Any) -> bool:
    """Whether a reservation covers this name or value."""
    if name in res["names"] or value in res["values"]:
        return True
    return isinstance(value, int) and any(lo <= value <= hi for lo, hi in res["ranges"])


def retired_value_reused(old: Json, new: Json) -> Iterator[Hit]:
    values = by_value(new)
    for entry in old["entries"]:
        reuse = values.get(entry["value"])
        if entry["retired"] and reuse is not None and reuse["name"] != entry["name"]:
            yield Hit(reuse["name"], f"retired value {entry['value']!r} of {entry['name']} was reused by {reuse['name']}",
                      "give the new entry an unused value")


def reserved_used(old: Json, new: Json) -> Iterator[Hit]:
    res, names, values = reserved(old), by_name(old), by_value(old)
    for entry in new["entries"]:
        fresh = entry["name"] not in names and entry["value"] not in values
        if fresh and holds(res, entry["name"], entry["value"]):
            yield Hit(entry["name"], f"{entry['name']} ({entry['value']!r}) took a value or name the catalog had reserved",
                      "reserved values and names are never used: pick another")


def _items(res: Json) -> list[str]:
    return [repr(v) for v in res["values"]] + [f"{lo}..{hi}" for lo, hi in res["ranges"]] + list(res["names"])


def reservation_removed(old: Json, new: Json) -> Iterator[Hit]:
    before, after = reserved(old), reserved(new)
    lost = [x for x in _items(before) if x not in _items(after)]
    if lost:
        yield Hit(None, f"reservations were released: {', '.join(lost)}", "a reservation is forever, like a tombstone",
                  ("catalog", "reserved"))


def reservation_added(old: Json, new: Json) -> Iterator[Hit]:
    before, after = reserved(old), reserved(new)
    gained = [x for x in _items(after) if x not in _items(before)]
    if gained:
        yield Hit(None, f"reserved {', '.join(gained)}", path=("catalog", "reserved"))
