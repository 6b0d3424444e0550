"""The gate's verdicts by version, and its reports in every format: well-formed, escaped, located."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from codegen.cli import main
from codegen.compat import Policy, compare
from codegen.compat.report import escape_data, escape_property
from codegen.compat.rules import CATEGORIES, RULES
from codegen.model import Spec
from codegen.targets.jsonbundle.bundle import build_bundle
from tests.conftest import ROOT

# The shape GitLab documents for a code quality report (docs.gitlab.com, "Code Quality report format").
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {"path": {"type": "string", "not": {"pattern": "^/"}},
                               "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}}},
            },
        },
    },
}


@pytest.fixture(scope="module")
def bundle(spec: Spec) -> dict[str, Any]:
    return build_bundle(spec)


def _with_version(bundle: dict[str, Any], version: str) -> dict[str, Any]:
    out = copy.deepcopy(bundle)
    out["spec_version"] = version
    return out


def _drop_reason(bundle: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(bundle)
    out["catalogs"]["voipbin_reason"]["entries"].pop(0)
    return out


def _reword(bundle: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(bundle)
    out["catalogs"]["voipbin_reason"]["entries"][0]["message"] += " Reworded."
    return out


@pytest.mark.parametrize(("baseline", "change", "current", "required", "passed"), [
    ("1.2.1", "major", "2.0.0", "2.0.0", True),  # a deliberate major release
    ("1.2.1", "major", "1.9.0", "2.0.0", False),
    ("1.2.1", "major", "2.0.0-rc.1", "2.0.0", True),  # a pre-release of the required version
    ("0.3.2", "major", "0.4.0", "0.4.0", True),  # below 1.0.0 a breaking change needs the next minor
    ("0.3.2", "major", "0.3.3", "0.4.0", False),
    ("1.3.0-rc.1", "patch", "1.3.0", "1.3.0", True),  # the tag is kept in the ordering, not dropped
    ("1.3.0-rc.1", "patch", "1.3.0-rc.2", "1.3.0", True),
    ("1.3.0-rc.1", "patch", "1.3.0-rc.1", "1.3.0", False),
    ("1.3.0-rc.1", "major", "2.0.0", "2.0.0", True),
    ("1.2.1", "patch", "1.2.2", "1.2.2", True),
    ("1.2.1", "patch", "1.2.1", "1.2.2", False),
])
def test_required_version_and_verdict(bundle: dict[str, Any], baseline: str, change: str, current: str,
                                      required: str, passed: bool) -> None:
    edit = _drop_reason if change == "major" else _reword
    report = compare(_with_version(bundle, baseline), _with_version(edit(bundle), current))
    assert report.bump == change
    assert (report.required_version, report.passed) == (required, passed)
    assert (report.version_finding is None) == passed


def _next_patch(bundle: dict[str, Any]) -> str:
    """The patch release after the bundle's own version (the spec's, whatever it is now)."""
    major, minor, patch = (int(p) for p in bundle["spec_version"].split("."))
    return f"{major}.{minor}.{patch + 1}"


def test_any_content_change_needs_a_patch_and_says_where(bundle: dict[str, Any]) -> None:
    current = copy.deepcopy(bundle)
    current["catalogs"]["voipbin_reason"]["file"] = "reasons/voipbin.yaml"
    report = compare(bundle, current)
    assert [(f.rule, f.bump) for f in report.findings] == [("CONTENT_CHANGED", "patch")]
    assert "catalogs.voipbin_reason.file" in report.findings[0].message
    assert not report.passed and report.required_version == _next_patch(bundle)


def test_acceptance_needs_no_bump_but_content_still_needs_a_patch(bundle: dict[str, Any]) -> None:
    policy = Policy.from_project({"accept": [{"rule": "ENTRY_REMOVED", "catalog": "voipbin_reason", "reason": "never sent"}]})
    report = compare(bundle, _drop_reason(bundle), policy)
    assert [f.accepted for f in report.findings if f.rule == "ENTRY_REMOVED"] == ["never sent"]
    assert report.bump == "patch" and report.required_version == _next_patch(bundle)
    other = Policy.from_project({"accept": [{"rule": "ENTRY_REMOVED", "catalog": "voipbin_status", "reason": "x"}]})
    assert compare(bundle, _drop_reason(bundle), other).bump == "major"


def test_selection_by_category_rule_and_catalog(bundle: dict[str, Any]) -> None:
    changed = _reword(_drop_reason(bundle))
    everything = {f.rule for f in compare(bundle, changed).findings}
    assert everything == {"ENTRY_REMOVED", "TEXT_CHANGED"}
    only_wire = {f.rule for f in compare(bundle, changed, Policy(use=("WIRE",))).findings}
    assert only_wire == {"ENTRY_REMOVED"}
    no_removal = {f.rule for f in compare(bundle, changed, Policy(exclude=("ENTRY_REMOVED",))).findings}
    assert "ENTRY_REMOVED" not in no_removal and "TEXT_CHANGED" in no_removal
    ignored = compare(bundle, changed, Policy(ignore={"voipbin_reason": ("WIRE", "DOCS")}))
    assert [f.rule for f in ignored.findings] == ["CONTENT_CHANGED"]  # still a patch: the content changed


def test_list_rules_names_every_rule_with_tier_and_purpose(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compat", "--list-rules"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        line = next(x for x in out.splitlines() if x.startswith(rule.id + " "))
        assert rule.tier in line and rule.purpose in line and rule.category in line
    assert all(name in out for name in CATEGORIES)


def test_escaping_follows_githubs_workflow_command_rules() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def _copy_spec(tmp_path: Path) -> Path:
    """The project spec in a folder whose name needs escaping, inside a git repository of its own."""
    repo = tmp_path / "repo"
    spec = repo / "specs, v1: voice"
    shutil.copytree(ROOT / "spec", spec)
    shutil.copytree(ROOT / "templates", repo / "templates")  # the template targets' folders
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return spec


def _with_gone(bundle: dict[str, Any]) -> dict[str, Any]:
    """A baseline that published one reason more than the spec has, its message full of markup."""
    out = copy.deepcopy(bundle)
    reasons = out["catalogs"]["voipbin_reason"]["entries"]
    reasons.append({**reasons[0], "name": "GONE", "value": "GONE", "message": 'a <b> & "c"'})
    return out


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["compat", *args])
    return code, capsys.readouterr().out


def test_github_annotations_are_escaped_and_repository_relative(tmp_path: Path, bundle: dict[str, Any],
                                                                capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _copy_spec(tmp_path)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(_with_gone(bundle)), "utf-8")
    monkeypatch.chdir(tmp_path)  # outside the repository: paths are still relative to its root
    code, out = _run(["--spec", str(spec), "--against", str(old), "--format", "github"], capsys)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert errors, out
    for line in errors:
        assert line.startswith("::error file=specs%2C v1%3A voice/voipbin-reasons.yaml,line=") or \
            line.startswith("::error file=specs%2C v1%3A voice/codegen.yaml,line=")
    assert any("title=ENTRY_REMOVED::" in line for line in errors)
    assert any("title=VERSION_TOO_LOW::" in line for line in errors), "a version failure has its own annotation"
    assert all("\n" not in line[2:] for line in errors)


def test_junit_and_gitlab_reports_are_well_formed(tmp_path: Path, bundle: dict[str, Any],
                                                  capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(_with_gone(bundle)), "utf-8")
    code, out = _run(["--against", str(old), "--format", "junit"], capsys)
    assert code == 1
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("tests", "0")) == len(cases) and int(suite.get("failures", "0")) == len(failed) >= 2
    assert {c.find("failure").get("type") for c in failed} == {"ENTRY_REMOVED", "VERSION_TOO_LOW"}  # type: ignore[union-attr]
    code, out = _run(["--against", str(old), "--format", "gitlab"], capsys)
    issues = json.loads(out)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert {i["check_name"] for i in issues} == {"ENTRY_REMOVED", "VERSION_TOO_LOW"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(i["location"]["path"].startswith("spec/") for i in issues)


def test_a_version_lowered_with_no_change_fails(bundle: dict[str, Any]) -> None:
    report = compare(_with_version(bundle, "1.2.1"), _with_version(bundle, "1.2.0"))
    assert report.bump is None and not report.passed
    found = report.version_finding
    assert found is not None and found.rule == "VERSION_TOO_LOW"
    assert found.message == "version 1.2.0 is below 1.2.1, which the changes since 1.2.1 need (no bump)"
