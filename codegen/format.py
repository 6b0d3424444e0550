"""Formatting generated Python with the pinned ruff: one process for all files."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

# Generated code is formatted with fixed settings whatever the user's config says.
RUFF_ARGS = ("format", "--isolated", "--line-length", "88", "--target-version", "py311", "--quiet")


class FormatError(RuntimeError):
    """The formatter rejected generated code: a bug in a template, never the user's."""


class Formatting:
    """One ruff run over files, started at once; result() waits for it. The caller goes on
    with other work meanwhile (ruff runs in its own process)."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = list(files)
        self.root = Path(tempfile.mkdtemp(prefix="codegen-fmt-"))
        self.proc: subprocess.Popen[str] | None = None
        if not files:
            return
        try:
            for rel, text in files.items():
                path = self.root / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="\n")
            self.proc = subprocess.Popen([find_ruff_bin(), *RUFF_ARGS, "."], cwd=self.root, text=True,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise

    def result(self) -> dict[str, str]:
        """The formatted texts, by the same relative paths."""
        try:
            if self.proc is None:
                return {}
            _, stderr = self.proc.communicate()
            if self.proc.returncode != 0:
                raise FormatError(f"ruff format failed on generated code:\n{stderr}")
            return {rel: (self.root / rel).read_text(encoding="utf-8") for rel in self.files}
        finally:
            if self.proc is not None and self.proc.poll() is None:  # interrupted: stop it
                self.proc.kill()
                self.proc.wait()
            shutil.rmtree(self.root, ignore_errors=True)

