"""One escaping function per output context: every spec text reaches every output through one.

String contexts (a Python or JavaScript literal, TOML, JSON) must give back the exact text, so
they use the language's own encoder. Comment contexts (a docstring shown as such, JSDoc or
another C-like block comment, Markdown, HTML) are read by people: there the text must neither
end the comment early nor hide what it holds, so characters a terminal or a code review would
not show as themselves (controls, NUL, bidi overrides, zero-width marks) are spelled as
visible escapes (`\\u202E`), and the comment's own terminator is broken up.
Targets expose these as their Jinja filters (see FILTERS) so a template never inserts a text raw.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any

# --- what a reader sees ---------------------------------------------------------------------

_NOT_PLAIN = re.compile(r"[^\t\n -~]")  # anything but a tab, a line feed and printable ASCII


def _spell(match: re.Match[str]) -> str:
    char = match.group()
    if _shows(char):
        return char  # a letter, mark, symbol or space that shows as itself
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _shows(char: str) -> bool:
    """Printable, a tab, or a space of any width (no-break, em...): each shows as what it is."""
    return char.isprintable() or char == "\t" or unicodedata.category(char) == "Zs"


def visible(text: str) -> str:
    """Text with every character that does not show as itself (controls, NUL, BEL, ESC,
    carriage return, bidi overrides, zero-width and other format characters, line and
    paragraph separators, private-use and unassigned code points) spelled as a visible \\uXXXX escape."""
    if text.isascii() and text.isprintable():
        return text  # the common case: nothing to spell
    return _NOT_PLAIN.sub(_spell, text)


# --- Python -----------------------------------------------------------------------------------


def python_string(text: str) -> str:
    """A double-quoted Python string literal (repr is the encoder; quotes as ruff keeps them)."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1].replace("\\'", "'") + '"'
    return literal


def python_docstring(text: str, indent: str) -> str:
    """A docstring statement: readable triple quotes when inspect.cleandoc gives the text back
    exactly, else the escaped literal (so no space, backslash or control is ever lost)."""
    if not text:
        return '""""""'
    if not _plain_doc(text):
        return python_string(text)
    if "\n" not in text:
        return f'"""{text}"""'
    body = "\n".join((indent + line) if line else "" for line in text.split("\n"))[len(indent):]
    return f'"""{body}\n{indent}"""'


def _plain_doc(text: str) -> bool:
    """True when every line shows as itself without a tab (cleandoc expands tabs), none starts
    or ends with a space, and nothing in it means anything inside triple quotes."""
    lines = text.split("\n")
    if "\t" in text or not all(line.isprintable() or all(map(_shows, line)) for line in lines):
        return False
    if "\\" in text or '"""' in text or text.endswith('"') or not lines[0] or not lines[-1]:
        return False
    return all(line == line.strip() for line in lines)


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, bar DEL)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


# --- JavaScript / TypeScript and other C-like languages ---------------------------------------

# The characters TypeScript's printer escapes in a double-quoted literal, with its spelling:
# JSON's escapes plus \v, U+2028, U+2029 and U+0085, upper-case \uXXXX for other controls.
_JS_ESCAPES = {
    "\t": "\\t", "\v": "\\v", "\f": "\\f", "\b": "\\b", "\r": "\\r", "\n": "\\n",
    "\\": "\\\\", '"': '\\"', "\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085",
}
_JS_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\u2028\u2029\u0085]')


def _js_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\0":
        # \0 before a digit would read as a (strict-mode illegal) octal escape.
        after = match.string[match.end():match.end() + 1]
        return "\\x00" if after in "0123456789" and after else "\\0"
    return _JS_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def js_string(text: str) -> str:
    """A double-quoted JavaScript/TypeScript string literal, spelled as tsc prints it."""
    return '"' + _JS_NEEDS_ESCAPE.sub(_js_escape, text) + '"'


def block_comment(text: str) -> str:
    """Text for a /* */ or /** */ comment (JSDoc, Go, Rust, Java, Kotlin): `*/` cannot end it,
    and invisible characters are spelled out; line breaks stay line breaks."""
    return visible(text.replace("\r\n", "\n").replace("\r", "\n")).replace("*/", "*\\/")


def line_comment(text: str) -> str:
    """Text for a `#` or `//` comment: one line, every line break and invisible character spelled."""
    return visible(text).replace("\n", "\\n")


# --- documents ----------------------------------------------------------------------------------

_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&$])")  # markup anywhere in a line
_MARKDOWN_LINE_START = re.compile(r"^( *)([#+=-]|\d+(?=[.)]))", re.MULTILINE)  # headings, lists, rules


def markdown_text(text: str) -> str:
    """Text that Markdown (CommonMark, GitHub, PyPI, npm) shows as itself: every mark that
    could start markup is backslash-escaped (CommonMark reads any escaped ASCII punctuation
    as itself), invisible characters are spelled, and leading spaces (which would open a
    code block) become character references."""
    out = _MARKDOWN_INLINE.sub(r"\\\1", visible(text.replace("\r\n", "\n").replace("\r", "\n")))
    out = _MARKDOWN_LINE_START.sub(_escape_line_start, out)
    return "\n".join(_keep_indent(line) for line in out.split("\n"))


def _escape_line_start(match: re.Match[str]) -> str:
    mark = match.group(2)
    return match.group(1) + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


def _keep_indent(line: str) -> str:
    stripped = line.lstrip(" ")
    return "&#32;" * (len(line) - len(stripped)) + stripped


def html_text(text: str) -> str:
    """Text for an HTML element, invisible characters spelled."""
    return html.escape(visible(text), quote=True)


def html_comment(text: str) -> str:
    """Text inside <!-- -->: `--` may not appear there, nor a line break that hides a line."""
    return line_comment(text).replace("--", "-\\u002D")


def json_string(text: str) -> str:
    """A JSON string (JSON is the encoder)."""
    return json.dumps(text, ensure_ascii=False)


# YAML 1.2 reads a double-quoted JSON string, but refuses raw characters outside its
# printable set: DEL, C1 controls (NEL included), line/paragraph separators, BOM, non-characters.
_YAML_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar that reads back exactly (non-BMP characters stay raw:
    YAML readers do not join a JSON-style surrogate pair)."""
    out = json.dumps(text, ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


#: The escaping filters every template environment gets, by context.
FILTERS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("py", python_string), ("pydoc", python_docstring), ("toml", toml_string),
    ("js", js_string), ("blockcomment", block_comment), ("linecomment", line_comment),
    ("md", markdown_text), ("html", html_text), ("htmlcomment", html_comment),
    ("json", json_string), ("yaml", yaml_string), ("visible", visible),
)
