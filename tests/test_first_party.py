"""A team's own catalog: no provenance needed, found from any subdirectory, errors name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.cli import main

PROJECT = """\
version: 1.0.0
catalogs:
  - errors.yaml
targets:
  python: {out: python, distribution: acme-errors, package: acme_errors}
  typescript: {out: typescript, package: acme-errors}
  openapi: {out: openapi}
  json: {out: json}
"""

CATALOG = """\
catalog:
  id: acme_error
  title: Acme API errors
  values: integer
entries:
  - name: PAYMENT_DECLINED
    value: 4001
    message: The card was declined
    since: 1.0.0
"""


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "codegen.yaml").write_text(PROJECT)
    (tmp_path / "spec" / "errors.yaml").write_text(CATALOG)
    (tmp_path / "src" / "deep").mkdir(parents=True)
    return tmp_path


def test_catalog_without_publisher_or_sources_generates_every_target(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert main(["generate"]) == 0
    module = (repo / "generated/python/src/acme_errors/acme_error.py").read_text()
    assert "PAYMENT_DECLINED = 4001" in module and "Publisher" not in module
    assert "Publisher" not in (repo / "generated/typescript/src/acme-error.ts").read_text()
    assert "publisher" not in (repo / "generated/openapi/catalogs.openapi.yaml").read_text()
    # open defaults to true: clients accept codes added later
    assert '"open": true' in (repo / "generated/json/catalogs.json").read_text()


def test_spec_found_from_a_subdirectory(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(repo / "src" / "deep")
    assert main(["generate"]) == 0
    assert main(["check"]) == 0
    assert "../../generated: up to date" in capsys.readouterr().out
    assert main(["compat"]) == 0  # nothing released yet: nothing to break
    assert "no release yet" in capsys.readouterr().out


def test_errors_name_the_file_relative_to_where_the_user_is(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "spec" / "errors.yaml").write_text(CATALOG.replace("value: 4001", "value: '4001'"))
    monkeypatch.chdir(repo / "src")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("../spec/errors.yaml:7:12: error C010: value of PAYMENT_DECLINED must be an integer")


def test_no_spec_anywhere_above(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "error F003: no spec/codegen.yaml or codegen.yaml in" in err and "codegen init" in err
