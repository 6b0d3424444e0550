"""Python literals and docstrings: the shared Python contexts of codegen.escape, plus tuples."""

from __future__ import annotations

from codegen.escape import python_docstring as py_docstring
from codegen.escape import python_string

__all__ = ["py_docstring", "py_literal"]


def py_literal(value: object) -> str:
    """A Python literal for str, int, bool, None and tuples of those (repr is the encoder)."""
    if isinstance(value, tuple):
        inner = ", ".join(py_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, str):
        return python_string(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")
