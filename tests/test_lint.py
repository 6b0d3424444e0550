"""`codegen lint`: each rule has a spec that triggers it and one that does not; the seed
catalogs pass (with their recorded exceptions); the reports are well-formed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.cli import main
from codegen.lint import lint
from codegen.lint.rules import RULES
from codegen.spec.load import load_spec
from tests.conftest import SPEC_DIR

STATUS = {"id": "status", "title": "Statuses", "values": "string", "open": False,
          "fields": {"http_status": {"type": "integer", "required": True}}}
REASON = {"id": "reason", "title": "Reasons", "values": "string", "open": True,
          "fields": {"http_status": {"type": "integer", "required": True}}}


def _entry(name: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "message": message, "since": "1.0.0", **extra}


CLEAN_REASONS = [_entry("CALL_NOT_FOUND", "The call does not exist.", fields={"http_status": 404}),
                 # A template naming each declared parameter once, and a brace written as one.
                 _entry("CALL_BUSY", "The call {call_id} is busy ({{retry}} later).", fields={"http_status": 429},
                        parameters={"call_id": {"type": "string", "description": "The call's id."}}),
                 _entry("QUOTA_EXCEEDED", "The account used up its quota.", fields={"http_status": 429})]
CLEAN_STATUSES = [_entry("NOT_FOUND", "Not there.", fields={"http_status": 404}),
                  _entry("RESOURCE_EXHAUSTED", "Too much.", fields={"http_status": 429})]

#: rule -> (reasons that trigger it, project lint settings)
TRIGGERS: dict[str, tuple[list[dict[str, Any]], dict[str, Any]]] = {
    "REASON_SHAPE": ([_entry("QUOTA_ERROR", "The account used up its quota.", fields={"http_status": 429}),
                      _entry("A" * 64, "A very long reason.", fields={"http_status": 404})], {}),
    "MESSAGE_PERIOD": ([_entry("CALL_NOT_FOUND", "The call does not exist", fields={"http_status": 404})], {}),
    "MESSAGE_CASE": ([_entry("CALL_NOT_FOUND", "the call does not exist.", fields={"http_status": 404})], {}),
    "MESSAGE_REPEATS_NAME": ([_entry("CALL_NOT_FOUND", "Call not found.", fields={"http_status": 404})], {}),
    "DEPRECATED_WITHOUT_GUIDANCE": ([_entry("CALL_NOT_FOUND", "The call does not exist.", fields={"http_status": 404},
                                            deprecated={"since": "1.0.0"})], {}),
    "DUPLICATE_MESSAGE": ([_entry("CALL_NOT_FOUND", "The call does not exist.", fields={"http_status": 404}),
                           _entry("CALL_GONE", "The call does not exist.", fields={"http_status": 404})], {}),
    "HTTP_STATUS_MISMATCH": ([_entry("CALL_NOT_FOUND", "The call does not exist.", fields={"http_status": 410})], {}),
    "PLACEHOLDER_UNDECLARED": ([_entry("CALL_NOT_FOUND", "The call {call_id} does not exist.", fields={"http_status": 404})], {}),
    "PARAMETER_UNUSED": ([_entry("CALL_NOT_FOUND", "The call {call_id} does not exist.", fields={"http_status": 404},
                                 parameters={"call_id": {"type": "string"}, "region": {"type": "string"}})], {}),
    "SHARED_MEMBER_NAME": ([_entry("NOT_FOUND", "The call does not exist.", fields={"http_status": 404})], {}),
}


def _project(root: Path, reasons: list[dict[str, Any]], lint_settings: dict[str, Any] | None = None) -> Path:
    project: dict[str, Any] = {
        "version": "1.0.0", "catalogs": ["status.yaml", "reason.yaml"],
        "targets": {"json": {"out": "json"}, "openapi": {"out": "openapi"}},
        "envelopes": {"Error": {"description": "The error.", "properties": {
            "status": {"catalog": "status", "required": True}, "reason": {"catalog": "reason", "required": True}}}},
    }
    if lint_settings:
        project["lint"] = lint_settings
    (root / "codegen.yaml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    for name, head, entries in (("status", STATUS, CLEAN_STATUSES), ("reason", REASON, reasons)):
        doc = {"catalog": head, "entries": entries}
        (root / f"{name}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return root


def _rules(root: Path) -> list[str]:
    spec, diags = load_spec(root)
    assert spec is not None, [d.render() for d in diags]
    return [f.rule for f in lint(spec) if f.accepted is None]


def test_every_rule_has_a_trigger() -> None:
    assert set(TRIGGERS) | {"TYPE_URI_CHANGED"} == {r.id for r in RULES}  # that one compares with a release below


def test_the_clean_spec_triggers_nothing(tmp_path: Path) -> None:
    assert _rules(_project(tmp_path, CLEAN_REASONS)) == []


@pytest.mark.parametrize("rule", sorted(TRIGGERS))
def test_rule_fires_on_its_trigger_and_nothing_else_does(rule: str, tmp_path: Path) -> None:
    reasons, settings = TRIGGERS[rule]
    fired = _rules(_project(tmp_path, reasons, settings))
    assert rule in fired and set(fired) == {rule}, fired


def test_a_catalogs_style_turns_the_period_rule_around(tmp_path: Path) -> None:
    reasons = [_entry("CALL_NOT_FOUND", "The call does not exist", fields={"http_status": 404})]
    assert _rules(_project(tmp_path, reasons, {"catalogs": {"reason": {"style": {"period": "never"}}}})) == []
    (tmp_path / "other").mkdir()
    fired = _rules(_project(tmp_path / "other", CLEAN_REASONS, {"catalogs": {"reason": {"style": {"period": "never"}}}}))
    assert fired == ["MESSAGE_PERIOD"] * len(CLEAN_REASONS)


def test_selection_levels_and_acceptance(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reasons, _ = TRIGGERS["DEPRECATED_WITHOUT_GUIDANCE"]
    root = _project(tmp_path, reasons + [_entry("QUOTA_ERROR", "Out of quota.", fields={"http_status": 429})])
    assert main(["lint", "--spec", str(root)]) == 1  # both are errors by default
    out = capsys.readouterr().out
    assert "error DEPRECATED_WITHOUT_GUIDANCE" in out and "error REASON_SHAPE" in out and out.rstrip().endswith("FAIL")
    accept = {"accept": [{"rule": "REASON_SHAPE", "catalog": "reason", "entries": ["QUOTA_ERROR"], "reason": "Published before AIP-193."}],
              "levels": {"DEPRECATED_WITHOUT_GUIDANCE": "warning"}}
    _project(tmp_path, reasons + [_entry("QUOTA_ERROR", "Out of quota.", fields={"http_status": 429})], accept)
    assert main(["lint", "--spec", str(root)]) == 0
    out = capsys.readouterr().out
    assert "accepted REASON_SHAPE" in out and "accepted: Published before AIP-193." in out
    assert "warning DEPRECATED_WITHOUT_GUIDANCE" in out
    _project(tmp_path, reasons, {"except": ["DEPRECATED_WITHOUT_GUIDANCE"], **accept})
    assert main(["lint", "--spec", str(root)]) == 0
    out = capsys.readouterr().out
    assert "DEPRECATED_WITHOUT_GUIDANCE" not in out and "ACCEPT_UNUSED" in out  # QUOTA_ERROR is gone: the acceptance is stale


def test_unknown_rule_names_are_located_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, CLEAN_REASONS, {"use": ["REASON_SHAPE", "NO_SUCH_RULE"], "levels": {"ALSO_NOT": "off"}})
    assert main(["lint", "--spec", str(root)]) == 1
    err = capsys.readouterr().err
    assert "P003: 'NO_SUCH_RULE' is not a lint rule" in err and "P003: 'ALSO_NOT' is not a lint rule" in err
    assert "codegen.yaml:" in err


def test_findings_are_located_at_the_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, TRIGGERS["MESSAGE_CASE"][0])
    main(["lint", "--spec", str(root), "--format", "json"])
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    file, line, _col = finding["location"].rsplit(":", 2)
    text = Path(file).read_text("utf-8").splitlines()
    assert Path(file).name == "reason.yaml" and "CALL_NOT_FOUND" in text[int(line) - 1]


def test_github_annotations_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "a,b"
    folder.mkdir()
    root = _project(folder, TRIGGERS["MESSAGE_PERIOD"][0])
    main(["lint", "--spec", str(root), "--format", "github"])
    (line, *_rest) = capsys.readouterr().out.splitlines()
    assert line.startswith("::warning file=") and "a%2Cb/reason.yaml" in line and ",line=" in line
    assert "\n" not in line and "%0Ahint: " in line


def test_list_rules_names_every_rule() -> None:
    from codegen.lint.command import list_rules

    listed = list_rules()
    for rule in RULES:
        assert rule.id in listed and rule.purpose in listed


def test_the_seed_catalogs_pass_with_recorded_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--spec", str(SPEC_DIR), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["passed"]
    unexplained = [f for f in report["findings"] if f["accepted"] is None]
    assert unexplained == []
    assert all(f["accepted"].strip() for f in report["findings"])


def _with_site(root: Path, base_url: str | None) -> Path:
    _project(root, CLEAN_REASONS)
    text = (root / "codegen.yaml").read_text("utf-8")
    docs = f"  docs: {{out: docs, base_url: '{base_url}'}}\n" if base_url else "  docs: {out: docs}\n"
    (root / "codegen.yaml").write_text(text.replace("targets:\n", "targets:\n" + docs, 1), "utf-8")
    return root


def test_a_published_address_that_moves_is_an_error(tmp_path: Path) -> None:
    from codegen.targets.jsonbundle.bundle import build_bundle

    (tmp_path / "v1").mkdir()
    released, _ = load_spec(_with_site(tmp_path / "v1", "https://codes.example.com"))
    assert released is not None
    baseline = build_bundle(released)
    assert baseline["catalogs"]["reason"]["entries"][0]["doc_url"] == "https://codes.example.com/reason.html#CALL_NOT_FOUND"
    for base, fired in (("https://codes.example.com", []), ("https://docs.example.com/codes", ["TYPE_URI_CHANGED"] * len(CLEAN_REASONS + CLEAN_STATUSES)),
                        (None, ["TYPE_URI_CHANGED"] * len(CLEAN_REASONS + CLEAN_STATUSES))):
        folder = tmp_path / f"now{len(str(base))}"
        folder.mkdir()
        spec, _ = load_spec(_with_site(folder, base))
        assert spec is not None
        assert [f.rule for f in lint(spec, baseline)] == fired, base


def test_a_shared_member_name_is_located_at_both_entries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The finding sits at the later entry and names the earlier one with its own file:line:col."""
    root = _project(tmp_path, TRIGGERS["SHARED_MEMBER_NAME"][0])
    assert main(["lint", "--spec", str(root), "--format", "json"]) == 0  # a warning by default
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["rule"], finding["level"], finding["catalog"], finding["entry"]) == (
        "SHARED_MEMBER_NAME", "warning", "reason", "NOT_FOUND")
    earlier = finding["message"].split("(", 1)[1].split(")", 1)[0]
    for location, file in ((finding["location"], "reason.yaml"), (earlier, "status.yaml")):
        path, line, col = location.rsplit(":", 2)
        assert Path(path).name == file
        assert Path(path).read_text("utf-8").splitlines()[int(line) - 1][int(col) - 1:].startswith("NOT_FOUND")
    assert "enumClassPrefix=true" in finding["hint"]


def test_a_shared_member_name_matters_only_to_the_openapi_fragment(tmp_path: Path) -> None:
    root = _project(tmp_path, TRIGGERS["SHARED_MEMBER_NAME"][0])
    project = yaml.safe_load((root / "codegen.yaml").read_text("utf-8"))
    del project["targets"]["openapi"]
    (root / "codegen.yaml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    assert _rules(root) == []
