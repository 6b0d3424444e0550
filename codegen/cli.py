"""A thin command line: options in, a call, a report, an exit code."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from codegen.diagnostics import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Diagnostic, has_errors
from codegen.model import Spec

if TYPE_CHECKING:
    from codegen.fastpath import FastPath
    from codegen.writer import Plan, Stager

SPEC_HELP = "spec directory or project file (default: the nearest spec/codegen.yaml or codegen.yaml, here or above)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codegen",
        description="Generate Python, TypeScript, OpenAPI and JSON from one catalog spec.",
        epilog="Exit codes: 0 success, 1 invalid spec or stale output, 2 usage error.",
    )
    from codegen import __version__

    parser.add_argument("--version", action="version", version=f"codegen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    val = sub.add_parser("validate", help="validate a spec directory or file")
    val.add_argument("path", nargs="?", type=Path, help=SPEC_HELP)
    for name, text in (("generate", "write generated/ from the spec"),
                       ("check", "exit 1 when generated/ differs from what generate would write")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--spec", type=Path, help=SPEC_HELP)
        cmd.add_argument("--target", action="append", help="only this target (repeatable)")
        cmd.add_argument("--no-cache", action="store_true",
                         help="always compare with the disk, ignoring the no-change cache (also CODEGEN_NO_CACHE=1)")
    lnt = sub.add_parser("lint", help="rules that keep catalogs in the shape AIP-193, RFC 9457 and their users expect",
                         epilog="Exit codes: 0 no error-level finding, 1 an error or invalid spec, 2 usage error.")
    lnt.add_argument("--spec", type=Path, help=SPEC_HELP)
    lnt.add_argument("--format", choices=("text", "json", "github"), default="text")
    lnt.add_argument("--list-rules", action="store_true", help="print every rule with its default level and purpose")
    comp = sub.add_parser("compat", help="fail when the spec breaks what a published baseline promised",
                          epilog="Exit codes: 0 pass, 1 breaking findings or version too low, 2 usage error, 3 baseline or spec unreadable.")
    comp.add_argument("--spec", type=Path, help=SPEC_HELP)
    comp.add_argument("--against", metavar="BASELINE",
                      help="a bundle file, a wheel or npm tarball carrying one, or a git ref (default: compat.baseline of the project file)")
    comp.add_argument("--format", choices=("text", "json", "github", "junit", "gitlab"), default="text",
                      help="text; json; github (workflow annotations); junit (XML); gitlab (code quality JSON)")
    comp.add_argument("--list-rules", action="store_true", help="list every rule with its tier, bump, category and purpose")
    _workflow_commands(sub)
    tgt = sub.add_parser("targets", help="list every available target: where it comes from, what it writes, its settings")
    tgt.add_argument("--format", choices=("text", "json"), default="text")
    ctx = sub.add_parser("context", help="print the context template targets read (JSON), or --schema its JSON Schema")
    ctx.add_argument("--spec", type=Path, help=SPEC_HELP)
    ctx.add_argument("--schema", action="store_true", help="print the context's JSON Schema instead (no spec needed)")
    ctx.add_argument("--naming", help="whose naming rules give the identifiers: keep (default), c, python, typescript, ...")
    ctx.add_argument("--target", help="use the naming of this template target of the project file")
    ver = sub.add_parser("verify", help="load each generated target natively and compare it with the spec",
                         epilog="Exit codes: 0 every installed target matches, 1 a difference or invalid spec.")
    ver.add_argument("--spec", type=Path, help=SPEC_HELP)
    return parser


def _workflow_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """init, schema, add, deprecate, release and package: from an empty repository to a published release."""
    init = sub.add_parser("init", help="start a project: project file, example catalog, schemas, pre-commit and CI")
    init.add_argument("directory", nargs="?", type=Path, default=Path("."))
    schema = sub.add_parser("schema", help="check the spec folder's copies of the JSON Schemas editors read, or --write them")
    schema.add_argument("--write", action="store_true", help="copy them to <spec>/schemas/ (what spec files point to)")
    schema.add_argument("--spec", type=Path, help=SPEC_HELP)
    add = sub.add_parser("add", help="add an entry with the next free value of a range, edited in place")
    add.add_argument("catalog", help="catalog id")
    add.add_argument("name", help="UPPER_SNAKE name of the new entry")
    add.add_argument("--message", required=True, help="one-line message")
    add.add_argument("--description", help="longer text")
    add.add_argument("--range", help="the range to take the next free value from")
    add.add_argument("--value", type=int, help="this value instead of the next free one")
    add.add_argument("--field", action="append", metavar="NAME=VALUE", help="a declared field (repeatable)")
    add.add_argument("--spec", type=Path, help=SPEC_HELP)
    dep = sub.add_parser("deprecate", help="mark an entry deprecated in place, with its replacement or a note")
    dep.add_argument("catalog", help="catalog id")
    dep.add_argument("name", help="the entry's name")
    dep.add_argument("--replacement", metavar="CATALOG.NAME", help="the entry to use instead")
    dep.add_argument("--note", help="what to do instead, when no one entry replaces it")
    dep.add_argument("--spec", type=Path, help=SPEC_HELP)
    rel = sub.add_parser("release", help="gate, version, baseline, changelog and regenerate for a release",
                         epilog="Exit codes: 0 released (or planned with --dry-run), 1 refused or invalid spec.")
    rel.add_argument("--version", dest="version", metavar="V", help="release as V (at least what the changes need)")
    rel.add_argument("--dry-run", action="store_true", help="print what would happen and write nothing")
    rel.add_argument("--spec", type=Path, help=SPEC_HELP)
    pack = sub.add_parser("package", help="build and check every target's publishable artifact")
    pack.add_argument("--out", type=Path, help="folder for the artifacts (default: dist beside generated/)")
    pack.add_argument("--expect-version", metavar="V", help="fail unless the spec is at V (the tag being published)")
    pack.add_argument("--spec", type=Path, help=SPEC_HELP)


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    for diag in diagnostics:
        print(diag.render(), file=sys.stderr)
    errors = sum(d.level == "error" for d in diagnostics)
    if errors:
        print(f"{errors} error(s)", file=sys.stderr)


def _load(path: Path) -> Spec | None:
    from codegen.spec.load import load_spec

    spec, diags = load_spec(path)
    _report(diags)
    return spec


def cmd_validate(args: argparse.Namespace) -> int:
    from codegen.spec.load import display_path, load_spec

    spec, diags = load_spec(args.path)
    if args.path.is_file() and args.path.name != "codegen.yaml":
        diags = [d for d in diags if Path(d.file).resolve() == args.path.resolve()] or diags
    _report(diags)
    if spec is None or has_errors(diags):
        return EXIT_INVALID
    count = sum(len(c.entries) for c in spec.catalogs)
    print(f"{display_path(args.path)}: {len(spec.catalogs)} catalogs, {count} entries, valid")
    return EXIT_OK


def cmd_generate(args: argparse.Namespace, *, check: bool) -> int:
    from codegen.fastpath import FastPath
    from codegen.spec.paths import display_path, find_project

    project = find_project(args.spec)
    fast = FastPath(project, args.target) if not args.no_cache else None
    hit = fast.fresh() if fast else None
    if hit is not None:
        root, count = hit
        print(f"{display_path(root)}: up to date ({count} files)" if check
              else f"{display_path(root)}: 0 new, 0 changed, 0 removed, {count} unchanged")
        return EXIT_OK
    return _generate_full(args, project, fast, check=check)


def _generate_full(args: argparse.Namespace, project: Path, fast: FastPath | None, *, check: bool) -> int:
    import threading

    from codegen import writer
    from codegen.generate import selected_targets
    from codegen.spec.paths import display_path
    from codegen.targets import registry

    # The targets (and Jinja) import while the spec loads: the Rust YAML parser lets go of
    # the interpreter while it reads, so part of the two overlap.
    importing = threading.Thread(target=registry, name="codegen-import-targets", daemon=True)
    importing.start()
    spec = _load(args.spec)
    importing.join()
    if spec is None:
        return EXIT_INVALID
    targets, diags = selected_targets(spec, args.target)
    if diags:
        _report(diags)
        return EXIT_USAGE
    root = (project.parent / spec.output_root).resolve()
    shown = display_path(root)
    if check:
        stager = _staged(spec, targets, root, write=False)
        if stager is None:
            return EXIT_INVALID
        plan = stager.plan
        if plan.clean:
            if fast:
                fast.remember(root, plan.files)
            print(f"{shown}: up to date ({len(plan.files)} files)")
            return EXIT_OK
        _report_stale(args, plan, shown)
        return EXIT_INVALID
    with writer.locked(root):
        stager = _staged(spec, targets, root, write=True)
        if stager is None:
            return EXIT_INVALID
        plan = stager.plan
        writer.commit(plan, stager.owned)
    if fast:
        fast.remember(root, plan.files)
    for rel in plan.edited:
        print(f"replaced hand-edited file {shown}/{rel}", file=sys.stderr)
    print(f"{shown}: {len(plan.new)} new, {len(plan.changed)} changed, {len(plan.stale)} removed, "
          f"{len(plan.files) - len(plan.new) - len(plan.changed)} unchanged")
    return EXIT_OK


def _staged(spec: Spec, targets: list[str], root: Path, *, write: bool) -> Stager | None:
    """Every target rendered and compared with the disk (its files staged when writing);
    None once the diagnostics that stop the run are reported."""
    from codegen.generate import stage
    from codegen.writer import Stager

    stager = Stager(root, stage=write)
    diags = stage(spec, targets, stager)
    _report(diags)
    return None if has_errors(diags) else stager


def _report_stale(args: argparse.Namespace, plan: Plan, shown: str) -> None:
    from codegen import writer

    sys.stdout.write(writer.diff(plan))
    for label, names in (("new", plan.new), ("changed", plan.changed), ("stale", plan.stale)):
        for rel in sorted(names):
            print(f"{label}: {shown}/{rel}", file=sys.stderr)
    for rel in plan.edited:
        print(f"edited by hand: {shown}/{rel}", file=sys.stderr)
    fix = "codegen generate" + (f" --spec {args.given_spec}" if args.given_spec else "")
    fix += "".join(f" --target {t}" for t in args.target or ())
    print(f"{shown} is out of date; run: {fix}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the codegen console script."""
    args = _parser().parse_args(argv)
    # A run builds hundreds of thousands of objects and frees them at exit, with hardly a
    # reference cycle among them: the cycle collector's full passes over that growing heap
    # cost a quarter of a large run's time and reclaim nothing, so it pauses for the run.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _dispatch(args)
    finally:
        if enabled:
            gc.enable()


