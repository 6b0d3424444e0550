"""init, release and their refusals, run in-process on a fresh project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from codegen.cli import main
from codegen.scaffold import schema_files


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project as `codegen init` leaves it, generated once; cwd is the project."""
    root = tmp_path / "billing-service"
    root.mkdir()
    monkeypatch.chdir(root)
    assert main(["init"]) == 0
    assert main(["generate"]) == 0
    return root


def test_init_writes_a_project_every_command_accepts(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _tree(fresh)
    assert {"spec/codegen.yaml", "spec/errors.yaml", "spec/schemas/catalog.schema.json", "spec/schemas/project.schema.json",
            ".pre-commit-config.yaml", ".github/workflows/codegen.yml"} <= set(files)
    project = yaml.safe_load(files["spec/codegen.yaml"])
    assert project["targets"]["python"]["package"] == "billing_service_codes"
    assert project["targets"]["typescript"]["package"] == "billing-service-codes"
    # the editor line points at schemas inside the user's own spec folder, which exist
    for name in ("codegen.yaml", "errors.yaml"):
        first = files[f"spec/{name}"].decode().splitlines()[0]
        target = first.split("$schema=")[1]
        assert (fresh / "spec" / target).is_file()
    assert files["spec/schemas/catalog.schema.json"] == next(iter(schema_files(fresh / "spec").values())).encode()
    hooks = yaml.safe_load(files[".pre-commit-config.yaml"])["repos"][0]["hooks"]
    assert [h["entry"] for h in hooks] == ["codegen check", "codegen compat"]
    workflow = yaml.safe_load(files[".github/workflows/codegen.yml"])
    steps = [s.get("run", s.get("uses", "")) for s in workflow["jobs"]["publish"]["steps"]]
    assert any("gh-action-pypi-publish" in s for s in steps) and any("npm publish --provenance" in s for s in steps)
    assert workflow["jobs"]["publish"]["permissions"]["id-token"] == "write"
    assert main(["validate"]) == 0 and main(["check"]) == 0 and main(["compat"]) == 0


def test_init_refuses_to_overwrite_and_writes_nothing(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fresh / "spec" / "errors.yaml").write_text("# mine\n")
    before = _tree(fresh)
    assert main(["init"]) == 1
    assert "spec/errors.yaml:1:1: error I001: already exists" in capsys.readouterr().err
    assert _tree(fresh) == before


def test_init_in_an_existing_repository_leaves_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    (tmp_path / "README.md").write_text("# existing\n")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "."]) == 0
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == "repos: []\n"
    assert "left .pre-commit-config.yaml as it is" in capsys.readouterr().out
    assert (tmp_path / "spec" / "codegen.yaml").is_file()


def test_schema_write_refreshes_the_copies(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = fresh / "spec" / "schemas" / "catalog.schema.json"
    copy.write_text("{}")
    assert main(["schema", "--write"]) == 0
    assert json.loads(copy.read_text())["title"] == "codegen catalog file"


def test_first_release_then_a_minor_one(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _tree(fresh)
    assert main(["release", "--dry-run"]) == 0
    assert "release 1.0.0 (the first release)" in capsys.readouterr().out
    assert _tree(fresh) == before  # a dry run writes nothing
    assert main(["release"]) == 0
    assert json.loads((fresh / "spec/releases/1.0.0.json").read_text()) == json.loads((fresh / "generated/json/catalogs.json").read_text())
    assert yaml.safe_load((fresh / "spec/codegen.yaml").read_text())["compat"] == {"baseline": "releases/1.0.0.json"}
    assert main(["release"]) == 1  # nothing changed since
    assert "nothing changed since 1.0.0" in capsys.readouterr().err

    assert main(["add", "api_error", "RATE_LIMITED", "--message", "Too many *requests*", "--range", "client",
                 "--field", "http_status=429"]) == 0
    assert main(["release"]) == 1  # generated/ is stale
    assert "out of date" in capsys.readouterr().err
    assert main(["generate"]) == 0
    assert main(["release", "--version", "1.0.1"]) == 1  # below what an added entry needs
    assert "below 1.1.0" in capsys.readouterr().err
    assert main(["release"]) == 0
    log = (fresh / "CHANGELOG.md").read_text()
    assert log.index("## 1.1.0") < log.index("## 1.0.0")
    assert "- `RATE_LIMITED` (1001): Too many \\*requests\\*" in log.split("## 1.0.0")[0]
    versions = {json.loads((fresh / "generated/typescript/package.json").read_text())["version"],
                yaml.safe_load((fresh / "spec/codegen.yaml").read_text())["version"],
                json.loads((fresh / "generated/json/catalogs.json").read_text())["spec_version"]}
    assert versions == {"1.1.0"}
    assert 'version = "1.1.0"' in (fresh / "generated/python/pyproject.toml").read_text()


def test_release_refuses_a_breaking_change(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release"]) == 0
    catalog = fresh / "spec" / "errors.yaml"
    text = catalog.read_text()
    start = text.index("  - name: INTERNAL_ERROR")
    catalog.write_text(text[:start])
    assert main(["generate"]) == 0
    before = _tree(fresh)
    assert main(["release", "--version", "2.0.0"]) == 1
    err = capsys.readouterr().err
    assert "ENTRY_REMOVED" in err and "retire" in err
    assert _tree(fresh) == before


def test_release_goes_ahead_when_the_breaking_change_is_accepted(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release"]) == 0
    catalog = fresh / "spec" / "errors.yaml"
    text = catalog.read_text()
    catalog.write_text(text[: text.index("  - name: INTERNAL_ERROR")])
    project = fresh / "spec" / "codegen.yaml"
    project.write_text(project.read_text().replace(
        "compat:\n", "compat:\n  accept:\n    - {rule: ENTRY_REMOVED, entry: INTERNAL_ERROR, reason: never sent by any server}\n"))
    assert main(["generate"]) == 0
    assert main(["release"]) == 0, capsys.readouterr().err
    settings = yaml.safe_load(project.read_text())["compat"]
    assert settings["baseline"] == f"releases/{settings and yaml.safe_load(project.read_text())['version']}.json"
    assert settings["accept"][0]["rule"] == "ENTRY_REMOVED"  # the edit kept the acceptance
    assert "(accepted: never sent by any server)" in (fresh / "CHANGELOG.md").read_text()


def test_a_release_whose_generation_fails_leaves_every_file_as_it_was(fresh: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release"]) == 0
    assert main(["add", "api_error", "GONE_FISHING", "--message", "m", "--range", "server"]) == 0
    assert main(["generate"]) == 0
    before = _tree(fresh)
    import codegen.cli

    monkeypatch.setattr(codegen.cli, "main", lambda argv: 1)  # the regeneration inside release fails
    assert main(["release"]) == 1
    assert "release 1.1.0 not made" in capsys.readouterr().err
    assert _tree(fresh) == before
