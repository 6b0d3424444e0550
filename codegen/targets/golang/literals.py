"""Go string literals and comments, by the rules of Go's strconv.Quote and go/doc."""

from __future__ import annotations

import re

_NAMED = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
          "\\": "\\\\", '"': '\\"'}


def _escape(ch: str) -> str:
    """One character as strconv.Quote writes it when it is not printable."""
    code = ord(ch)
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def go_string(text: str) -> str:
    """An interpreted Go string literal, as strconv.Quote writes it (printable text kept)."""
    if text.isprintable() and "\\" not in text and '"' not in text:
        return f'"{text}"'
    out = []
    for ch in text:
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif ch.isprintable():  # Python's printable classes are Go's unicode.IsPrint: L, M, N, P, S, space
            out.append(ch)
        else:
            out.append(_escape(ch))
    return '"' + "".join(out) + '"'


def go_bytes(data: bytes) -> str:
    """An interpreted Go string literal holding exactly these bytes."""
    return '"' + ("\\x" + data.hex(":").replace(":", "\\x") if data else "") + '"'


# In ASCII text, what may make _comment_line do more to a line than strip it: a control
# character other than the line feed, a doubled quote, what would read as a deprecation or a
# directive at the start of a line (anywhere in the text: such text takes the general rule).
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def _kept(text: str) -> bool:
    return (text.isascii() and "''" not in text and "``" not in text and "Deprecated:" not in text
            and "+build" not in text and "go:" not in text and not _CONTROL.search(text))


def _comment_line(line: str) -> str:
    """A line of text safe inside a // comment: no control, format, bidi or separator characters."""
    if not line.isprintable():
        line = "".join(ch if ch.isprintable() else _NAMED.get(ch, _escape(ch)) for ch in line)
    # go/doc shows '' and `` as typographic quotes, and gofmt rewrites them so
    line = line.strip().replace("''", "'\\u0027").replace("``", "`\\u0060")
    # "Deprecated:" opens a deprecation paragraph only where the generator writes one;
    # "+build" and "go:" would read as build constraints or directives.
    if line.startswith("Deprecated:"):
        return "Deprecated\\u003a" + line[len("Deprecated:"):]
    return "\\" + line if line.startswith(("+build", "go:")) else line


def go_comment(text: str, indent: str = "") -> str:
    """Text as // lines of one paragraph, stable under gofmt's doc-comment rewriting.

    Leading blanks and blank lines are dropped: go/doc would read an indented line as
    code or a list, and a lone line between blank ones as a heading, and gofmt rewrites both.
    """
    prefix = indent + "// "
    if _kept(text):  # the common case: every line kept, stripped
        return "\n".join([prefix + line for line in map(str.strip, text.split("\n")) if line])
    lines = (_comment_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(prefix + line for line in lines if line)


def go_rows(rows: list[list[object]]) -> str:
    """Rows as a raw string literal, one line each, in the token format the package's reader
    reads: Go-quoted strings, decimal integers, t and f, ~ for none, [ ... ] for lists."""
    return "`" + "\n".join(" ".join(_token(v) for v in row) for row in rows) + "`"


def _token(value: object) -> str:
    if type(value) is str:  # a raw string cannot hold a backtick: \x60 inside the quoted token
        if value.isprintable() and "\\" not in value and '"' not in value and "`" not in value:
            return f'"{value}"'
        return go_string(value).replace("`", "\\x60")
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return go_string(value).replace("`", "\\x60")
    if isinstance(value, list):
        return " ".join(["[", *(_token(v) for v in value), "]"])
    raise TypeError(f"no row token for {type(value).__name__}")
