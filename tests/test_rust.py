"""The Rust target: every case's crate built, linted, documented, tested and verified by cargo.

The cases (the project's spec, the minimal golden, the hostile corpus as messages and as
string values, reserved words and integer edges) are written into one Cargo workspace
(tests/rust copied to .tools/rust/ws, with the consumer crate and the Cargo.lock that pins
serde and serde_json) sharing one target directory, and each cargo command runs once over
all of them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

import codegen.targets.rust as rust_target
from codegen.generate import render
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.targets.rust import naming as rust_naming
from codegen.targets.rust import table as rust_table
from codegen.targets.rust import verifier
from codegen.targets.rust.literals import doc_text, rust_string, rust_text, toml_string
from tests.conftest import ROOT, require
from tests.test_hostile import BASE_URL, HOSTILE
from tests.test_names_numbers import (
    EDGE_INTEGERS,
    RESERVED_CATALOG_IDS,
    RESERVED_ENTRY_NAMES,
    RESERVED_FIELD_NAMES,
)

SOURCE = ROOT / "tests" / "rust"
WORKSPACE = ROOT / ".tools" / "rust" / "ws"
TARGET_DIR = ROOT / ".tools" / "rust" / "target"

# Names Rust itself gives a meaning to, beyond the shared corpus: keywords that cannot be raw
# identifiers, the crate's own modules and items, prelude names and trait methods.
RUST_CATALOG_IDS = ("self", "super", "crate", "core", "alloc", "std", "meta", "lib", "main", "fn", "match",
                    "mod", "dyn", "gen", "try", "option", "result", "cow", "row", "vec", "serde", "status",
                    "ref", "unknown_value", "s", "d", "borrowed")
RUST_FIELD_NAMES = ("self", "match", "fn", "from", "clone", "fmt", "to_string", "hash", "into", "crate",
                    "super", "mod", "eq", "cmp", "try_from", "as_ref")
RUST_ENTRY_NAMES = ("KNOWN", "CATALOG_ID", "ROWS", "SELF", "SUPER", "CRATE", "R")
I64_EDGES = (-(2**63), 2**63 - 1, 2**53, -(2**53))
HOSTILE_VALUES = tuple(text for text in HOSTILE if text.strip())  # messages of a string catalog


def _catalog(cid: str, entries: list[dict[str, Any]], values: str = "integer", fields: dict[str, Any] | None = None,
             open_: bool = True, **extra: Any) -> dict[str, Any]:
    head: dict[str, Any] = {"id": cid, "title": f"Catalog {cid}", "values": values, "open": open_, **extra}
    if fields:
        head["fields"] = fields
    return {"catalog": head, "entries": entries}


def _write_spec(root: Path, crate: str, catalogs: list[dict[str, Any]], docs: dict[str, Any] | None = None) -> Spec:
    root.mkdir(parents=True, exist_ok=True)
    names = [f"c{i}.yaml" for i in range(len(catalogs))]
    project = {"version": "1.0.0", "output_root": "../generated", "catalogs": names,
               "targets": {"rust": {"out": "rust", "crate": crate, "description": f"{crate} [x](y) <b> \"q\" \\ \x7f\t\u202e"},
                           **({"docs": docs} if docs else {})}}
    (root / "codegen.yaml").write_text(yaml.safe_dump(project), encoding="utf-8")
    for name, cat in zip(names, catalogs, strict=True):
        (root / name).write_text(yaml.safe_dump(cat, allow_unicode=True, width=1_000_000), encoding="utf-8")
    spec, diags = load_spec(root)
    assert spec is not None and not [d for d in diags if d.level == "error"], "\n".join(d.render()[:300] for d in diags)
    return spec


def _hostile(root: Path) -> Spec:
    texts = [{"name": f"T{i:03d}", "value": i + 1, "message": t, "description": t[::-1] + "!", "since": "1.0.0"}
             for i, t in enumerate(HOSTILE)]
    values = [{"name": f"V{i:03d}", "message": t, "description": t, "since": "1.0.0"} for i, t in enumerate(HOSTILE_VALUES)]
    hostile_title = "Hostile <b>title</b> [link](https://example.invalid/) `code` *x* _y_\n# heading"
    return _write_spec(root, "hostile-corpus", [
        _catalog("hostile", texts, description="    indented code block?\n```\nfn main() {}\n```\n| a | b |\n|---|---|",
                 publisher="Tests ]] [[", sources=[{"url": "https://example.invalid/?a=<b>&c=[d]"}]),
        {**_catalog("hostile_values", values, "string"), "catalog": {
            **_catalog("hostile_values", values, "string")["catalog"], "title": hostile_title}},
    ], docs={"out": "docs", "base_url": BASE_URL})  # every row then carries a hostile page address


def _names(root: Path) -> Spec:
    field_names = tuple(dict.fromkeys(RESERVED_FIELD_NAMES + RUST_FIELD_NAMES))
    fields = {f: {"type": "integer"} for f in field_names}
    ids = tuple(dict.fromkeys(RESERVED_CATALOG_IDS + RUST_CATALOG_IDS))
    catalogs = [_catalog(cid, [{"name": "A", "value": 1, "message": "A.", "since": "1.0.0"}]) for cid in ids]
    catalogs.append(_catalog("reserved_fields", [{"name": "A", "value": 1, "message": "A.", "since": "1.0.0",
                                                  "fields": {f: i for i, f in enumerate(field_names)}}], fields=fields))
    entries = tuple(dict.fromkeys(RESERVED_ENTRY_NAMES + RUST_ENTRY_NAMES))
    catalogs.append(_catalog("reserved_entries", [{"name": n, "value": i, "message": n, "since": "1.0.0"}
                                                  for i, n in enumerate(entries)]))
    catalogs.append(_catalog("reserved_strings", [{"name": n, "message": n, "since": "1.0.0"} for n in entries],
                             "string", open_=False))
    numbers = tuple(dict.fromkeys(EDGE_INTEGERS + I64_EDGES))
    catalogs.append(_catalog("edge_integers", [{"name": f"N{i}", "value": v, "message": str(v), "since": "1.0.0"}
                                               for i, v in enumerate(numbers)], open_=False))
    catalogs.append(_catalog("refs", [{"name": "A", "value": 1, "message": "A.", "since": "1.0.0",
                                       "fields": {"to": "SELF", "all": ["A", "B"]}, "successors": ["reserved_entries.KNOWN", "reserved_strings.SELF"]},
                                      {"name": "B", "value": 2, "message": "B.", "since": "1.0.0",
                                       "deprecated": {"since": "1.0.0", "replacement": "refs.A", "note": "\"quoted\" \\ note"}}],
                             fields={"to": {"type": "ref", "catalog": "reserved_strings"},
                                     "all": {"type": "ref_list", "catalog": "refs"}}))
    return _write_spec(root, "names-corpus", catalogs)


def _sync(files: dict[str, str], dest: Path) -> None:
    """Write files under dest (only the changed ones, so cargo's fingerprints hold); drop the rest."""
    for path in sorted(dest.rglob("*"), reverse=True) if dest.exists() else []:
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
    for rel, text in files.items():
        path = dest / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")


@pytest.fixture(scope="session")
def cases(spec: Spec, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Spec]:
    """Every case's crate written into the workspace, by case name."""
    require("cargo")
    tmp = tmp_path_factory.mktemp("rust-specs")
    minimal, _ = load_spec(ROOT / "tests" / "golden" / "minimal" / "spec")
    assert minimal is not None
    specs = {"project": spec, "minimal": minimal, "hostile": _hostile(tmp / "hostile"), "names": _names(tmp / "names")}
    source = {p.relative_to(SOURCE).as_posix(): p.read_text(encoding="utf-8") for p in SOURCE.rglob("*") if p.is_file()}
    _sync_source(source)
    for name, case in specs.items():
        files, diags = render(case, "rust")
        assert not diags, [d.render() for d in diags]
        _sync({p.removeprefix("rust/"): t for p, t in files.items()}, WORKSPACE / "cases" / name)
    return specs


def _sync_source(source: dict[str, str]) -> None:
    for rel, text in source.items():
        path = WORKSPACE / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")


def cargo(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """One cargo command in the workspace, with the shared target directory."""
    full_env = {**os.environ, "CARGO_TARGET_DIR": str(TARGET_DIR), "CARGO_TERM_COLOR": "never", **(env or {})}
    return subprocess.run([require("cargo"), *args], cwd=WORKSPACE, capture_output=True, text=True,
                          encoding="utf-8", env=full_env, timeout=1200, check=False)


def _ok(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-6000:]


def test_rustfmt_leaves_every_crate_as_it_is(cases: dict[str, Spec]) -> None:
    _ok(cargo("fmt", "--all", "--check"))


def test_clippy_finds_nothing(cases: dict[str, Spec]) -> None:
    _ok(cargo("clippy", "--workspace", "--all-features", "--lib", "--tests", "--", "-D", "warnings"))


def test_rustdoc_builds_without_a_warning(cases: dict[str, Spec]) -> None:
    _ok(cargo("doc", "--workspace", "--no-deps", "--all-features", env={"RUSTDOCFLAGS": "-D warnings"}))


def test_cargo_test_runs_the_readme_examples_and_the_consumer(cases: dict[str, Spec]) -> None:
    proc = cargo("test", "--workspace", "--all-features")
    _ok(proc)
    out = proc.stdout + proc.stderr
    for case in cases:
        crate = {"project": "voice_status_codes", "minimal": "minimal_codes", "hostile": "hostile_corpus",
                 "names": "names_corpus"}[case]
        assert f"Doc-tests {crate}" in out, f"no doctest ran for {crate}"
    assert "test references_and_successors_are_typed ... ok" in out


def _pins(lock: str) -> dict[str, str]:
    """Registry packages and their versions in a Cargo.lock."""
    pins = {}
    for block in lock.split("[[package]]")[1:]:
        fields = dict(line.split(" = ", 1) for line in block.strip().splitlines() if " = " in line)
        if "source" in fields:
            pins[fields["name"].strip('"')] = fields["version"].strip('"')
    return pins


def test_the_committed_lock_pinned_what_cargo_used(cases: dict[str, Spec]) -> None:
    committed = _pins((SOURCE / "Cargo.lock").read_text(encoding="utf-8"))
    assert {"serde", "serde_json"} <= set(committed)
    assert _pins((WORKSPACE / "Cargo.lock").read_text(encoding="utf-8")) == committed


def test_a_deprecated_constant_warns_naming_its_replacement(cases: dict[str, Spec]) -> None:
    proc = cargo("build", "-p", "consumer", "--example", "deprecated", "--message-format=json")
    _ok(proc)
    messages = [json.loads(line)["message"] for line in proc.stdout.splitlines()
                if line.startswith("{") and json.loads(line).get("reason") == "compiler-message"]
    deprecated = [m for m in messages if (m.get("code") or {}).get("code") == "deprecated"]
    assert deprecated, messages
    text = deprecated[0]["message"]
    assert "EC_VOICE_USER_BUSY" in text and "use InfobipVoiceError::BUSY instead" in text, text


@pytest.mark.parametrize("case", ["project", "minimal", "hostile", "names"])
def test_verify_finds_every_member_and_its_metadata(cases: dict[str, Spec], case: str) -> None:
    spec = cases[case]
    diffs = verifier.verify(spec, WORKSPACE / "cases" / case, spec.targets["rust"])
    assert diffs == [], "\n".join(diffs[:20])


def test_verify_fails_on_a_broken_accessor(cases: dict[str, Spec], tmp_path: Path) -> None:
    crate = tmp_path / "broken"
    shutil.copytree(WORKSPACE / "cases" / "minimal", crate)
    source = crate / "src" / "reason.rs"
    text = source.read_text(encoding="utf-8")
    reads = {name: re.search(rf"pub fn {name}\(&self\) -> Option<&'static str> {{\n\s*(self\.row\(\)[^\n]*)", text)
             for name in ("message", "since")}
    assert reads["message"] and reads["since"], "the accessors read the table otherwise"
    source.write_text(text.replace(reads["message"][1], reads["since"][1]), "utf-8")  # message reads since's text
    spec = cases["minimal"]
    diffs = verifier.verify(spec, crate, spec.targets["rust"])
    assert diffs and all(d.startswith("rust: reason.") and ": message: spec " in d for d in diffs), diffs


def test_the_hostile_values_come_back_exactly(cases: dict[str, Spec]) -> None:
    table = verifier.run(cases["hostile"], WORKSPACE / "cases" / "hostile", cases["hostile"].targets["rust"])
    assert [row["message"] for row in table["hostile_values"]] == list(HOSTILE_VALUES)
    assert [row["message"] for row in table["hostile"]] == list(HOSTILE)


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 2**64])
def test_integers_beyond_i64_are_refused_at_their_line(tmp_path: Path, value: int) -> None:
    catalog = _catalog("c", [{"name": "OK", "value": 1, "message": "m", "since": "1.0.0"},
                             {"name": "BIG", "value": value, "message": "m", "since": "1.0.0"}])
    spec = _write_spec(tmp_path, "big", [catalog])
    files, diags = render(spec, "rust")
    assert files == {}
    assert [d.code for d in diags] == ["R001"], [d.render() for d in diags]
    line = Path(diags[0].file).read_text(encoding="utf-8").splitlines()[diags[0].line - 1]
    assert line.strip() == f"value: {value}", line
    assert f"rust: value {value} of c.BIG does not fit in an i64" in diags[0].message


