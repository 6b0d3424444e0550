"""Rules about shapes: catalogs, their declared fields, and the envelopes of the bundle."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codegen.compat.entries import change, decls, show
from codegen.compat.finding import Hit, Json


def catalog_removed(old: Json, new: Json) -> Iterator[Hit]:
    for cid in sorted(set(old["catalogs"]) - set(new["catalogs"])):
        yield Hit(None, f"catalog {cid} was removed", "keep the catalog; retire its entries instead", ("catalogs",), catalog=cid)


def catalog_added(old: Json, new: Json) -> Iterator[Hit]:
    for cid in sorted(set(new["catalogs"]) - set(old["catalogs"])):
        yield Hit(None, f"catalog {cid} was added", catalog=cid)


def kind_changed(old: Json, new: Json) -> Iterator[Hit]:
    if old["values"] != new["values"]:
        yield Hit(None, f"catalog values changed from {old['values']} to {new['values']}",
                  "every published value changed type: publish a new catalog instead", ("catalog", "values"))


def catalog_closed(old: Json, new: Json) -> Iterator[Hit]:
    if old["open"] and not new["open"]:
        yield Hit(None, "catalog was closed: clients that accepted unknown values now reject them", path=("catalog", "open"))


def catalog_opened(old: Json, new: Json) -> Iterator[Hit]:
    if not old["open"] and new["open"]:
        yield Hit(None, "catalog was opened: parse() now returns the enum or Unknown, so typed callers stop compiling",
                  "opening a catalog changes parse()'s return type in both packages", ("catalog", "open"))


def catalog_text_changed(old: Json, new: Json) -> Iterator[Hit]:
    parts = [k for k in ("title", "description", "publisher", "sources", "notes") if old[k] != new[k]]
    new_decls = decls(new)
    parts += [f"field '{n}' description" for n, d in decls(old).items()
              if n in new_decls and d["description"] != new_decls[n]["description"]]
    if parts:
        yield Hit(None, f"catalog changed its {', '.join(parts)}", path=("catalog",))


def _decl_pairs(old: Json, new: Json) -> Iterator[tuple[str, Json, Json]]:
    after = decls(new)
    for name, decl in decls(old).items():
        if name in after:
            yield name, decl, after[name]


def field_removed(old: Json, new: Json) -> Iterator[Hit]:
    after = decls(new)
    for name in decls(old):
        if name not in after:
            yield Hit(None, f"declared field '{name}' was removed", "clients read it from every entry's info", ("catalog", "fields"))


def field_added(old: Json, new: Json) -> Iterator[Hit]:
    before = decls(old)
    for name in decls(new):
        if name not in before:
            yield Hit(None, f"declared field '{name}' was added", path=("catalog", "fields", name))


def field_type_changed(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        if (a["type"], a["catalog"]) != (b["type"], b["catalog"]):
            what = "type" if a["type"] != b["type"] else "target catalog"
            before, after = (a["type"], b["type"]) if what == "type" else (a["catalog"], b["catalog"])
            yield Hit(None, f"declared field '{name}' changed {what} from {before} to {after}", path=("catalog", "fields", name))


def field_made_optional(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        if a["required"] and not b["required"]:
            yield Hit(None, f"declared field '{name}' was made optional: its type now admits None / null",
                      "typed callers that used the value directly stop compiling", ("catalog", "fields", name))


def field_made_required(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        if b["required"] and not a["required"]:
            yield Hit(None, f"declared field '{name}' was made required", path=("catalog", "fields", name))


def _enum_delta(a: Json, b: Json) -> tuple[list[str], list[str]]:
    """(values added, values removed); no enum at all stands for every string."""
    if a["type"] != b["type"] or a["enum"] == b["enum"]:
        return [], []
    if a["enum"] is None:
        return [], ["any other string"]
    if b["enum"] is None:
        return ["any string"], []
    return [v for v in b["enum"] if v not in a["enum"]], [v for v in a["enum"] if v not in b["enum"]]


def field_enum_widened(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        added, _ = _enum_delta(a, b)
        if added:
            yield Hit(None, f"declared field '{name}' widened its enum with {', '.join(added)}",
                      "clients that switch over the values meet one they do not handle", ("catalog", "fields", name))


def field_enum_narrowed(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        _, removed = _enum_delta(a, b)
        if removed:
            yield Hit(None, f"declared field '{name}' narrowed its enum: {', '.join(removed)} no longer allowed",
                      "clients receive fewer values; TypeScript comparisons with a dropped literal stop compiling",
                      ("catalog", "fields", name))


def _range_moves(a: Json, b: Json) -> tuple[list[str], list[str]]:
    wider: list[str] = []
    narrower: list[str] = []
    for bound, lower_is_wider in (("min", True), ("max", False)):
        x, y = a[bound], b[bound]
        if x == y or a["type"] != b["type"]:
            continue
        widened = y is None or (x is not None and (y < x if lower_is_wider else y > x))
        (wider if widened else narrower).append(f"{bound} {change(x, y)}")
    return wider, narrower


def field_range_widened(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        wider, _ = _range_moves(a, b)
        if wider:
            yield Hit(None, f"declared field '{name}' widened its range: {'; '.join(wider)}",
                      "clients that validate the range may reject new values", ("catalog", "fields", name))


def field_range_narrowed(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        _, narrower = _range_moves(a, b)
        if narrower:
            yield Hit(None, f"declared field '{name}' narrowed its range: {'; '.join(narrower)}", path=("catalog", "fields", name))


def field_pattern_changed(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _decl_pairs(old, new):
        if a["pattern"] != b["pattern"]:
            yield Hit(None, f"declared field '{name}' changed its pattern {change(a['pattern'], b['pattern'])}",
                      "clients that validate the pattern may reject new values", ("catalog", "fields", name))


# Envelopes (bundle scope).

def _envelopes(old: Json, new: Json) -> Iterator[tuple[str, Json, Json]]:
    for name, env in old.get("envelopes", {}).items():
        if name in new.get("envelopes", {}):
            yield name, env, new["envelopes"][name]


def _props(env: Json) -> dict[str, Json]:
    return {p["name"]: p for p in env["properties"]}


def _prop_pairs(old: Json, new: Json) -> Iterator[tuple[str, str, Json, Json]]:
    for env, a, b in _envelopes(old, new):
        after = _props(b)
        for name, prop in _props(a).items():
            if name in after:
                yield env, name, prop, after[name]


def _env_hit(env: str, prop: str | None, message: str, hint: str = "") -> Hit:
    path: tuple[str, ...] = ("envelopes", env, "properties", prop) if prop else ("envelopes", env)
    return Hit(None, message, hint, path, envelope=env)


def envelope_removed(old: Json, new: Json) -> Iterator[Hit]:
    for name in sorted(set(old.get("envelopes", {})) - set(new.get("envelopes", {}))):
        yield Hit(None, f"envelope {name} was removed", "clients parse responses with it", ("envelopes",), envelope=name)


def envelope_added(old: Json, new: Json) -> Iterator[Hit]:
    for name in sorted(set(new.get("envelopes", {})) - set(old.get("envelopes", {}))):
        yield _env_hit(name, None, f"envelope {name} was added")


def envelope_shape_changed(old: Json, new: Json) -> Iterator[Hit]:
    for name, a, b in _envelopes(old, new):
        for key in ("wrapper", "body_name"):
            if a[key] != b[key]:
                yield _env_hit(name, None, f"envelope {name} changed {key} {change(a[key], b[key])}", "the response body moved")


def property_removed(old: Json, new: Json) -> Iterator[Hit]:
    for env, a, b in _envelopes(old, new):
        after = _props(b)
        for name in _props(a):
            if name not in after:
                yield Hit(None, f"property {name} was removed", "clients read it from every response",
                          ("envelopes", env, "properties"), envelope=env)


def property_added(old: Json, new: Json) -> Iterator[Hit]:
    for env, a, b in _envelopes(old, new):
        before = _props(a)
        for name in _props(b):
            if name not in before:
                yield _env_hit(env, name, f"property {name} was added")


def property_made_optional(old: Json, new: Json) -> Iterator[Hit]:
    for env, name, a, b in _prop_pairs(old, new):
        if a["required"] and not b["required"]:
            yield _env_hit(env, name, f"property {name} was made optional", "typed callers that used it directly stop compiling")


def property_made_required(old: Json, new: Json) -> Iterator[Hit]:
    for env, name, a, b in _prop_pairs(old, new):
        if b["required"] and not a["required"]:
            yield _env_hit(env, name, f"property {name} was made required")


def property_type_changed(old: Json, new: Json) -> Iterator[Hit]:
    for env, name, a, b in _prop_pairs(old, new):
        for key in ("catalog", "use", "type", "items"):
            if a[key] != b[key]:
                yield _env_hit(env, name, f"property {name} changed {key} {change(a[key], b[key])}",
                               "clients parse the property with the old type")


def property_format_changed(old: Json, new: Json) -> Iterator[Hit]:
    for env, name, a, b in _prop_pairs(old, new):
        for key in ("format", "pattern"):
            if a[key] != b[key]:
                yield _env_hit(env, name, f"property {name} changed {key} {change(a[key], b[key])}",
                               "clients that validate the property may reject new values")


def envelope_text_changed(old: Json, new: Json) -> Iterator[Hit]:
    for env, a, b in _envelopes(old, new):
        if a["description"] != b["description"]:
            yield _env_hit(env, None, f"envelope {env} changed its description")
    for env, name, a, b in _prop_pairs(old, new):
        if a["description"] != b["description"]:
            yield _env_hit(env, name, f"property {name} changed its description")


def changed_parts(old: Any, new: Any, at: str = "", limit: int = 6) -> list[str]:
    """Where two JSON values differ, as dotted paths (entries named, lists as a whole)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                out += changed_parts(old.get(key), new.get(key), f"{at}.{key}" if at else str(key), limit)
        return out[:limit]
    if at.endswith(".entries") and isinstance(old, list) and isinstance(new, list):
        a, b = ({e["name"]: e for e in side} for side in (old, new))
        names = [n for n in list(a) + [n for n in b if n not in a] if a.get(n) != b.get(n)]
        return [f"{at}.{n}" for n in names][:limit] or [f"{at} (order)"]
    return [at or show(new)]
