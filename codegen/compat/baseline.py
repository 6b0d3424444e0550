"""Where a baseline bundle comes from: a bundle file, a wheel, an npm tarball or a git ref."""

from __future__ import annotations

import json
import subprocess
import tarfile
import zipfile
from pathlib import Path
from typing import Any

BUNDLE_NAME = "catalogs.json"


class BaselineError(Exception):
    """The baseline cannot be read; the message says why and what to pass instead."""


def load_baseline(arg: str, base_dir: Path, repo_bundle: Path) -> dict[str, Any]:
    """The published bundle named by arg (paths are relative to base_dir)."""
    path = Path(arg) if Path(arg).is_absolute() else base_dir / arg
    if path.is_file():
        return _parse(_read_file(path), str(path))
    if arg.endswith((".json", ".whl", ".tgz", ".tar.gz")):
        raise BaselineError(f"baseline file {path} does not exist")
    return _parse(_read_git(arg, repo_bundle), f"{arg}:{repo_bundle.name}")


def _read_file(path: Path) -> bytes:
    name = path.name
    if name.endswith(".whl"):
        with zipfile.ZipFile(path) as wheel:
            members = [m for m in wheel.namelist() if m.endswith("/" + BUNDLE_NAME)]
            if not members:
                raise BaselineError(f"{path} carries no {BUNDLE_NAME}")
            return wheel.read(sorted(members, key=len)[0])
    if name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(path, "r:gz") as tar:
            candidates = [m for m in tar.getmembers() if m.isfile() and m.name.endswith("/" + BUNDLE_NAME)]
            if not candidates:
                raise BaselineError(f"{path} carries no {BUNDLE_NAME}")
            handle = tar.extractfile(sorted(candidates, key=lambda m: len(m.name))[0])
            assert handle is not None
            return handle.read()
    return path.read_bytes()


def _read_git(ref: str, bundle: Path) -> bytes:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=bundle.parent if bundle.parent.exists() else Path.cwd(),
                             capture_output=True, text=True, check=True).stdout.strip()
        rel = bundle.resolve().relative_to(Path(top).resolve()).as_posix()
        proc = subprocess.run(["git", "show", f"{ref}:{rel}"], cwd=top, capture_output=True, check=False)
    except (OSError, subprocess.CalledProcessError, ValueError) as exc:
        raise BaselineError(f"'{ref}' is neither a file nor a git ref of this repository ({exc})") from exc
    if proc.returncode != 0:
        raise BaselineError(f"git ref '{ref}' has no {rel}: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout


def _parse(data: bytes, where: str) -> dict[str, Any]:
    try:
        bundle = json.loads(data)
    except ValueError as exc:
        raise BaselineError(f"{where} is not JSON: {exc}") from exc
    if not isinstance(bundle, dict) or "catalogs" not in bundle or "spec_version" not in bundle:
        raise BaselineError(f"{where} is not a codegen catalog bundle")
    return bundle
