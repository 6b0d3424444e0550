"""The Go target proven in Go: every case is a module of one workspace, and the go command,
gofmt and staticcheck run once per session over all of them.

Cases: the project's own module, the golden trees, the hostile corpus, reserved names and
number edges, a copy with one generated function broken (verify must fail), and a consumer
module that uses the package as a Go developer would (go test; staticcheck reports its
use of a deprecated constant).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.diagnostics import Diagnostic
from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.targets.golang.literals import go_comment, go_string
from codegen.targets.golang.verify import dump_source, go_env, parse_dump, workspace
from codegen.verify.compare import diff_tables, expected, field_names
from tests.conftest import DATA, ROOT
from tests.test_hostile import HOSTILE
from tests.test_hostile_names import DESCRIPTION
from tests.test_names_numbers import (
    EDGE_INTEGERS,
    RESERVED_ENTRY_NAMES,
    RESERVED_FIELD_NAMES,
    _catalog,
    _entry,
)

STATICCHECK = ROOT / ".tools" / "go" / "bin" / "staticcheck"
GOLDEN_GO = ("minimal", "hostile_text")
# Go keywords and predeclared identifiers as catalog ids, entry names and field names.
GO_WORDS = ("func", "map", "chan", "range", "go", "defer", "select", "interface", "struct", "var", "string",
            "int", "error", "nil", "iota", "len", "any", "true", "append", "byte", "rune", "new", "make")
GO_ENTRY_NAMES = ("FUNC", "NIL", "STRING", "IS_KNOWN", "ALL", "PARSE", "LIFECYCLE", "X_1", "ERROR")
# int32 and int64 edges: the type is int32 until a value needs int64.
INT32_EDGES = (-(2**31), 2**31 - 1, 0)
INT64_EDGES = (-(2**63), 2**63 - 1, 2**53, -(2**53), 2**32)


@dataclass
class Case:
    """One module of the workspace: its spec, folder and the dump program's package."""

    name: str
    spec: Spec
    module: Path
    settings: dict[str, Any]


@dataclass
class GoRun:
    """What the go command, gofmt and staticcheck said about the whole workspace."""

    cases: dict[str, Case] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)


