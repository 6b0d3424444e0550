"""Template targets: a project's own Jinja templates rendered from the versioned context.

Any target in the project file whose settings carry `templates:` is one of these. Every
`*.j2` file in that folder (subfolders included, names starting with `_` or `.` left for
include/import) renders one output file named like it without `.j2`; a name holding
`{catalog.id}` (or any `{catalog.KEY}` of the context) renders once per catalog. Templates
run sandboxed with strict undefined variables; spec texts are data, never template source.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.render import template_location, user_environment
from codegen.spec.paths import display_path
from codegen.targets import Files, Settings, Target
from codegen.targets.templated import naming
from codegen.targets.templated.context import CONTEXT_VERSION, build
from codegen.targets.templated.filters import FILTERS

SUFFIX = ".j2"
_PLACEHOLDER = re.compile(r"\{catalog((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\}")


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """Every template of the folder rendered with the context for the chosen naming."""
    folder = Path(str(settings["templates"]))
    target = next((n for n, s in spec.targets.items() if s is settings), "")
    name = str(settings.get("naming", "keep"))
    rules = naming.table(name)
    if rules is None:
        return {}, [Diagnostic(*spec.at("targets", target, "naming"), "J003", f"naming '{name}' is not known",
                               f"use one of: {', '.join(naming.choices())}")]
    if settings.get("context_version", CONTEXT_VERSION) != CONTEXT_VERSION:
        return {}, [Diagnostic(*spec.at("targets", target, "context_version"), "J003",
                               f"templates read context version {settings['context_version']}",
                               f"this codegen provides version {CONTEXT_VERSION}; see `codegen context --schema`")]
    templates = sorted(_templates(folder))
    if not templates:
        return {}, [Diagnostic(*spec.at("targets", target, "templates"), "J004", f"no *{SUFFIX} template in {display_path(folder)}",
                               "add a template, or fix the templates: folder")]
    context, diags = build(spec, name, rules)
    if has_errors(diags):
        return {}, diags
    env = user_environment((folder,), FILTERS)
    files: Files = {}
    made_by: dict[str, str] = {}
    for rel in templates:
        for out, extra in _outputs(rel, context):
            source = display_path(folder / rel)
            problem = _bad_path(out)
            if problem:
                diags.append(Diagnostic(source, 1, 1, "J002", f"output path '{out}' {problem}",
                                        "an output stays inside the target's out folder: no '..', no absolute path"))
                continue
            if out in made_by:
                diags.append(Diagnostic(source, 1, 1, "J002", f"output path '{out}' is also written by {made_by[out]}",
                                        "give each template (or each catalog) its own file name"))
                continue
            made_by[out] = source
            try:
                files[out] = env.get_template(rel).render(**context, **extra)
            except Exception as exc:  # any failure inside a template is the template's, located
                diags.append(_template_error(exc, source))
                break
    return ({} if has_errors(diags) else files), diags


def _templates(folder: Path) -> list[str]:
    """Each renderable template, relative to the folder (posix)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.rglob(f"*{SUFFIX}"):
        rel = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(("_", ".")) for part in rel.parts):
            found.append(rel.as_posix())
    return found


def _outputs(rel: str, context: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(output path, extra context) for one template: once, or once per catalog."""
    pattern = rel[: -len(SUFFIX)]
    if not _PLACEHOLDER.search(pattern):
        return [(pattern, {})]
    return [(_fill(pattern, catalog), {"catalog": catalog}) for catalog in context["catalogs"]]


def _fill(pattern: str, catalog: dict[str, Any]) -> str:
    """The pattern with each {catalog.KEY} replaced by the catalog's text."""
    return _PLACEHOLDER.sub(lambda match: _lookup(catalog, match.group(1)), pattern)


def _lookup(catalog: dict[str, Any], dotted: str) -> str:
    """The text at `.a.b` in the catalog's context; something unusable yields an invalid path."""
    value: Any = catalog
    for key in dotted.strip(".").split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, str) else "\0{catalog" + dotted + "} is not a text of the catalog"


def _bad_path(path: str) -> str:
    """Why an output path would leave the target's folder (or not be a path), else ''."""
    if "\0" in path:
        return "holds a placeholder that is not a text: " + path.split("\0", 1)[1]
    pure = PurePosixPath(path)
    if "\\" in path or pure.is_absolute() or re.match(r"^[A-Za-z]:", path):
        return "is absolute"
    if any(part in ("", ".", "..") for part in path.split("/")):
        return "leaves the target's folder"
    return ""


def _template_error(exc: Exception, source: str) -> Diagnostic:
    location = template_location(exc)
    file, line = (display_path(Path(location[0])), location[1]) if location else (source, 1)
    message = getattr(exc, "message", None) or str(exc)
    return Diagnostic(file, line, 1, "J001", f"template error: {type(exc).__name__}: {message}",
                      "fix the template; `codegen context` prints what it can read")


TARGET = Target.builtin(__name__, render)
