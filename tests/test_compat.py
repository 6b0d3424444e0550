"""The compatibility gate: one fixture pair per rule, real history, and the CLI contract."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen.cli import main
from codegen.compat import compare
from codegen.compat.rules import CONTENT_RULE, RULES, VERSION_RULE, rule
from codegen.model import Spec
from codegen.targets.jsonbundle.bundle import build_bundle
from tests.conftest import ROOT
from tests.goldens import COMPAT, REGENERATE, compat_output

CASES = sorted(p for p in COMPAT.iterdir() if p.is_dir())
# Cases that are not named after one rule: (the rule that must fire, whether the gate passes).
SCENARIOS = {
    "TOMBSTONE_REMOVED": ("ENTRY_REMOVED", False),
    "RENAME_IN_STRING_CATALOG": ("ENTRY_REMOVED", False),
    "BREAKING_AT_MAJOR": ("ENTRY_REMOVED", True),
    "ACCEPTED": ("ENTRY_REMOVED", True),
    "SELECTED": ("CONTENT_CHANGED", True),
}


def test_every_rule_has_a_fixture_pair() -> None:
    ids = [r.id for r in (*RULES, CONTENT_RULE, VERSION_RULE)]
    assert set(ids) <= {c.name for c in CASES}
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    assert {c.name for c in CASES} - set(ids) == set(SCENARIOS)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_rule_fixture(case: Path) -> None:
    """Each pair fires its rule; at version 1.1.0 (from 1.0.0) only breaking rules fail the gate."""
    passed, report = compat_output(case)
    assert report == (case / "expected.txt").read_text("utf-8"), f"report changed; if intended run {REGENERATE}\n{report}"
    fired, verdict = SCENARIOS.get(case.name, (case.name, None))
    found = rule(fired)
    assert found is not None
    assert f" {fired}: " in report, f"{fired} did not fire"
    if verdict is None:
        verdict = found.tier != "breaking"
        assert f" {found.tier} {fired}: " in report or fired == "VERSION_TOO_LOW"
    assert passed == verdict


@pytest.fixture(scope="module")
def bundle(spec: Spec) -> dict[str, Any]:
    return build_bundle(spec)


def _entries(bundle: dict[str, Any], catalog: str) -> list[dict[str, Any]]:
    return bundle["catalogs"][catalog]["entries"]  # type: ignore[no-any-return]


def test_voipbin_renames_of_2026_04_27_are_breaking(bundle: dict[str, Any]) -> None:
    previous = copy.deepcopy(bundle)
    renames = {"ACCOUNT_NOT_FOUND": "STORAGE_ACCOUNT_NOT_FOUND", "FILE_NOT_FOUND": "STORAGE_FILE_NOT_FOUND",
               "SUMMARY_NOT_FOUND": "AISUMMARY_NOT_FOUND"}
    for entry in _entries(previous, "voipbin_reason"):
        if entry["name"] in renames:
            entry["name"] = entry["value"] = renames[entry["name"]]
    report = compare(previous, bundle)
    removed = {f.entry: f for f in report.findings if f.rule == "ENTRY_REMOVED"}
    assert sorted(removed) == sorted(renames.values())
    assert {f.tier for f in removed.values()} == {"breaking"}
    advice = removed["STORAGE_ACCOUNT_NOT_FOUND"]
    assert advice.message == "entry STORAGE_ACCOUNT_NOT_FOUND was deleted and ACCOUNT_NOT_FOUND added: looks like a rename"
    assert advice.hint == ("keep the old name deprecated with `replacement: voipbin_reason.ACCOUNT_NOT_FOUND` "
                           "and add the new one")
    assert not report.passed and report.bump == "major" and report.required_version == "2.0.0"


def test_voipbin_rename_done_by_deprecate_and_add_passes_at_the_named_minor(bundle: dict[str, Any]) -> None:
    """The advice followed: the old name stays, deprecated with a replacement, beside the new one."""
    previous = copy.deepcopy(bundle)
    for entry in _entries(previous, "voipbin_reason"):
        if entry["name"] == "ACCOUNT_NOT_FOUND":
            entry["name"] = entry["value"] = "STORAGE_ACCOUNT_NOT_FOUND"
    blocked = compare(previous, bundle)
    assert not blocked.passed
    current = copy.deepcopy(bundle)
    reasons = _entries(current, "voipbin_reason")
    new = next(e for e in reasons if e["name"] == "ACCOUNT_NOT_FOUND")
    old = {**copy.deepcopy(new), "name": "STORAGE_ACCOUNT_NOT_FOUND", "value": "STORAGE_ACCOUNT_NOT_FOUND", "status": "deprecated",
           "deprecated": {"since": "1.3.0", "replacement": {"catalog": "voipbin_reason", "name": "ACCOUNT_NOT_FOUND", "value": "ACCOUNT_NOT_FOUND"}, "note": ""}}
    reasons.insert(reasons.index(new), old)
    current["spec_version"] = "1.2.1"
    named = compare(previous, current)
    assert sorted((f.rule, f.entry) for f in named.findings) == [("ENTRY_ADDED", "ACCOUNT_NOT_FOUND"),
                                                                 ("ENTRY_DEPRECATED", "STORAGE_ACCOUNT_NOT_FOUND")]
    assert not named.passed and named.required_version == "1.3.0"
    current["spec_version"] = named.required_version
    assert compare(previous, current).passed


def test_voipbin_additions_pass_as_minor(bundle: dict[str, Any]) -> None:
    previous = copy.deepcopy(bundle)
    previous["spec_version"] = "1.0.0"
    reasons = previous["catalogs"]["voipbin_reason"]
    reasons["entries"] = [e for e in reasons["entries"] if e["since"] == "1.0.0"]
    report = compare(previous, bundle)
    assert sorted((f.rule, f.entry) for f in report.findings) == [
        ("ENTRY_ADDED", "INVALID_REQUEST_PARAMETER"), ("ENTRY_ADDED", "MISSING_REQUEST_PARAMETER"),
        ("ENTRY_ADDED", "SIGNING_NOT_CONFIGURED")]
    assert report.bump == "minor" and report.required_version == "1.1.0" and report.passed


def test_infobip_retirements_pass_as_tombstones(bundle: dict[str, Any]) -> None:
    previous = copy.deepcopy(bundle)
    previous["spec_version"] = "1.0.0"
    for entry in _entries(previous, "infobip_legacy_voice_error"):
        entry["retired"] = None
    report = compare(previous, bundle)
    assert sorted(f.entry for f in report.findings) == ["EC_VOICE_ERROR_CALL_DOES_NOT_EXIST", "EC_VOICE_ERROR_NOT_ACCEPTABLE_HERE",
                                                        "EC_VOICE_ERROR_REQUEST_PENDING", "EC_VOICE_NOT_IMPLEMENTED"]
    assert {f.rule for f in report.findings} == {"ENTRY_RETIRED"} and report.passed
    # Deleting them instead fails the gate.
    current = copy.deepcopy(bundle)
    legacy = current["catalogs"]["infobip_legacy_voice_error"]
    legacy["entries"] = [e for e in legacy["entries"] if not e["retired"]]
    assert not compare(bundle, current).passed


def test_project_spec_passes_against_its_recorded_baseline(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["compat"]) == 0, capsys.readouterr().out
    assert "PASS" in capsys.readouterr().out


def test_cli_exit_codes_and_removed_entry_location(tmp_path: Path, bundle: dict[str, Any], spec: Spec,
                                                   capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    previous = copy.deepcopy(bundle)
    reasons = _entries(previous, "voipbin_reason")
    reasons.insert(3, {**reasons[0], "name": "GONE_REASON", "value": "GONE_REASON"})
    path = tmp_path / "old.json"
    path.write_text(json.dumps(previous))
    assert main(["compat", "--against", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False and data["findings"][0]["rule"] == "ENTRY_REMOVED"
    catalog = spec.catalog("voipbin_reason")
    assert catalog is not None
    # Located where it was: at the entry that followed it in the baseline.
    assert data["findings"][0]["location"] == f"spec/voipbin-reasons.yaml:{catalog.entries[3].line}"
    assert main(["compat", "--against", str(tmp_path / "missing.json")]) == 3
    assert main(["compat", "--against", "no-such-ref-anywhere"]) == 3


def test_baseline_from_a_wheel(tmp_path: Path, generated_tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(generated_tree / "python")], check=True)
    wheel = next(tmp_path.glob("*.whl"))
    monkeypatch.chdir(ROOT)
    assert main(["compat", "--against", str(wheel)]) == 0, capsys.readouterr()


def test_baseline_from_an_npm_tarball(tmp_path: Path, generated_tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    proc = subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(tmp_path), str(generated_tree / "typescript")],
                          capture_output=True, text=True, check=True)
    tarball = tmp_path / proc.stdout.strip().splitlines()[-1]
    monkeypatch.chdir(ROOT)
    assert main(["compat", "--against", str(tarball)]) == 0, capsys.readouterr()


def test_readme_documents_every_rule_with_its_tier() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## The compatibility gate"):]
    for found in (*RULES, CONTENT_RULE, VERSION_RULE):
        assert f"| `{found.id}` | {found.tier} | {found.bump} | {found.category} | {found.purpose} |" in section, found.id
