"""Compatibility reports: text for people, JSON for tools, GitHub annotations, JUnit XML, GitLab code quality."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

from codegen.compat import Report
from codegen.compat.finding import Finding
from codegen.compat.locate import Locator

Renderer = Callable[[Report, Locator], str]


def _all(report: Report) -> list[Finding]:
    """The rule findings, then the version finding when the version is too low."""
    extra = report.version_finding
    return report.findings + ([extra] if extra else [])


def _label(f: Finding) -> str:
    return "accepted" if f.accepted is not None else f.tier


def text(report: Report, locate: Locator) -> str:
    lines = []
    for f in _all(report):
        lines.append(f"{locate.shown(f)}: {_label(f)} {f.rule}: {f.subject}: {f.message}")
        lines += [f"    accepted: {f.accepted}"] if f.accepted is not None else []
        lines += [f"    hint: {f.hint}"] if f.hint and f.accepted is None else []
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def escape_data(value: str) -> str:
    """A workflow-command message, escaped as GitHub's toolkit does."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow-command property value (file, title), escaped as GitHub's toolkit does."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report, locate: Locator) -> str:
    lines = []
    for f in _all(report):
        level = "notice" if f.accepted is not None else {"breaking": "error", "dangerous": "warning", "safe": "notice"}[f.tier]
        file, line = locate.from_repository(f)
        message = f"{f.subject}: {f.message}" + (f" (accepted: {f.accepted})" if f.accepted is not None else "")
        message += f"\nhint: {f.hint}" if f.hint and f.accepted is None else ""
        props = f"file={escape_property(file)},line={line},title={escape_property(f.rule)}"
        lines.append(f"::{level} {props}::{escape_data(message)}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _record(f: Finding, locate: Locator) -> dict[str, object]:
    return {"rule": f.rule, "tier": f.tier, "bump": f.bump, "catalog": f.catalog, "envelope": f.envelope,
            "entry": f.entry, "message": f.message, "hint": f.hint, "accepted": f.accepted, "location": locate.shown(f)}


def as_json(report: Report, locate: Locator) -> str:
    data = {
        "baseline_version": report.baseline_version,
        "current_version": report.current_version,
        "required_version": report.required_version,
        "bump": report.bump,
        "passed": report.passed,
        "findings": [_record(f, locate) for f in _all(report)],
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def _fails(report: Report, f: Finding) -> bool:
    return not report.passed and f.accepted is None and (f.tier != "safe" or f.rule == "VERSION_TOO_LOW")


def junit(report: Report, locate: Locator) -> str:
    """One test case per finding; when the gate fails, breaking and dangerous ones are failures."""
    findings = _all(report)
    suite = ET.Element("testsuite", name="codegen compat", tests=str(max(len(findings), 1)),
                       failures=str(sum(_fails(report, f) for f in findings)), errors="0")
    for f in findings:
        case = ET.SubElement(suite, "testcase", classname=f"compat.{f.envelope or f.catalog or 'bundle'}",
                             name=f"{f.rule} {f.entry or ''}".strip(), file=locate.from_repository(f)[0],
                             line=str(locate.at(f)[1]))
        if _fails(report, f):
            ET.SubElement(case, "failure", message=f.message, type=f.rule).text = f"{locate.shown(f)}: {f.message}\nhint: {f.hint}"
        else:
            ET.SubElement(case, "system-out").text = f"{_label(f)}: {f.message}"
    if not findings:
        ET.SubElement(suite, "testcase", classname="compat", name="no changes")
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_SEVERITY = {"breaking": "critical", "dangerous": "major", "safe": "info"}


def gitlab(report: Report, locate: Locator) -> str:
    """GitLab's code quality report: a JSON array of issues with fingerprint, severity and location."""
    issues = []
    for f in _all(report):
        path, line = locate.from_repository(f)
        severity = "info" if f.accepted is not None else ("blocker" if f.rule == "VERSION_TOO_LOW" else _SEVERITY[f.tier])
        key = "\0".join((f.rule, f.catalog, f.envelope or "", f.entry or "", f.message))
        issues.append({
            "type": "issue",
            "check_name": f.rule,
            "description": f"{f.subject}: {f.message}" + (f" (accepted: {f.accepted})" if f.accepted is not None else ""),
            "categories": ["Compatibility"],
            "severity": severity,
            "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
            "location": {"path": path, "lines": {"begin": line}},
        })
    return json.dumps(issues, indent=2) + "\n"


FORMATS: dict[str, Renderer] = {"text": text, "json": as_json, "github": github, "junit": junit, "gitlab": gitlab}


def _summary(report: Report) -> str:
    active = report.active
    counts = {t: sum(f.tier == t for f in active) for t in ("breaking", "dangerous", "safe")}
    accepted = len(report.findings) - len(active)
    head = (f"{counts['breaking']} breaking, {counts['dangerous']} dangerous, {counts['safe']} safe change(s)"
            + (f", {accepted} accepted" if accepted else "") + f" since {report.baseline_version}")
    advice = f"next version must be at least {report.required_version} ({report.bump or 'no'} bump); project version is {report.current_version}"
    if report.passed:
        return f"{head}\n{advice}\nPASS"
    return f"{head}\n{advice}\nFAIL: raise version in the project file to {report.required_version} or later"
