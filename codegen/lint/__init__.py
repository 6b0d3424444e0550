"""`codegen lint`: rules that keep a catalog in the shape its standards and users expect.

Selection follows the compatibility gate: `lint.use` and `lint.except` (rule ids), a level
per rule (`lint.levels`: error, warning or off), a message style per catalog, and findings
accepted deliberately with a reason (`lint.accept`), shown in the report, never silent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from codegen.lint.rules import RULES, Level, Rule
from codegen.model import Spec


@dataclass(frozen=True)
class Finding:
    rule: str
    level: Level
    catalog: str
    entry: str | None
    message: str
    hint: str
    file: str
    line: int
    col: int
    accepted: str | None = None  # the recorded reason when the project accepts it

    @property
    def fails(self) -> bool:
        return self.level == "error" and self.accepted is None


def selected(config: Mapping[str, Any]) -> list[tuple[Rule, Level]]:
    """The rules that run, with their level."""
    use = set(config.get("use") or [r.id for r in RULES])
    use -= set(config.get("except") or [])
    levels: Mapping[str, Level] = config.get("levels") or {}
    out: list[tuple[Rule, Level]] = []
    for rule in RULES:
        level = levels.get(rule.id, rule.level)
        if rule.id in use and level != "off":
            out.append((rule, level))
    return out


def _accepted(config: Mapping[str, Any], rule: str, catalog: str, entry: str | None) -> str | None:
    for item in config.get("accept") or []:
        if item["rule"] != rule or item.get("catalog", catalog) != catalog:
            continue
        names = item.get("entries")
        if names is None or entry in names:
            return str(item["reason"])
    return None


def lint(spec: Spec, baseline: Mapping[str, Any] | None = None) -> list[Finding]:
    """Every finding of the selected rules, located at the entry (or catalog) it is about;
    rules about what was published read the last release's bundle."""
    config = spec.lint
    out: list[Finding] = []
    for rule, level in selected(config):
        for catalog_id, entry_name, message, hint in rule.check(spec, config, baseline):
            file, line, col = _where(spec, catalog_id, entry_name)
            out.append(Finding(rule.id, level, catalog_id, entry_name, message, hint, file, line, col,
                               _accepted(config, rule.id, catalog_id, entry_name)))
    out += _unused_acceptances(spec, config, out)
    return sorted(out, key=lambda f: (f.file, f.line, f.col, f.rule))


def _unused_acceptances(spec: Spec, config: Mapping[str, Any], found: list[Finding]) -> list[Finding]:
    """An acceptance that matches no finding is stale: said, so it is removed rather than kept forever."""
    out = []
    for i, item in enumerate(config.get("accept") or []):
        if any(f.accepted == item["reason"] and f.rule == item["rule"] for f in found):
            continue
        file, line, col = spec.at("lint", "accept", i)
        out.append(Finding("ACCEPT_UNUSED", "warning", item.get("catalog", ""), None,
                           f"lint.accept[{i}] ({item['rule']}) matches no finding", "remove it, or fix its catalog or entries",
                           file, line, col))
    return out


def _where(spec: Spec, catalog_id: str, entry: str | None) -> tuple[str, int, int]:
    catalog = spec.catalog(catalog_id)
    if catalog is None:
        return spec.at("envelopes")
    if entry is not None:
        index = next((i for i, e in enumerate(catalog.entries) if e.name == entry), None)
        if index is not None:
            return catalog.at("entries", index, "name")
    return catalog.at("catalog", "id")
