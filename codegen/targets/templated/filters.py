"""The escaping filters a project's own templates get: one per output context.

The contexts the built-in targets share come from codegen.escape; the ones only templates
need so far (C, CSV, Markdown table cells, any JSON value) are here.

String contexts (Python, JavaScript/TypeScript, JSON, YAML, C, CSV) must give back the exact
text, so they use the language's own encoder or its exact escape rules. Comment and document
contexts (C-like comments, Markdown, HTML) are read by people: the text must neither end the
comment early nor hide what it holds, so invisible characters are spelled as `\\uXXXX`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Any

from codegen.escape import (
    block_comment,
    html_comment,
    html_text,
    line_comment,
    markdown_text,
    python_docstring,
    toml_string,
    visible,
    yaml_string,
)
from codegen.targets.python.literals import py_literal
from codegen.targets.typescript.literals import ts_literal


def json_value(value: Any) -> str:
    """A JSON value (JSON is the encoder)."""
    return json.dumps(value, ensure_ascii=False)


def markdown_cell(text: str) -> str:
    """A Markdown table cell: Markdown text on one line (a line break becomes <br>)."""
    return markdown_text(text).replace("\n", "<br>")


def c_string(text: str) -> str:
    """A C11 string literal holding the UTF-8 bytes of text: printable ASCII as itself, every
    other byte as a three-digit octal escape (never \\x, which would swallow a following hex
    digit), `?` escaped so no trigraph forms."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char in '"\\?':
            out.append("\\" + char)
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


INT64_MIN = -(2**63)


def c_int(value: int) -> str:
    """An int64_t constant expression (INT64_MIN has no literal of its own in C)."""
    if not INT64_MIN <= value < 2**63:
        raise ValueError(f"{value} does not fit in int64_t")
    if value == INT64_MIN:
        return "(-INT64_C(9223372036854775807) - 1)"
    return f"INT64_C({value})" if value >= 0 else f"(-INT64_C({-value}))"


def csv_row(fields: Iterable[Any]) -> str:
    """One CSV record (RFC 4180 quoting by Python's csv module), without its line break."""
    buffer = io.StringIO()
    # The writer quotes a field holding any character of its line terminator: keep \r\n there.
    csv.writer(buffer, lineterminator="\r\n").writerow(["" if f is None else f for f in fields])
    return buffer.getvalue()[:-2]


#: Filter name -> escaping function, the table documented for template authors.
FILTERS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("py", py_literal), ("pydoc", lambda text, indent="": python_docstring(text, indent)), ("toml", toml_string),
    ("js", ts_literal), ("ts", ts_literal), ("json", json_value), ("yaml", yaml_string),
    ("md", markdown_text), ("mdcell", markdown_cell), ("html", html_text), ("htmlcomment", html_comment),
    ("c", c_string), ("cint", c_int), ("blockcomment", block_comment), ("linecomment", line_comment),
    ("csv", csv_row), ("visible", visible),
)
