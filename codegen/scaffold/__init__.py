"""`codegen init` and `codegen schema`: the files a new project starts from, written once."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import jinja2

from codegen import __version__
from codegen.diagnostics import EXIT_INVALID, EXIT_OK
from codegen.edit import write_atomic
from codegen.spec.paths import PROJECT_FILE, display_path

VERSION = "1.0.0"  # what the first `codegen release` publishes
SCHEMAS = ("catalog", "project")
WORKFLOW = Path(".github") / "workflows" / "codegen.yml"
PRE_COMMIT = Path(".pre-commit-config.yaml")


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # A JSON string is a YAML double-quoted scalar: every text goes through the encoder.
    env.filters["yaml_str"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    return env


def names(directory: Path) -> dict[str, str]:
    """Package names and a title derived from the project's folder name."""
    base = re.sub(r"[^a-z0-9]+", "-", directory.resolve().name.lower()).strip("-") or "my"
    if not base[0].isalpha():
        base = "my-" + base
    dist = base if base.endswith("codes") else f"{base}-codes"
    return {"distribution": dist, "package": dist.replace("-", "_"), "npm_package": dist,
            "catalog_id": "api_error", "title": _title(base.split("-"))}


def _title(words: list[str]) -> str:
    shown = " ".join(w.upper() if w == "api" else w.capitalize() for w in words)
    return f"{shown} errors" if "api" in words else f"{shown} API errors"


def schema_files(spec_dir: Path) -> dict[Path, str]:
    """The JSON Schemas an editor reads, as they ship with this version of the tool."""
    from codegen.spec.schema import load_schema

    # The project schema as the tool checks it: completed with every target's settings.
    return {spec_dir / "schemas" / f"{n}.schema.json": json.dumps(load_schema(n), indent=2, ensure_ascii=False) + "\n"
            for n in SCHEMAS}


def plan(directory: Path) -> tuple[dict[Path, str], dict[Path, str]]:
    """(spec files, repository files): what init writes, by path."""
    env = _env()
    context = names(directory) | {"version": VERSION, "tool_version": __version__}
    spec_dir = directory / "spec"
    spec = {spec_dir / PROJECT_FILE: env.get_template("codegen.yaml.j2").render(context),
            spec_dir / "errors.yaml": env.get_template("errors.yaml.j2").render(context)}
    spec |= schema_files(spec_dir)
    repo = {directory / PRE_COMMIT: env.get_template("pre-commit-config.yaml.j2").render(context),
            directory / WORKFLOW: env.get_template("workflow.yml.j2").render(context)}
    return spec, repo


def cmd_init(args: argparse.Namespace) -> int:
    """Write a new project; refuse when any spec file it would write exists."""
    directory: Path = args.directory
    spec, repo = plan(directory)
    taken = [p for p in spec if p.exists()]
    for existing in (directory / PROJECT_FILE, directory / "spec" / PROJECT_FILE):
        if existing.exists() and existing not in taken:
            taken.append(existing)
    if taken:
        for path in taken:
            print(f"{display_path(path)}:1:1: error I001: already exists; init writes nothing over it", file=sys.stderr)
        print("    hint: this directory already has a spec; run codegen generate, or init another directory", file=sys.stderr)
        return EXIT_INVALID
    for path, text in spec.items():
        write_atomic(path, text)
        print(f"wrote {display_path(path)}")
    for path, text in repo.items():
        if path.exists():
            print(f"left {display_path(path)} as it is; the hooks and steps to add:\n{text}")
            continue
        write_atomic(path, text)
        print(f"wrote {display_path(path)}")
    print("next: codegen generate && codegen check && codegen verify")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Check (or --write) the copies of the JSON Schemas that spec files point editors to."""
    from codegen.spec.paths import find_project

    spec_dir = find_project(args.spec).parent
    stale = False
    for path, text in schema_files(spec_dir).items():
        current = path.exists() and path.read_text("utf-8") == text
        if current:
            print(f"{display_path(path)}: up to date")
        elif args.write:
            write_atomic(path, text)
            print(f"wrote {display_path(path)}")
        else:
            stale = True
            print(f"{display_path(path)}: out of date; run: codegen schema --write", file=sys.stderr)
    return EXIT_INVALID if stale else EXIT_OK
