"""Edits of YAML text in place: each change touches only its own bytes.

A round-trip YAML library re-serialises the whole document (re-indenting lists, re-wrapping
long lines), so these edits work on the text instead: the YAML parser locates the node to
change, and the edit replaces or inserts characters at that position and nowhere else.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

Key = str | int


class EditError(Exception):
    """The text cannot be edited in place; the message says what to change by hand."""


def write_atomic(path: Path, text: str) -> None:
    """Replace path with text: a temporary file beside it, flushed, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def literal(value: Any) -> str:
    """A YAML literal for a plain value: JSON's encoding is valid YAML and never ambiguous."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _node(text: str, path: Sequence[Key]) -> yaml.Node:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        raise KeyError("the document is empty")
    for key in path:
        node = _child(node, key)
    return node


def _child(node: yaml.Node, key: Key) -> yaml.Node:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        for k, v in node.value:
            if k.value == key:
                child: yaml.Node = v
                return child
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and -len(node.value) <= key < len(node.value):
        return node.value[key]  # type: ignore[no-any-return]
    raise KeyError(key)


def _offset(mark: Any) -> int:
    """Character offset of a mark: the pure-Python loader counts characters of the text, and
    counts U+2028 and NEL as line breaks too, so line and column would not do."""
    return int(mark.index)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def replace_scalar(text: str, path: Sequence[Key], value: Any) -> str:
    """The text with the scalar at path replaced by value's literal."""
    node = _node(text, path)
    if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
        raise EditError(f"{'.'.join(map(str, path))} is not a one-line value")
    start, end = _offset(node.start_mark), _offset(node.end_mark)
    if node.style == "'" and isinstance(value, str):
        rendered = "'" + value.replace("'", "''") + "'"  # keep the file's quoting
    elif node.style or not isinstance(value, str) or not _plain_ok(value):
        rendered = literal(value)
    else:
        rendered = value
    return text[:start] + rendered + text[end:]


def _plain_ok(value: str) -> bool:
    """Whether value reads back as the same string when written without quotes."""
    try:
        return yaml.safe_load(value) == value and "#" not in value and ": " not in value
    except yaml.YAMLError:
        return False


def _line_end(text: str, offset: int) -> int:
    """Offset just past the line holding offset (or offset itself at a line's start)."""
    if offset == 0 or text[offset - 1] == "\n":
        return offset
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The node whose end is the end of a block collection's own text (comments after it excluded)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _end_of(text: str, node: yaml.Node) -> int:
    end = _line_end(text, _offset(_last_leaf(node).end_mark))
    return end


def set_key(text: str, path: Sequence[Key], key: str, value: Any) -> str:
    """The text with mapping[path][key] set: replaced when present, else a line added to the block."""
    try:
        return replace_scalar(text, [*path, key], value)
    except KeyError:
        pass
    try:
        parent = _node(text, path)
    except KeyError:
        if len(path) != 1:
            raise EditError(f"no {'.'.join(map(str, path))} to add {key} to") from None
        nl = _newline(text)
        block = f"{path[0]}:{nl}  {key}: {_scalar(value)}{nl}"
        return text + ("" if text.endswith("\n") or not text else nl) + block
    if not isinstance(parent, yaml.MappingNode) or parent.flow_style or not parent.value:
        raise EditError(f"{'.'.join(map(str, path))} is not a block mapping; add {key} by hand")
    first_key = _offset(parent.value[0][0].start_mark)
    indent = " " * (first_key - _line_start(text, first_key))
    at = _end_of(text, parent)
    nl = _newline(text)
    sep = "" if text[:at].endswith("\n") else nl
    return text[:at] + sep + f"{indent}{key}: {_scalar(value)}{nl}" + text[at:]


def insert_item(text: str, path: Sequence[Key], after: int, item: dict[str, Any]) -> str:
    """The text with a mapping item inserted into the block list at path after index `after`
    (-1: first), indented like the items already there."""
    seq = _node(text, path)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise EditError(f"{'.'.join(map(str, path))} is not a block list with an entry; write one by hand first")
    first = _offset(seq.value[0].start_mark)
    line_start = _line_start(text, first)
    key_col = first - line_start
    dash_col = text.rfind("-", line_start, first) - line_start
    if dash_col < 0 or text[line_start:line_start + dash_col].strip():
        raise EditError("the list's items are not written as `- key: value` on their own lines")
    nl = _newline(text)
    lines = [(f"{' ' * dash_col}-{' ' * (key_col - dash_col - 1)}" if i == 0 else " " * key_col) + f"{k}: {_item_value(k, v)}"
             for i, (k, v) in enumerate(item.items())]
    block = nl.join(lines) + nl
    at = line_start if after < 0 else _end_of(text, seq.value[after])
    sep = "" if at == 0 or text[:at].endswith("\n") else nl
    return text[:at] + sep + block + text[at:]


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _scalar(value: Any) -> str:
    """A value written plain where it reads back the same, else quoted."""
    return value if isinstance(value, str) and _plain_ok(value) else literal(value)


def _item_value(key: str, value: Any) -> str:
    """Names and versions are written plain, as in hand-written catalogs; texts always quoted."""
    return _scalar(value) if key in ("name", "since") else literal(value)
