"""The YAML fast path reads exactly what the position-aware slow path reads, or steps aside."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.spec import fastyaml, yamlsrc
from tests.conftest import ROOT

SPEC_FILES = sorted(
    p for pattern in ("spec/*.yaml", "tests/golden/*/spec/*.yaml", "tests/data/**/*.yaml")
    for p in ROOT.glob(pattern)
)


def slow(text: str) -> object:
    node = yaml.compose(text, Loader=yamlsrc._loader())
    builder = yamlsrc._Builder("x")
    data = builder.build(node, (), 0)
    return None if builder.errors else data


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_path_equals_slow_path_on_every_spec_file(path: Path) -> None:
    text = path.read_text("utf-8")
    fast = fastyaml.fast_load(text)
    if fast is None:
        return  # stepped aside: the slow path reads it
    assert fast == slow(text)


def test_the_project_spec_takes_the_fast_path() -> None:
    taken = [p.name for p in ROOT.glob("spec/*.yaml") if fastyaml.fast_load(p.read_text("utf-8")) is not None]
    assert len(taken) == 10, taken  # the project file and the nine catalogs


@pytest.mark.parametrize("text", [
    "a: NO\n", "a: yes\n", "NO: 1\n", "- on\n", "a: 010\n", "a: 0x1F\n", "a: 0o17\n", "a: 1_000\n",
    "a: 1:30\n", "a: 2024-10-09\n", "a: .inf\n", "a: !!str x\n", "a: !foo x\n", "a: &x 1\nb: *x\n",
    "a: 1\n---\nb: 2\n", "<<: {a: 1}\n", "a: 1\na: 2\n", "1: x\n", "a: 1.5\n", "[1, 2]\n", "a: [1, {b: 010}]\n",
])
def test_fast_path_steps_aside_where_readings_differ(text: str) -> None:
    assert fastyaml.fast_load(text) is None


def test_entry_lines_match_the_composed_positions() -> None:
    for path in ROOT.glob("spec/*.yaml"):
        text = path.read_text("utf-8")
        doc, _ = yamlsrc.load_text(text, path.name)
        assert doc is not None
        if "entries" not in doc.data:
            continue
        fast_lines = [doc.entry_line(i) for i in range(len(doc.data["entries"]))]
        composed = yamlsrc.Document(path.name, doc.data, text=text)
        assert fast_lines == [composed.where(("entries", i))[0] for i in range(len(doc.data["entries"]))]


_scalar = st.one_of(
    st.text(max_size=30), st.integers(min_value=-(10**12), max_value=10**12), st.booleans(), st.none())


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10), st.one_of(
    _scalar, st.lists(_scalar, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), _scalar, max_size=3)),
    min_size=1, max_size=6), st.sampled_from(["block", "flow"]))
def test_fast_path_agrees_on_generated_documents(data: dict[str, object], style: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=style == "flow", sort_keys=False)
    fast = fastyaml.fast_load(text)
    if fast is not None:
        assert fast == slow(text) == data


def assert_same_reading(text: str) -> None:
    """When the fast path reads text, it reads what the slow path reads."""
    fast = fastyaml.fast_load(text)
    if fast is None:
        return
    try:
        expected = slow(text)
    except yaml.YAMLError:
        return  # libyaml's syntax is stricter in corners; the data of what both read is what matters
    assert fast == expected  # None when the slow path has a diagnostic: the fast path must step aside


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aZ0179_-.:+#'\"!&*[]{},?|>%@`~ \t\\xeEobNOyY", min_size=1, max_size=12))
def test_fast_path_agrees_on_hand_written_scalars(raw: str) -> None:
    assert_same_reading(f"key: {raw}\nother:\n  - {raw}\n  - [{raw}, {{k: {raw}}}]\n{raw}: last\n")


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="a0 :#-'\"\\\nnrtxu/é\u00a0\U0001F389{}[],", min_size=0, max_size=14),
       st.sampled_from(['"', "'", ""]))
def test_fast_path_agrees_on_quoted_and_multiline_text(raw: str, quote: str) -> None:
    assert_same_reading(f"key: {quote}{raw}{quote}\nlist:\n  - {quote}{raw}{quote}\n  - x\n")


@pytest.mark.parametrize("text", [
    "- " * 70 + "x\n",
    "? " * 70 + "x\n",
    "".join("  " * i + f"- k{i}:\n" for i in range(40)),
    "".join("  " * i + f"k{i}:\n" for i in range(70)),
    "a: " + "[" * 70 + "]" * 70 + "\n",
    "- " * 30 + "a: " + "{b: " * 40 + "1" + "}" * 40 + "\n",
], ids=["compact-seq", "explicit-keys", "seq-in-map", "map-chain", "flow", "mixed"])
def test_cheap_depth_bound_flags_every_document_too_deep(text: str) -> None:
    # The bound decides whether the exact (slower) event scan runs before any composer or
    # the Rust parser sees the text; both crash the process on very deep nesting.
    assert yamlsrc._too_deep(text) is not None
    assert yamlsrc._may_be_deep(text)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="a0159_-+:.#xob!?&*|><{}[], \t\n'\"é\u2028", min_size=0, max_size=40))
def test_line_screen_decides_as_the_whole_text_patterns(text: str) -> None:
    # The screen runs the patterns over candidate lines only; it must decide as running
    # them over every character would.
    whole = fastyaml._ODD_INT.search(text) or fastyaml._CONSTRUCT.search(text)
    assert fastyaml._screen(text) == bool(whole)


def _may_be_deep_reference(text: str) -> bool:
    """The bound as first written: the longest run of indentation and indicators at a line start."""
    import re

    lead = max(map(len, re.findall(r"^[ \t?-]*", text, re.M)), default=0)
    depth = flow = 0
    for char in re.findall(r"[\[\]{}]", text):
        flow = flow + 1 if char in "[{" else max(flow - 1, 0)
        depth = max(depth, flow)
    return 2 * (lead + 1) + 2 + depth > yamlsrc.MAX_DEPTH


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.text(alphabet=" \t?-[]{}a:é", max_size=30)), max_size=8))
def test_cheap_depth_bound_is_the_bound_it_documents(lines: list[tuple[int, str]]) -> None:
    text = "\n".join(" " * indent + rest for indent, rest in lines)
    assert yamlsrc._may_be_deep(text) == _may_be_deep_reference(text)


def test_a_spec_the_fast_path_reads_never_imports_pyyaml(tmp_path: Path) -> None:
    # PyYAML is imported lazily, on the first use of the slow path (or of a position).
    import subprocess
    import sys

    code = ("import sys; from codegen.cli import main; "
            f"rc = main(['check', '--no-cache', '--spec', {str(ROOT / 'spec')!r}]); "
            "print(rc, 'yaml.loader' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "CODEGEN_NO_CACHE": "1"})
    assert proc.stdout.split()[-2:] == ["0", "False"], proc.stdout + proc.stderr
