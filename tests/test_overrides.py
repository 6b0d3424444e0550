"""Overrides of a built-in target's templates, and templates as inputs of the no-change fast path."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

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


#: Settings of each further built-in target that renders templates, and one of its templates
#: with the file it renders (the kotlin artifact takes its Maven coordinates from java's).
JAVA = {"out": "java", "group": "org.example", "artifact": "minimal-codes", "package": "org.example.minimal",
        "url": "https://example.invalid/minimal", "license": {"name": "MIT", "url": "https://example.invalid/mit"},
        "developers": [{"name": "Example"}], "scm": {"url": "https://example.invalid/minimal",
                                                    "connection": "scm:git:https://example.invalid/minimal.git"}}
OVERRIDABLE: dict[str, tuple[dict[str, Any], str, str]] = {
    "docs": ({"docs": {"out": "docs"}}, "_layout.html.j2", "index.html"),
    "rust": ({"rust": {"out": "rust", "crate": "minimal-codes"}}, "README.md.j2", "README.md"),
    "go": ({"go": {"out": "go", "module": "example.com/minimal/v2", "package": "minimal"}}, "README.md.j2", "README.md"),
    "java": ({"java": JAVA}, "README.md.j2", "README.md"),
    "kotlin": ({"java": JAVA, "kotlin": {"out": "kotlin", "artifact": "minimal-kt", "package": "org.example.kt"}},
               "README.md.j2", "README.md"),
}
OWN_TEMPLATE = "Our own {{ 'file' | upper }}, from the target's own view.\n"


@pytest.mark.parametrize("target", sorted(OVERRIDABLE))
def test_each_template_target_takes_an_override(target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """An empty override folder changes no byte; one template there replaces that file only,
    and check reports it until generate writes it."""
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    settings, template, rendered = OVERRIDABLE[target]
    targets = copy.deepcopy(settings)
    shutil.copytree(MINIMAL / "spec", tmp_path / "spec")
    project = tmp_path / "spec" / "codegen.yaml"
    data = yaml.safe_load(project.read_text("utf-8"))
    project.write_text(yaml.safe_dump({**data, "targets": targets}), "utf-8")
    assert _run("generate", tmp_path) == 0
    out = tmp_path / "generated" / target
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (tmp_path / "overrides").mkdir()
    targets[target]["template_overrides"] = "../overrides"
    project.write_text(yaml.safe_dump({**data, "targets": targets}), "utf-8")
    assert _run("check", tmp_path) == 0  # the sandboxed environment renders the same bytes
    (tmp_path / "overrides" / template).write_text(OWN_TEMPLATE, "utf-8")
    capsys.readouterr()
    assert _run("check", tmp_path) == 1
    assert f"{target}/{rendered}" in capsys.readouterr().err
    assert _run("generate", tmp_path) == 0
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    changed = {str(p) for p in before if after.get(p) != before[p]}
    assert (out / rendered).read_text("utf-8") == "Our own FILE, from the target's own view.\n"
    if target == "docs":  # every page of the site extends the layout, no other file does
        assert changed == {str(p) for p in before if p.suffix == ".html"}, changed
    else:
        assert changed == {rendered}, changed
