"""Go string literals and comments, by the rules of Go's strconv.Quote and go/doc."""

from __future__ import annotations

import re
from itertools import accumulate

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


def row_item(value: object) -> str:
    """One item of a metadata row as the package's _row reads it: ~ for none, a string as its
    length in UTF-8 bytes, a colon and the text, a list as [ items ]; numbers and booleans
    (t, f) as strings."""
    kind = type(value)
    if kind is str:  # the common cases first: ASCII text is as long in bytes as in characters
        return f"{_utf8_length(value)}:{value}"  # type: ignore[arg-type]
    if kind is int:
        text = str(value)
        return f"{len(text)}:{text}"
    if value is None:
        return "~"
    if isinstance(value, list):
        return "[" + "".join(row_item(v) for v in value) + "]"
    if isinstance(value, bool):
        text = "t" if value else "f"
    elif isinstance(value, (int, str)):
        text = str(value)
    else:
        raise TypeError(f"no row item for {type(value).__name__}")
    return f"{len(text.encode('utf-8'))}:{text}"


def _utf8_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


# Base-32 digit values to their characters, '0' (0x30) standing for 0.
_DIGITS = bytes(0x30 + b if b < 32 else b for b in range(256))


def base32_numbers(numbers: list[int], width: int) -> str:
    """Numbers as fixed-width base-32 digits, '0' standing for 0: printable, never escaped."""
    digits = bytearray(len(numbers) * width)
    for k in range(width):  # the k-th digit of every number at once, most significant first
        shift = 5 * (width - 1 - k)
        digits[k::width] = bytes([n >> shift & 31 for n in numbers])
    return digits.translate(_DIGITS).decode("ascii")


def go_table(rows: list[list[object]]) -> tuple[str, list[int]]:
    """Rows back to back as one Go string literal, and where each starts (then the end), in bytes."""
    texts = ["".join([f"{len(v)}:{v}" if type(v) is str and v.isascii() else row_item(v) for v in row])
             for row in rows]
    starts = [0, *accumulate(map(_utf8_length, texts))]
    return go_string("".join(texts)), starts
