"""Names that are keywords, builtins or the generated code's own names, and a project
description full of hostile text: generated once, then proven in Python (mypy --strict,
stubtest, every migrate call), and a formatter failure reported as a located bug of the tool."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from codegen import cli
from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.naming import snake
from codegen.spec.load import load_spec
from codegen.spec.schema import load_schema
from codegen.targets.python.naming import MEMBER_ATTRIBUTES
from codegen.targets.typescript.naming import INFO_KEYS
from codegen.verify.compare import verify
from tests.conftest import node_tool

#: A project description no docstring, TOML string or README may change or be broken by.
DESCRIPTION = 'Quotes """ and \'\'\' C:\\new \\u0041 \\x00 NUL \x00 BEL \x07 ESC \x1b bidi \u202e end\r\nlast \\'
#: Catalog ids that are Python keywords, soft keywords and builtins.
KEYWORD_IDS = ("class", "match", "type", "print", "int", "map")
#: Field names a target refuses: every member or info record already has that attribute.
REFUSED_FIELDS = MEMBER_ATTRIBUTES | INFO_KEYS
_ID = re.compile(load_schema("catalog")["$defs"]["catalog_id"]["pattern"])


def _template_words() -> list[str]:
    """Every name the generated code itself uses, in every target (read from the templates),
    spelled as a catalog id or field name would be."""
    from codegen.targets.python import naming as py
    from codegen.targets.typescript import naming as ts

    return sorted({snake(n) for n in py.GENERATED_NAMES | ts.GENERATED_NAMES if _ID.match(snake(n))})


#: Catalog ids whose names (module, class, functions) the generated code already uses itself.
#: ("is" and "parse" are left out: as catalogs beside "info" they export one name twice, T002.)
CLASH_IDS = tuple(w for w in _template_words() if w not in ("legacy", "fields", "is", "parse", *KEYWORD_IDS))
#: Field names that are locals, helpers or inherited attributes of the generated code, but
#: not the attributes every member or info record has (refused with N002 / T003).
CLASH_FIELDS = tuple(sorted({*_template_words(), "real", "imag", "upper", "numerator", "bit_length"}
                            - REFUSED_FIELDS))


def _catalog(cid: str, entries: list[dict[str, object]], *, open_: bool = True) -> dict[str, object]:
    return {"catalog": {"id": cid, "title": f"{cid} codes", "publisher": "Tests", "values": "integer",
                        "sources": [{"url": "https://example.invalid/"}], "open": open_},
            "entries": entries}


def write_spec(spec_dir: Path, description: str = DESCRIPTION) -> None:
    """A legacy catalog whose entries have successors in keyword-named catalogs and in itself."""
    spec_dir.mkdir(parents=True, exist_ok=True)
    files = {}
    for i, cid in enumerate(KEYWORD_IDS):
        files[f"{cid}.yaml"] = _catalog(cid, [{"name": "NEW", "value": 10 + i, "message": f"new {cid}", "since": "1.0.0"}],
                                        open_=bool(i % 2))
    for i, cid in enumerate(CLASH_IDS):
        files[f"{cid}.yaml"] = _catalog(cid, [{"name": "ONLY", "value": 100 + i, "message": cid, "since": "1.0.0"}],
                                        open_=bool(i % 2))
    fields = {"catalog": {**_catalog("fields", [])["catalog"],  # type: ignore[dict-item]
                          "fields": {name: {"type": "integer"} for name in CLASH_FIELDS}},
              "entries": [{"name": "FULL", "value": 1, "message": "full", "since": "1.0.0",
                           "fields": {name: i for i, name in enumerate(CLASH_FIELDS)}},
                          {"name": "EMPTY", "value": 2, "message": "empty", "since": "1.0.0"}]}
    files["fields.yaml"] = fields
    files["legacy.yaml"] = _catalog("legacy", [
        {"name": "OLD", "value": 1, "message": "old", "since": "1.0.0",
         "successors": [f"{cid}.NEW" for cid in KEYWORD_IDS] + ["legacy.CURRENT"]},
        {"name": "CURRENT", "value": 2, "message": "current", "since": "1.0.0", "successors": ["legacy.CURRENT"]},
        {"name": "PLAIN", "value": 3, "message": "plain", "since": "1.0.0"},
    ])
    project = {
        "version": "1.0.0", "output_root": "../generated", "catalogs": sorted(files),
        "targets": {
            "python": {"out": "python", "distribution": "hostile-names", "package": "hostile_names",
                       "description": description},
            "typescript": {"out": "typescript", "package": "hostile-names", "description": description},
            "openapi": {"out": "openapi", "title": "Hostile names"},
            "json": {"out": "json"},
            # Every info record then carries its page address (doc_url), type-checked below.
            "docs": {"out": "docs", "base_url": "https://example.invalid/names"},
        },
    }
    files["codegen.yaml"] = project
    for name, data in files.items():
        (spec_dir / name).write_text(yaml.safe_dump(data, allow_unicode=True, width=1_000_000), encoding="utf-8")


