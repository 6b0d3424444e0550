"""`codegen package`: each target's publishable artifact, built from generated/ and checked."""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

from codegen.diagnostics import EXIT_INVALID, EXIT_OK
from codegen.spec.paths import display_path
from codegen.workflow import load_project


class PackageError(Exception):
    """An artifact could not be built or failed its check."""


def _run(cmd: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise PackageError(f"{cmd[0]} is not installed") from None
    if proc.returncode != 0:
        raise PackageError(f"`{' '.join(cmd)}` failed:\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def python(source: Path, out: Path, version: str) -> list[Path]:
    """Wheel and sdist by the standard build frontend, then `twine check --strict`."""
    for module, extra in (("build", "build"), ("twine", "twine")):
        if importlib.util.find_spec(module) is None:
            raise PackageError(f"{extra} is not installed: pip install 'codegen-catalogs[package]'")
    _run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(source)], source)
    built = sorted(p for p in out.iterdir() if p.name.endswith((".whl", ".tar.gz")))
    if len(built) != 2 or not all(f"-{version}" in p.name for p in built):
        raise PackageError(f"expected one wheel and one sdist of {version}, built {[p.name for p in built]}")
    _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, built)], out)
    return built


def typescript(source: Path, out: Path, version: str) -> list[Path]:
    """`npm pack`, then every file package.json points to must be in the tarball."""
    listing = json.loads(_run(["npm", "pack", "--json", "--pack-destination", str(out)], source))[0]
    tarball = out / listing["filename"]
    manifest = json.loads((source / "package.json").read_text("utf-8"))
    if manifest["version"] != version:
        raise PackageError(f"package.json says {manifest['version']}, the spec {version}")
    with tarfile.open(tarball, "r:gz") as tar:
        packed = {m.name.removeprefix("package/") for m in tar.getmembers() if m.isfile()}
    missing = sorted(p for p in _pointed_to(manifest) if p not in packed)
    if missing:
        raise PackageError(f"{tarball.name} lacks files package.json points to: {', '.join(missing)}")
    return [tarball]


def _pointed_to(manifest: dict[str, object]) -> set[str]:
    """Every file named by main, types and exports."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value.removeprefix("./"))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for key in ("main", "types", "exports"):
        walk(manifest.get(key))
    return found


Packager = Callable[[Path, Path, str], list[Path]]
#: One packager per target that publishes to a registry; a target without one ships no artifact.
PACKAGERS: dict[str, Packager] = {"python": python, "typescript": typescript}


def cmd_package(args: argparse.Namespace) -> int:
    """Build and check every configured target's artifact into one folder (a subfolder per target)."""
    project = load_project(args.spec)
    if project is None:
        return EXIT_INVALID
    spec = project.spec
    if args.expect_version and args.expect_version != spec.version:
        print(f"{display_path(project.file)}: error K001: the spec is at {spec.version}, not {args.expect_version}\n"
              "    hint: tag the commit `codegen release` made", file=sys.stderr)
        return EXIT_INVALID
    if not project.fresh():
        print(f"error K002: {display_path(project.root)} is out of date; run codegen generate first", file=sys.stderr)
        return EXIT_INVALID
    out = (args.out or project.root.parent / "dist").resolve()
    failed = False
    for target, packager in PACKAGERS.items():
        if target not in spec.targets:
            continue
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.name.endswith((".whl", ".tar.gz", ".tgz")):
                old.unlink()
        try:
            built = packager(project.root / spec.targets[target]["out"], folder, spec.version)
        except PackageError as exc:
            print(f"error K003: {target}: {exc}", file=sys.stderr)
            failed = True
            continue
        for path in built:
            print(f"{target}: {display_path(path)} (checked)")
    return EXIT_INVALID if failed else EXIT_OK