def test_names_colliding_or_shadowing_an_accessor_are_refused_naming_both(tmp_path: Path) -> None:
    fields = {"name": {"type": "integer"}, "a1": {"type": "integer"}, "a_1": {"type": "integer"}}
    spec = _write_spec(tmp_path, "clash", [
        _catalog("c", [{"name": "A", "value": 1, "message": "m", "since": "1.0.0"}], fields=fields),
        _catalog("a1", [{"name": "A", "value": 1, "message": "m", "since": "1.0.0"}]),
        _catalog("a_1", [{"name": "A", "value": 1, "message": "m", "since": "1.0.0"}])])
    files, diags = render(spec, "rust")
    shown = [d.render() for d in diags]
    assert files == {}
    assert any("N002: rust: field 'name' of catalog c would shadow" in s for s in shown), shown
    assert any("N001: rust: field 'a_1' becomes 'a_1', which 'a1'" in s for s in shown), shown
    assert any("N001: rust: module 'a_1'" in s and "'a1'" in s for s in shown), shown


def test_doc_text_escapes_what_markdown_and_rustdoc_would_read() -> None:
    assert doc_text("[link](x) <b>&amp; `code` *em* _u_ a_b https://x.y") == [
        r"\[link\](x) \<b\>\&amp; \`code\` \*em\* \_u\_ a_b https\://x.y"]
    assert doc_text("# h\n    code\n- item\n1. one\ttab\r\nx\u202e") == [
        r"\# h", "&#32;&#32;&#32;&#32;code", r"\- item", r"1\. one&#9;tab", "x&lt;right-to-left override&gt;"]


