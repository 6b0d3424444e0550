"""The compatibility gate: compare a published bundle with the current spec."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from codegen.compat.rules import CATALOG_RULES, RULES, Bump, Finding
from codegen.spec.semantic import version_key

_ORDER: dict[Bump, int] = {"patch": 0, "minor": 1, "major": 2}


@dataclass
class Report:
    baseline_version: str
    current_version: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def bump(self) -> Bump | None:
        """The smallest version bump the findings need (None: nothing changed)."""
        if not self.findings:
            return None
        return max((f.bump for f in self.findings), key=_ORDER.__getitem__)

    @property
    def required_version(self) -> str:
        """The minimum next version of the generated packages."""
        major, minor, patch = version_key(self.baseline_version)
        return {None: f"{major}.{minor}.{patch}", "patch": f"{major}.{minor}.{patch + 1}",
                "minor": f"{major}.{minor + 1}.0", "major": f"{major + 1}.0.0"}[self.bump]

    @property
    def breaking(self) -> list[Finding]:
        return [f for f in self.findings if f.tier == "breaking"]

    @property
    def version_ok(self) -> bool:
        return version_key(self.current_version) >= version_key(self.required_version)

    @property
    def passed(self) -> bool:
        return not self.breaking and self.version_ok


def compare(old: dict[str, Any], new: dict[str, Any]) -> Report:
    """Every finding between two bundles, catalogs in id order, rules in table order."""
    report = Report(old["spec_version"], new["spec_version"])
    old_cats, new_cats = old["catalogs"], new["catalogs"]
    removed, added = CATALOG_RULES
    for cid in sorted(set(old_cats) | set(new_cats)):
        if cid not in new_cats:
            report.findings.append(Finding(removed[0], removed[1], removed[2], cid, None, f"catalog {cid} was removed"))  # type: ignore[arg-type]
        elif cid not in old_cats:
            report.findings.append(Finding(added[0], added[1], added[2], cid, None, f"catalog {cid} was added"))  # type: ignore[arg-type]
        else:
            for rule in RULES:
                for entry, message in rule.check(old_cats[cid], new_cats[cid]):
                    report.findings.append(Finding(rule.id, rule.tier, rule.bump, cid, entry, message))
    return report
