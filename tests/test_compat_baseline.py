"""Malformed baselines: one located error naming the file, exit 3, never a traceback."""

from __future__ import annotations

import copy
import io
import json
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.cli import main
from codegen.model import Spec
from codegen.targets.jsonbundle.bundle import build_bundle
from tests.conftest import ROOT

Edit = Callable[[dict[str, Any]], None]


def _drop_entries(b: dict[str, Any]) -> None:
    del b["catalogs"]["voipbin_reason"]["entries"]


def _drop_retired(b: dict[str, Any]) -> None:
    del b["catalogs"]["voipbin_reason"]["entries"][0]["retired"]


def _set(key: str, value: Any) -> Edit:
    return lambda b: b.__setitem__(key, value)


MALFORMED: dict[str, tuple[Edit, str]] = {
    "catalog-without-entries": (_drop_entries, "'entries' is a required property (at catalogs/voipbin_reason)"),
    "entry-without-retired": (_drop_retired, "'retired' is a required property (at catalogs/voipbin_reason/entries/0)"),
    "spec-version-v-prefixed": (_set("spec_version", "v1.2"), "'v1.2' does not match"),
    "spec-version-number": (_set("spec_version", 121), "121 is not of type 'string' (at spec_version)"),
    "catalogs-list": (_set("catalogs", []), "[] is not of type 'object' (at catalogs)"),
    "format-99": (_set("format", 99), "1 was expected (at format)"),
}


@pytest.fixture(scope="module")
def bundle(spec: Spec) -> dict[str, Any]:
    return build_bundle(spec)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["compat", *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.err


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_bundle_is_one_clear_error(case: str, tmp_path: Path, bundle: dict[str, Any],
                                             capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    edit, expected = MALFORMED[case]
    broken = copy.deepcopy(bundle)
    edit(broken)
    (tmp_path / "old.json").write_text(json.dumps(broken), "utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec").symlink_to(ROOT / "spec")
    code, err = _run(["--against", "old.json", "--spec", "spec"], capsys)
    assert code == 3
    assert err.startswith("old.json:1:1: error B003: not a valid catalog bundle: "), err
    assert expected in err and err.count("error") == 1


def _wheel(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "pkg-1.0.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("pkg/catalogs.json", data)
    return path


def _tarball(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "pkg-1.0.0.tgz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("package/catalogs.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return path


def _truncate(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _garbage(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(b"\x00not an archive at all\xff" * 40)
    return path


ARCHIVES: dict[str, tuple[Callable[[Path, bytes], Path], str]] = {
    "garbage-wheel": (lambda t, d: _garbage(t, "x-1.0-py3-none-any.whl"), "B004: the archive cannot be read"),
    "truncated-wheel": (lambda t, d: _truncate(_wheel(t, d)), "B004: the archive cannot be read"),
    "garbage-tarball": (lambda t, d: _garbage(t, "x-1.0.0.tgz"), "B004: the archive cannot be read"),
    "truncated-tarball": (lambda t, d: _truncate(_tarball(t, d)), "B004: the archive cannot be read"),
    "wheel-without-bundle": (lambda t, d: _empty_wheel(t), "B004: the wheel carries no catalogs.json"),
    "tarball-with-garbage-bundle": (lambda t, d: _tarball(t, b"{not json"), "B002: the bundle is not JSON"),
    "wheel-with-malformed-bundle": (lambda t, d: _wheel(t, b'{"format": 99}'), "B003: not a valid catalog bundle"),
}


def _empty_wheel(tmp_path: Path) -> Path:
    path = tmp_path / "empty-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("empty/__init__.py", "")
    return path


@pytest.mark.parametrize("case", sorted(ARCHIVES))
def test_broken_archive_is_one_clear_error(case: str, tmp_path: Path, bundle: dict[str, Any],
                                           capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    make, expected = ARCHIVES[case]
    path = make(tmp_path, json.dumps(bundle).encode())
    monkeypatch.chdir(ROOT)
    code, err = _run(["--against", str(path)], capsys)
    assert code == 3
    assert err.startswith(f"{path}:"), err
    assert expected in err and "hint:" in err


def test_the_published_bundle_is_a_valid_baseline(tmp_path: Path, bundle: dict[str, Any],
                                                  capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "same.json").write_text(json.dumps(bundle), "utf-8")
    monkeypatch.chdir(ROOT)
    code, err = _run(["--against", str(tmp_path / "same.json")], capsys)
    assert code == 0, err


def _go_module_zip(tmp_path: Path, module: Path, data: bytes | None = None) -> Path:
    """A module zip laid out as the Go module proxy serves it: every file under module@version/."""
    path = tmp_path / "v1.2.1.zip"
    prefix = "example.com/voice-status-codes/generated/go@v1.2.1/"
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted(module.rglob("*")):
            if file.is_file():
                rel = file.relative_to(module).as_posix()
                archive.writestr(prefix + rel, data if data is not None and rel == "catalogs.json" else file.read_bytes())
    return path


def test_baseline_from_a_go_module_zip_and_folder(tmp_path: Path, generated_tree: Path,
                                                  capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The Go module ships catalogs.json: its proxy zip and its module-cache folder are baselines."""
    monkeypatch.chdir(ROOT)
    assert main(["compat", "--against", str(_go_module_zip(tmp_path, generated_tree / "go"))]) == 0, capsys.readouterr()
    assert main(["compat", "--against", str(generated_tree / "go")]) == 0, capsys.readouterr()
    bundle = json.loads((generated_tree / "go" / "catalogs.json").read_text("utf-8"))
    reasons = bundle["catalogs"]["voipbin_reason"]["entries"]
    reasons.append({**reasons[0], "name": "GONE", "value": "GONE"})
    older = tmp_path / "older"
    older.mkdir()
    capsys.readouterr()
    assert main(["compat", "--against", str(_go_module_zip(older, generated_tree / "go", json.dumps(bundle).encode())),
                 "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert "ENTRY_REMOVED" in [f["rule"] for f in data["findings"]] and not data["passed"]


def test_a_go_module_zip_without_the_bundle_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.0.0.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("example.com/m@v1.0.0/go.mod", "module example.com/m\n")
    monkeypatch.chdir(ROOT)
    code, err = _run(["--against", str(path)], capsys)
    assert code == 3
    assert err.startswith(f"{path}:1:1: error B004: the Go module zip carries no catalogs.json"), err
