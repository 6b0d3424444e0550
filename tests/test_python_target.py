"""The generated Python package: installable, typed, formatted, and equal to the spec."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.model import Ref, Spec
from tests.conftest import ROOT

PKG = "voice_status_codes"

# Dumps every catalog as the installed package sees it, for comparison with the spec.
DUMP = """
import json, importlib, sys
import {pkg} as pkg
out = {{}}
for name in pkg.__all__:
    if not name.endswith("Info") and name not in ("Deprecation", "Retirement", "Unknown", "UnknownValueError"):
        enum = getattr(pkg, name)
        module = sys.modules[enum.__module__]
        rows = []
        for m in enum:
            i = m.info
            rows.append({{"name": m.name, "value": m.value, "message": i.message, "description": i.description,
                "since": i.since, "deprecated": None if i.deprecated is None else [i.deprecated.since, i.deprecated.replacement, i.deprecated.note],
                "retired": None if i.retired is None else [i.retired.since, i.retired.note],
                "successors": list(i.successors),
                "fields": {{f: getattr(i, f) for f in i.__dataclass_fields__ if f not in ("name", "value", "message", "description", "since", "deprecated", "retired", "successors")}}}})
        out[module.CATALOG_ID] = rows
print(json.dumps(out))
"""


def expected_dump(spec: Spec) -> dict[str, list[dict[str, object]]]:
    def field(value: object) -> object:
        if isinstance(value, Ref):
            return value.name
        if isinstance(value, tuple):
            return [r.name for r in value]
        return value

    out = {}
    for c in spec.catalogs:
        rows = []
        for e in c.entries:
            dep = e.deprecated
            rows.append({
                "name": e.name, "value": e.value, "message": e.message, "description": e.description, "since": e.since,
                "deprecated": None if dep is None else [dep.since, str(dep.replacement) if dep.replacement else None, dep.note],
                "retired": None if e.retired is None else [e.retired.since, e.retired.note],
                "successors": [str(r) for r in e.successors],
                "fields": {f.name: field(e.fields.get(f.name)) for f in c.fields},
            })
        out[c.id] = rows
    return out


@pytest.fixture(scope="session")
def py_root(generated_tree: Path) -> Path:
    return generated_tree / "python"


@pytest.fixture(scope="session")
def installed_python(py_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the generated package's wheel installed: its python executable."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(work / "dist"), str(py_root)], check=True)
    wheels = list((work / "dist").glob("*.whl"))
    assert len(wheels) == 1, wheels
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(work / "venv")], check=True)
    python = work / "venv" / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index",
                    "--no-deps", str(wheels[0])], check=True)
    return python


def run_py(python: Path | str, code: str) -> str:
    proc = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd="/")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_wheel_installs_and_its_data_equals_the_spec(installed_python: Path, spec: Spec) -> None:
    actual = json.loads(run_py(installed_python, DUMP.format(pkg=PKG)))
    expected = expected_dump(spec)
    assert sorted(actual) == sorted(expected)
    for catalog, rows in expected.items():
        assert len(actual[catalog]) == len(rows), catalog
        for want, got in zip(rows, actual[catalog], strict=True):
            assert got == want, f"{catalog}.{want['name']}"


def test_wheel_ships_typing_marker_stubs_and_version(installed_python: Path, spec: Spec) -> None:
    out = run_py(installed_python, f"import {PKG}, importlib.resources as r, importlib.metadata as m;"
                 f"print(r.files('{PKG}').joinpath('py.typed').is_file(), {PKG}.__version__, m.version('voice-status-codes'));"
                 f"print(*sorted(p.name for p in r.files('{PKG}').iterdir() if p.name.endswith('.pyi')))")
    marker, stubs = out.strip().split("\n")
    assert marker.split() == ["True", spec.version, spec.version]
    assert stubs.split() == sorted(f"{c.id}.pyi" for c in spec.catalogs)


def test_stubs_match_the_modules_at_runtime(py_root: Path) -> None:
    # Type checkers read the stubs (with the member docs); stubtest proves them true to the modules.
    modules = sorted(f"{PKG}.{stub.stem}" for stub in (py_root / "src" / PKG).glob("*.pyi"))
    assert modules
    src = str(py_root / "src")
    proc = subprocess.run([sys.executable, "-m", "mypy.stubtest", *modules], capture_output=True, text=True,
                          cwd=py_root, env={**os.environ, "PYTHONPATH": src, "MYPYPATH": src})
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_catalog_modules_load_lazily(installed_python: Path) -> None:
    code = (f"import sys, {PKG}; before = sorted(m for m in sys.modules if m.startswith('{PKG}.'));"
            f"{PKG}.VoipbinReason; after = sorted(m for m in sys.modules if m.startswith('{PKG}.'));"
            "print(before, after)")
    before, after = run_py(installed_python, code).strip().split("] [")
    assert "voipbin_reason" not in before and "infobip_voice_error" not in before
    assert f"{PKG}.voipbin_reason" in after and "infobip" not in after


BEHAVIOUR = """
from voice_status_codes import Unknown, UnknownValueError
from voice_status_codes.voipbin_reason import VoipbinReason, parse, parse_strict
from voice_status_codes.voipbin_status import VoipbinStatus, parse as parse_status
from voice_status_codes.infobip_legacy_voice_error import InfobipLegacyVoiceError, migrate, parse as parse_legacy
from voice_status_codes.infobip_voice_error import InfobipVoiceError, parse as parse_voice
from voice_status_codes.infobip_status_reason import InfobipStatusReason
from voice_status_codes.infobip_error_group import InfobipErrorGroup
from enum import IntEnum, StrEnum

