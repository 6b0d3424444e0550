"""Diagnostics are values: collected, sorted and printed together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Documented exit codes of every command.
EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about the input, with where it is and how to fix it."""

    file: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    level: str = "error"

    def render(self) -> str:
        """Format as `file:line:col: level CODE: message` plus an indented hint."""
        head = f"{self.file}:{self.line}:{self.col}: {self.level} {self.code}: {self.message}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head


class DiagnosticError(Exception):
    """Raised where a stage cannot go on; carries every diagnostic found so far."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error (warnings do not fail a run)."""
    return any(d.level == "error" for d in diagnostics)
