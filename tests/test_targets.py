"""The target contract: built-in targets are folders, third-party ones are entry points."""

from __future__ import annotations

import importlib
import json
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from codegen import targets as contract
from codegen.cli import main
from codegen.diagnostics import Diagnostic
from codegen.generate import render
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.targets import Settings, Target

TARGETS_DIR = Path(contract.__file__).parent


def test_every_target_folder_is_a_target_named_by_its_manifest() -> None:
    folders = sorted(p.parent.name for p in TARGETS_DIR.glob("*/__init__.py"))
    manifests = contract.builtin_manifests()
    assert sorted(manifests) == folders, "a target folder without target.json (or the reverse)"
    names = [m["name"] for m in manifests.values()]
    assert len(set(names)) == len(names)
    for folder, manifest in manifests.items():
        target = importlib.import_module(f"codegen.targets.{folder}").TARGET
        assert isinstance(target, Target)
        assert (target.name, target.summary, target.cost) == (manifest["name"], manifest["summary"], manifest["cost"])
        assert target.full_schema()["required"][0:1] == ["out"] or "out" in target.full_schema()["required"]


def test_the_project_schema_takes_each_targets_settings_from_its_folder() -> None:
    from codegen.spec.schema import load_schema

    props = load_schema("project")["properties"]["targets"]["properties"]
    assert set(props) == set(contract.registry())
    for name, schema in props.items():
        assert schema == contract.registry()[name].full_schema()


def test_output_goes_below_the_targets_out_folder(spec: Spec) -> None:
    files, diags = render(spec, "json")
    assert not diags and sorted(files) == ["json/catalogs.json", "json/catalogs.schema.json"]


# --- a third-party target, registered the way an installed package registers it --------

def _csv(spec: Spec, settings: Settings) -> tuple[dict[str, str], list[Diagnostic]]:
    sep = str(settings.get("separator", ","))
    rows = [sep.join((c.id, e.name, str(e.value))) for c in spec.catalogs for e in c.entries]
    return {"codes.csv": "\n".join(rows) + "\n"}, []


PLUGIN = Target("csv", "a CSV of every code", {"type": "object", "additionalProperties": False,
                                              "properties": {"separator": {"type": "string", "maxLength": 1}}}, _csv)


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    point = EntryPoint("csv", f"{__name__}:PLUGIN", contract.ENTRY_POINT_GROUP)

    def entry_points(group: str) -> list[EntryPoint]:
        return [point] if group == contract.ENTRY_POINT_GROUP else []

    monkeypatch.setattr("importlib.metadata.entry_points", entry_points)


def _project(tmp_path: Path, csv_settings: str) -> Path:
    (tmp_path / "things.yaml").write_text(
        "catalog: {id: things, title: Things, publisher: Us, sources: [{url: https://example.com}], values: integer, open: false}\n"
        "entries:\n  - {name: FIRST, value: 1, message: First., since: 1.0.0}\n", encoding="utf-8")
    (tmp_path / "codegen.yaml").write_text(
        f"version: 1.0.0\ncatalogs: [things.yaml]\noutput_root: out\ntargets:\n  csv: {csv_settings}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.usefixtures("plugin")
def test_a_plugin_target_renders_like_a_built_in_one(tmp_path: Path) -> None:
    spec, diags = load_spec(_project(tmp_path, "{out: support, separator: ';'}"))
    assert spec is not None and not diags, diags
    files, found = render(spec, "csv")
    assert files == {"support/codes.csv": "things;FIRST;1\n"} and not found


@pytest.mark.usefixtures("plugin")
def test_a_plugin_targets_settings_are_checked_against_its_own_schema(tmp_path: Path) -> None:
    _, diags = load_spec(_project(tmp_path, "{out: support, separator: ';;', colour: red}"))
    shown = sorted(d.render().splitlines()[0] for d in diags)
    assert any(line.endswith("(at targets/csv/colour)") and "S002" in line and ":5:40:" in line for line in shown), shown
    assert any("targets/csv/separator" in line and ":5:34:" in line for line in shown), shown


@pytest.mark.usefixtures("plugin")
def test_codegen_targets_lists_built_in_and_plugin_targets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", "--format", "json"]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == set(contract.registry()) | {"csv"}
    assert by_name["python"]["origin"] == "built-in" and by_name["python"]["settings"]["package"]["required"]
    assert by_name["csv"]["origin"] != "built-in" and not by_name["csv"]["verifier"]
    assert by_name["csv"]["settings"]["out"]["required"]


def test_a_plugin_that_is_not_a_target_is_named(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    point = EntryPoint("broken", f"{__name__}:_csv", contract.ENTRY_POINT_GROUP)
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: [point])
    assert main(["targets"]) == 1
    err = capsys.readouterr().err
    assert "G003" in err and "broken" in err and "Traceback" not in err
