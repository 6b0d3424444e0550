"""Where a finding points in the current spec: the entry, the declaration, or where a removed item was."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from codegen.compat.finding import Finding
from codegen.compat.finding import Path as YamlPath
from codegen.model import Spec
from codegen.spec.yamlsrc import Document, load_text


class Locator:
    """Finds (file, line) for findings; files are relative to the project directory."""

    def __init__(self, spec: Spec, project_dir: Path, shown_dir: str) -> None:
        self.spec, self.project_dir, self.shown_dir = spec, project_dir, shown_dir
        self._docs: dict[str, Document | None] = {}
        self._root: Path | None = None

    def at(self, finding: Finding) -> tuple[str, int]:
        """The file (relative to the project directory) and line a finding belongs to."""
        catalog = self.spec.catalog(finding.catalog) if finding.catalog and not finding.envelope else None
        if catalog is None:
            path: YamlPath = finding.path or (("catalogs",) if finding.catalog else ("version",))
            return self.spec.project_file, self._line(self.spec.project_file, path)
        for name in (finding.entry, finding.anchor):
            entry = catalog.entry(name) if name else None
            if entry is not None:
                return catalog.file, entry.line
        return catalog.file, self._line(catalog.file, finding.path or ("catalog", "id"))

    def shown(self, finding: Finding) -> str:
        """`file:line` as the user typed the spec directory."""
        file, line = self.at(finding)
        return f"{self.shown_dir}/{file}:{line}" if self.shown_dir not in ("", ".") else f"{file}:{line}"

    def from_repository(self, finding: Finding) -> tuple[str, int]:
        """(path relative to the repository root, or else the working directory; line)."""
        file, line = self.at(finding)
        absolute = (self.project_dir / file).resolve()
        self._root = self._root or repository_root()
        return Path(os.path.relpath(absolute, self._root)).as_posix(), line

    def _line(self, file: str, path: YamlPath) -> int:
        if file not in self._docs:
            self._docs[file] = _document(self.project_dir / file)
        doc = self._docs[file]
        return doc.where(path)[0] if doc else 1


def _document(path: Path) -> Document | None:
    try:
        doc, _ = load_text(path.read_text("utf-8"), str(path))
    except (OSError, UnicodeDecodeError):
        return None
    return doc


def repository_root() -> Path:
    """The top of the git work tree around the working directory, else the working directory."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return Path.cwd().resolve()
    return Path(top).resolve() if top else Path.cwd().resolve()
