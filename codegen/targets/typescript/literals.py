"""TypeScript literals and JSDoc comments, encoded by JSON's rules plus JavaScript's."""

from __future__ import annotations

import re

from codegen.escape import js_string, visible

MAX_SAFE_INTEGER = 2**53 - 1

_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\u0085]")
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def is_safe_integer(value: int) -> bool:
    """True when a JavaScript number holds the integer exactly."""
    return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER


def ts_string(text: str) -> str:
    """A double-quoted string literal, spelled as tsc prints it (so src, dist and the literal
    types tsc re-prints into .d.ts stay byte-identical to a real build); it decodes to the
    same text as JSON and also escapes U+2028/U+2029, which older parsers read as line breaks."""
    return js_string(text)


def ts_template_lines(lines: list[str]) -> str:
    """A template literal holding one text per line (none may contain a line break).

    In a template literal only a backslash, a backtick and `${` mean anything, so those are
    escaped; the type checker gives the whole literal one type, however many lines it has."""
    if any("\n" in line or "\r" in line for line in lines):
        raise ValueError("a template line may not hold a line break")
    escaped = (line.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${") for line in lines)
    return "`" + "\n".join(escaped) + "`"


def ts_literal(value: object) -> str:
    """A literal for str, int, bool, None (null) and tuples/lists of those (arrays)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if not is_safe_integer(value):
            raise ValueError(f"{value} is beyond Number.MAX_SAFE_INTEGER")
        return str(value)
    if isinstance(value, str):
        return ts_string(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(ts_literal(v) for v in value) + "]"
    raise TypeError(f"no TypeScript literal for {type(value).__name__}")


def ts_key(name: str) -> str:
    """A property key: bare when it is an identifier, else a string literal.
    (__proto__ is never bare: as a bare key in an object literal it sets the prototype.)"""
    return name if _IDENTIFIER.match(name) and name != "__proto__" else ts_string(name)


def jsdoc_text(text: str) -> str:
    """Text that stays inside a /** */ comment: `*/` cannot end it and every line break
    (including U+2028/U+2029, which end a line in JavaScript) starts a new ` * ` line."""
    if text.isprintable() and "*/" not in text and not text.lstrip().startswith("@"):
        return text.rstrip()  # one line with nothing to change (no line break is printable)
    text = text.replace("*/", "*\\/")
    lines = _LINE_BREAK.split(text) if any(c in text for c in "\r\u2028\u2029\u0085") else text.split("\n")
    lines = [visible(line) for line in lines]  # NUL, ESC, bidi overrides... shown, not obeyed
    if "@" not in text:
        return "\n".join(line.rstrip() for line in lines)
    # A line that starts with @ would read as a block tag.
    return "\n".join(("\\" + line if line.lstrip().startswith("@") else line).rstrip() for line in lines)


def jsdoc(text: str, indent: str = "", tags: tuple[str, ...] = ()) -> str:
    """A /** */ block from text and tags (`@name text`), both sanitized."""
    if text and "*/" not in text and "@" not in text and text.replace("\n", "").isprintable():
        lines = [line.rstrip() for line in text.split("\n")]  # plain lines: nothing to escape
    else:
        lines = jsdoc_text(text).split("\n") if text else []
    if tags and lines:
        lines.append("")
    for tag in tags:
        if tag.startswith("@") and tag.isprintable() and "*/" not in tag:
            lines.append(tag.rstrip())  # one line: its leading @ is the tag's own
            continue
        tag_lines = jsdoc_text(tag).split("\n")
        lines += [tag_lines[0].removeprefix("\\"), *tag_lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return ""
    if len(lines) == 1:
        return f"{indent}/** {lines[0]} */"
    prefix, blank = indent + " * ", indent + " *"  # every line is already right-stripped
    body = "\n".join(prefix + line if line else blank for line in lines)
    return f"{indent}/**\n{body}\n{indent} */"
