"""From a first catalog to a published release: add entries, release, package."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen.model import Spec
from codegen.spec.semantic import version_key


@dataclass
class Project:
    """A loaded, valid spec with its project file and its last release (None before the first)."""

    file: Path
    spec: Spec
    baseline: dict[str, Any] | None

    @property
    def root(self) -> Path:
        """The output root generated/ lies at."""
        return (self.file.parent / self.spec.output_root).resolve()

    def fresh(self) -> bool:
        """Whether generated/ holds exactly what the spec generates."""
        from codegen.cli import _staged
        from codegen.generate import selected_targets

        targets, _ = selected_targets(self.spec, None)
        stager = _staged(self.spec, targets, self.root, write=False)
        return stager is not None and stager.plan.clean


def load_project(spec_arg: Path) -> Project | None:
    """The project, or None once every diagnostic (or the unreadable baseline) is printed."""
    from codegen.cli import _load
    from codegen.compat.baseline import BaselineError, load_baseline
    from codegen.spec.paths import find_project

    spec = _load(spec_arg)
    if spec is None:
        return None
    file = find_project(spec_arg).resolve()
    baseline = None
    if spec.baseline:
        try:
            json_out = spec.targets.get("json", {}).get("out", "json")
            bundle = (file.parent / spec.output_root / json_out / "catalogs.json").resolve()
            baseline = load_baseline(spec.baseline, file.parent, bundle)
        except BaselineError as exc:
            print(f"{_shown(file)}: error: compat.baseline: {exc}", file=sys.stderr)
            return None
    return Project(file, spec, baseline)


def _shown(path: Path) -> str:
    from codegen.spec.paths import display_path

    return display_path(path)


def bumped(version: str, bump: str) -> str:
    """version raised by one patch, minor or major step."""
    major, minor, patch = version_key(version)
    return {"patch": f"{major}.{minor}.{patch + 1}", "minor": f"{major}.{minor + 1}.0",
            "major": f"{major + 1}.0.0"}[bump]


def at_least(*versions: str) -> str:
    """The highest of the versions."""
    return max(versions, key=version_key)


def edit_catalog(project: Project, path: Path, edit: Callable[[str], str], since: str, refused: str) -> Spec | None:
    """Apply edit to the catalog file's text and raise the project version to since, then
    re-validate; when the edit cannot be made or the spec would not be valid, every file is
    put back as it was and None returned (with what was refused said)."""
    from codegen.cli import _load
    from codegen.edit import EditError, replace_scalar, write_atomic
    from codegen.spec.paths import display_path

    before = {path: path.read_text("utf-8"), project.file: project.file.read_text("utf-8")}
    try:
        edited = {path: edit(before[path])}
        if since != project.spec.version:
            edited[project.file] = replace_scalar(before[project.file], ["version"], since)
    except EditError as exc:
        print(f"{display_path(path)}: error A002: {exc}", file=sys.stderr)
        return None
    for file, text in edited.items():
        write_atomic(file, text)
    spec = _load(project.file)
    if spec is None:
        for file, text in before.items():
            write_atomic(file, text)
        print(f"{refused}: the catalog would not be valid (see above)", file=sys.stderr)
    return spec
