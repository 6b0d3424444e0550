"""Hostile text through every target: each target carries the exact string, and nothing breaks a file.

A corpus of hostile strings becomes the messages and descriptions of a synthetic spec
(written with yaml.safe_dump so the text round-trips), generated once for all targets.
Then: every Python file compiles and the package, imported, returns each exact string;
node evaluates the TypeScript package's built JS (one process) and tsc type-checks src
(once); the OpenAPI fragment and the JSON bundle parse and carry the exact strings.
Hypothesis generates more strings for the Python and TypeScript literal encoders.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.targets.python.literals import py_docstring, py_literal
from codegen.targets.typescript.literals import jsdoc, ts_string
from codegen.verify.compare import TargetResult, verify
from tests.conftest import node_tool, require

HOSTILE: tuple[str, ...] = (
    'double " quote', "single ' quote", "both ' and \" quotes", "ends with a quote\"", "ends with '",
    "`back`ticks`", "back\\slash", "trailing backslash \\", "\\n literal backslash-n", "\\u0041 escape text",
    '"""triple double"""', "'''triple single'''", 'x"""', '"""',
    "*/ closes a comment", "/* opens a comment", "/** jsdoc */", "<!-- html --> and -->", "</script>",
    "${x} template", "`${process.exit(1)}`", "{{ x }} jinja", "{% x %} jinja block", "{# comment #}", "{{", "%}",
    "line\nbreak", "windows\r\nline", "lone\rCR", "tab\there", "\ttab first", "trailing space ",
    "NUL \0 inside", "NUL before digit \x001", "bell \x07 escape \x1b[31m red", "DEL \x7f", "form\x0cfeed vtab\x0b",
    "NEL \u0085 next line", "LS \u2028 line sep", "PS \u2029 para sep",
    "bidi \u202e reversed \u202c", "isolate \u2066x\u2069", "zero\u200bwidth", "BOM \ufeff", "combining e\u0301\u0308",
    "non-BMP 🎉 \U0001d54f \U0010fffd", "lone high surrogate-free emoji 👩‍👩‍👧", "ünïcödé — «»",
    "yes", "no", "null", "~", "- x", ": x", "#x", "? x", "!tag x", "&anchor", "*alias", "|", ">", "@at start",
    "0123", "1e3", "0x1F", ".inf", "@param x", " leading space", "' OR 1=1 --", "\\\\server\\share",
    "x" * 10_000,
)
STRING_COUNT = len(HOSTILE)
BASE_URL = "https://example.invalid/q\"u'o`t\\e*/c<!--d-->&e${f}{{g}}%h"
TARGETS = ("python", "typescript", "openapi", "json", "rust")
TARGET_COUNT = len(TARGETS)
HYPOTHESIS_EXAMPLES = 30
#: entries, each carrying a hostile message and a hostile description (its reverse)
ENTRY_COUNT = STRING_COUNT
#: files generated from the hostile spec across the four targets when this was written
#: (a lower bound: targets gain files as they grow)
GENERATED_FILE_COUNT = 24
#: faults found by this corpus in the encoders when it was written (none: all targets carried every string)
FAULTS_FOUND = 0


def _name(i: int) -> str:
    return f"T{i:03d}"


@pytest.fixture(scope="session")
def hostile_spec(tmp_path_factory: pytest.TempPathFactory) -> tuple[Spec, Path]:
    root = tmp_path_factory.mktemp("hostile")
    spec_dir = root / "spec"
    spec_dir.mkdir()
    project = {
        "version": "1.0.0",
        "output_root": "../generated",
        "catalogs": ["hostile.yaml"],
        "targets": {
            "python": {"out": "python", "distribution": "hostile-corpus", "package": "hostile_corpus",
                       "description": "Hostile corpus."},
            "typescript": {"out": "typescript", "package": "hostile-corpus", "description": "Hostile corpus."},
            "openapi": {"out": "openapi", "title": "Hostile corpus"},
            "json": {"out": "json"},
            "rust": {"out": "rust", "crate": "hostile-corpus", "description": "Hostile corpus."},
            # A base URL with every mark a string or comment could trip on: each entry's page address
            # (doc_url) is built on it in every target.
            "docs": {"out": "docs", "base_url": BASE_URL},
        },
    }
    catalog = {
        "catalog": {"id": "hostile", "title": "Hostile corpus", "publisher": "Tests",
                    "sources": [{"url": "https://example.invalid/"}], "values": "integer", "open": True},
        "entries": [
            {"name": _name(i), "value": i + 1, "message": text, "description": text[::-1] + "!", "since": "1.0.0"}
            for i, text in enumerate(HOSTILE)
        ],
    }
    (spec_dir / "codegen.yaml").write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    (spec_dir / "hostile.yaml").write_text(yaml.safe_dump(catalog, allow_unicode=True, width=1_000_000),
                                           encoding="utf-8")
    spec, diags = load_spec(spec_dir)
    assert spec is not None, "\n".join(d.render() for d in diags)
    targets, _ = selected_targets(spec, None)
    outputs, diags = generate(spec, targets)
    assert not [d for d in diags if d.level == "error"], "\n".join(d.render() for d in diags)
    out = root / "generated"
    for files in outputs.values():
        for rel, text in files.items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    return spec, out


def test_the_spec_round_trips_every_string(hostile_spec: tuple[Spec, Path]) -> None:
    spec, _ = hostile_spec
    cat = spec.catalog("hostile")
    assert cat is not None and len(cat.entries) == ENTRY_COUNT
    for entry, text in zip(cat.entries, HOSTILE, strict=True):
        assert entry.message == text, entry.name
        assert entry.description == text[::-1] + "!", entry.name


def test_generated_file_count(hostile_spec: tuple[Spec, Path]) -> None:
    _, out = hostile_spec
    files = [p for p in out.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert len(files) >= GENERATED_FILE_COUNT


def test_every_python_file_compiles(hostile_spec: tuple[Spec, Path]) -> None:
    _, out = hostile_spec
    files = sorted((out / "python").rglob("*.py"))
    assert files
    for path in files:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


@pytest.fixture(scope="session")
def parity(hostile_spec: tuple[Spec, Path]) -> dict[str, TargetResult]:
    spec, out = hostile_spec
    require("node")
    return {r.target: r for r in verify(spec, out)}


@pytest.mark.parametrize("target", TARGETS)
def test_each_target_carries_the_exact_strings(parity: dict[str, TargetResult], target: str) -> None:
    """Python imported, the built JS under node, OpenAPI and JSON parsed: messages and descriptions exact."""
    res = parity[target]
    assert not res.skipped, res.skipped
    assert res.differences == [], "\n".join(res.differences[:20])


def test_json_and_openapi_carry_exact_strings(hostile_spec: tuple[Spec, Path]) -> None:
    _, out = hostile_spec
    bundle = json.loads((out / "json/catalogs.json").read_text(encoding="utf-8"))
    messages = [e["message"] for e in bundle["catalogs"]["hostile"]["entries"]]
    assert messages == list(HOSTILE)
    doc = yaml.safe_load((out / "openapi/catalogs.openapi.yaml").read_text(encoding="utf-8"))
    schema = next(s for s in doc["components"]["schemas"].values() if s.get("x-catalog", {}).get("id") == "hostile")
    for text, desc in zip(HOSTILE, schema["x-enum-descriptions"], strict=True):
        assert text in desc


def test_typescript_src_type_checks(hostile_spec: tuple[Spec, Path]) -> None:
    """tsc (once) accepts the generated TypeScript sources of the hostile corpus."""
    _, out = hostile_spec
    proc = subprocess.run([node_tool("tsc"), "-p", str(out / "typescript" / "tsconfig.json"), "--noEmit"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- property tests of the encoders -------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8"), max_size=60)  # any code point but lone surrogates


@settings(max_examples=HYPOTHESIS_EXAMPLES, deadline=None)
@given(TEXT)
def test_python_literal_round_trips(text: str) -> None:
    literal = py_literal(text)
    assert eval(compile(literal, "<literal>", "eval")) == text


@settings(max_examples=HYPOTHESIS_EXAMPLES, deadline=None)
@given(TEXT)
def test_python_docstring_round_trips(text: str) -> None:
    _docstring_reads_back(text)


def _docstring_reads_back(text: str) -> None:
    """Exact: what inspect.cleandoc (every docs tool) reads of a triple-quoted docstring, or
    the string itself when it is emitted as an escaped literal."""
    statement = py_docstring(text, "    ")
    source = "def f() -> None:\n    " + statement + "\n"
    namespace: dict[str, object] = {}
    exec(compile(source, "<docstring>", "exec"), namespace)
    func = namespace["f"]
    assert callable(func)
    doc = func.__doc__
    assert isinstance(doc, str)
    assert (inspect.cleandoc(doc) if statement.startswith('"""') else doc) == text


