"""Overrides of a built-in target's templates, and templates as inputs of the no-change fast path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.fastpath import FastPath
from tests.conftest import ROOT

MINIMAL = ROOT / "tests" / "golden" / "minimal"
README_OVERRIDE = "# {{ p.distribution | md }}\n\nOur own README, version {{ p.version }}.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal golden spec with an override folder for the Python target and a template
    target, each run with its own cache directory."""
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CODEGEN_NO_CACHE", raising=False)
    shutil.copytree(MINIMAL / "spec", tmp_path / "spec")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "list.txt.j2").write_text("{% for c in catalogs %}{{ c.id }}\n{% endfor %}", "utf-8")
    project = tmp_path / "spec" / "codegen.yaml"
    text = project.read_text("utf-8").replace(
        "description: Minimal golden case.}", "description: Minimal golden case., template_overrides: ../overrides}")
    project.write_text(text + "  mine: {templates: ../mine, out: mine}\n", "utf-8")
    return tmp_path


def _run(command: str, root: Path) -> int:
    return main([command, "--spec", str(root / "spec")])


def test_an_empty_override_folder_changes_nothing(project: Path) -> None:
    assert _run("generate", project) == 0
    expected = (MINIMAL / "expected" / "python" / "README.md").read_text("utf-8")
    assert (project / "generated" / "python" / "README.md").read_text("utf-8") == expected


def test_an_override_replaces_one_template_and_check_notices(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("generate", project) == 0
    (project / "overrides" / "README.md.j2").write_text(README_OVERRIDE, "utf-8")
    assert _run("check", project) == 1  # the fast path must not hide the new template
    captured = capsys.readouterr()
    assert "changed: " in captured.err and "python/README.md" in captured.err
    assert "+Our own README, version 2.1.0." in captured.out
    assert _run("generate", project) == 0
    assert (project / "generated" / "python" / "README.md").read_text("utf-8") == (
        "# minimal-codes\n\nOur own README, version 2.1.0.\n")
    expected = (MINIMAL / "expected" / "python" / "pyproject.toml").read_text("utf-8")
    assert (project / "generated" / "python" / "pyproject.toml").read_text("utf-8") == expected


def test_an_override_with_an_error_is_located(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "overrides" / "README.md.j2").write_text("# fine\n{{ p.no_such_thing }}\n", "utf-8")
    assert _run("generate", project) == 1
    err = capsys.readouterr().err
    assert "overrides/README.md.j2:2:1: error J001" in err and "Traceback" not in err


@pytest.mark.parametrize("edited", ["mine/list.txt.j2", "overrides/README.md.j2"])
def test_editing_a_template_is_not_a_cache_hit(project: Path, edited: str, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "overrides" / "README.md.j2").write_text(README_OVERRIDE, "utf-8")
    assert _run("generate", project) == 0
    fingerprint = FastPath(project / "spec" / "codegen.yaml", None)
    assert fingerprint.fresh() is not None, "a second run with nothing changed is a hit"
    path = project / edited
    path.write_text(path.read_text("utf-8") + "one more line\n", "utf-8")
    assert FastPath(project / "spec" / "codegen.yaml", None).fresh() is None
    capsys.readouterr()
    assert _run("check", project) == 1
    assert "one more line" in capsys.readouterr().out
