"""`codegen release`: the gate decides the version; the baseline, changelog and packages follow."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from codegen.compat import Policy, Report, compare
from codegen.diagnostics import EXIT_INVALID, EXIT_OK
from codegen.edit import EditError, replace_scalar, set_key, write_atomic
from codegen.spec.paths import display_path
from codegen.spec.semantic import version_key
from codegen.workflow import Project, at_least, changelog, load_project


class Refused(Exception):
    """The release cannot go ahead; the message says why and what to do."""


@dataclass
class Plan:
    """What a release writes."""

    version: str
    report: Report | None
    baseline: Path
    changelog: Path


def cmd_release(args: argparse.Namespace) -> int:
    """Gate, version, baseline, changelog, regenerate; --dry-run prints the plan and writes nothing."""
    project = load_project(args.spec)
    if project is None:
        return EXIT_INVALID
    try:
        _refuse_stale(project)
        plan = _plan(project, args.version)
    except Refused as exc:
        file, line, col = project.spec.at("version")
        print(f"{file}:{line}:{col}: error R001: release refused: {exc}", file=sys.stderr)
        return EXIT_INVALID
    from codegen.targets.jsonbundle.bundle import build_bundle

    text = changelog.entry(plan.version, build_bundle(project.spec), plan.report)
    _describe(project, plan, text, dry=args.dry_run)
    if args.dry_run:
        return EXIT_OK
    return _write(project, plan, text)


def _refuse_stale(project: Project) -> None:
    if not project.fresh():
        raise Refused(f"{display_path(project.root)} is out of date with the spec; run codegen generate, review and commit first")


def _plan(project: Project, wanted: str | None) -> Plan:
    spec = project.spec
    report = None
    if project.baseline is not None:
        from codegen.targets.jsonbundle.bundle import build_bundle

        # the project's compat settings hold the acceptances: an accepted finding does not refuse
        report = compare(project.baseline, build_bundle(spec), Policy.from_project(spec.compat))
        if report.breaking:
            lines = "\n".join(f"  {f.rule}: {f.catalog}: {f.message}" for f in report.breaking)
            raise Refused(f"breaking change(s) since {report.baseline_version}:\n{lines}\n"
                          "    hint: retire entries instead of deleting them; never rename or re-point a published value "
                          "(or accept the finding deliberately under compat in the project file)")
        if not report.findings:
            raise Refused(f"nothing changed since {report.baseline_version}")
        version = report.required_version
    else:
        version = spec.version
    if wanted:
        if version_key(wanted) < version_key(version):
            raise Refused(f"--version {wanted} is below {version}, the least the changes need")
        version = wanted
    version = at_least(version, *_sinces(project))
    return Plan(version, report, _baseline_path(project, version), (project.file.parent / spec.changelog).resolve())


def _sinces(project: Project) -> list[str]:
    """Every version an entry says it appears, is deprecated or retired in: the release is not older."""
    out = []
    for catalog in project.spec.catalogs:
        for e in catalog.entries:
            out += [e.since] + [x.since for x in (e.deprecated, e.retired) if x]
    return out


def _baseline_path(project: Project, version: str) -> Path:
    folder = PurePosixPath(project.spec.baseline).parent if project.spec.baseline else PurePosixPath("releases")
    path = project.file.parent / folder / f"{version}.json"
    if path.exists():
        raise Refused(f"{display_path(path)} exists: {version} was released already")
    return path


def _describe(project: Project, plan: Plan, text: str, *, dry: bool) -> None:
    verb = "would" if dry else "will"
    head = f"release {plan.version}"
    if plan.report:
        head += f" ({plan.report.bump} bump since {plan.report.baseline_version}: {len(plan.report.findings)} change(s))"
    else:
        head += " (the first release)"
    print(head)
    if plan.version != project.spec.version:
        print(f"  {verb} set version {project.spec.version} -> {plan.version} in {display_path(project.file)}")
    print(f"  {verb} write {display_path(plan.baseline)} and record it as compat.baseline")
    print(f"  {verb} add to {display_path(plan.changelog)}:")
    print("".join(f"    {line}\n" if line else "\n" for line in text.splitlines()), end="")
    print(f"  {verb} regenerate {display_path(project.root)} at {plan.version}")


def _write(project: Project, plan: Plan, text: str) -> int:
    """Project file, baseline, changelog, then the generated tree; a failure puts the files back."""
    from codegen.cli import _load, main
    from codegen.targets.jsonbundle.bundle import build_bundle, canonical_json

    original = project.file.read_text("utf-8")
    rel = PurePosixPath(plan.baseline.relative_to(project.file.parent).as_posix())
    try:
        edited = replace_scalar(original, ["version"], plan.version)
        edited = set_key(edited, ["compat"], "baseline", str(rel))
    except EditError as exc:
        print(f"{display_path(project.file)}: error R002: {exc}", file=sys.stderr)
        return EXIT_INVALID
    old_log = plan.changelog.read_text("utf-8") if plan.changelog.exists() else None
    write_atomic(project.file, edited)
    spec = _load(project.file)
    code = EXIT_INVALID
    if spec is not None:
        write_atomic(plan.baseline, canonical_json(build_bundle(spec)))
        write_atomic(plan.changelog, changelog.insert(old_log, text))
        code = main(["generate", "--spec", str(project.file)])
    if code == EXIT_OK:
        print(f"released {plan.version}: commit, then tag v{plan.version} to publish")
        return code
    write_atomic(project.file, original)  # generate replaces its tree whole or not at all
    plan.baseline.unlink(missing_ok=True)
    if old_log is None:
        plan.changelog.unlink(missing_ok=True)
    else:
        write_atomic(plan.changelog, old_log)
    print(f"release {plan.version} not made: every file is as it was", file=sys.stderr)
    return code