def _node_eval(sources: list[str]) -> list[object]:
    """Evaluate each JavaScript expression in one node process, results as JSON."""
    script = "process.stdout.write(JSON.stringify([" + ",".join(f"({s})" for s in sources) + "]))"
    proc = subprocess.run([require("node"), "-"], input=script, capture_output=True, text=True, encoding="utf-8",
                          check=False)
    assert proc.returncode == 0, proc.stderr
    result: list[object] = json.loads(proc.stdout)
    return result


def test_typescript_string_literals_round_trip_under_node() -> None:
    """Hypothesis draws the strings; node evaluates all of them in one process."""
    drawn: list[str] = list(HOSTILE)

    @settings(max_examples=HYPOTHESIS_EXAMPLES, deadline=None)
    @given(TEXT)
    def collect(text: str) -> None:
        drawn.append(text)

    collect()
    assert _node_eval([ts_string(t) for t in drawn]) == drawn


def test_jsdoc_never_closes_early_under_node() -> None:
    """A JSDoc block of any hostile text is a comment: the code after it still runs."""
    sources = [jsdoc(t) + "\n 1" for t in HOSTILE]
    assert _node_eval(sources) == [1] * len(HOSTILE)


def test_python_package_imports_in_a_fresh_interpreter(hostile_spec: tuple[Spec, Path]) -> None:
    _, out = hostile_spec
    code = ("import json, sys; import hostile_corpus.hostile as m; "
            "json.dump([x.message for x in m.Hostile], sys.stdout)")
    proc = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(out / 'python/src')!r}); " + code],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == list(HOSTILE)


@pytest.mark.parametrize("text", ["a \na", "a\n", " a", "a ", 'a"', 'a"\n', 'a"""b', "a\\b", "a\tb", "a\x85",
                                  "a\u00a0", "a\u00a0\nb", "a\nb", "a\n  b", "a\n\n", "\na", "a\n \nb"])
def test_docstrings_keep_every_space_and_character(text: str) -> None:
    _docstring_reads_back(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=' a"\\\n\t\x7f\u2028\u00a0', min_size=1, max_size=8))
def test_docstrings_keep_every_space_and_character_of_drawn_text(text: str) -> None:
    _docstring_reads_back(text)
