"""Formatting generated Python with the pinned ruff: one process for all files."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

# Generated code is formatted with fixed settings whatever the user's config says.
RUFF_ARGS = ("format", "--isolated", "--line-length", "88", "--target-version", "py311", "--quiet")


class FormatError(RuntimeError):
    """The formatter rejected generated code: a bug in a template, never the user's.

    problems holds (relative path, line, column, ruff's message) for each file it rejected."""

    def __init__(self, problems: list[tuple[str, int, int, str]], output: str) -> None:
        self.problems = problems
        super().__init__(f"ruff format failed on generated code:\n{output}")


# ruff's two spellings of a rejected file: "Failed to parse a.py:2:7: message" and the
# rich "invalid-syntax: message\n --> a.py:2:7".
_FAILED = re.compile(r"Failed to parse (?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)")
_RICH = re.compile(r"^(?:[\w-]+: )?(?P<msg>.+)\n\s*--> (?P<file>.+?):(?P<line>\d+):(?P<col>\d+)", re.MULTILINE)


def problems(output: str) -> list[tuple[str, int, int, str]]:
    """Every (file, line, column, message) ruff names in its output."""
    found = [(m["file"], int(m["line"]), int(m["col"]), m["msg"].strip()) for m in _FAILED.finditer(output)]
    found += [(m["file"], int(m["line"]), int(m["col"]), m["msg"].strip()) for m in _RICH.finditer(output)]
    return sorted(set(found))


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
                raise self._error(stderr)
            return {rel: (self.root / rel).read_text(encoding="utf-8") for rel in self.files}
        finally:
            if self.proc is not None and self.proc.poll() is None:  # interrupted: stop it
                self.proc.kill()
                self.proc.wait()
            shutil.rmtree(self.root, ignore_errors=True)

    def _error(self, stderr: str) -> FormatError:
        """ruff's own account of what it rejected: --quiet hides some of it, so ask again."""
        again = subprocess.run([find_ruff_bin(), *[a for a in RUFF_ARGS if a != "--quiet"], "--check", "."],
                               cwd=self.root, capture_output=True, text=True, check=False)
        output = "\n".join(part for part in (stderr, again.stdout, again.stderr) if part.strip())
        found = [p for p in problems(output) if p[0] in self.files]
        return FormatError(found or [(self.files[0], 1, 1, output.strip() or "ruff format failed")], output)
