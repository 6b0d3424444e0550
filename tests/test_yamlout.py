"""The YAML writer of structured outputs: whatever goes in, a YAML reader gets back exactly."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen import yamlout

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_scalars = st.one_of(_text, st.integers(), st.booleans(), st.none())
_docs = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_text, _docs, max_size=5))
def test_any_document_reads_back_unchanged(document: dict[str, Any]) -> None:
    assert yaml.safe_load(yamlout.dump(document)) == document


def test_special_characters_are_escaped_not_left_raw() -> None:
    text = yamlout.dump({"s": "a\x85b\u2028c\u2029d\x7fe\ufeff"})
    assert text == 's: "a\\u0085b\\u2028c\\u2029d\\u007fe\\ufeff"\n'


def test_keys_that_would_read_as_something_else_are_quoted() -> None:
    assert yamlout.dump({"no": 1, "200": 2, "$ref": 3, "a b": 4, "x-y": 5}) == (
        '"no": 1\n"200": 2\n$ref: 3\n"a b": 4\nx-y: 5\n')
