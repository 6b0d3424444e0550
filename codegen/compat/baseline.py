"""Where a baseline bundle comes from: a bundle file, a wheel, an npm tarball, a Go module
(its zip as the module proxy serves it, or its folder as the module cache holds it) or a git ref.

Whatever the source, the bundle is validated against the JSON Schema shipped with the
bundle format before any rule reads it, so a malformed baseline is one located error
(exit 3), never a traceback or a silent pass.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import zipfile
import zlib
from functools import cache
from pathlib import Path
from typing import Any

BUNDLE_NAME = "catalogs.json"


class BaselineError(Exception):
    """The baseline cannot be used; str() is `file:line:col: error CODE: message` plus a hint."""

    def __init__(self, where: str, code: str, message: str, hint: str, line: int = 1, col: int = 1) -> None:
        self.where, self.code = where, code
        super().__init__(f"{where}:{line}:{col}: error {code}: {message}\n    hint: {hint}")


def load_baseline(arg: str, base_dir: Path, repo_bundle: Path) -> dict[str, Any]:
    """The published bundle named by arg (paths are relative to base_dir), schema-valid."""
    path = Path(arg) if Path(arg).is_absolute() else base_dir / arg
    if path.is_file():
        return parse_bundle(_read_file(path, arg), arg)
    if path.is_dir() and (path / BUNDLE_NAME).is_file():  # a Go module as the module cache unpacks it
        return parse_bundle((path / BUNDLE_NAME).read_bytes(), f"{arg}/{BUNDLE_NAME}")
    if arg.endswith((".json", ".whl", ".zip", ".tgz", ".tar.gz")):
        raise BaselineError(arg, "B001", "baseline file does not exist", "pass an existing bundle, wheel, npm tarball, Go module (zip or folder) or git ref")
    return parse_bundle(_read_git(arg, repo_bundle), f"{arg}:{repo_bundle.name}")


def _read_file(path: Path, shown: str) -> bytes:
    try:
        if path.name.endswith(".whl"):
            return _from_zip(path, shown, "wheel")
        if path.name.endswith(".zip"):
            return _from_zip(path, shown, "Go module zip")
        if path.name.endswith((".tgz", ".tar.gz")):
            return _from_tarball(path, shown)
        return path.read_bytes()
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, OSError, KeyError) as exc:
        raise BaselineError(shown, "B004", f"the archive cannot be read: {exc or type(exc).__name__}",
                            "pass the wheel or npm tarball exactly as it was published (it may be truncated)") from exc


def _from_zip(path: Path, shown: str, kind: str) -> bytes:
    """The bundle nearest the root of a wheel or a Go module zip (`module@version/catalogs.json`)."""
    with zipfile.ZipFile(path) as archive:
        members = [m for m in archive.namelist() if m.endswith("/" + BUNDLE_NAME)]
        if not members:
            raise BaselineError(shown, "B004", f"the {kind} carries no {BUNDLE_NAME}", f"pass a {kind} built by codegen")
        return archive.read(sorted(members, key=len)[0])


def _from_tarball(path: Path, shown: str) -> bytes:
    with tarfile.open(path, "r:gz") as tar:
        candidates = [m for m in tar.getmembers() if m.isfile() and m.name.endswith("/" + BUNDLE_NAME)]
        if not candidates:
            raise BaselineError(shown, "B004", f"the tarball carries no {BUNDLE_NAME}", "pass an npm tarball built by codegen")
        handle = tar.extractfile(sorted(candidates, key=lambda m: len(m.name))[0])
        if handle is None:
            raise BaselineError(shown, "B004", f"{BUNDLE_NAME} in the tarball is not a file", "pass an npm tarball built by codegen")
        return handle.read()


def _read_git(ref: str, bundle: Path) -> bytes:
    hint = "pass an existing bundle, wheel, npm tarball, Go module (zip or folder) or git ref"
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=bundle.parent if bundle.parent.exists() else Path.cwd(),
                             capture_output=True, text=True, check=True).stdout.strip()
        rel = bundle.resolve().relative_to(Path(top).resolve()).as_posix()
        proc = subprocess.run(["git", "show", f"{ref}:{rel}"], cwd=top, capture_output=True, check=False)
    except (OSError, subprocess.CalledProcessError, ValueError) as exc:
        raise BaselineError(ref, "B001", f"neither a file nor a git ref of this repository ({exc})", hint) from exc
    if proc.returncode != 0:
        raise BaselineError(ref, "B001", f"git ref has no {rel}: {proc.stderr.decode(errors='replace').strip()}", hint)
    return proc.stdout


def parse_bundle(data: bytes, where: str) -> dict[str, Any]:
    """A bundle from bytes, validated against the shipped bundle schema."""
    try:
        bundle = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BaselineError(where, "B002", "the bundle is not UTF-8 text", "pass a catalogs.json written by codegen") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(where, "B002", f"the bundle is not JSON: {exc.msg}", "pass a catalogs.json written by codegen",
                            exc.lineno, exc.colno) from exc
    problem = _schema_problem(bundle)
    if problem:
        raise BaselineError(where, "B003", f"not a valid catalog bundle: {problem}",
                            "the baseline must validate against catalogs.schema.json; regenerate it with the codegen that published it")
    return bundle  # type: ignore[no-any-return]


@cache
def _validator() -> Any:
    import jsonschema

    from codegen.targets.jsonbundle.schema import bundle_schema
    return jsonschema.Draft202012Validator(bundle_schema("codegen.yaml"))


def _schema_problem(bundle: Any) -> str:
    import jsonschema

    error = jsonschema.exceptions.best_match(_validator().iter_errors(bundle))
    if error is None:
        return ""
    at = "/".join(str(p) for p in error.absolute_path) or "top level"
    return f"{error.message} (at {at})"
