"""Golden cases: run `python -m tests.goldens` (or `make goldens`) to rewrite every expectation.

- tests/golden/<case>/spec/        input spec (codegen.yaml and catalogs)
- tests/golden/<case>/expected/    the whole expected output tree (passing cases)
- tests/golden/<case>/diagnostics.txt  the expected diagnostics (failing cases)
- tests/data/bad_specs/<case>/expected.txt  what `codegen validate` prints for a bad spec
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

from codegen.cli import main
from codegen.generate import generate, selected_targets
from codegen.spec.load import load_spec

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
BAD_SPECS = HERE / "data" / "bad_specs"
COMPAT = HERE / "data" / "compat"
REGENERATE = "make goldens"


def render_case(case: Path) -> tuple[dict[str, str], str]:
    """The files a golden case generates and the diagnostics it prints."""
    with _cwd(case / "spec"):
        spec, diags = load_spec(Path("."))
        files: dict[str, str] = {}
        if spec is not None:
            targets, more = selected_targets(spec, None)
            outputs, found = generate(spec, targets)
            diags = diags + more + found
            files = {p: t for out in outputs.values() for p, t in out.items()}
    return files, "".join(d.render() + "\n" for d in diags)


def validate_output(case: Path) -> tuple[int, str]:
    """Exit code and stderr of `codegen validate .` run inside a bad-spec folder."""
    err = io.StringIO()
    with _cwd(case), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["validate", "."])
    return code, err.getvalue()


def compat_output(case: Path) -> tuple[bool, str]:
    """Verdict and text report of the compatibility gate for one (previous, current) fixture pair."""
    from codegen.compat import Policy, compare
    from codegen.compat.locate import Locator
    from codegen.compat.report import text
    from codegen.targets.jsonbundle.bundle import build_bundle

    with _cwd(case):
        previous, _ = load_spec(Path("previous"))
        current, _ = load_spec(Path("current"))
        assert previous is not None and current is not None, case
        result = compare(build_bundle(previous), build_bundle(current), Policy.from_project(current.compat))
        return result.passed, text(result, Locator(current))


def read_tree(root: Path) -> dict[str, str]:
    """Every file under root as {relative path: text}."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_text("utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def _cwd(path: Path):  # type: ignore[no-untyped-def]
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def regenerate() -> None:
    """Rewrite every golden expectation from the current code and templates."""
    for case in sorted(p for p in GOLDEN.iterdir() if p.is_dir()):
        files, diagnostics = render_case(case)
        shutil.rmtree(case / "expected", ignore_errors=True)
        (case / "diagnostics.txt").unlink(missing_ok=True)
        if diagnostics:
            (case / "diagnostics.txt").write_text(diagnostics, "utf-8")
        for rel, text in files.items():
            path = case / "expected" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8", newline="\n")
        print(f"golden {case.name}: {len(files)} files, {diagnostics.count(chr(10))} diagnostic lines")
    for case in sorted(p for p in BAD_SPECS.iterdir() if p.is_dir()):
        code, stderr = validate_output(case)
        (case / "expected.txt").write_text(f"exit {code}\n{stderr}", "utf-8")
        print(f"bad spec {case.name}: exit {code}")
    for case in sorted(p for p in COMPAT.iterdir() if p.is_dir()):
        passed, report = compat_output(case)
        (case / "expected.txt").write_text(report, "utf-8")
        print(f"compat {case.name}: {'pass' if passed else 'fail'}")


if __name__ == "__main__":
    regenerate()
