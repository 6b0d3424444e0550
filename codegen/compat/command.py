"""`codegen compat`: load both sides, compare, report, and turn the verdict into an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.compat import Policy, compare, report
from codegen.compat.baseline import BaselineError, load_baseline
from codegen.compat.locate import Locator
from codegen.diagnostics import EXIT_OK
from codegen.spec.load import display_path, find_project, load_spec

EXIT_FINDINGS = 1
EXIT_ERROR = 3


def list_rules() -> str:
    """Every rule: id, tier, bump, category and purpose, in table order."""
    from codegen.compat.rules import CATEGORIES, CONTENT_RULE, RULES, VERSION_RULE

    rows = [(r.id, r.tier, r.bump, r.category, r.purpose) for r in (*RULES, CONTENT_RULE, VERSION_RULE)]
    width = max(len(r[0]) for r in rows)
    lines = [f"{i:<{width}}  {t:<9}  {b:<5}  {c:<9}  {p}" for i, t, b, c, p in rows]
    lines += ["", "categories (for compat.use / compat.except / compat.ignore):"]
    lines += [f"  {name:<9}  {text}" for name, text in CATEGORIES.items()]
    return "\n".join(lines) + "\n"


def cmd_compat(args: argparse.Namespace) -> int:
    from codegen.targets.jsonbundle.bundle import build_bundle

    if args.list_rules:
        sys.stdout.write(list_rules())
        return EXIT_OK
    spec, diags = load_spec(args.spec)
    for diag in diags:
        print(diag.render(), file=sys.stderr)
    if spec is None:
        return EXIT_ERROR
    project_dir = find_project(args.spec).parent
    against = args.against or spec.baseline
    if not against:
        # Nothing was published yet, so nothing can break; `codegen release` records the first baseline.
        print(f"{display_path(find_project(args.spec))}: no release yet (compat.baseline is not set), nothing to compare; "
              "`codegen release` publishes the first one and records it")
        return EXIT_OK
    json_out = spec.targets.get("json", {}).get("out", "json")
    repo_bundle = (project_dir / spec.output_root / json_out / "catalogs.json").resolve()
    try:
        # A baseline on the command line is relative to the working directory; the recorded one to the project file.
        baseline = load_baseline(against, Path.cwd() if args.against else project_dir, repo_bundle)
    except BaselineError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    result = compare(baseline, build_bundle(spec), Policy.from_project(spec.compat))
    sys.stdout.write(report.FORMATS[args.format](result, Locator(spec)))
    return EXIT_OK if result.passed else EXIT_FINDINGS
