"""The one Jinja environment factory, used by production and tests alike."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from codegen.cache import cache_dir

Filters = tuple[tuple[str, Callable[..., Any]], ...]


def _options() -> dict[str, Any]:
    cache = cache_dir()
    return {
        # Compiled templates are cached by Jinja under a checksum of their source.
        "bytecode_cache": jinja2.FileSystemBytecodeCache(_mkdir(cache / "jinja")) if cache else None,
        "undefined": jinja2.StrictUndefined,
        "autoescape": False,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }


@cache
def environment(templates: Path, filters: Filters) -> jinja2.Environment:
    """A strict environment for one folder of built-in templates with an explicit filter table."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), auto_reload=False, **_options())
    env.filters.update(dict(filters))
    return env


def user_environment(folders: Sequence[Path], filters: Filters) -> SandboxedEnvironment:
    """A sandboxed, strict environment for a project's own templates: the first folder that
    holds a template wins (an override folder before a target's own). Built for each run, so
    an edited template is always read again."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder) for folder in folders])
    env = SandboxedEnvironment(loader=loader, **_options())
    env.filters.update(dict(filters))
    return env


def target_environment(templates: Path, filters: Filters, settings: Mapping[str, Any]) -> jinja2.Environment:
    """A built-in target's environment; with `template_overrides: DIR` in its settings, a
    sandboxed one that reads DIR first, so a template of the same name there replaces the
    target's own (OpenAPI Generator's -t)."""
    overrides = settings.get("template_overrides")
    if not overrides:
        return environment(templates, filters)
    return user_environment((Path(str(overrides)), templates), filters)


def _mkdir(path: Path) -> str:
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


def render(env: jinja2.Environment, template: str, **context: Any) -> str:
    """Render one template with a view-model."""
    return env.get_template(template).render(**context)


def template_location(exc: BaseException) -> tuple[str, int] | None:
    """(template file, line) where a template failed: a syntax error names them, and Jinja
    rewrites a runtime error's traceback so the template's own frame carries them."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return exc.filename, exc.lineno
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return None
    return frames[-1].filename, frames[-1].lineno or 1
