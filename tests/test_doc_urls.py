"""Each entry's page address (doc_url) in every target, when the docs target gives the site's
base URL: `codegen verify` loads each output and finds it equal to the spec, and finds the one
address that was broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.verify.compare import TargetResult, verify
from tests.conftest import require

BASE = "https://codes.example.com/v1"
#: The target folders whose files carry the address of BUSY, and the difference verify reports.
TARGETS = {
    "python": "doc_url",
    "typescript": "doc_url",
    "openapi": "doc_url",
    "json": "doc_url",
    "rust": "doc_url",
    "go": "doc_url",
}


def _spec(root: Path) -> Spec:
    project = {"version": "1.0.0", "catalogs": ["codes.yaml"], "output_root": "out", "targets": {
        "python": {"out": "python", "distribution": "codes", "package": "codes"},
        "typescript": {"out": "typescript", "package": "codes"},
        "openapi": {"out": "openapi"},
        "json": {"out": "json"},
        "rust": {"out": "rust", "crate": "codes"},
        "go": {"out": "go", "module": "example.com/codes", "package": "codes"},
        "docs": {"out": "docs", "base_url": BASE},
    }}
    catalog = {"catalog": {"id": "codes", "title": "Codes", "values": "integer", "open": True},
               "entries": [{"name": "BUSY", "value": 1, "message": "Busy.", "since": "1.0.0"},
                           {"name": "IDLE", "value": 2, "message": "Idle.", "since": "1.0.0"}]}
    (root / "codegen.yaml").write_text(yaml.safe_dump(project), encoding="utf-8")
    (root / "codes.yaml").write_text(yaml.safe_dump(catalog), encoding="utf-8")
    spec, diags = load_spec(root)
    assert spec is not None, [d.render() for d in diags]
    return spec


def _write(spec: Spec, out: Path) -> None:
    outputs, diags = generate(spec, selected_targets(spec, None)[0])
    assert not diags, [d.render() for d in diags]
    for files in outputs.values():
        for rel, text in files.items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Spec, Path]:
    root = tmp_path_factory.mktemp("doc-urls")
    spec = _spec(root)
    _write(spec, root / "out")
    return spec, root / "out"


def _results(spec: Spec, out: Path) -> dict[str, TargetResult]:
    require("node")
    require("cargo")
    require("go")
    return {r.target: r for r in verify(spec, out)}


def test_every_target_carries_each_address(tree: tuple[Spec, Path]) -> None:
    spec, out = tree
    assert spec.doc_url("codes", "BUSY") == f"{BASE}/codes.html#BUSY"
    results = _results(spec, out)
    for target in [*TARGETS, "docs"]:
        assert not results[target].skipped and results[target].differences == [], (target, results[target])


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_verify_finds_one_broken_address(tree: tuple[Spec, Path], tmp_path: Path, target: str) -> None:
    """The address of BUSY pointed at a page that is not its own, in one target's files only."""
    spec, out = tree
    broken = tmp_path / "out"
    shutil.copytree(out, broken, ignore=shutil.ignore_patterns("__pycache__"))  # no stale bytecode
    touched = 0
    for path in (broken / target).rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8")
            if "codes.html#BUSY" in text:
                path.write_text(text.replace("codes.html#BUSY", "codes.html#IDLE"), encoding="utf-8")
                touched += 1
    assert touched, f"no file of {target} carries the address"
    results = _results(spec, broken)
    found = results[target].differences
    assert any(f"codes.BUSY: {TARGETS[target]}" in d and "#IDLE" in d for d in found), found
    assert all(not r.differences for name, r in results.items() if name != target), results
