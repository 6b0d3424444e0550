"""`codegen deprecate`: mark an entry deprecated in place, naming what to use instead."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from codegen.diagnostics import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Diagnostic
from codegen.edit import set_key
from codegen.spec.paths import display_path
from codegen.workflow import Project, edit_catalog, load_project
from codegen.workflow.add import Refused, _catalog, next_version


def cmd_deprecate(args: argparse.Namespace) -> int:
    """Add `deprecated: {since, replacement, note}` to the entry, raise the version if needed, re-validate."""
    project = load_project(args.spec)
    if project is None:
        return EXIT_INVALID
    try:
        catalog = _catalog(project, args.catalog)
        index = _index(project, args.catalog, args.name)
        if not (args.replacement or args.note):
            raise Refused("say what to do instead: --replacement CATALOG.NAME, --note TEXT, or both",
                          catalog.at("entries", index, "name"))
    except Refused as exc:
        file, line, col = exc.where or project.spec.at("catalogs")
        print(Diagnostic(file, line, col, "A001", str(exc)).render(), file=sys.stderr)
        return EXIT_USAGE
    since = next_version(project)
    deprecation: dict[str, Any] = {"since": since}
    if args.replacement:
        deprecation["replacement"] = args.replacement
    if args.note:
        deprecation["note"] = args.note
    path = project.file.parent / catalog.file
    return _write(project, path, index, deprecation, f"{catalog.id}.{args.name}")


def _index(project: Project, catalog_id: str, name: str) -> int:
    """The entry's position in its catalog; refused when it is missing, deprecated or retired."""
    catalog = project.spec.catalog(catalog_id)
    assert catalog is not None
    for index, entry in enumerate(catalog.entries):
        if entry.name == name:
            if entry.retired:
                raise Refused(f"{catalog_id}.{name} is retired", catalog.at("entries", index, "retired"))
            if entry.deprecated:
                raise Refused(f"{catalog_id}.{name} is deprecated since {entry.deprecated.since}; edit it by hand "
                              "to change what it says", catalog.at("entries", index, "deprecated"))
            return index
    names = ", ".join(e.name for e in catalog.entries[:8]) + (", ..." if len(catalog.entries) > 8 else "")
    raise Refused(f"{catalog_id} has no entry {name}; entries: {names}", catalog.at("entries", key=True))


def _write(project: Project, path: Path, index: int, deprecation: dict[str, Any], shown: str) -> int:
    """Edit the catalog (and the project version), then re-validate; a refused result puts
    every file back as it was."""
    since = deprecation["since"]

    def edit(text: str) -> str:
        return set_key(text, ["entries", index], "deprecated", deprecation)

    if edit_catalog(project, path, edit, since, "nothing changed") is None:
        return EXIT_INVALID
    print(f"{display_path(path)}: deprecated {shown} since {since}")
    if since != project.spec.version:
        print(f"{display_path(project.file)}: version {project.spec.version} -> {since}")
    return EXIT_OK
