"""The one Jinja environment factory, used by production and tests alike."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from codegen.cache import cache_dir


@cache
def environment(templates: Path, filters: tuple[tuple[str, Callable[..., Any]], ...]) -> jinja2.Environment:
    """A strict environment for one folder of templates with an explicit filter table."""
    cache = cache_dir()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        # Compiled templates are cached by Jinja under a checksum of their source.
        bytecode_cache=jinja2.FileSystemBytecodeCache(_mkdir(cache / "jinja")) if cache else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(dict(filters))
    return env


def _mkdir(path: Path) -> str:
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


def render(env: jinja2.Environment, template: str, **context: Any) -> str:
    """Render one template with a view-model."""
    return env.get_template(template).render(**context)
