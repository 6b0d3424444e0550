"""Compatibility reports for people (text), tools (JSON) and GitHub (annotations)."""

from __future__ import annotations

import json

from codegen.compat import Report
from codegen.compat.rules import Finding

Locator = dict[tuple[str, str | None], str]  # (catalog, entry or None) -> "file:line"


def _where(find: Finding, locate: Locator) -> str:
    return locate.get((find.catalog, find.entry)) or locate.get((find.catalog, None)) or locate.get(("", None), "spec")


def text(report: Report, locate: Locator) -> str:
    lines = [f"{_where(f, locate)}: {f.tier} {f.rule}: catalog {f.catalog}: {f.message}" for f in report.findings]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def github(report: Report, locate: Locator) -> str:
    lines = []
    for f in report.findings:
        level = {"breaking": "error", "dangerous": "warning", "safe": "notice"}[f.tier]
        file, _, line = _where(f, locate).partition(":")
        lines.append(f"::{level} file={file},line={line or 1},title={f.rule}::catalog {f.catalog}: {f.message}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def as_json(report: Report, locate: Locator) -> str:
    data = {
        "baseline_version": report.baseline_version,
        "current_version": report.current_version,
        "required_version": report.required_version,
        "bump": report.bump,
        "passed": report.passed,
        "findings": [
            {"rule": f.rule, "tier": f.tier, "bump": f.bump, "catalog": f.catalog, "entry": f.entry,
             "message": f.message, "location": _where(f, locate)}
            for f in report.findings
        ],
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def _summary(report: Report) -> str:
    counts = {t: sum(f.tier == t for f in report.findings) for t in ("breaking", "dangerous", "safe")}
    head = f"{counts['breaking']} breaking, {counts['dangerous']} dangerous, {counts['safe']} safe change(s) since {report.baseline_version}"
    advice = f"next version must be at least {report.required_version} ({report.bump or 'no'} bump); project version is {report.current_version}"
    verdict = "PASS" if report.passed else "FAIL"
    if not report.version_ok:
        verdict += f": raise version in the project file to {report.required_version} or later"
    elif report.breaking:
        verdict += ": retire entries instead of deleting them, and never rename or re-point a published value"
    return f"{head}\n{advice}\n{verdict}"
