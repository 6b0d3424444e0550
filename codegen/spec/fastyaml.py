"""A fast path for plain specs: a Rust YAML parser where it provably reads what PyYAML reads.

The position-aware PyYAML composer costs about 7 us a node (a second for a 10,000-entry
catalog). yaml-rs parses the same text fifteen times faster but follows YAML 1.2 and keeps
no positions. So it is used only for text with none of the constructs where the two
readings differ or where the slow path has a diagnostic to give (tags, anchors, document
markers, merge keys, YAML 1.1 booleans, non-decimal or sexagesimal numbers, dates, special
floats, non-string keys); anything else goes to the slow path, which reports with
positions. Positions themselves are computed from the text on demand.
"""

from __future__ import annotations

import re
from typing import Any

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the slow path still works
    yaml_rs = None  # type: ignore[assignment]

# Text where the two readings may differ, found without visiting every scalar: integers
# written other than in plain decimal (octal, hex, binary, underscores, sexagesimal) ...
_NUM = r"[-+]?(?:0[0-9_xXoObB][0-9a-fA-F_]*|[0-9]*_[0-9_]*|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)"
_ODD_INT = re.compile(
    rf"(?:[:\-][ \t]+|[\[{{,][ \t]*)(?=[-+0-9_]){_NUM}[ \t]*(?:$|[,\]}}]|[ \t]#)"  # a whole value
    rf"|^[ \t]*(?:-[ \t]+)?(?=[-+0-9_]){_NUM}[ \t]*:(?:\s|$)",  # a whole key
    re.M,
)
# ... and constructs the fast path does not take: tags, anchors, aliases, explicit keys,
# document markers, merge keys, block scalars, tabs, YAML 1.1-only line breaks, a BOM.
_CONSTRUCT = re.compile(
    r"(?:^|[\s,\[{])(?:[!?]|[&*][^\s,\]}])"
    r"|^(?:---|\.\.\.)(?:\s|$)|<<\s*:"
    r"|(?:^|[:\-][ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?$"
    "|[\t\x85\u2028\u2029\ufeff]",
    re.M,
)
# Plain scalars that YAML 1.1 reads as booleans or sexagesimal numbers come back from the
# YAML 1.2 reader as strings: a string value (or key) that looks like one sends the file
# to the slow path, which knows whether it was quoted.
_BOOL_WORDS = frozenset(["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"])
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")


# Run over a whole file the two patterns above cost ~70 ns a character (a tenth of a second
# for a 10,000-entry catalog), so they run only over the lines that hold a candidate, found
# at memchr speed. Once separators (space, tab, newline, sign, '[', '{', ',') fold to ' ',
# digits 1-9 to '1' and ':' to '_', every match of _ODD_INT holds one of _ODD_SHAPES (a
# leading zero, or a digit or separator before '_' or ':'); every match of _CONSTRUCT
# holds one of _CONSTRUCT_NEEDLES or one of _RAW_CHARS.
_FOLD = bytes.maketrans(b" \t\n-+[{,123456789:", b"        111111111_")
_ODD_SHAPES = (b" 0", b"0_", b"1_", b" _")
_CONSTRUCT_NEEDLES = (b"!", b"?", b"&", b"*", b"|", b">", b"\n---", b"\n...")
_RAW_CHARS = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")
_MERGE = re.compile(r"<<\s*:")


def _lines_with(raw: bytes, scan: bytes, needles: tuple[bytes, ...]) -> str:
    """The lines of raw (text after a leading newline) where scan, a same-length view of
    raw, holds a needle; a needle that starts on a newline belongs to the line after it."""
    starts: set[int] = set()
    for needle in needles:
        at = scan.find(needle)
        while at >= 0:
            start = raw.rfind(b"\n", 0, at + 1) + 1
            starts.add(start)
            end = raw.find(b"\n", start)
            at = scan.find(needle, end) if end >= 0 else -1
    lines = []
    for start in sorted(starts):
        end = raw.find(b"\n", start)
        lines.append(raw[start:] if end < 0 else raw[start:end + 1])
    return b"".join(lines).decode("utf-8", "surrogatepass")


