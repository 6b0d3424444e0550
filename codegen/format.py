"""Formatting generated Python with the pinned ruff: one process for all files."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

# Generated code is formatted with fixed settings whatever the user's config says.
RUFF_ARGS = ("format", "--isolated", "--line-length", "88", "--target-version", "py311", "--quiet")


class FormatError(RuntimeError):
    """The formatter rejected generated code: a bug in a template, never the user's."""


def ruff_format(files: dict[str, str]) -> dict[str, str]:
    """Format every file in one ruff call; returns the formatted texts."""
    if not files:
        return {}
    with tempfile.TemporaryDirectory(prefix="codegen-fmt-") as tmp:
        root = Path(tmp)
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        proc = subprocess.run([find_ruff_bin(), *RUFF_ARGS, "."], cwd=root, capture_output=True, text=True)
        if proc.returncode != 0:
            raise FormatError(f"ruff format failed on generated code:\n{proc.stderr}")
        return {rel: (root / rel).read_text(encoding="utf-8") for rel in files}