def _write(out: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def _spec(root: Path, catalogs: list[dict[str, Any]], module: str,
          description: str = "") -> tuple[Spec, dict[str, str], list[Diagnostic]]:
    """A go-only spec written under root, loaded and generated."""
    root.mkdir(parents=True, exist_ok=True)
    files = [f"c{i}.yaml" for i in range(len(catalogs))]
    go = {"out": "go", "module": module, "package": "corpus", **({"description": description} if description else {})}
    project = {"version": "1.0.0", "output_root": "../generated", "catalogs": files, "targets": {"go": go}}
    (root / "codegen.yaml").write_text(yaml.safe_dump(project), encoding="utf-8")
    for name, cat in zip(files, catalogs, strict=True):
        (root / name).write_text(yaml.safe_dump(cat, allow_unicode=True, width=1_000_000), encoding="utf-8")
    spec, diags = load_spec(root)
    assert spec is not None, "\n".join(d.render() for d in diags)
    targets, _ = selected_targets(spec, None)
    outputs, more = generate(spec, targets)
    return spec, outputs.get("go", {}), diags + more


def _hostile_catalogs() -> list[dict[str, Any]]:
    entries = [{"name": f"T{i:03d}", "value": i + 1, "message": text, "description": text[::-1] + "!", "since": "1.0.0"}
               for i, text in enumerate(HOSTILE)]
    reasons = [{"name": f"R{i:03d}", "message": text, "since": "1.0.0"} for i, text in enumerate(HOSTILE)]
    head = {"title": "Hostile corpus", "publisher": "Tests", "sources": [{"url": "https://example.invalid/"}]}
    return [{"catalog": {"id": "hostile", "values": "integer", "open": True, **head}, "entries": entries},
            {"catalog": {"id": "hostile_reason", "values": "string", "open": False, **head}, "entries": reasons}]


def _names_catalogs() -> list[dict[str, Any]]:
    # every word but "string", whose method String() the type already has (refused: see below)
    fields = {f: {"type": "integer"} for f in dict.fromkeys((*RESERVED_FIELD_NAMES, *GO_WORDS)) if f != "string"}
    cats = [_catalog(cid, [_entry("A", 1)]) for cid in GO_WORDS]
    cats.append(_catalog("go_fields", [_entry("A", 1, fields={f: i for i, f in enumerate(fields)})], fields))
    cats.append(_catalog("go_entries", [_entry(n, i) for i, n in enumerate(dict.fromkeys((*RESERVED_ENTRY_NAMES, *GO_ENTRY_NAMES)))]))
    cats.append(_catalog("edge_integers", [_entry(f"N{i}", v) for i, v in enumerate(EDGE_INTEGERS)]))
    cats.append(_catalog("int32_edges", [_entry(f"N{i}", v) for i, v in enumerate(INT32_EDGES)]))
    cats.append(_catalog("int64_edges", [_entry(f"N{i}", v) for i, v in enumerate(INT64_EDGES)]))
    return cats


def _go(run: GoRun, key: str, args: list[str], cwd: Path, work: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=900,
                          env=go_env(GOWORK=str(work)), check=False)
    run.outputs[key] = proc
    return proc


def _break_message(module: Path) -> None:
    """A copy whose VoipbinReason.Message returns the description instead."""
    path = module / "voipbin_reason.go"
    text = path.read_text(encoding="utf-8")
    marker = "func (x VoipbinReason) Message() string {\n\treturn x.row().get(1)"
    assert marker in text
    path.write_text(text.replace(marker, marker[:-2] + "2)"), encoding="utf-8")
    mod = module / "go.mod"
    mod.write_text(re.sub(r"(?m)^module .*$", "module example.com/broken", mod.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture(scope="session")
def go_run(spec: Spec, generated_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> GoRun:
    """Every case in one workspace; gofmt, go vet, staticcheck, go build and go test once each."""
    go = shutil.which("go")
    if go is None:
        pytest.fail("go is not installed (Go 1.21+ on the PATH; see mk/go.mk)")
    if not STATICCHECK.exists():
        pytest.fail(f"{STATICCHECK} missing: run `make test` (mk/go.mk installs it)")
    root = tmp_path_factory.mktemp("go")
    run = GoRun()
    shutil.copytree(generated_tree / "go", root / "project")
    run.cases["project"] = Case("project", spec, root / "project", dict(spec.targets["go"]))
    shutil.copytree(generated_tree / "go", root / "broken")
    _break_message(root / "broken")
    run.cases["broken"] = Case("broken", spec, root / "broken", {**spec.targets["go"], "module": "example.com/broken"})
    for golden in GOLDEN_GO:
        gspec, gdiags = load_spec(DATA.parent / "golden" / golden / "spec")
        assert gspec is not None, gdiags
        shutil.copytree(DATA.parent / "golden" / golden / "expected" / "go", root / f"golden_{golden}")
        run.cases[f"golden_{golden}"] = Case(golden, gspec, root / f"golden_{golden}", dict(gspec.targets["go"]))
    for name, catalogs in (("hostile", _hostile_catalogs()), ("names", _names_catalogs())):
        module = f"example.com/{name}-corpus"
        cspec, files, diags = _spec(root / "specs" / name, catalogs, module, DESCRIPTION if name == "hostile" else "")
        assert not [d for d in diags if d.level == "error"], "\n".join(d.render() for d in diags)
        _write(root / name, files)
        run.cases[name] = Case(name, cspec, root / name / "go", dict(cspec.targets["go"]))
    shutil.copytree(DATA / "go_consumer", root / "consumer")
    dumps = root / "dumps"
    dumps.mkdir()
    (dumps / "go.mod").write_text("module codegen.invalid/dumps\n\ngo 1.21\n", encoding="utf-8")
    for key, case in run.cases.items():
        (dumps / key).mkdir()
        (dumps / key / "main.go").write_text(dump_source(case.spec, case.settings), encoding="utf-8")
    modules = [c.module for c in run.cases.values()]
    work = workspace(root, [*modules, dumps, root / "consumer"])
    gofmt = shutil.which("gofmt") or str(Path(go).with_name("gofmt"))
    _go(run, "gofmt", [gofmt, "-l", *map(str, modules)], root, work)
    packages = [str(m) for m in modules]
    _go(run, "vet", [go, "vet", *packages, "./dumps/...", "./consumer"], root, work)
    generated = [c.module for k, c in run.cases.items() if k != "broken"]
    _go(run, "staticcheck", [str(STATICCHECK), "-checks", "all", *map(str, generated)], root, work)
    _go(run, "staticcheck-consumer", [str(STATICCHECK), "./consumer"], root, work)
    _go(run, "build", [go, "build", "-o", str(root / "bin") + "/", "./dumps/..."], root, work)
    _go(run, "test", [go, "test", "-count=1", "./consumer"], root, work)
    for key in run.cases:
        binary = root / "bin" / key
        if not binary.exists():
            continue
        proc = subprocess.run([str(binary)], capture_output=True, text=True, encoding="utf-8", check=False)
        run.outputs[f"dump {key}"] = proc
        if proc.returncode == 0:
            run.tables[key] = parse_dump(proc.stdout)
    _drifted(root, go, run)
    return run


def _drifted(root: Path, go: str, run: GoRun) -> None:
    """The golden module with one constant removed by hand: the tables count it, so the build breaks."""
    drift = root / "drift"
    shutil.copytree(root / "golden_minimal", drift)
    path = drift / "legacy_code.go"
    text = path.read_text(encoding="utf-8")
    assert "\tLegacyCodeOldTimeout LegacyCode = -17\n" in text
    path.write_text(text.replace("\tLegacyCodeOldTimeout LegacyCode = -17\n", ""), encoding="utf-8")
    mod = drift / "go.mod"
    mod.write_text(mod.read_text(encoding="utf-8").replace("example.com/golden/minimal/v2", "example.com/drift"),
                   encoding="utf-8")
    _go(run, "drift", [go, "build", "."], drift, workspace(root / "specs", [drift]))


def _ok(run: GoRun, key: str) -> str:
    proc = run.outputs[key]
    assert proc.returncode == 0, f"{key} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_gofmt_lists_no_file(go_run: GoRun) -> None:
    assert _ok(go_run, "gofmt") == ""


def test_go_vet_is_clean(go_run: GoRun) -> None:
    _ok(go_run, "vet")


def test_staticcheck_with_every_check_is_clean(go_run: GoRun) -> None:
    assert _ok(go_run, "staticcheck") == ""


@pytest.mark.parametrize("case", ["project", "golden_minimal", "golden_hostile_text", "hostile", "names"])
def test_the_module_carries_the_spec(go_run: GoRun, case: str) -> None:
    """The dump program, built against the module, prints what the spec says for every member."""
    c = go_run.cases[case]
    _ok(go_run, "build")
    _ok(go_run, f"dump {case}")
    diffs = diff_tables("go", expected(c.spec, "name"), go_run.tables[case], field_names(c.spec))
    assert diffs == [], "\n".join(diffs[:20])


def test_the_hostile_corpus_comes_through_exactly(go_run: GoRun) -> None:
    table = go_run.tables["hostile"]
    assert [r["message"] for r in table["hostile"]] == list(HOSTILE)
    assert [r["message"] for r in table["hostile_reason"]] == list(HOSTILE)
    assert [r["description"] for r in table["hostile"]] == [t[::-1] + "!" for t in HOSTILE]


def test_int64_edges_and_the_int32_choice(go_run: GoRun) -> None:
    module = go_run.cases["names"].module
    assert "type Int32Edges int32" in (module / "int32_edges.go").read_text(encoding="utf-8")
    assert "type Int64Edges int64" in (module / "int64_edges.go").read_text(encoding="utf-8")
    values = [r["value"] for r in go_run.tables["names"]["int64_edges"]]
    assert values == list(INT64_EDGES)


def test_verify_fails_when_one_generated_function_is_broken(go_run: GoRun) -> None:
    c = go_run.cases["broken"]
    _ok(go_run, "dump broken")
    diffs = diff_tables("go", expected(c.spec, "name"), go_run.tables["broken"], field_names(c.spec))
    assert diffs and all(": message: spec " in d and d.startswith("go: voipbin_reason.") for d in diffs), diffs


def test_a_constant_removed_by_hand_breaks_the_build(go_run: GoRun) -> None:
    proc = go_run.outputs["drift"]
    assert proc.returncode != 0
    assert "legacy_code.go" in proc.stderr and "_LegacyCode_count - 3 (untyped int constant -1)" in proc.stderr, \
        proc.stderr


def test_the_consumer_module_passes_its_tests(go_run: GoRun) -> None:
    out = _ok(go_run, "test")
    assert out.startswith("ok"), out


def test_staticcheck_reports_the_deprecated_constant_in_the_consumer(go_run: GoRun) -> None:
    proc = go_run.outputs["staticcheck-consumer"]
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stdout + proc.stderr
    assert "consumer_test.go" in lines[0] and "(SA1019)" in lines[0]
    assert "InfobipLegacyVoiceErrorEcVoiceUserBusy is deprecated" in lines[0]


# --- generation-time checks: no go command needed -------------------------------------------

def test_go_keywords_and_shared_names_refused_or_accepted(tmp_path: Path) -> None:
    """A member named like another catalog's type, or like the package's own names, is refused naming both."""
    cats = [_catalog("infobip_voice", [_entry("ERROR", 1)]), _catalog("infobip_voice_error", [_entry("A", 1)]),
            _catalog("member", [_entry("A", 1)])]
    _, files, diags = _spec(tmp_path, cats, "example.com/x")
    errors = [d.render() for d in diags if d.level == "error"]
    assert not files
    assert any("N001: go: catalog infobip_voice_error becomes 'InfobipVoiceError', which infobip_voice.ERROR" in e
               for e in errors), errors
    assert any("N001: go: catalog member becomes 'Member', which the generated package" in e for e in errors), errors


@pytest.mark.parametrize("field_name", ["message", "string", "is_known", "catalog_id", "marshal_json", "lifecycle"])
def test_fields_shadowing_a_generated_method_are_refused(tmp_path: Path, field_name: str) -> None:
    cats = [_catalog("c", [_entry("A", 1, fields={field_name: 1})], {field_name: {"type": "integer"}})]
    _, _, diags = _spec(tmp_path, cats, "example.com/x")
    errors = [d.render() for d in diags if d.level == "error"]
    assert any(f"N002: go: field '{field_name}' of catalog c would shadow" in e for e in errors), errors


def test_names_colliding_after_the_case_transform_are_refused_naming_both(tmp_path: Path) -> None:
    cats = [_catalog("c", [_entry("A1", 1), _entry("A_1", 2)]), _catalog("a1", [_entry("A", 1)]),
            _catalog("a_1", [_entry("A", 1)])]
    _, _, diags = _spec(tmp_path, cats, "example.com/x")
    errors = [d.render() for d in diags if d.level == "error"]
    assert any("N001: go: member 'A_1' becomes 'A1', which 'A1'" in e for e in errors), errors
    assert any("N001: go: type 'a_1' becomes 'A1', which 'a1'" in e for e in errors), errors


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 2**64])
def test_values_beyond_int64_are_refused_at_the_entry(tmp_path: Path, value: int) -> None:
    _, files, diags = _spec(tmp_path, [_catalog("c", [_entry("BIG", value)])], "example.com/x")
    errors = [d.render() for d in diags if d.level == "error"]
    assert not files and len(errors) == 1, errors
    assert re.search(r"c0\.yaml:\d+:\d+: error T101: go: value -?\d+ of c\.BIG does not fit in int64", errors[0]), errors


@pytest.mark.parametrize(("version", "module", "ok"), [
    ("1.4.0", "example.com/m", True), ("2.0.0", "example.com/m/v2", True), ("2.0.0", "example.com/m", False),
    ("3.1.0", "example.com/m/v2", False), ("1.0.0", "example.com/m/v1", False), ("0.3.0", "example.com/m", True),
])
def test_major_versions_need_the_module_path_suffix(version: str, module: str, ok: bool) -> None:
    from codegen.targets.golang import render

    spec = Spec(version=version, catalogs=(), targets={}, output_root="g")
    files, diags = render(spec, {"out": "go", "module": module, "package": "p"})
    assert bool(files) == ok and (not diags) == ok, diags
    if not ok:
        assert diags[0].code == "T102" and module in diags[0].message


TEXT = ("x", 'q"', "b\\s", "nl\nx", "nul\0", "bidi\u202e", "ls\u2028", "emoji 🎉", "del\x7f", "tab\t", "\ufeffbom")


def test_go_string_literals_follow_strconv_quote() -> None:
    assert [go_string(t) for t in TEXT] == [
        '"x"', '"q\\""', '"b\\\\s"', '"nl\\nx"', '"nul\\x00"', '"bidi\\u202e"', '"ls\\u2028"', '"emoji 🎉"',
        '"del\\x7f"', '"tab\\t"', '"\\ufeffbom"']


def test_comments_never_carry_a_line_break_control_or_directive() -> None:
    for text in (*HOSTILE, DESCRIPTION, "Deprecated: fake", "go:generate rm -rf /", "+build ignore", "a */ b"):
        comment = go_comment(text, "\t")
        for line in comment.split("\n"):
            assert line.startswith("\t// ") and line[1:].isprintable(), repr(line)
            assert not line.startswith(("\t// Deprecated:", "\t// go:", "\t// +build")), line
            assert "''" not in line and "``" not in line, line  # gofmt would make them typographic quotes


def test_every_name_the_generated_package_declares_is_reserved_from_catalogs_and_fields() -> None:
    """The hand lists of generated names cover what the generated Go declares: every exported
    package-level name is a catalog's own (its type, or derived from it) or in SHARED_NAMES,
    and every exported method of a catalog type is in METHODS or a declared field's accessor."""
    from codegen.targets.golang import naming as go_naming

    spec, _ = load_spec(ROOT / "spec" / "codegen.yaml")
    sources = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "generated" / "go").glob("*.go")))
    types = set(re.findall(r"^type ([A-Z]\w*) (?:u?int\d*|string)$", sources, re.M)) - {"Lifecycle"}
    assert len(types) == len(spec.catalogs)
    declared = set(re.findall(r"^(?:type|func|var|const) ([A-Z]\w*)", sources, re.M))
    for block in re.findall(r"^(?:const|var) \(\n(.*?)^\)", sources, re.M | re.S):
        declared |= set(re.findall(r"^\t([A-Z]\w*)\b", block, re.M))
    derived = {name for name in declared if any(t in name for t in types)}
    assert declared - derived - set(go_naming.SHARED_NAMES) == set()
    fields = {go_naming.go_pascal(f.name) for c in spec.catalogs for f in c.fields}
    methods = set(re.findall(r"^func \(\w+ \*?(\w+)\) ([A-Z]\w*)\(", sources, re.M))
    assert {m for t, m in methods if t in types} - go_naming.METHODS - fields == set()