def _screen(text: str) -> bool:
    """Whether text holds a construct or number that sends it to the slow path."""
    if any(c in text for c in _RAW_CHARS) or ("<<" in text and _MERGE.search(text)):
        return True
    raw = b"\n" + text.encode("utf-8", "surrogatepass")
    folded = raw.translate(_FOLD)
    shapes = tuple(shape for shape in _ODD_SHAPES if shape in folded)
    if shapes and _ODD_INT.search(_lines_with(raw, folded, shapes)):
        return True
    needles = tuple(needle for needle in _CONSTRUCT_NEEDLES if needle in raw)
    return bool(needles) and _CONSTRUCT.search(_lines_with(raw, raw, needles)) is not None


def fast_load(text: str) -> Any | None:
    """The data of text when the fast reading is certain to equal PyYAML's; else None."""
    if yaml_rs is None or _screen(text):
        return None
    try:
        data = yaml_rs.loads(text)
    except Exception:  # any complaint: the slow path says it properly, with a position
        return None
    return data if type(data) is dict and _plain(data) else None


def _plain(root: Any) -> bool:
    """Only str keys and str/int/bool/None/list/dict values, none of them a YAML 1.1 trap."""
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > 64:
            return False
        if type(node) is dict:
            for key in node:
                if type(key) is not str or _trap(key):
                    return False
            items = node.values()
        else:
            items = node
        for value in items:
            kind = type(value)
            if kind is str:
                if _trap(value):
                    return False
            elif kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif not (value is None or kind is int or kind is bool):
                return False
    return True


def _trap(text: str) -> bool:
    """A plain scalar YAML 1.1 reads as a boolean or a sexagesimal number."""
    return text in _BOOL_WORDS or (":" in text and _SEXAGESIMAL.fullmatch(text) is not None)


_ENTRIES = re.compile(r"^entries:[ \t]*(?:#.*)?$", re.M)
_ITEM = re.compile(r"^([ \t]+)-(?:[ \t]|$)", re.M)
_TOP = re.compile(r"\n\S")


def entry_lines(text: str, count: int) -> list[int] | None:
    """1-based lines of the items of the top-level block sequence `entries`, if that is its shape:
    indented items, each a line that starts with the first item's indent and a dash."""
    head = _ENTRIES.search(text)
    first = _ITEM.search(text, head.end()) if head else None
    if head is None or first is None:
        return None
    stop = _TOP.search(text, head.end())  # the next top-level key (or comment) ends it
    limit = stop.start() if stop else len(text)
    if first.start() > limit:
        return None
    needle = "\n" + first.group(1) + "-"
    line = text.count("\n", 0, first.start()) + 1
    lines = [line]
    pos = first.start()
    at = text.find(needle, pos, limit)
    while at >= 0:
        if text[at + len(needle):at + len(needle) + 1] in ("", " ", "\t", "\n"):
            line += text.count("\n", pos, at + 1)
            pos = at + 1
            lines.append(line)
        at = text.find(needle, at + 1, limit)
    return lines if len(lines) == count else None


def key_line(text: str, path: tuple[str, ...]) -> int | None:
    """1-based line of a nested block-mapping key (plain keys, the usual shape), else None."""
    lines = text.split("\n")
    start, parent_indent, found = 0, -1, None
    for step in path:
        child_indent, found = None, None
        for number in range(start, len(lines)):
            body = lines[number].lstrip(" ")
            if not body or body.startswith("#"):
                continue
            indent = len(lines[number]) - len(body)
            if indent <= parent_indent:
                break
            child_indent = indent if child_indent is None else child_indent
            if indent == child_indent and body.startswith(f"{step}:"):
                found = number
                break
        if found is None or child_indent is None:
            return None
        start, parent_indent = found + 1, child_indent
    return None if found is None else found + 1
