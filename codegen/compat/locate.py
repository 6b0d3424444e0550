"""Where a finding points in the current spec: the entry, the declaration, or where a removed item was."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from codegen.compat.finding import Finding
from codegen.model import Spec


class Locator:
    """Finds the file (as the user gave it) and line of each finding."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._root: Path | None = None

    def at(self, finding: Finding) -> tuple[str, int]:
        """The file and line a finding belongs to; a removed entry sits at its surviving neighbour."""
        catalog = self.spec.catalog(finding.catalog) if finding.catalog and not finding.envelope else None
        if catalog is None:
            path = finding.path or (("catalogs",) if finding.catalog else ("version",))
            file, line, _ = self.spec.at(*path)
            return file, line
        for name in (finding.entry, finding.anchor):
            entry = catalog.entry(name) if name else None
            if entry is not None:
                return catalog.shown or catalog.file, entry.line
        file, line, _ = catalog.at(*(finding.path or ("catalog", "id")))
        return file, line

    def shown(self, finding: Finding) -> str:
        """`file:line`."""
        file, line = self.at(finding)
        return f"{file}:{line}"

    def from_repository(self, finding: Finding) -> tuple[str, int]:
        """(path relative to the repository root, or else the working directory; line)."""
        file, line = self.at(finding)
        absolute = Path(file).resolve()
        self._root = self._root or repository_root(absolute.parent)
        return Path(os.path.relpath(absolute, self._root)).as_posix(), line


def repository_root(start: Path) -> Path:
    """The top of the git work tree that holds start, else the working directory."""
    try:
        top = subprocess.run(["git", "-C", str(start), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return Path.cwd().resolve()
    return Path(top).resolve() if top else Path.cwd().resolve()
