"""The writer and the commands: only-when-changed, owned files only, exact exit codes."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen import writer
from codegen.cli import main
from tests.conftest import ROOT

GOLDEN_SPEC = ROOT / "tests" / "golden" / "minimal" / "spec"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal golden spec as a project's spec/ folder; cwd is the project."""
    shutil.copytree(GOLDEN_SPEC, tmp_path / "spec")
    (tmp_path / "spec" / "codegen.yaml").write_text(
        (tmp_path / "spec" / "codegen.yaml").read_text() + "output_root: ../generated\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def tree_state(root: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_generate_then_check_is_clean_and_rerun_touches_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate"]) == 0
    first = tree_state(project / "generated")
    assert "python/src/minimal_codes/legacy_code.py" in first and writer.MANIFEST in first
    assert main(["check"]) == 0
    assert main(["generate"]) == 0
    assert tree_state(project / "generated") == first  # same bytes and same mtimes
    assert "0 new, 0 changed, 0 removed" in capsys.readouterr().out


def test_check_reports_changed_new_and_stale_with_the_fix(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate"]) == 0
    out = project / "generated"
    edited = out / "python/src/minimal_codes/reason.py"
    edited.write_text(edited.read_text() + "# hand edit\n")
    (out / "python/README.md").unlink()
    manifest = (out / writer.MANIFEST).read_text().replace('"python/pyproject.toml"', '"python/old_file.py"')
    (out / writer.MANIFEST).write_text(manifest)
    (out / "python/old_file.py").write_text("stale\n")
    capsys.readouterr()
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert "-# hand edit" in captured.out  # the unified diff
    assert "changed: generated/python/src/minimal_codes/reason.py" in captured.err
    assert "new: generated/python/README.md" in captured.err
    assert "stale: generated/python/old_file.py" in captured.err
    assert "edited by hand: generated/python/src/minimal_codes/reason.py" in captured.err
    assert "run: codegen generate" in captured.err
    assert (out / "python/old_file.py").exists(), "check must not write"


def test_generate_removes_stale_owned_files_and_never_touches_others(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate"]) == 0
    out = project / "generated"
    (out / "python" / "mine.txt").write_text("not generated\n")
    spec_file = project / "spec" / "codegen.yaml"
    spec_file.write_text(spec_file.read_text().replace("  - reasons.yaml\n", ""))
    codes = project / "spec" / "codes.yaml"
    codes.write_text(codes.read_text().replace("category: {type: ref, catalog: reason, required: true}", "kind: {type: string}").replace("category: NONE, ", "").replace("category: TIMEOUT, ", "").replace("successors: [reason.TIMEOUT, reason.NONE]", ""))
    assert main(["generate"]) == 0, capsys.readouterr().err
    assert not (out / "python/src/minimal_codes/reason.py").exists()
    assert not (out / "python/src/minimal_codes/_reason_info.py").exists()
    assert not (out / "python/src/minimal_codes/reason.pyi").exists()
    assert (out / "python" / "mine.txt").read_text() == "not generated\n"
    assert not (out / "rust/src/reason.rs").exists()
    assert not (out / "go/reason.go").exists()
    assert "5 removed" in capsys.readouterr().out  # reason.py, its stub, its _reason_info.py, reason.rs and reason.go


def test_generate_reports_replacing_a_hand_edit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate"]) == 0
    path = project / "generated/python/src/minimal_codes/reason.py"
    original = path.read_text()
    path.write_text("# edited\n")
    assert main(["generate"]) == 0
    assert "replaced hand-edited file generated/python/src/minimal_codes/reason.py" in capsys.readouterr().err
    assert path.read_text() == original


def test_failed_write_leaves_previous_files_as_they_were(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["generate"]) == 0
    before = tree_state(project / "generated")
    codes = project / "spec" / "codes.yaml"
    codes.write_text(codes.read_text().replace("Everything worked.", "Everything still worked."))
    calls = {"n": 0}
    real = writer._stage

    def failing_stage(path: Path, data: bytes) -> Path:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(writer, "_stage", failing_stage)
    with pytest.raises(OSError):
        main(["generate"])
    assert tree_state(project / "generated") == before
    leftovers = [p for p in (project / "generated").rglob("*.tmp")]
    assert leftovers == []


def test_target_selection_and_unknown_target(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--target", "python"]) == 0
    assert main(["generate", "--target", "cobol"]) == 2
    assert "target 'cobol' is not configured" in capsys.readouterr().err


def test_validate_exit_codes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "spec"]) == 0
    assert "2 catalogs, 5 entries, valid" in capsys.readouterr().out
    assert main(["validate", "spec/codes.yaml"]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    (project / "spec" / "codes.yaml").write_text("catalog: {id: 1\n")
    assert main(["validate", "spec"]) == 1
    assert main(["generate"]) == 1
    assert not (project / "generated").exists(), "an invalid spec writes nothing"


def test_module_entry_point_runs(project: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "codegen", "validate", "spec"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0 and "valid" in proc.stdout, proc.stderr


def test_no_change_fast_path_skips_work_and_notices_every_change(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import codegen.generate

    assert main(["generate"]) == 0
    calls = {"n": 0}
    real = codegen.generate.stage

    def counting(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(codegen.generate, "stage", counting)
    assert main(["generate"]) == 0 and main(["check"]) == 0
    assert calls["n"] == 0, "nothing changed: no generation"
    out = project / "generated/python/src/minimal_codes/reason.py"
    out.write_text(out.read_text() + "# edit\n")
    assert main(["check"]) == 1 and calls["n"] == 1, "an edited output is noticed"
    assert main(["generate"]) == 0 and calls["n"] == 2
    assert main(["check"]) == 0 and calls["n"] == 2
    codes = project / "spec" / "codes.yaml"
    codes.write_text(codes.read_text().replace("Everything worked.", "Everything worked again."))
    assert main(["check"]) == 1 and calls["n"] == 3, "an edited input is noticed"
    assert main(["generate"]) == 0 and calls["n"] == 4
    assert main(["check", "--no-cache"]) == 0 and calls["n"] == 5
    monkeypatch.setenv("CODEGEN_NO_CACHE", "1")
    assert main(["check"]) == 0 and calls["n"] == 6


def test_two_generate_runs_at_once_leave_the_tree_consistent(project: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT), "CODEGEN_NO_CACHE": "1"}
    runs = [subprocess.Popen([sys.executable, "-m", "codegen", "generate"], cwd=project, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert main(["check", "--no-cache"]) == 0
    assert not list((project / "generated").rglob("*.tmp"))
    outputs = sorted(out.decode() for out, _ in results)
    written = len(list((project / "generated").rglob("*.py")))
    assert outputs[0].startswith("generated: 0 new, 0 changed") and " 0 unchanged" in outputs[1], outputs
    assert written > 0  # one run wrote everything under the lock, the other then found it done


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    from codegen import __version__

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out.strip() == f"codegen {__version__}"


# --------------------------------------------------------------------------- two processes


@pytest.fixture()
def two_processes(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Every run renders on two processes, however small the spec; counts the forks."""
    import codegen.generate

    spec_file = project / "spec" / "codegen.yaml"  # a second target, for the second process
    spec_file.write_text(spec_file.read_text().replace("targets:\n", "targets:\n  json: {out: json}\n"))

    monkeypatch.setenv("CODEGEN_JOBS", "2")
    monkeypatch.setenv("CODEGEN_NO_CACHE", "1")
    monkeypatch.setattr(codegen.generate, "PARALLEL_MIN_ENTRIES", 0)
    forks = {"n": 0}
    real = os.fork

    def counting() -> int:
        forks["n"] += 1
        return real()

    monkeypatch.setattr(os, "fork", counting)
    return forks


def _bytes(root: Path) -> dict[str, bytes]:
    return {k: v for k, (_, v) in tree_state(root).items()}


def test_two_processes_write_what_one_writes(project: Path, two_processes: dict[str, int],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["generate"]) == 0 and two_processes["n"] == 1
    forked = _bytes(project / "generated")
    assert main(["check"]) == 0 and two_processes["n"] == 2
    shutil.rmtree(project / "generated")
    monkeypatch.setenv("CODEGEN_JOBS", "1")
    assert main(["generate"]) == 0 and two_processes["n"] == 2
    assert _bytes(project / "generated") == forked


@pytest.mark.parametrize("unsafe", ["on macOS", "with CODEGEN_NO_FORK=1"])
def test_where_fork_is_unsafe_one_process_writes_what_two_write(
        project: Path, two_processes: dict[str, int], monkeypatch: pytest.MonkeyPatch, unsafe: str) -> None:
    assert main(["generate"]) == 0 and two_processes["n"] == 1
    forked = _bytes(project / "generated")
    shutil.rmtree(project / "generated")
    if unsafe == "on macOS":
        monkeypatch.setattr(sys, "platform", "darwin")
    else:
        monkeypatch.setenv("CODEGEN_NO_FORK", "1")
    assert main(["generate"]) == 0 and main(["check"]) == 0
    assert two_processes["n"] == 1  # no fork since
    assert _bytes(project / "generated") == forked


def _edit_and_snapshot(project: Path) -> dict[str, tuple[int, bytes]]:
    """Generate, take the tree's state, then change the spec so the next run has files to write."""
    assert main(["generate"]) == 0
    before = tree_state(project / "generated")
    codes = project / "spec" / "codes.yaml"
    codes.write_text(codes.read_text().replace("Everything worked.", "Everything still worked."))
    return before


def _worker_stage_fails(monkeypatch: pytest.MonkeyPatch, fail: Any) -> None:
    """The worker (rendering Python) calls fail() at its second staged file, after the first."""
    import codegen.generate

    monkeypatch.setattr(codegen.generate, "_costs", lambda spec: {"json": 5.0, "python": 1.0})  # python: the worker's
    parent, real, calls = os.getpid(), writer._stage, {"n": 0}

    def staging(path: Path, data: bytes) -> Path:
        if os.getpid() != parent:
            calls["n"] += 1  # the worker's own count
            if calls["n"] == 2:
                fail()
        return real(path, data)

    monkeypatch.setattr(writer, "_stage", staging)


def _no_space() -> None:
    raise OSError(28, "No space left on device")


def test_a_failure_in_the_worker_leaves_the_tree_untouched(project: Path, two_processes: dict[str, int],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    before = _edit_and_snapshot(project)
    _worker_stage_fails(monkeypatch, _no_space)
    with pytest.raises(OSError, match="No space left"):
        main(["generate"])
    assert two_processes["n"] == 2
    assert tree_state(project / "generated") == before
    assert not list((project / "generated").rglob("*.tmp")), "a staged file was left behind"


def test_an_error_found_in_the_worker_writes_nothing(project: Path, two_processes: dict[str, int],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import codegen.generate
    from codegen.diagnostics import Diagnostic

    before = _edit_and_snapshot(project)
    parent, real = os.getpid(), codegen.generate.render

    def complaining_in_the_worker(spec: object, target: str) -> object:
        files, diags = real(spec, target)  # type: ignore[arg-type]
        if os.getpid() != parent:
            diags = [*diags, Diagnostic("codes.yaml", 3, 5, "N002", f"{target}: a clash", "rename it")]
        return files, diags

    monkeypatch.setattr(codegen.generate, "render", complaining_in_the_worker)
    capsys.readouterr()
    assert main(["generate"]) == 1
    err = capsys.readouterr().err
    assert "codes.yaml:3:5: error N002" in err, err
    assert tree_state(project / "generated") == before
    assert not list((project / "generated").rglob("*.tmp"))


def test_a_worker_that_dies_leaves_nothing_behind(project: Path, two_processes: dict[str, int],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    before = _edit_and_snapshot(project)
    _worker_stage_fails(monkeypatch, lambda: os._exit(9))  # killed: no message, no clean-up of its own
    with pytest.raises(RuntimeError, match="worker process ended without a result"):
        main(["generate"])
    assert tree_state(project / "generated") == before
    assert not list((project / "generated").rglob("*.tmp")), "the dead worker's staged file was left behind"
