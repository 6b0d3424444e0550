"""A CHANGELOG entry per release, grouped by catalog: added, deprecated, retired, changed."""

from __future__ import annotations

import re
from typing import Any

from codegen.compat import Report

KINDS = (("added", "Added"), ("deprecated", "Deprecated"), ("retired", "Retired"), ("changed", "Changed"))
_KIND_OF_RULE = {"ENTRY_ADDED": "added", "CATALOG_ADDED": "added", "ENTRY_DEPRECATED": "deprecated",
                 "ENTRY_RETIRED": "retired"}
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Spec text as literal Markdown on one line: every character Markdown would read escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def _entry_line(kind: str, entry: dict[str, Any] | None, name: str | None, message: str) -> str:
    if entry is None:
        return f"- {md(message)}"
    shown = f"`{entry['name']}`" + (f" ({entry['value']})" if entry["value"] != entry["name"] else "")
    if kind == "changed":
        return f"- {shown}: {md(message)}"
    text = entry["message"]
    dep = entry.get("deprecated") or {}
    if kind == "deprecated" and dep.get("replacement"):
        rep = dep["replacement"]
        # a reference is two identifiers (the schema's pattern): safe in a code span
        return f"- {shown}: {md(text + _note(entry, kind))}; use `{rep['catalog']}.{rep['name']}`"
    return f"- {shown}: {md(text + _note(entry, kind))}"


def _note(entry: dict[str, Any], kind: str) -> str:
    note = (entry.get(kind) or {}).get("note") if kind in ("deprecated", "retired") else None
    return f" ({note})" if note else ""


def _section(title: str, groups: dict[str, list[str]]) -> list[str]:
    lines = [f"### {title}", ""]
    for kind, label in KINDS:
        if groups.get(kind):
            lines += [f"{label}:", "", *groups[kind], ""]
    return lines


def entry(version: str, bundle: dict[str, Any], report: Report | None) -> str:
    """The Markdown of one release; report None: the first release, every entry added."""
    catalogs: dict[str, Any] = bundle["catalogs"]
    grouped: dict[str, dict[str, list[str]]] = {}
    if report is None:
        for cid, cat in catalogs.items():
            grouped[cid] = {"added": [_entry_line("added", e, e["name"], "") for e in cat["entries"]]}
        summary = "First release."
    else:
        for f in report.findings:
            kind = _KIND_OF_RULE.get(f.rule, "changed")
            cat = catalogs.get(f.catalog)
            found = next((e for e in cat["entries"] if e["name"] == f.entry), None) if cat and f.entry else None
            line = _entry_line(kind, found, f.entry, f.message)
            if f.accepted:
                line += f" (accepted: {md(f.accepted)})"
            grouped.setdefault(f.catalog, {}).setdefault(kind, []).append(line)
        summary = f"{(report.bump or 'no').capitalize()} release since {report.baseline_version}."
    lines = [f"## {version}", "", summary, ""]
    for cid in sorted(grouped):
        title = catalogs[cid]["title"] if cid in catalogs else "removed catalog"
        lines += _section(f"{cid}: {md(title)}", grouped[cid])
    return "\n".join(lines).rstrip("\n") + "\n"


def insert(existing: str | None, text: str) -> str:
    """The changelog with the entry on top of the previous ones."""
    if not existing:
        return "# Changelog\n\n" + text
    at = re.search(r"^## ", existing, re.MULTILINE)
    if at is None:
        return existing.rstrip("\n") + "\n\n" + text
    return existing[: at.start()] + text + "\n" + existing[at.start():]
