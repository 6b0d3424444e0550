"""Parity across targets: each target loaded natively carries exactly the spec (codegen verify)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.model import Ref, Spec
from codegen.verify.compare import TargetResult, verify
from tests.conftest import SPEC_DIR, Reactor, require


@pytest.fixture(scope="module")
def results(spec: Spec, generated_tree: Path, jvm_reactor: Reactor) -> dict[str, TargetResult]:
    require("node")  # the TypeScript verifier runs the package under node
    return {r.target: r for r in verify(spec, generated_tree)}


def test_every_target_matches_the_spec(results: dict[str, TargetResult], spec: Spec) -> None:
    verified = {name: res for name, res in results.items() if res.skipped != "no verifier for this target"}
    assert set(verified) == {"python", "typescript", "openapi", "json", "docs", "rust", "go", "java", "kotlin"}
    assert set(results) - set(verified) == {"c_header", "support_csv", "markdown_tables"}  # the template targets
    for res in verified.values():
        assert not res.skipped, res
        assert res.differences == [], "\n".join(res.differences)
        assert res.entries == sum(len(c.entries) for c in spec.catalogs) > 0


def _mutate(tree: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture(scope="module")
def mutated(spec: Spec, generated_tree: Path, tmp_path_factory: pytest.TempPathFactory,
            jvm_reactor: Reactor) -> dict[str, TargetResult]:
    """A copy of the tree with one value edited in each target."""
    tree = tmp_path_factory.mktemp("mutated") / "generated"
    shutil.copytree(generated_tree, tree)
    cat = spec.catalog("infobip_voice_error")
    assert cat is not None
    busy = cat.entry("BUSY")
    assert busy is not None and busy.value == 10201
    # Python: the row's message literal (the docstring is triple-quoted, so the row is the only "...", match)
    _mutate(tree, "python/src/voice_status_codes/_infobip_voice_error_info.py", f'"{busy.message}",', '"Busy!",')
    # TypeScript: the built JS value of the member
    _mutate(tree, "typescript/dist/infobip-voice-error.js", "BUSY: 10201", "BUSY: 10299")
    # JSON bundle: a value
    bundle = json.loads((tree / "json/catalogs.json").read_text(encoding="utf-8"))
    entry = next(e for e in bundle["catalogs"]["infobip_voice_error"]["entries"] if e["name"] == "BUSY")
    entry["value"] = 10202
    (tree / "json/catalogs.json").write_text(json.dumps(bundle), encoding="utf-8")
    # Java: the built metadata table that the class reads (the sources stay older, so it is not rebuilt)
    _mutate(tree, "java/target/classes/net/voipbin/voicestatus/InfobipVoiceError.rows", f"\n{busy.message}\n", "\nBusy!\n")
    # Go: the message in the metadata row, kept to its length (the rows are located by offsets)
    _mutate(tree, "go/infobip_voice_error.go", f":{busy.message}", ":" + _go_busy(busy.message))
    # Rust: the message in the metadata row (the constant and its doc comment stay)
    # (the crate's texts sit back to back: a text of the same length leaves the others where they are)
    _mutate(tree, "rust/src/infobip_voice_error.rs", f"BUSY{busy.message}", f"BUSY{busy.message.swapcase()}")
    # OpenAPI: a name
    _mutate(tree, "openapi/catalogs.openapi.yaml", "- \"BUSY\"\n", "- \"BUZY\"\n")
    require("node")
    return {r.target: r for r in verify(spec, tree)}


def test_python_difference_names_the_entry(mutated: dict[str, TargetResult]) -> None:
    assert any(d.startswith("python: infobip_voice_error.BUSY: message:") and "'Busy!'" in d
               for d in mutated["python"].differences), mutated["python"].differences


def test_typescript_difference_names_the_entry(mutated: dict[str, TargetResult]) -> None:
    diffs = mutated["typescript"].differences
    assert "typescript: infobip_voice_error.BUSY: value: spec 10201, target {'member': 10299, 'info': 10201}" in diffs, diffs


def test_rust_difference_names_the_entry(mutated: dict[str, TargetResult], spec: Spec) -> None:
    diffs = mutated["rust"].differences
    busy = spec.resolve(Ref("infobip_voice_error", "BUSY"))
    assert busy is not None
    assert len(diffs) == 1 and diffs[0].startswith("rust: infobip_voice_error.BUSY: message:"), diffs
    assert diffs[0].endswith(f'target "{busy.message.swapcase()}"'), diffs


def test_json_difference_names_the_entry(mutated: dict[str, TargetResult]) -> None:
    diffs = mutated["json"].differences
    assert diffs == ["json: infobip_voice_error.BUSY: value: spec 10201, target 10202"], diffs


def test_java_difference_names_the_entry(mutated: dict[str, TargetResult]) -> None:
    diffs = mutated["java"].differences
    assert any(d.startswith("java: infobip_voice_error.BUSY: message:") and "'Busy!'" in d for d in diffs), diffs


def test_kotlin_reads_the_java_table_and_names_the_entry(mutated: dict[str, TargetResult]) -> None:
    diffs = mutated["kotlin"].differences
    assert any(d.startswith("kotlin: infobip_voice_error.BUSY: message:") and "'Busy!'" in d for d in diffs), diffs


def test_go_difference_names_the_entry(mutated: dict[str, TargetResult]) -> None:
    diffs = mutated["go"].differences
    message = _busy_message()
    assert diffs == [f"go: infobip_voice_error.BUSY: message: spec {message!r}, target {_go_busy(message)!r}"], diffs


def _go_busy(message: str) -> str:
    """Busy! padded to the message's length."""
    return "Busy!".ljust(len(message), "!")


