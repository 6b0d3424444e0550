"""Load a spec directory: project file plus catalogs, all diagnostics at once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Catalog, Spec
from codegen.spec import schema
from codegen.spec.build import build_catalog, build_envelopes
from codegen.spec.paths import PROJECT_FILE, display_path, find_project
from codegen.spec.semantic import CatalogChecker
from codegen.spec.yamlsrc import Document, load_text

__all__ = ["PROJECT_FILE", "display_path", "find_project", "load_spec", "read_document"]


def read_document(path: Path, schema_name: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read, parse and schema-check one file; the document is None when unusable."""
    name = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(name, 1, 1, "F001", f"cannot read file: {exc.strerror}", "check the path")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Diagnostic(name, 1, exc.start + 1, "F002", "file is not UTF-8", "save the file as UTF-8")]
    doc, diags = load_text(text, name)
    if doc is None:
        return None, diags
    if not isinstance(doc.data, dict):
        return None, diags + [Diagnostic(name, 1, 1, "Y008", "file does not hold a YAML mapping",
                                         f"see codegen/schemas/{schema_name}.schema.json")]
    taken = {(d.line, d.col) for d in diags}
    diags += [d for d in schema.validate(doc, schema_name) if (d.line, d.col) not in taken]
    if not has_errors(diags):
        return doc, diags
    return (_without_bad_entries(doc, diags) if schema_name == "catalog" else None), diags


def _without_bad_entries(doc: Document, diags: list[Diagnostic]) -> Document | None:
    """When only some entries are broken, the rest still get semantic checks (all errors at once)."""
    bad: set[int] = set()
    for d in diags:
        path = _path_at(doc, d)
        if len(path) >= 2 and path[0] == "entries" and isinstance(path[1], int):
            bad.add(path[1])
        elif len(path) < 2 or path[0] != "catalog" or path[1] in ("id", "values", "fields"):
            return None  # the checks below need these parts intact
    if not isinstance(doc.data.get("catalog"), dict) or not isinstance(doc.data.get("entries"), list):
        return None
    doc.skip = frozenset(bad) | {-1}  # -1: marks the document as partly invalid
    return doc


def _path_at(doc: Document, diag: Diagnostic) -> tuple[str | int, ...]:
    """The deepest value or key path located exactly where the diagnostic points."""
    return max(doc.paths_at(diag.line, diag.col), key=len, default=())


def load_spec(path: Path) -> tuple[Spec | None, list[Diagnostic]]:
    """The validated Spec for a spec directory (or a file in it), or every diagnostic."""
    project_path = find_project(path)
    project, diags = read_document(project_path, "project")
    if project is None:
        return None, sorted(diags)
    docs: dict[str, Document] = {}
    failed: set[str] = set()
    for i, rel in enumerate(project.data["catalogs"]):
        doc, found = read_document(project_path.parent / rel, "catalog")
        if found and found[0].code == "F001":
            line, col = project.where(("catalogs", i))
            found = [Diagnostic(project.file, line, col, "F001", f"catalog file '{rel}' cannot be read", "fix the path or create the file")]
        diags += found
        if doc is None or doc.skip:
            failed.add(rel)
        if doc is not None:
            docs[rel] = doc
    diags += _cross_check(project, docs, failed)
    if has_errors(diags):
        return None, sorted(diags)
    return _build(project, docs, project_path), sorted(diags)


def _cross_check(project: Document, docs: dict[str, Document], failed: set[str]) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    names: dict[str, set[str]] = {}
    seen_at: dict[str, str] = {}
    for doc in docs.values():
        cid = doc.data["catalog"]["id"]
        if cid in seen_at:
            line, col = doc.where(("catalog", "id"))
            diags.append(Diagnostic(doc.file, line, col, "C011", f"catalog id '{cid}' is also used by {seen_at[cid]}", "give each catalog its own id"))
        seen_at[cid] = doc.file
        names[cid] = {e["name"] for i, e in enumerate(doc.data["entries"]) if i not in doc.skip}
    partial = {doc.data["catalog"]["id"] for doc in docs.values() if doc.skip}

    def resolve(catalog: str, name: str) -> bool | None:
        if catalog not in names:
            return True if failed else None  # a catalog that failed to load may hold it
        return name in names[catalog] or (catalog in partial and bool(name))

    version = project.data["version"]
    for doc in docs.values():
        diags += CatalogChecker(doc, version).run(resolve)
    diags += _check_project(project, resolve)
    return diags


def _check_project(project: Document, resolve: Any) -> list[Diagnostic]:
    diags = []
    for name, env in project.data.get("envelopes", {}).items():
        for prop, body in env["properties"].items():
            if "catalog" in body and resolve(body["catalog"], "") is None:
                line, col = project.where(("envelopes", name, "properties", prop, "catalog"))
                diags.append(Diagnostic(project.file, line, col, "C003", f"envelope {name}.{prop} refers to unknown catalog '{body['catalog']}'",
                                        "use the id of a catalog listed under catalogs"))
    diags += _check_compat(project)
    diags += _check_lint(project)
    diags += _check_targets(project)
    outs = [("output_root",)] + [("targets", t, "out") for t in project.data["targets"]]
    for path in outs:
        value = project.data.get(path[0]) if len(path) == 1 else project.data["targets"][path[1]]["out"]
        if value is None or len(path) == 1:
            continue
        if os.path.isabs(value) or ".." in Path(value).parts:
            line, col = project.where(path)
            diags.append(Diagnostic(project.file, line, col, "P001", f"output location '{value}' escapes the output root",
                                    "use a relative path below output_root without '..'"))
    return diags


