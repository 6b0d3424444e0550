"""From a first catalog to a published release: add entries, release, package."""

from __future__ import annotations

import sys
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
