"""Hostile files and faults: YAML bombs and deep nesting, a template that raises, a write that
fails, output paths and links that escape the output root. Each is refused with a clear error,
none exhausts the machine, and nothing generated before is lost."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from codegen import writer
from codegen.cli import main
from codegen.spec.yamlsrc import MAX_BYTES, MAX_DEPTH, MAX_NODES, load_text
from tests.conftest import SPEC_DIR

# Ten levels of nine aliases each: 9**10 (about 3.5e9) nodes if expanded.
ALIAS_BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9))
DEEP_FLOW = "[" * 200_000 + "]" * 200_000
DEEP_MAPPING = "{a: " * 100_000 + "1" + "}" * 100_000
DEEP_BLOCK = "".join("  " * i + "k:\n" for i in range(MAX_DEPTH + 10)) + "  " * (MAX_DEPTH + 10) + "v: 1\n"

HOSTILE_FILES = {"alias bomb": ALIAS_BOMB, "deep flow sequence": DEEP_FLOW,
                 "deep flow mapping": DEEP_MAPPING, "deep block mapping": DEEP_BLOCK}
# plus one file over MAX_BYTES, built in its test (not kept in memory at import)
FAULTS = ("template raises", "write fails mid-way", "link escapes the root", "output location escapes the root")
HOSTILE_FILE_COUNT = len(HOSTILE_FILES) + 1
FAULT_COUNT = len(FAULTS)


def test_alias_bomb_is_refused() -> None:
    doc, diags = load_text(ALIAS_BOMB, "bomb.yaml")
    assert doc is None
    assert [d.code for d in diags] == ["Y009"]
    assert f"more than {MAX_NODES} nodes" in diags[0].message


@pytest.mark.parametrize("name", ["deep flow sequence", "deep flow mapping", "deep block mapping"])
def test_deep_nesting_is_refused_without_crashing_the_process(name: str) -> None:
    """In a subprocess: libyaml's composer recursing 200,000 levels would kill the interpreter."""
    code = ("import sys; from codegen.spec.yamlsrc import load_text; "
            "doc, diags = load_text(sys.stdin.read(), 'deep.yaml'); "
            "print(doc is None, [d.render() for d in diags])")
    proc = subprocess.run([sys.executable, "-c", code], input=HOSTILE_FILES[name], capture_output=True,
                          text=True, check=False, timeout=120)
    assert proc.returncode == 0, f"crashed with {proc.returncode}: {proc.stderr[-2000:]}"
    assert proc.stdout.startswith("True"), proc.stdout
    assert "Y009" in proc.stdout and f"nesting deeper than {MAX_DEPTH}" in proc.stdout, proc.stdout


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    doc, diags = load_text("a: " + "x" * MAX_BYTES + "\n", "huge.yaml")
    assert doc is None
    assert [d.code for d in diags] == ["Y009"] and "larger than" in diags[0].message


def test_nesting_at_the_limit_is_still_read() -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    doc, diags = load_text(text, "ok.yaml")
    assert doc is not None and not [d for d in diags if d.code == "Y009"], diags


# --- faults during a run leave the tree as it was -------------------------------------------

def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path, generated_tree: Path) -> Path:
    """A copy of the project's spec with its generated tree next to it; returns the spec dir."""
    shutil.copytree(SPEC_DIR, tmp_path / "spec")
    shutil.copytree(SPEC_DIR.parent / "templates", tmp_path / "templates")  # the template targets
    assert main(["generate", "--spec", str(tmp_path / "spec")]) == 0
    return tmp_path / "spec"


def _edit_spec(spec_dir: Path) -> None:
    """Change one message so the next run would rewrite files."""
    path = spec_dir / "voipbin-reasons.yaml"
    text = path.read_text(encoding="utf-8")
    old = "No token or access key was supplied."
    assert old in text
    path.write_text(text.replace(old, "No token was supplied.", 1), encoding="utf-8")


def test_a_template_that_raises_leaves_the_tree_untouched(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = project.parent / "generated"
    before = _snapshot(out)
    _edit_spec(project)
    real = jinja2.Template.render
    calls = {"n": 0}

    def failing(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        calls["n"] += 1
        if calls["n"] == 5:  # after some files have rendered
            raise RuntimeError("template exploded")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", failing)
    with pytest.raises(RuntimeError, match="template exploded"):
        main(["generate", "--spec", str(project)])
    assert calls["n"] == 5
    assert _snapshot(out) == before


def test_a_write_that_fails_mid_way_leaves_the_tree_untouched(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = project.parent / "generated"
    before = _snapshot(out)
    _edit_spec(project)
    real = writer._stage
    calls = {"n": 0}

    def failing(path: Path, data: bytes) -> Path:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(writer, "_stage", failing)
    with pytest.raises(OSError, match="No space left"):
        main(["generate", "--spec", str(project)])
    assert calls["n"] == 3
    assert _snapshot(out) == before, "a file changed or a staged temporary file was left behind"


def test_a_link_out_of_the_output_root_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = project.parent / "generated"
    outside = project.parent / "outside"
    outside.mkdir()
    shutil.rmtree(out / "json")
    (out / "json").symlink_to(outside, target_is_directory=True)
    capsys.readouterr()
    assert main(["generate", "--spec", str(project)]) == 1
    err = capsys.readouterr().err
    assert "P001" in err and "outside the output root" in err and "json" in err, err
    assert list(outside.iterdir()) == []


def test_a_file_link_out_of_the_output_root_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = project.parent / "generated"
    secret = project.parent / "secret.txt"
    secret.write_text("keep me", encoding="utf-8")
    (out / "json" / "catalogs.json").unlink()
    (out / "json" / "catalogs.json").symlink_to(secret)
    assert main(["generate", "--spec", str(project)]) == 1
    assert "outside the output root" in capsys.readouterr().err
    assert secret.read_text(encoding="utf-8") == "keep me"


def test_a_link_inside_the_output_root_is_followed(project: Path) -> None:
    out = project.parent / "generated"
    shutil.move(out / "json", out / "json-real")
    (out / "json").symlink_to(out / "json-real", target_is_directory=True)
    _edit_spec(project)
    assert main(["generate", "--spec", str(project)]) == 0


def test_an_output_location_escaping_the_root_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SPEC_DIR, tmp_path / "spec")
    shutil.copytree(SPEC_DIR.parent / "templates", tmp_path / "templates")  # the template targets
    project_file = tmp_path / "spec" / "codegen.yaml"
    text = project_file.read_text(encoding="utf-8")
    assert "out: json" in text
    project_file.write_text(text.replace("out: json", "out: ../../escaped", 1), encoding="utf-8")
    assert main(["generate", "--spec", str(tmp_path / "spec")]) == 1
    assert "P001" in capsys.readouterr().err
    assert not (tmp_path / "escaped").exists()