def _check_compat(project: Document) -> list[Diagnostic]:
    """Names in compat.use / except / ignore / accept must be rule ids or categories."""
    compat = project.data.get("compat", {})
    named: list[tuple[tuple[str | int, ...], str]] = [(("compat", k, i), n) for k in ("use", "except") for i, n in enumerate(compat.get(k, ()))]
    named += [(("compat", "ignore", c, i), n) for c, ns in compat.get("ignore", {}).items() for i, n in enumerate(ns)]
    named += [(("compat", "accept", i, "rule"), a["rule"]) for i, a in enumerate(compat.get("accept", ()))]
    if not named:
        return []
    from codegen.compat.rules import CATEGORIES, RULES, rule

    known = set(CATEGORIES) | {r.id for r in RULES}
    diags = []
    for path, name in named:
        if name not in known and not (path[1] == "accept" and rule(name)):
            line, col = project.where(path)
            diags.append(Diagnostic(project.file, line, col, "P002", f"'{name}' is neither a compatibility rule nor a category",
                                    "run `codegen compat --list-rules` for the ids and categories"))
    return diags


def _check_lint(project: Document) -> list[Diagnostic]:
    """Names in lint.use / except / levels / accept must be lint rule ids, and catalogs real ones."""
    config = project.data.get("lint", {})
    named: list[tuple[tuple[str | int, ...], str]] = [(("lint", k, i), n) for k in ("use", "except") for i, n in enumerate(config.get(k, ()))]
    named += [(("lint", "levels", n), n) for n in config.get("levels", {})]
    named += [(("lint", "accept", i, "rule"), a["rule"]) for i, a in enumerate(config.get("accept", ()))]
    if not named:
        return []
    from codegen.lint.rules import RULES

    known = {r.id for r in RULES}
    return [Diagnostic(project.file, *project.where(path, key=path[1] == "levels"), "P003", f"'{name}' is not a lint rule",
                       "run `codegen lint --list-rules` for the ids")
            for path, name in named if name not in known]


def _check_targets(project: Document) -> list[Diagnostic]:
    """Every configured target exists; a third-party one's settings meet its own schema."""
    from codegen.targets import available, builtin_settings_schemas

    names = project.data["targets"]
    diags = _check_folders(project)
    if all(name in builtin_settings_schemas() for name in names):
        return diags  # built-in settings were checked with the project schema
    try:
        found = available(names)
    except Exception as exc:  # a broken plugin must not hide the spec's own errors
        return [Diagnostic(project.file, *project.where(("targets",), key=True), "G003",
                           f"a target plugin failed to load: {type(exc).__name__}: {exc}",
                           "fix or uninstall the package that registers it (codegen targets lists them)")]
    for name in names:
        target = found.get(name)
        if target is None:
            line, col = project.where(("targets", name), key=True)
            diags.append(Diagnostic(project.file, line, col, "G002", f"unknown target '{name}'",
                                    f"available: {', '.join(sorted(found))} (see `codegen targets`); give it "
                                    "`templates: DIR` to render your own templates, or install the package that provides it"))
        elif name not in builtin_settings_schemas():
            diags += schema.validate_part(project, ("targets", name), target.full_schema())
    return diags


def _check_folders(project: Document) -> list[Diagnostic]:
    """Each folder a target's settings name (its templates, its overrides) exists."""
    from codegen.targets import FOLDER_SETTINGS

    diags = []
    base = Path(project.file).parent
    for name, settings in project.data["targets"].items():
        for key in FOLDER_SETTINGS:
            value = settings.get(key) if isinstance(settings, dict) else None
            if isinstance(value, str) and not (base / value).is_dir():
                line, col = project.where(("targets", name, key))
                diags.append(Diagnostic(project.file, line, col, "P002", f"folder '{value}' does not exist",
                                        "the path is relative to the project file"))
    return diags


def _resolved(settings: dict[str, Any], base: Path) -> dict[str, Any]:
    """A target's settings with every folder setting made absolute (relative to the project file)."""
    from codegen.targets import FOLDER_SETTINGS

    return {k: str((base / v).resolve()) if k in FOLDER_SETTINGS and isinstance(v, str) else v
            for k, v in settings.items()}


def _build(project: Document, docs: dict[str, Document], project_path: Path) -> Spec:
    data: dict[str, Any] = project.data
    output_root = data.get("output_root", "../generated")
    catalogs: tuple[Catalog, ...] = tuple(build_catalog(doc, rel) for rel, doc in docs.items())
    return Spec(
        version=data["version"],
        catalogs=catalogs,
        targets={k: _resolved(dict(v), project_path.parent) for k, v in data["targets"].items()},
        output_root=output_root,
        envelopes=build_envelopes(project),
        baseline=data.get("compat", {}).get("baseline"),
        project_file=PROJECT_FILE,
        project_dir=str(project_path.parent),
        compat=dict(data.get("compat", {})),
        lint=dict(data.get("lint", {})),
        changelog=data.get("changelog", "../CHANGELOG.md"),
        project_shown=project.file,
        root_shown=display_path(project_path.parent / output_root),
        project_where=project.where,
    )