@pytest.fixture(scope="session")
def names_tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Spec, Path]:
    root = tmp_path_factory.mktemp("names")
    write_spec(root / "spec")
    spec, diags = load_spec(root / "spec")
    assert spec is not None, "\n".join(d.render() for d in diags)
    outputs, diags = generate(spec, selected_targets(spec, None)[0])
    assert not diags, "\n".join(d.render() for d in diags)
    for files in outputs.values():
        for rel, text in files.items():
            path = root / "generated" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    return spec, root / "generated"


def test_typescript_sources_type_check(names_tree: tuple[Spec, Path]) -> None:
    _, out = names_tree
    proc = subprocess.run([node_tool("tsc"), "-p", str(out / "typescript" / "tsconfig.json"), "--noEmit"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("target", ["python", "typescript", "json", "openapi"])
def test_verify_finds_every_catalog_and_field_exact(names_tree: tuple[Spec, Path], target: str) -> None:
    spec, out = names_tree
    result = next(r for r in verify(spec, out) if r.target == target)
    assert not result.skipped and result.differences == []


def _python(src: Path, code: str) -> str:
    proc = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(src)!r})\n{code}"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_python_migrate_reaches_successors_in_keyword_catalogs_and_its_own(names_tree: tuple[Spec, Path]) -> None:
    spec, out = names_tree
    legacy = spec.catalog("legacy")
    assert legacy is not None
    code = ("from hostile_names.legacy import migrate, Legacy\n"
            "for m in Legacy: print(m.name, *[f'{type(s).__module__.rsplit(\".\", 1)[1]}:{s.name}' for s in migrate(m)])")
    got = _python(out / "python/src", code).splitlines()
    modules = {"legacy": "legacy", **{cid: cid + "_" for cid in KEYWORD_IDS}}
    want = [" ".join([e.name, *(f"{modules[r.catalog]}:{r.name}" for r in e.successors)]) for e in legacy.entries]
    assert got == want


