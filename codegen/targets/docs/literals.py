"""Escaping for the site: HTML text and attributes, Markdown text and table cells, JavaScript data."""

from __future__ import annotations

import html as html_lib
import json
import re

# C0/C1 controls other than tab and newline, and the bidi controls: HTML cannot carry the
# first and a reader would be misled by the second, so both are shown as their code point.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Inline Markdown and HTML openers; the text never starts a line of its own except where
# _MD_LINE_START applies (a heading, list, quote or thematic break would start there).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
_MD_LINE_START = re.compile(r"^(?:[#+\-=>]|\d+[.)])")
# Text md() gives back as it is (most texts): letters, digits and punctuation that Markdown
# and HTML never read (no underscore either), starting with a letter or digit that does not
# open a list item (digits, '.' or ')', then a blank or the end: "1.0.0" does not).
_MD_PLAIN = re.compile(r"(?!\d+[.)](?:[ \t]|$))\w[\w ,.:;!?'\"()/%=-]*")


def visible(text: str) -> str:
    """The text with invisible and direction-changing characters spelled as <U+XXXX>."""
    if text.isascii() and text.isprintable():
        return text  # the common case: nothing to spell
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def html(text: object) -> str:
    """HTML text or a double-quoted attribute value (the standard library escapes & < > \" ')."""
    return html_lib.escape(visible(str(text)))


def md(text: object) -> str:
    """Markdown inline text: every punctuation that Markdown or HTML could read is backslash-escaped."""
    plain = str(text)
    if _MD_PLAIN.fullmatch(plain) and "_" not in plain:
        return plain
    out = _MD_SPECIAL.sub(r"\\\1", visible(plain))
    body = out.lstrip(" \t")
    # Leading blanks would make an indented code block: each is kept as a character reference.
    lead = "".join(f"&#{ord(ch)};" for ch in out[: len(out) - len(body)])
    body = _MD_LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1] if m.group()[-1] in ".)" else "\\" + m.group(), body)
    return (lead + body).replace("\n", "<br>")  # a CR is already spelled out by visible()


def md_cell(text: object) -> str:
    """A Markdown table cell: inline text on one line (an empty cell stays visibly empty)."""
    return md(text) or " "


def js_data(value: object) -> str:
    """A JavaScript expression for JSON data, ASCII only (safe in any script context)."""
    return json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")


def md_code(text: object) -> str:
    """A Markdown code span holding the text exactly: a fence longer than any backtick run inside."""
    body = visible(str(text)).replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0) if "`" in body else 0
    fence = "`" * (longest + 1)
    pad = " " if body.startswith("`") or body.endswith("`") or not body.strip() else ""
    return f"{fence}{pad}{body}{pad}{fence}".replace("|", "\\|")  # a pipe would end a table cell


def md_link(url: object) -> str:
    """A Markdown link destination: in angle brackets, with the characters that could end it escaped."""
    href = str(url)
    if not re.match(r"^[a-z]+:", href):  # a page of the site: its Markdown twin
        href = re.sub(r"\.html(?=#|$)", ".md", href)
    return "<" + re.sub(r"([<>\\])", r"\\\1", href).replace(" ", "%20").replace("\n", "%0A") + ">"


def comment(text: object) -> str:
    """Text inside an HTML comment: '--' and '>' cannot end it early."""
    return visible(str(text)).replace("--", "-\u2010").replace(">", "&gt;")
