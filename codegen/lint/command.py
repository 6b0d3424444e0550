"""`codegen lint`: load, lint, report (text, JSON, GitHub annotations) and exit 1 on an error."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from codegen.compat.locate import repository_root
from codegen.compat.report import escape_data, escape_property
from codegen.diagnostics import EXIT_INVALID, EXIT_OK
from codegen.lint import Finding, lint
from codegen.lint.rules import RULES
from codegen.model import Spec


def list_rules() -> str:
    """Every rule: id, default level and purpose."""
    width = max(len(r.id) for r in RULES)
    return "".join(f"{r.id:<{width}}  {r.level:<7}  {r.purpose}\n" for r in RULES)


def _label(f: Finding) -> str:
    return "accepted" if f.accepted is not None else f.level


def text(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        lines.append(f"{f.file}:{f.line}:{f.col}: {_label(f)} {f.rule}: {f.message}")
        lines.append(f"    accepted: {f.accepted}" if f.accepted is not None else f"    hint: {f.hint}")
    lines.append(_summary(findings))
    return "\n".join(lines) + "\n"


def github(findings: list[Finding]) -> str:
    root = repository_root(Path.cwd())
    lines = []
    for f in findings:
        kind = "notice" if f.accepted is not None else f.level
        path = Path(os.path.relpath(Path(f.file).resolve(), root)).as_posix()
        message = f.message + (f" (accepted: {f.accepted})" if f.accepted is not None else f"\nhint: {f.hint}")
        props = f"file={escape_property(path)},line={f.line},col={f.col},title={escape_property(f.rule)}"
        lines.append(f"::{kind} {props}::{escape_data(message)}")
    lines.append(_summary(findings))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding]) -> str:
    rows = [{"rule": f.rule, "level": f.level, "catalog": f.catalog, "entry": f.entry, "message": f.message,
             "hint": f.hint, "location": f"{f.file}:{f.line}:{f.col}", "accepted": f.accepted} for f in findings]
    return json.dumps({"passed": not any(f.fails for f in findings), "findings": rows}, indent=2, sort_keys=True) + "\n"


def _summary(findings: list[Finding]) -> str:
    count = {k: sum(_label(f) == k for f in findings) for k in ("error", "warning", "accepted")}
    verdict = "FAIL" if count["error"] else "PASS"
    return f"{count['error']} error(s), {count['warning']} warning(s), {count['accepted']} accepted: {verdict}"


FORMATS = {"text": text, "json": as_json, "github": github}


def _baseline(spec: Spec, args: argparse.Namespace) -> dict[str, Any] | str | None:
    """The last release's bundle (compat.baseline), None before the first release, or why it cannot be read."""
    from codegen.compat.baseline import BaselineError, load_baseline
    from codegen.spec.load import find_project

    if not spec.baseline:
        return None
    project_dir = find_project(args.spec).parent
    json_out = spec.targets.get("json", {}).get("out", "json")
    try:
        return load_baseline(spec.baseline, project_dir, (project_dir / spec.output_root / json_out / "catalogs.json").resolve())
    except BaselineError as exc:
        return str(exc)


def cmd_lint(args: argparse.Namespace) -> int:
    """Lint the spec; exit 1 when an error-level finding is not accepted."""
    from codegen.spec.load import load_spec

    if args.list_rules:
        sys.stdout.write(list_rules())
        return EXIT_OK
    spec, diags = load_spec(args.spec)
    for diag in diags:
        print(diag.render(), file=sys.stderr)
    if spec is None:
        return EXIT_INVALID
    baseline = _baseline(spec, args)
    if isinstance(baseline, str):
        print(baseline, file=sys.stderr)
        return EXIT_INVALID
    findings = lint(spec, baseline)
    sys.stdout.write(FORMATS[args.format](findings))
    return EXIT_INVALID if any(f.fails for f in findings) else EXIT_OK