def test_python_package_passes_mypy_strict_and_stubtest(names_tree: tuple[Spec, Path]) -> None:
    _, out = names_tree
    src = out / "python/src"
    env = {**os.environ, "PYTHONPATH": str(src), "MYPYPATH": str(src)}
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "hostile_names"],
                          capture_output=True, text=True, cwd=src, env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    modules = sorted(f"hostile_names.{p.stem}" for p in (src / "hostile_names").glob("*.pyi"))
    proc = subprocess.run([sys.executable, "-m", "mypy.stubtest", *modules], capture_output=True, text=True,
                          cwd=src, env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_project_description_reaches_docstring_toml_and_package_json_exactly(names_tree: tuple[Spec, Path]) -> None:
    _, out = names_tree
    doc = _python(out / "python/src", "import hostile_names, json; print(json.dumps(hostile_names.__doc__))")
    import json
    import tomllib

    assert json.loads(doc).split("\n\n")[0] == DESCRIPTION
    pyproject = tomllib.loads((out / "python/pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["description"] == DESCRIPTION
    package = json.loads((out / "typescript/package.json").read_text(encoding="utf-8"))
    assert package["description"] == DESCRIPTION


@pytest.mark.parametrize("readme", ["python/README.md", "typescript/README.md", "typescript/src/index.ts"])
def test_invisible_characters_are_shown_escaped_in_readmes_and_comments(names_tree: tuple[Spec, Path], readme: str) -> None:
    _, out = names_tree
    text = (out / readme).read_text(encoding="utf-8")
    for char in ("\x00", "\x07", "\x1b", "\u202e", "\r"):
        assert char not in text
    for spelled in ("\\u0000", "\\u0007", "\\u001B", "\\u202E"):
        assert spelled in text


def test_formatter_failure_is_a_located_bug_report_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A template bug that ruff rejects: reported at the generated file and line with ruff's
    own message, as a bug of codegen; no traceback; the output root is not created."""
    write_spec(tmp_path / "spec", "Plain.")
    monkeypatch.chdir(tmp_path)
    from codegen.targets import python as python_target

    real = python_target.render_template

    def broken(env: object, template: str, **context: object) -> str:
        text: str = real(env, template, **context)  # type: ignore[arg-type]
        return text + "\ndef broken(:\n    pass\n" if template == "_runtime.py.j2" else text

    monkeypatch.setattr(python_target, "render_template", broken)
    assert cli.main(["generate", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = (tmp_path / "spec").glob("*")  # the spec is untouched, and nothing else exists
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec"], sorted(p.name for p in tmp_path.iterdir())
    assert len(list(lines)) == len(KEYWORD_IDS) + len(CLASH_IDS) + 3
    runtime = os.path.join("generated", "python", "src", "hostile_names", "_runtime.py")
    line = next(i for i, text in enumerate(real_runtime_lines(tmp_path), 1) if text.startswith("def broken"))
    assert f"{runtime}:{line}:" in err, err
    assert "error X001: ruff format rejected generated code: " in err
    assert "bug of codegen" in err


def real_runtime_lines(root: Path) -> list[str]:
    """The lines of the runtime module as the broken template renders it."""
    spec, _ = load_spec(root / "spec")
    assert spec is not None
    from codegen.render import environment, render
    from codegen.targets import header
    from codegen.targets.python import FILTERS, TEMPLATES

    text = render(environment(TEMPLATES, FILTERS), "_runtime.py.j2", header=header(spec.project_file, "#"))
    return (text + "\ndef broken(:\n    pass\n").splitlines()


def _tree(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under root."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize("first_run", [True, False])
def test_a_refused_run_leaves_the_tree_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_run: bool) -> None:
    """T001 (a value JavaScript cannot hold) is found after Python has staged its package:
    no file, folder or lock is left behind, on a first run or over an existing tree."""
    write_spec(tmp_path / "spec", "Plain.")
    monkeypatch.chdir(tmp_path)
    if not first_run:
        assert cli.main(["generate", "--no-cache"]) == 0
        (tmp_path / "generated/python/src/hostile_names/_class__info.py").unlink()
        (tmp_path / "generated/python/src/hostile_names").rename(tmp_path / "generated/python/src/moved")
    before = _tree(tmp_path)
    legacy = tmp_path / "spec/legacy.yaml"
    data = yaml.safe_load(legacy.read_text(encoding="utf-8"))
    data["entries"].append({"name": "HUGE", "value": 2**60, "message": "huge", "since": "1.0.0"})
    legacy.write_text(yaml.safe_dump(data), encoding="utf-8")
    before["spec/legacy.yaml"] = legacy.read_bytes()
    assert cli.main(["generate", "--no-cache"]) == 1
    assert _tree(tmp_path) == before


BREAKS = {  # one generated function broken in one target -> the difference verify must name
    "python migrate": ("python", "python/src/hostile_names/legacy.py", "    return tuple(out)\n",
                       "    return tuple(out[1:])\n", "python: legacy.OLD: migrate"),
    "python field property": ("python", "python/src/hostile_names/fields.py", "        return self.info.row_\n",
                              "        return self.info.table_\n", "python: fields.FULL: properties"),
    "python parse_strict": ("python", "python/src/hostile_names/legacy.py", "    member = parse(value)\n",
                            "    member = parse(1)\n", "python: legacy.CURRENT: parse_strict"),
    "typescript migrate": ("typescript", "typescript/dist/legacy.js", "return legacyInfo(member).successors;",
                           "return legacyInfo(member).successors.slice(1);", "typescript: legacy.OLD: migrate"),
    "typescript parse_strict": ("typescript", "typescript/dist/legacy.js", "    if (infos().has(value)) {\n        return value;",
                                "    if (infos().has(value)) {\n        return 0;", "typescript: legacy.OLD: parse_strict"),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_verify_fails_when_one_generated_function_is_broken(names_tree: tuple[Spec, Path], tmp_path: Path, case: str) -> None:
    import shutil

    spec, out = names_tree
    target, rel, old, new, expected = BREAKS[case]
    broken = tmp_path / "generated"
    shutil.copytree(out, broken)
    path = broken / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    results = {r.target: r for r in verify(spec, broken)}
    assert any(d.startswith(expected) for d in results[target].differences), results[target].differences
    assert all(not r.differences for name, r in results.items() if name != target)


CLASHING = {
    "codegen.yaml": "version: 1.0.0\ncatalogs: [a.yaml, b.yaml]\nenvelopes:\n  Thing2Name:\n    description: d\n"
                    "    properties: {x: {type: string}}\ntargets:\n  python: {out: python, package: p, distribution: p}\n"
                    "  typescript: {out: typescript, package: p}\n  openapi: {out: openapi}\n",
    "a.yaml": "catalog:\n  id: thing_2\n  title: T\n  publisher: P\n  values: integer\n  fields:\n    good: {type: integer}\n"
              "    Bad: {type: integer}\n    alsoBad: {type: integer}\nentries:\n  - name: A\n    value: 1\n    message: m\n"
              "    since: 1.0.0\n",
    "b.yaml": "catalog:\n  id: thing2\n  title: T\n  publisher: P\n  values: integer\n  fields:\n    value: {type: integer}\n"
              "    big: {type: integer}\nentries:\n  - name: A\n    value: 1\n    message: m\n    since: 1.0.0\n"
              "  - name: B\n    value: 99999999999999999999\n    message: m\n    since: 1.0.0\n"
              "    fields: {big: 99999999999999999999}\n",
}


def _diagnostic_heads(err: str) -> list[str]:
    return [line.split(": ", 2)[0] + " " + line.split(" ")[2].rstrip(":") for line in err.splitlines()
            if ": error " in line]


def test_load_and_generation_diagnostics_are_located_at_their_spec_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each at the line that causes it, the path as the user gave it (here: a folder given
    relative to a working directory above it), naming every catalog or envelope involved."""
    spec = tmp_path / "work/spec"
    spec.mkdir(parents=True)
    for name, text in CLASHING.items():
        (spec / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["generate", "--no-cache", "--spec", "work/spec"]) == 1
    err = capsys.readouterr().err
    a, b = os.path.join("work", "spec", "a.yaml"), os.path.join("work", "spec", "b.yaml")
    assert _diagnostic_heads(err) == [f"{a}:8:5 C004", f"{a}:9:5 C004"], err  # each bad field at its own key
    (spec / "a.yaml").write_text(CLASHING["a.yaml"].replace("    Bad: {type: integer}\n    alsoBad: {type: integer}\n", ""))
    assert cli.main(["generate", "--no-cache", "--spec", "work/spec"]) == 1
    err = capsys.readouterr().err
    assert _diagnostic_heads(err) == [
        f"{b}:2:7 N001", f"{b}:2:7 N001", f"{b}:2:7 N001",  # python class, typescript module and type
        f"{b}:2:7 O002",  # Thing2, used by both catalogs
        f"{b}:2:7 O002",  # Thing2Name, used by both catalogs' names and by the envelope
        f"{b}:2:7 T002",  # the index exports Thing2 twice
        f"{b}:7:5 N002", f"{b}:7:5 T003",  # the field 'value' where it is declared
        f"{b}:15:12 T001", f"{b}:18:19 T001",  # the value and the field value beyond 2**53
    ], err
    project = os.path.join("work", "spec", "codegen.yaml")
    assert f"which 'thing_2' ({os.path.join('work', 'spec', 'a.yaml')}:2) already has" in err
    assert (f"'Thing2Name' is used twice: envelope Thing2Name ({project}:4); the names of catalog thing_2 ({a}:2); "
            f"the names of catalog thing2 ({b}:2)") in err
    assert not (tmp_path / "work/generated").exists()
