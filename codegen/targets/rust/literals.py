"""Rust string literals and rustdoc comments, escaped by the language's own rules."""

from __future__ import annotations

import json
import re
import unicodedata

# Rust rejects bare CR in comments and literals, and denies bidirectional controls in both.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# (NUL is spelled \u{0}: `\0` before a digit reads as an octal escape to clippy.)
_SIMPLE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped_char(char: str) -> str:
    if char in _SIMPLE:
        return _SIMPLE[char]
    if char in _BIDI or not char.isprintable():
        return f"\\u{{{ord(char):x}}}"
    return char


def rust_string(text: str) -> str:
    """A double-quoted Rust string literal: every control, bidi and non-printable escaped."""
    if text.isprintable() and '"' not in text and "\\" not in text and (text.isascii() or not _BIDI.intersection(text)):
        return f'"{text}"'
    return '"' + "".join(_escaped_char(c) for c in text) + '"'


def rust_text(rows: list[str], indent: str = "    ") -> str:
    """A string literal of the rows back to back, one row a line: each escaped as in
    rust_string, and a leading blank spelled as an escape (a continued line drops it)."""
    lines = []
    for row in rows:
        body = rust_string(row)[1:-1]
        if body.startswith(" "):
            body = "\\x20" + body[1:]
        lines.append(f"{indent}{body}\\\n")
    return '"\\\n' + "".join(lines) + '"'


def rust_literal(value: object) -> str:
    """A Rust literal for a str, bool or int."""
    kind = type(value)
    if kind is str:
        return rust_string(value)  # type: ignore[arg-type]
    if kind is int:
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return rust_string(value)
    raise TypeError(f"no Rust literal for {type(value).__name__}")


def toml_string(text: str) -> str:
    """A TOML basic string for Cargo.toml (JSON's escapes are TOML's, bar DEL)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


# Markdown: every character CommonMark or rustdoc gives a meaning to inside a line (emphasis,
# code, links and intra-doc links, HTML and entities, tables, strikethrough, autolinks); an
# underscore between two letters or digits never starts emphasis, so it stays as it is.
_INLINE = re.compile(r"[\\`*\[\]<>&|~]|:(?=//)|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# At the start of a line: headings, lists, block quotes, thematic breaks, setext underlines.
_LINE_START = re.compile(r"^([#>+=-]|\d+[.)])")
_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\u0085]")


def _doc_char(char: str) -> str:
    if char in _BIDI or (not char.isprintable() and char != "\t"):
        name = unicodedata.name(char, "") or f"U+{ord(char):04X}"
        return f"&lt;{name}&gt;" if name.startswith("U+") else f"&lt;{name.lower()}&gt;"
    return char


# A line none of whose characters or starts means anything to Markdown: kept as it is.
_PLAIN = re.compile(r"(?![ \t#>+=-]|\d+[.)])[^\\`*\[\]<>&|~\t]*")
# In ASCII text, the characters that make a line not plain (_PLAIN, "_", a control character
# other than the line feed that separates lines), and those a line must not start with
# (a leading digit only may start a list item: it takes the general rule too).
_MARKED = re.compile(r"[\\`*\[\]<>&|~_\x00-\x09\x0b-\x1f\x7f]")
_MARKED_START = frozenset(" #>+=-0123456789")


def _doc_line(line: str) -> str:
    if _PLAIN.fullmatch(line) and "_" not in line and "://" not in line and line.isprintable() \
            and (line.isascii() or not _BIDI.intersection(line)):
        return line.rstrip()  # the common case: plain prose
    line = _INLINE.sub(r"\\\g<0>", line)
    if not line.isprintable() or _BIDI.intersection(line):
        line = "".join(_doc_char(c) for c in line)
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    if indent:  # leading blanks would start an indented code block (a doctest)
        indent = indent.replace(" ", "&#32;").replace("\t", "&#9;")
    match = _LINE_START.match(stripped)
    if match:
        end = match.end() - 1
        stripped = stripped[:end] + "\\" + stripped[end:]
    # A tab is written as its entity: clippy refuses tabs in doc comments.
    return (indent + stripped).rstrip().replace("\t", "&#9;")


def doc_text(text: str) -> list[str]:
    """Plain text as Markdown lines that render as the text: nothing in it links, formats,
    opens HTML or a code block (which rustdoc would run as a doctest)."""
    if text.isascii() and "://" not in text and not _MARKED.search(text):
        lines = text.split("\n")
        if not any(line[:1] in _MARKED_START for line in lines):
            return [line.rstrip() for line in lines]  # plain prose, every line kept
    lines = _BREAKS.split(text) if not text.isprintable() else [text]
    return [_doc_line(line) for line in lines]


def rustdoc(text: str, indent: str = "", inner: bool = False) -> str:
    """A `///` (or `//!` when inner) comment block of escaped text; blank lines kept."""
    marker = "//!" if inner else "///"
    lines = doc_text(text) if text else []
    while lines and not lines[-1]:
        lines.pop()
    head = indent + marker
    return "\n".join([f"{head} {line}" if line else head for line in lines])


def doc_markdown(lines: list[str], indent: str = "", inner: bool = False) -> str:
    """A comment block of Markdown the generator wrote itself (spec text already escaped)."""
    marker = "//!" if inner else "///"
    return "\n".join(f"{indent}{marker} {line}".rstrip() if line else f"{indent}{marker}" for line in lines)
