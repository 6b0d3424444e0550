"""The repository itself: generated/ matches spec/, and the tool's own code is lint- and type-clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codegen.cli import main
from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def test_committed_generated_tree_is_up_to_date(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["check", "--no-cache"])
    assert code == 0, capsys.readouterr()


def test_spec_validates(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["validate", "spec"]) == 0
    assert "9 catalogs, 182 entries, valid" in capsys.readouterr().out


@pytest.mark.parametrize("command", [
    [str(BIN / "ruff"), "check", "--no-cache", "codegen", "tests", "bench"],
    [str(BIN / "mypy")],
], ids=["ruff", "mypy-strict"])
def test_tool_code_is_clean(command: list[str]) -> None:
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pre_commit_hooks_name_real_commands() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert {h["id"] for h in hooks} == {"codegen-check", "codegen-generate", "codegen-compat"}
    for hook in hooks:
        program, command = hook["entry"].split()
        assert program == "codegen" and hook["language"] == "python" and hook["pass_filenames"] is False
        with pytest.raises(SystemExit) as exc:
            main([command, "--help"])
        assert exc.value.code == 0
