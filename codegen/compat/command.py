"""`codegen compat`: load both sides, compare, report, and turn the verdict into an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.compat import compare, report
from codegen.compat.baseline import BaselineError, load_baseline
from codegen.diagnostics import EXIT_OK
from codegen.model import Spec
from codegen.spec.load import display_path, find_project, load_spec

EXIT_FINDINGS = 1
EXIT_ERROR = 3


def locator(spec: Spec, spec_dir: str) -> report.Locator:
    """Where each catalog and entry of the current spec is written."""
    out: report.Locator = {("", None): f"{spec_dir}/{spec.project_file}:1"}
    for catalog in spec.catalogs:
        out[(catalog.id, None)] = f"{spec_dir}/{catalog.file}:1"
        for entry in catalog.entries:
            out[(catalog.id, entry.name)] = f"{spec_dir}/{catalog.file}:{entry.line}"
    return out


def cmd_compat(args: argparse.Namespace) -> int:
    from codegen.targets.jsonbundle.bundle import build_bundle

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
    result = compare(baseline, build_bundle(spec))
    locate = locator(spec, display_path(project_dir))
    render = {"text": report.text, "json": report.as_json, "github": report.github}[args.format]
    sys.stdout.write(render(result, locate))
    return EXIT_OK if result.passed else EXIT_FINDINGS