assert issubclass(VoipbinReason, StrEnum) and issubclass(InfobipVoiceError, IntEnum)
assert parse("CALL_NOT_FOUND") is VoipbinReason.CALL_NOT_FOUND
assert VoipbinReason.CALL_NOT_FOUND.http_status == 404
assert VoipbinReason.CALL_NOT_FOUND.section == "call"
unknown = parse("BRAND_NEW_REASON")
assert isinstance(unknown, Unknown) and unknown.raw == "BRAND_NEW_REASON" and unknown.catalog == "voipbin_reason"
assert all(unknown != m for m in VoipbinReason)
assert parse_voice(424242) == Unknown("infobip_voice_error", 424242)
assert isinstance(parse_voice(True), Unknown) and isinstance(parse_voice(10000.0), Unknown)
for bad in ("NOPE", 5):
    try:
        parse_strict(bad)
    except UnknownValueError as exc:
        assert exc.raw == bad and "voipbin_reason" in str(exc)
    else:
        raise AssertionError(bad)
try:
    parse_status("TEAPOT")
except UnknownValueError:
    pass
else:
    raise AssertionError("closed catalog accepted an unknown value")
# Statuses and reasons share three names but live in separate namespaces.
assert VoipbinStatus.INTERNAL is not VoipbinReason.INTERNAL
assert isinstance(parse(VoipbinStatus.INTERNAL), Unknown)
assert parse_status("INTERNAL") is VoipbinStatus.INTERNAL and VoipbinStatus.INTERNAL.http_status == 500
# Migration and lifecycle.
assert [m.value for m in migrate(5004)] == [10400, 10401, 10402]
assert migrate(InfobipLegacyVoiceError.EC_VOICE_ERROR_REQUEST_TERMINATED) == (InfobipVoiceError.CANCELLED, InfobipVoiceError.REJECTED)
assert migrate(5481) == ()
assert parse_legacy(5481).info.retired is not None and parse_legacy(5481).is_deprecated
assert parse_legacy(5004).info.deprecated.replacement == "infobip_voice_error.URL_NOT_FOUND"
assert not InfobipVoiceError.BUSY.is_deprecated
# References come back as members of the referenced catalog.
assert InfobipVoiceError.BUSY.group is InfobipErrorGroup.USER_ERRORS
assert InfobipVoiceError(10104).group is None
assert InfobipStatusReason(97).error_code is InfobipVoiceError.BUSY
print("ok")
"""


def test_behaviour_of_the_generated_api(installed_python: Path) -> None:
    assert run_py(installed_python, BEHAVIOUR).strip() == "ok"


def test_mypy_strict_ruff_and_black_accept_the_package(py_root: Path) -> None:
    src = str(py_root / "src")
    bin_dir = Path(sys.executable).parent
    for cmd in ([str(bin_dir / "mypy"), "--strict", "--no-incremental", src],
                [str(bin_dir / "ruff"), "check", "--no-cache", src],
                [str(bin_dir / "ruff"), "format", "--check", "--no-cache", src],
                [str(bin_dir / "black"), "--check", "--quiet", src]):
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=py_root)
        assert proc.returncode == 0, f"{cmd[0]}: {proc.stdout}{proc.stderr}"


def test_typed_usage_type_checks(py_root: Path, tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "from voice_status_codes.voipbin_reason import VoipbinReason, parse\n"
        "from voice_status_codes import Unknown\n"
        "r = parse('X')\n"
        "if isinstance(r, Unknown):\n    raw: object = r.raw\nelse:\n    status: int = r.http_status\n"
        "bad: str = VoipbinReason.CALL_NOT_FOUND.http_status\n", "utf-8")
    proc = subprocess.run([str(Path(sys.executable).parent / "mypy"), "--strict", "--no-incremental", str(user)],
                          capture_output=True, text=True, env={"MYPYPATH": str(py_root / "src"), "PATH": "/usr/bin:/bin"})
    # Exactly the one deliberate error: the metadata is typed.
    assert proc.stdout.count("error:") == 1 and "user.py:8" in proc.stdout, proc.stdout


def test_codegen_wheel_works_outside_the_repository(tmp_path: Path, generated: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path / "dist"), str(ROOT)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("codegen_catalogs-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(tmp_path / "lib"), str(wheel)], check=True)
    project = tmp_path / "project"
    project.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "spec"), str(ROOT / "templates"), str(project)], check=True)
    proc = subprocess.run([sys.executable, "-m", "codegen", "generate", "--target", "python"], cwd=project,
                          env={"PYTHONPATH": str(tmp_path / "lib"), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    written = {p.relative_to(project / "generated").as_posix(): p.read_text("utf-8")
               for p in (project / "generated" / "python").rglob("*") if p.is_file()}
    assert written == {k: v for k, v in generated.items() if k.startswith("python/")}
