"""The compatibility gate: compare a published bundle with the current spec.

`compare(old, new)` runs every selected rule of the table in `rules.py`; the report says
which version bump the findings need and whether the current version has it. A breaking
change passes at the next major version (below 1.0.0, the next minor, as semver allows);
any other change of content needs at least a patch.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import semver

from codegen.compat.finding import Bump, Finding, Rule
from codegen.compat.policy import Policy
from codegen.compat.rules import CONTENT_RULE, RULES, VERSION_RULE
from codegen.compat.shape import changed_parts

__all__ = ["Finding", "Policy", "Report", "compare"]

_ORDER: dict[Bump, int] = {"patch": 0, "minor": 1, "major": 2}
_VOLATILE = ("$comment", "spec_version", "content_hash")  # parts that change with every release


@dataclass
class Report:
    baseline_version: str
    current_version: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def active(self) -> list[Finding]:
        """Findings that count: those the project did not accept deliberately."""
        return [f for f in self.findings if f.accepted is None]

    @property
    def bump(self) -> Bump | None:
        """The smallest version bump the findings need (None: nothing changed)."""
        bumps: list[Bump] = [f.bump for f in self.active] or (["patch"] if self.findings else [])
        ranked = sorted(bumps, key=lambda b: _ORDER[b])
        return ranked[-1] if ranked else None

    @property
    def required_version(self) -> str:
        """The minimum next version of the generated packages."""
        return str(next_version(semver.Version.parse(self.baseline_version), self.bump))

    @property
    def breaking(self) -> list[Finding]:
        return [f for f in self.active if f.tier == "breaking"]

    @property
    def version_ok(self) -> bool:
        """Whether the current version is at least the required one (a pre-release of it counts)."""
        base, current = semver.Version.parse(self.baseline_version), semver.Version.parse(self.current_version)
        need = semver.Version.parse(self.required_version)
        if self.bump is None:
            return current >= base
        return current >= need or (current > base and current.finalize_version() >= need)

    @property
    def version_finding(self) -> Finding | None:
        """The finding a too-low version raises, with the version it needs."""
        if self.version_ok:
            return None
        message = (f"version {self.current_version} is below {self.required_version}, "
                   f"which the changes since {self.baseline_version} need ({self.bump or 'no'} bump)")
        return Finding(VERSION_RULE.id, "breaking", self.bump or "patch", "", None, message,
                       f"raise version in the project file to {self.required_version} or later", ("version",))

    @property
    def passed(self) -> bool:
        return self.version_ok


def next_version(base: semver.Version, bump: Bump | None) -> semver.Version:
    """The lowest version after base that allows the bump (below 1.0.0 a major is a minor)."""
    if bump is None:
        return base
    if base.major == 0 and bump == "major":
        bump = "minor"
    if base.prerelease:  # 1.3.0-rc.1 -> 1.3.0 unless the bump needs more than its core gives
        core = base.finalize_version()
        zero = {"patch": True, "minor": core.patch == 0, "major": core.minor == 0 and core.patch == 0}[bump]
        if zero:
            return core
        base = core
    return {"patch": base.bump_patch, "minor": base.bump_minor, "major": base.bump_major}[bump]()


def compare(old: dict[str, Any], new: dict[str, Any], policy: Policy | None = None) -> Report:
    """Every finding between two bundles: rules in table order, catalogs in id order."""
    policy = policy or Policy()
    report = Report(old["spec_version"], new["spec_version"])
    shared = sorted(set(old["catalogs"]) & set(new["catalogs"]))
    for rule in (r for r in RULES if policy.selects(r)):
        if rule.scope == "bundle":
            hits = [(h.envelope or h.catalog, h) for h in rule.check(old, new)]
        else:
            hits = [(cid, h._replace(catalog=cid)) for cid in shared for h in rule.check(old["catalogs"][cid], new["catalogs"][cid])]
        report.findings += [_finding(rule, h, policy) for scope, h in hits if not policy.ignores(rule, scope)]
    if not report.active and _content(old) != _content(new):
        parts = changed_parts(_content(old), _content(new))
        report.findings.append(_finding(CONTENT_RULE, _content_hit(parts, set(new["catalogs"])), policy))
    return report


def _finding(rule: Rule, hit: Any, policy: Policy) -> Finding:
    found = Finding(rule.id, rule.tier, rule.bump, hit.catalog, hit.entry, hit.message, hit.hint, hit.path, hit.anchor, hit.envelope)
    accepted = policy.acceptance(found)
    return replace(found, accepted=accepted.reason) if accepted else found


def _content(bundle: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in bundle.items() if k not in _VOLATILE}


def _content_hit(parts: list[str], catalogs: set[str]) -> Any:
    from codegen.compat.finding import Hit

    first = parts[0].split(".") if parts else []
    where = first[1] if len(first) > 1 and first[0] == "catalogs" and first[1] in catalogs else ""
    return Hit(None, f"the published content changed ({', '.join(parts)})",
               "the bundle's content_hash differs: publish it as at least a patch release", catalog=where)
