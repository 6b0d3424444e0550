"""The shortcuts of the Go, Rust, Java and Kotlin escapers give the bytes of their general rule.

Each escaper answers plain text without looking at it character by character; the general
rule is written out again here, without any shortcut, and both must agree on the hostile
corpus and on texts made of the pieces each rule cares about.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.naming import words
from codegen.targets.golang import literals as go
from codegen.targets.golang.naming import INITIALISMS, go_pascal
from codegen.targets.java import literals as java
from codegen.targets.java import rows as java_rows
from codegen.targets.kotlin import literals as kotlin
from codegen.targets.rust import literals as rust
from tests.test_hostile import HOSTILE

#: pieces each rule treats specially, and plain ones
PIECES = ("a", "Z", "0", "1.", "12)", " ", "  ", "_", "x_y", "''", "``", "`", "'", '"', "\\", "$", "{", "}", "[", "]",
          "<", ">", "&", "@", "|", "~", "*", "*/", "/*", "://", "#", "-", "+", "=", "Deprecated:", "go:", "+build",
          "\t", "\n", "\r", "\r\n", "\x00", "\x07", "\x7f", "\x85", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff",
          "é", "\u3000", "🎉")
TEXTS = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
CASES = (*HOSTILE, "", "plain text.", "Message for code 7", "line one\n\nline two ", "  indented\nDeprecated: x",
         "1. first\n- item\n# head", "a_b c_ d _e", "http://x", "Since 1.0.0.")


# --- the general rules, without shortcuts ------------------------------------------------

def go_row_item_rule(value: object) -> str:
    if value is None:
        return "~"
    if isinstance(value, list):
        return "[" + "".join(go_row_item_rule(v) for v in value) + "]"
    text = ("t" if value else "f") if isinstance(value, bool) else str(value)
    return f"{len(text.encode('utf-8'))}:{text}"


def go_base32_rule(numbers: list[int], width: int) -> str:
    return "".join(chr(0x30 + (n >> (5 * k) & 31)) for n in numbers for k in reversed(range(width)))


def go_comment_rule(text: str, indent: str = "") -> str:
    lines = (go._comment_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(f"{indent}// {line}" for line in lines if line)


def go_pascal_rule(name: str) -> str:
    return "".join(w.upper() if w.upper() in INITIALISMS else w[:1].upper() + w[1:] for w in words(name))


def java_string_rule(text: str) -> str:
    return '"' + "".join(java._java_char(ch) for ch in text) + '"'


def java_doc_line_rule(line: str) -> str:
    out = []
    for ch in line:
        safe = java._DOC_MARKUP.get(ch)
        if safe is None:
            safe = ch if ch == " " or ch.isprintable() else f"&#92;u{ord(ch):04x}"
        out.append(safe)
    return "".join(out).replace("*/", "*&#47;").replace("/*", "&#47;*")


def java_doc_rule(text: str) -> list[str]:
    return [java_doc_line_rule(line) for line in re.split(r"\r\n|\r|\n", text)]


def kdoc_rule(text: str, indent: str) -> str:
    lines = [line.replace("[", "&#91;").replace("]", "&#93;") for line in java_doc_rule(text)]
    return "\n".join([f"{indent}/**", *(f"{indent} *" + (f" {line}" if line else "") for line in lines), f"{indent} */"])


def kotlin_string_rule(text: str) -> str:
    out = []
    for ch in text:
        named = kotlin._NAMED.get(ch)
        if named is not None:
            out.append(named)
        elif 0x20 <= ord(ch) < 0x7F:
            out.append(ch)
        else:
            out.extend(f"\\u{unit:04x}" for unit in kotlin._utf16(ch))
    return '"' + "".join(out) + '"'


def rust_string_rule(text: str) -> str:
    return '"' + "".join(rust._escaped_char(c) for c in text) + '"'


def rust_doc_line_rule(line: str) -> str:
    line = rust._INLINE.sub(r"\\\g<0>", line)
    line = "".join(rust._doc_char(c) for c in line)
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)].replace(" ", "&#32;").replace("\t", "&#9;")
    match = rust._LINE_START.match(stripped)
    if match:
        end = match.end() - 1
        stripped = stripped[:end] + "\\" + stripped[end:]
    return (indent + stripped).rstrip().replace("\t", "&#9;")


def rust_doc_rule(text: str) -> list[str]:
    return [rust_doc_line_rule(line) for line in re.split(r"\r\n|[\r\n\u2028\u2029\u0085]", text)]


# --- agreement ---------------------------------------------------------------------------

def _agree(text: str) -> None:
    assert go.go_comment(text, "\t") == go_comment_rule(text, "\t")
    row: list[object] = [text, None, [text, 1], True, -7, []]
    line = "".join(map(go_row_item_rule, row))
    assert go.go_table([row, row]) == (go.go_string(line * 2), [0, len(line.encode()), 2 * len(line.encode())])
    assert java.java_string(text) == java_string_rule(text)
    assert java.doc_html(text) == java_doc_rule(text)
    assert java_rows.cell(text) == text.translate(java_rows._ESCAPES)
    assert kotlin.kotlin_string(text) == kotlin_string_rule(text)
    assert kotlin.kdoc(text, "    ") == kdoc_rule(text, "    ")
    assert rust.rust_string(text) == rust_string_rule(text)
    assert rust.doc_text(text) == rust_doc_rule(text)


@pytest.mark.parametrize("text", CASES)
def test_shortcuts_agree_with_the_general_rules_on_the_corpus(text: str) -> None:
    _agree(text)


def test_shortcuts_agree_with_the_general_rules_on_mixed_pieces() -> None:
    @settings(max_examples=800, deadline=None)
    @given(TEXTS)
    def check(text: str) -> None:
        _agree(text)

    check()


@pytest.mark.parametrize("name", ["CODE_0", "http_status", "CALL_NOT_FOUND", "__A__B_", "A1", "Code0", "ID_9",
                                  "x", "", "9_LIVES", "HTTPStatus", "sip-uri", "UTF8_ok", "a__b_c"])
def test_go_names_of_the_snake_case_shortcut_are_the_general_rule(name: str) -> None:
    assert go_pascal(name) == go_pascal_rule(name)


def test_go_names_agree_on_mixed_names() -> None:
    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet="AZaz09_-.é", max_size=12))
    def check(name: str) -> None:
        assert go_pascal(name) == go_pascal_rule(name)

    check()


@pytest.mark.parametrize("width", [1, 2, 3, 4, 5, 7])
def test_go_base32_numbers_are_the_digit_by_digit_rule(width: int) -> None:
    numbers = [0, 1, 31, 32, 1000, 32**width - 1, -1, *range(0, 32**width, max(1, 32**width // 97))]
    assert go.base32_numbers(numbers, width) == go_base32_rule(numbers, width)
    assert go.base32_numbers([], width) == ""