def _busy_message() -> str:
    from codegen.spec.load import load_spec

    spec, _ = load_spec(SPEC_DIR)
    assert spec is not None
    cat = spec.catalog("infobip_voice_error")
    entry = cat.entry("BUSY") if cat else None
    assert entry is not None
    return entry.message


def test_openapi_difference_names_the_entry(mutated: dict[str, TargetResult]) -> None:
    diffs = mutated["openapi"].differences
    assert any(d.startswith("openapi: infobip_voice_error.BUSY: name:") for d in diffs), diffs


def _project(tmp_path: Path, generated_tree: Path) -> Path:
    shutil.copytree(SPEC_DIR, tmp_path / "spec")
    shutil.copytree(SPEC_DIR.parent / "templates", tmp_path / "templates")  # the template targets' folders
    shutil.copytree(generated_tree, tmp_path / "generated")
    return tmp_path / "spec"


def test_command_passes_on_a_fresh_tree_and_fails_naming_the_entry(
        tmp_path: Path, generated_tree: Path, capsys: pytest.CaptureFixture[str], jvm_reactor: Reactor) -> None:
    spec_dir = _project(tmp_path, generated_tree)
    assert main(["verify", "--spec", str(spec_dir)]) == 0
    out = capsys.readouterr().out
    for target in ("python", "typescript", "openapi", "json", "rust", "go", "java", "kotlin"):
        assert f"{target}: ok" in out or f"{target}: skipped" in out, out
    _mutate(tmp_path / "generated", "python/src/voice_status_codes/infobip_voice_error.py", "BUSY = 10201", "BUSY = 10200")
    assert main(["verify", "--spec", str(spec_dir)]) == 1
    captured = capsys.readouterr()
    assert "python: 1 difference(s)" in captured.out or "python:" in captured.out
    assert "infobip_voice_error" in captured.err and "python:" in captured.err, captured.err


def test_missing_node_is_reported_as_skipped(spec: Spec, generated_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    res = {r.target: r for r in verify(spec, generated_tree)}
    assert res["typescript"].skipped == "node is not installed"
    assert res["typescript"].differences == []
    assert res["rust"].skipped == "cargo is not installed" and res["rust"].differences == []
    assert res["python"].differences == [] and not res["python"].skipped
