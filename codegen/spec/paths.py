"""Where a spec lives and how paths are shown: cheap to import (no schema, no YAML)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_FILE = "codegen.yaml"


def display_path(path: Path) -> str:
    """Path as the user would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


class SpecNotFound(Exception):
    """No project file in the working directory or any directory above it."""


def discover(start: Path | None = None) -> Path:
    """The nearest spec/codegen.yaml or codegen.yaml from start upwards, as git finds its repository."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for candidate in (folder / "spec" / PROJECT_FILE, folder / PROJECT_FILE):
            if candidate.is_file():
                return candidate
    raise SpecNotFound(f"no spec/{PROJECT_FILE} or {PROJECT_FILE} in {here} or any directory above it")


def find_project(path: Path) -> Path:
    """The project file for a spec directory, a project file, or a catalog file beside one."""
    if path.is_dir():
        return path / PROJECT_FILE
    if path.name == PROJECT_FILE:
        return path
    return path.parent / PROJECT_FILE
