"""Python literals and docstrings, encoded by Python's own repr."""

from __future__ import annotations

import re

_UNSAFE_DOC = re.compile(r'[\\\x00-\x09\x0b-\x1f\x7f\u2028\u2029\u0085]|"""|^\s|\s$|"$|[ \t]\n')


def py_literal(value: object) -> str:
    """A Python literal for str, int, bool, None and tuples of those (repr is the encoder)."""
    if isinstance(value, tuple):
        inner = ", ".join(py_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, str):
        return _double_quoted(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")


def _double_quoted(text: str) -> str:
    # repr picks single quotes when the text holds a double quote; the formatter
    # would flip them, so emit what it would keep: double quotes unless that adds escapes.
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1].replace("\\'", "'") + '"'
    return literal


def py_docstring(text: str, indent: str) -> str:
    """A docstring statement: readable triple quotes when safe, else an escaped literal."""
    if not text:
        return '""""""'
    if not _safe_doc(text):
        return _double_quoted(text)
    if "\n" not in text:
        return f'"""{text}"""'
    body = "\n".join((indent + line) if line else "" for line in text.split("\n"))[len(indent):]
    return f'"""{body}\n{indent}"""'


def _safe_doc(text: str) -> bool:
    """Whether _UNSAFE_DOC finds nothing; printable lines (the common case) skip the regex."""
    if text.replace("\n", "").isprintable():
        return ("\\" not in text and '"""' not in text and " \n" not in text and not text[0].isspace()
                and not text[-1].isspace() and text[-1] != '"')
    return _UNSAFE_DOC.search(text) is None
