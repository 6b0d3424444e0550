"""`codegen add`: a new entry with the next free value, written into the catalog in place."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from codegen.diagnostics import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Diagnostic
from codegen.edit import insert_item
from codegen.model import Catalog, FieldDecl
from codegen.spec.paths import display_path
from codegen.workflow import Project, at_least, bumped, edit_catalog, load_project


class Refused(Exception):
    """The entry cannot be added as asked; the message says why and what to do."""

    def __init__(self, message: str, where: tuple[str, int, int] | None = None) -> None:
        super().__init__(message)
        self.where = where


def cmd_add(args: argparse.Namespace) -> int:
    """Append the entry, raise the project version if the entry needs it, re-validate."""
    project = load_project(args.spec)
    if project is None:
        return EXIT_INVALID
    catalog = project.spec.catalog(args.catalog)
    try:
        catalog = _catalog(project, args.catalog)
        value = _value(project, catalog, args)
        fields = _fields(catalog, args.field or [])
    except Refused as exc:
        file, line, col = exc.where or (catalog.at("catalog", "id") if catalog else project.spec.at("catalogs"))
        print(Diagnostic(file, line, col, "A001", str(exc)).render(), file=sys.stderr)
        return EXIT_USAGE
    since = next_version(project)
    entry: dict[str, Any] = {"name": args.name}
    if catalog.values == "integer":
        entry["value"] = value
    entry["message"] = args.message
    if args.description:
        entry["description"] = args.description
    if fields:
        entry["fields"] = fields
    entry["since"] = since
    return _write(project, catalog, entry, value)


def next_version(project: Project) -> str:
    """The version an added entry ships in: a minor step past the last release, at least."""
    if project.baseline is None:
        return project.spec.version
    return at_least(project.spec.version, bumped(project.baseline["spec_version"], "minor"))


def _catalog(project: Project, catalog_id: str) -> Catalog:
    catalog = project.spec.catalog(catalog_id)
    if catalog is None:
        known = ", ".join(c.id for c in project.spec.catalogs)
        raise Refused(f"no catalog {catalog_id}; catalogs: {known}")
    return catalog


def _published(project: Project, catalog: Catalog) -> list[dict[str, Any]]:
    if project.baseline is None:
        return []
    entries: list[dict[str, Any]] = project.baseline["catalogs"].get(catalog.id, {}).get("entries", [])
    return entries


def _value(project: Project, catalog: Catalog, args: argparse.Namespace) -> int | str:
    """The entry's value: the next free one of its range, skipping taken, retired and published values."""
    published = _published(project, catalog)
    names = {e.name: e for e in catalog.entries}
    if args.name in names:
        state = "retired: its name stays reserved" if names[args.name].retired else "taken"
        index = next(i for i, e in enumerate(catalog.entries) if e.name == args.name)
        raise Refused(f"{catalog.id}.{args.name} is {state}", catalog.at("entries", index, "name"))
    if any(e["name"] == args.name for e in published):
        raise Refused(f"{catalog.id}.{args.name} was published in {project.baseline and project.baseline['spec_version']}: a name is never reused")
    if catalog.values == "string":
        if args.range or args.value is not None:
            raise Refused(f"{catalog.id} holds reasons: the value is the name (no --range or --value)")
        return str(args.name)
    taken = {e.value for e in catalog.entries} | {e["value"] for e in published}
    if args.value is not None:
        if args.value in taken:
            raise Refused(f"value {args.value} of {catalog.id} is taken, retired or was published")
        return int(args.value)
    low, high = _bounds(catalog, args.range)
    free = next((v for v in range(low, high + 1) if v not in taken), None)
    if free is None:
        raise Refused(f"range {args.range} of {catalog.id} ({low}..{high}) is full")
    return free


def _bounds(catalog: Catalog, name: str | None) -> tuple[int, int]:
    ranges = {r.name: r for r in catalog.ranges}
    if name is None:
        if len(ranges) > 1:
            raise Refused(f"{catalog.id} has ranges {', '.join(ranges)}: pass --range R")
        if not ranges:
            top = max((int(e.value) for e in catalog.entries), default=0)
            return top + 1, top + 1
        name = next(iter(ranges))
    if name not in ranges:
        raise Refused(f"{catalog.id} has no range {name}; ranges: {', '.join(ranges) or 'none declared'}",
                      catalog.at("catalog", "ranges", key=True) if ranges else None)
    return ranges[name].min, ranges[name].max


def _fields(catalog: Catalog, given: list[str]) -> dict[str, Any]:
    decls = {f.name: f for f in catalog.fields}
    out: dict[str, Any] = {}
    for item in given:
        name, sep, raw = item.partition("=")
        if not sep or name not in decls:
            raise Refused(f"--field {item}: write NAME=VALUE with a field {catalog.id} declares ({', '.join(decls) or 'none'})")
        out[name] = _field_value(decls[name], raw)
    missing = [n for n, d in decls.items() if d.required and n not in out]
    if missing:
        raise Refused(f"{catalog.id} requires field(s) {', '.join(missing)}: pass --field {missing[0]}=...")
    return out


def _field_value(decl: FieldDecl, raw: str) -> Any:
    if decl.type == "integer":
        try:
            return int(raw)
        except ValueError:
            raise Refused(f"field {decl.name} is an integer, got {raw!r}") from None
    if decl.type == "boolean":
        if raw not in ("true", "false"):
            raise Refused(f"field {decl.name} is true or false, got {raw!r}")
        return raw == "true"
    if decl.type == "ref_list":
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def _write(project: Project, catalog: Catalog, entry: dict[str, Any], value: int | str) -> int:
    """Insert after the entry just below the new value (its range's neighbours), then re-validate;
    a refused result puts every file back as it was."""
    path = project.file.parent / catalog.file
    after = _insert_after(catalog, value)
    spec = edit_catalog(project, path, lambda text: insert_item(text, ["entries"], after, entry), entry["since"],
                        "nothing added")
    if spec is None:
        return EXIT_INVALID
    line = next(e.line for e in spec.catalog(catalog.id).entries if e.name == entry["name"])  # type: ignore[union-attr]
    shown = f"{catalog.id}.{entry['name']}" + (f" = {value}" if catalog.values == "integer" else "")
    print(f"{display_path(path)}:{line}: added {shown}, since {entry['since']}")
    if entry["since"] != project.spec.version:
        print(f"{display_path(project.file)}: version {project.spec.version} -> {entry['since']}")
    return EXIT_OK


def _insert_after(catalog: Catalog, value: int | str) -> int:
    """Index of the entry to insert after: the last one whose value is below the new one."""
    if catalog.values != "integer":
        return len(catalog.entries) - 1
    below = [i for i, e in enumerate(catalog.entries) if isinstance(e.value, int) and e.value < int(value)]
    return below[-1] if below else -1

