"""Kotlin string literals and KDoc.

Kotlin reads `$` in a string as a template and nests block comments, so a KDoc must not hold
`/*` any more than `*/`; the comment text itself is Java's (markup, backslashes and invisible
characters as HTML entities), which KDoc's Markdown renders the same way.
"""

from __future__ import annotations

import re

from codegen.targets.java.literals import doc_html

_NAMED = {"\\": "\\\\", '"': '\\"', "$": "\\$", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\r": "\\r"}

# In ASCII text, what makes a line's KDoc differ from it: markup, links, a control character
# other than the line feed (and the comment's delimiters, looked for beside).
_MARKED = re.compile(r"[&<>@\\{}\[\]\x00-\x09\x0b-\x1f\x7f]")


def kotlin_string(text: str) -> str:
    """A Kotlin string literal: no template, every control and non-ASCII character escaped."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text and "$" not in text:
        return f'"{text}"'  # the common case: no character needs an escape
    out = []
    for ch in text:
        named = _NAMED.get(ch)
        if named is not None:
            out.append(named)
        elif 0x20 <= ord(ch) < 0x7F:
            out.append(ch)
        else:
            out.extend(f"\\u{unit:04x}" for unit in _utf16(ch))
    return '"' + "".join(out) + '"'


def _utf16(ch: str) -> list[int]:
    code = ord(ch)
    if code <= 0xFFFF:
        return [code]
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]


def kdoc(text: str, indent: str = "") -> str:
    """A `/** ... */` KDoc comment carrying text (its `[` and `]` are not links)."""
    if text.isascii() and "*/" not in text and "/*" not in text and not _MARKED.search(text):
        lines = text.split("\n")  # the common case: lines that no rule below changes
    else:
        lines = [line.replace("[", "&#91;").replace("]", "&#93;") for line in doc_html(text)]
    body = [f"{indent} *" + (f" {line}" if line else "") for line in lines]
    return "\n".join([f"{indent}/**", *body, f"{indent} */"])