def test_packed_literals_keep_a_leading_blank_and_every_number() -> None:
    # a continued line drops its leading blanks, so a row's first blank is an escape
    assert rust_text([" a", "b\\"]) == '"\\\n    \\x20a\\\n    b\\\\\\\n"'
    assert rust_table.column([-(2**63), 7, 2**63 - 1], 2) == (
        'meta::Column { width: 20, digits: "\\\n        -922337203685477580800000000000000000007\\\n'
        '        09223372036854775807\\\n" }')


def test_rust_string_escapes_what_rustc_and_clippy_refuse() -> None:
    assert rust_string('q"\\ \0 1\r\u202e\x7f') == '"q\\"\\\\ \\u{0} 1\\r\\u{202e}\\u{7f}"'


def _template_identifiers(name: str) -> tuple[set[str], set[str]]:
    """The identifiers a Rust template's code uses (comments, strings, lifetimes and Jinja
    expressions left out), and the functions it defines."""
    import jinja2

    source = (Path(rust_target.__file__).parent / "templates" / name).read_text(encoding="utf-8")
    lexed = jinja2.Environment(trim_blocks=True, lstrip_blocks=True).lex(source)
    code = "".join(value if kind == "data" else " " for _, kind, value in lexed)
    code = re.sub(r"//[^\n]*|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])'|'[a-z_]+\b", " ", code)
    # A name after `::` is reached by its path, and the crate-private items of `meta` only so
    # (`meta::Texts`); a function's type parameter is its own: none meets a catalog's names.
    private = set(re.findall(r"pub\(crate\) (?:const )?(?:fn|struct) ([A-Za-z_][A-Za-z0-9_]*)", code))
    private |= set(re.findall(r"\bfn [a-z_0-9]+<([A-Z][A-Za-z0-9]*)>", code))  # a function's type parameter
    names = set(re.findall(r"(?<!::)\b[A-Za-z_][A-Za-z0-9_]*\b", code)) - private
    return names, set(re.findall(r"\bfn\s+([a-z_][a-z0-9_]*)", code))


@pytest.mark.parametrize("template", ["catalog.rs.j2", "meta.rs.j2", "lib.rs.j2"])
def test_every_name_the_generated_code_uses_is_reserved_from_catalogs_and_fields(template: str) -> None:
    names, functions = _template_identifiers(template)
    type_like = {n for n in names if n[:1].isupper()} - {"Self"}
    assert type_like - rust_naming.TYPE.reserved - rust_naming.MEMBER.reserved == set()
    if template == "catalog.rs.j2":  # the methods of every catalog type
        assert functions - rust_naming.ACCESSORS - rust_naming.TRAIT_METHODS == set()
    modules = {n for n in names if n.islower()} & {"meta", "alloc", "core", "serde"}
    assert modules <= rust_naming.MODULE.reserved


def test_toml_string_is_read_back_by_a_toml_parser() -> None:
    import tomllib

    for text in HOSTILE:
        assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text
