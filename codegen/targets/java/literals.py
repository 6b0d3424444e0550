"""Java literals and Javadoc, encoded with javac's own lexing rules in mind.

javac turns every `\\uXXXX` into its character before it reads tokens, in comments and
string literals alike (JLS 3.3): an escaped line feed ends a string, an escaped `*/` ends a
comment. So no text reaches a source file with a backslash that could start one: string
literals use octal and named escapes for control characters and escape every backslash;
Javadoc writes a backslash as the HTML entity `&#92;`.
"""

from __future__ import annotations

import re

_NAMED = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_LINES = re.compile(r"\r\n|\r|\n")
# Characters that HTML or Javadoc would read as markup, and `/` after `*` (it would close the comment).
_DOC_MARKUP = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "&#64;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
# What makes a printable line differ from its Javadoc text: markup (and the comment's delimiters,
# looked for beside).
_DOC_SPECIAL = re.compile(r"[&<>@\\{}]")


def java_string(text: str) -> str:
    """A Java string literal: every character survives javac's unicode pre-pass and lexer."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # the common case: no character needs an escape
    return '"' + "".join(_java_char(ch) for ch in text) + '"'


def _java_char(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if code < 0x20 or code == 0x7F:
        return f"\\{code:03o}"  # three octal digits never absorb a following digit
    if code < 0x7F:
        return ch
    if code > 0xFFFF:  # a supplementary character is two UTF-16 units
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def java_integer(value: int, long: bool) -> str:
    """An int or long literal (javac accepts the minimum values spelled with their minus sign)."""
    return f"{value}L" if long else str(value)


def doc_html(text: str) -> list[str]:
    """Lines of comment text safe in Javadoc or KDoc: markup, backslashes and invisible characters as entities."""
    if _plain(text):
        return [text]  # the common case: one line of plain text (a line break is not printable)
    return [_doc_line(line) for line in (_LINES.split(text) if "\r" in text else text.split("\n"))]


def _plain(line: str) -> bool:
    """Whether every rule of _doc_line keeps the text as it is."""
    return line.isprintable() and "*/" not in line and "/*" not in line and not _DOC_SPECIAL.search(line)


def _doc_line(line: str) -> str:
    if _plain(line):
        return line  # the common case
    out = []
    for ch in line:
        safe = _DOC_MARKUP.get(ch)
        if safe is None:
            safe = ch if ch == " " or ch.isprintable() else f"&#92;u{ord(ch):04x}"
        out.append(safe)
    return "".join(out).replace("*/", "*&#47;").replace("/*", "&#47;*")


def javadoc(text: str, indent: str = "") -> str:
    """A `/** ... */` comment carrying text (one paragraph per blank-line-separated block)."""
    body = [f"{indent} *" + (f" {line}" if line else "") for line in doc_html(text)]
    return "\n".join([f"{indent}/**", *body, f"{indent} */"])


def xml_text(text: str) -> str:
    """Text for an XML element: markup escaped; characters XML 1.0 cannot carry become U+FFFD."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "&<>\"'":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}[ch])
        elif (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)
