"""Names that are keywords, builtins or the generated code's own names, and a project
description full of hostile text: generated once, then proven in Python (mypy --strict,
stubtest, every migrate call), and a formatter failure reported as a located bug of the tool."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from codegen import cli
from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.spec.load import load_spec

#: A project description no docstring, TOML string or README may change or be broken by.
DESCRIPTION = 'Quotes """ and \'\'\' C:\\new \\u0041 \\x00 NUL \x00 BEL \x07 ESC \x1b bidi \u202e end\r\nlast \\'
#: Catalog ids that are Python keywords, soft keywords and builtins.
KEYWORD_IDS = ("class", "match", "type", "print", "int", "map")


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
    assert len(list(lines)) == len(KEYWORD_IDS) + 2
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