def _locate(args: argparse.Namespace) -> bool:
    """Fill in the spec a command reads when none was given; False (reported) when there is none."""
    from codegen.spec.paths import SpecNotFound, discover

    attr = "path" if args.command == "validate" else "spec"
    if not hasattr(args, attr) or (args.command == "context" and args.schema):
        return True
    args.given_spec = getattr(args, attr)
    if args.given_spec is not None:
        return True
    try:
        setattr(args, attr, discover().parent)
    except SpecNotFound as exc:
        print(f"error F003: {exc}\n    hint: run `codegen init` to start one, or pass --spec DIR", file=sys.stderr)
        return False
    return True


WORKFLOW = {
    "init": ("codegen.scaffold", "cmd_init"),
    "schema": ("codegen.scaffold", "cmd_schema"),
    "add": ("codegen.workflow.add", "cmd_add"),
    "deprecate": ("codegen.workflow.deprecate", "cmd_deprecate"),
    "release": ("codegen.workflow.release", "cmd_release"),
    "package": ("codegen.workflow.package", "cmd_package"),
    "context": ("codegen.targets.templated.command", "cmd_context"),
}


def _dispatch(args: argparse.Namespace) -> int:
    if not _locate(args):
        return EXIT_INVALID
    if args.command == "validate":
        return cmd_validate(args)
    if args.command == "lint":
        from codegen.lint.command import cmd_lint

        return cmd_lint(args)
    if args.command == "compat":
        from codegen.compat.command import cmd_compat

        return cmd_compat(args)
    if args.command == "targets":
        from codegen.targets.listing import cmd_targets

        return cmd_targets(args)
    if args.command == "verify":
        from codegen.verify.command import cmd_verify

        return cmd_verify(args)
    if args.command in WORKFLOW:
        module, func = WORKFLOW[args.command]
        command: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), func)
        return command(args)
    from codegen.writer import EscapingPath

    try:
        return cmd_generate(args, check=args.command == "check")
    except EscapingPath as exc:
        print(f"error P001: {exc}", file=sys.stderr)
        return EXIT_INVALID


def run() -> None:
    """Console-script wrapper that exits with main's code."""
    sys.exit(main())
