"""Golden cases: whole expected trees and expected diagnostics, compared byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.goldens import BAD_SPECS, GOLDEN, REGENERATE, read_tree, render_case, validate_output

CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())
BAD = sorted(p for p in BAD_SPECS.iterdir() if p.is_dir())


def _diff(expected: str, actual: str, name: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"expected/{name}", f"actual/{name}")
    return "".join(lines)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_case(case: Path) -> None:
    files, diagnostics = render_case(case)
    expected_diags = (case / "diagnostics.txt").read_text("utf-8") if (case / "diagnostics.txt").exists() else ""
    expected = read_tree(case / "expected")
    problems = []
    if diagnostics != expected_diags:
        problems.append(_diff(expected_diags, diagnostics, "diagnostics.txt"))
    for name in sorted(set(expected) | set(files)):
        if expected.get(name) != files.get(name):
            problems.append(_diff(expected.get(name, ""), files.get(name, ""), name) or f"{name}: missing or extra\n")
    assert not problems, "".join(problems) + f"\nIf the change is intended, run: {REGENERATE}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_generating_twice_gives_identical_bytes(case: Path) -> None:
    assert render_case(case) == render_case(case)


def test_failing_cases_generate_nothing() -> None:
    failing = [c for c in CASES if (c / "diagnostics.txt").exists()]
    assert failing, "no failing golden case"
    for case in failing:
        assert not (case / "expected").exists()
        files, diagnostics = render_case(case)
        assert files == {} and diagnostics


@pytest.mark.parametrize("case", BAD, ids=lambda p: p.name)
def test_bad_spec_diagnostics(case: Path) -> None:
    code, stderr = validate_output(case)
    actual = f"exit {code}\n{stderr}"
    expected = (case / "expected.txt").read_text("utf-8")
    assert actual == expected, _diff(expected, actual, "expected.txt") + f"\nIf intended, run: {REGENERATE}"
    assert code == 1
    for line in stderr.splitlines():
        if not line.startswith(" ") and "error(s)" not in line:
            assert line.split(":")[0].endswith(".yaml") and line.split(":")[1].isdigit(), line
