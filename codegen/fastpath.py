"""The no-change fast path: skip all work when neither inputs nor outputs moved.

A run that wrote or verified the output tree records, in the user's cache directory, a
fingerprint of every input (spec files, codegen's own code and templates, the pinned
formatter) and the size and modification time of every output file. The next run that
finds the same fingerprint and the same file stats has nothing to do: like make or ninja,
it trusts file times (a hand edit changes them). `--no-cache` or CODEGEN_NO_CACHE=1 turns
this off; CI on a fresh clone has no cache and always does the full comparison.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codegen.cache import cache_dir
from codegen.spec.fastyaml import fast_load
from codegen.spec.yamlsrc import _loader

if TYPE_CHECKING:
    import yaml
else:  # imported when first used: the fast path reads the project file without it
    from codegen.spec.yamlsrc import yaml

_PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = (".py", ".j2", ".json")


@cache
def tool_fingerprint() -> str:
    """Hash of codegen's own code, schemas and templates plus the formatter versions."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in _SUFFIXES):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for module in ("ruff", "black", "jinja2", "yaml", "yaml_rs"):
        digest.update(f"{module}={_installed_version(module)}\0".encode())
    return digest.hexdigest()


_DISTRIBUTION = {"yaml": "pyyaml"}


def _installed_version(module: str) -> str:
    """The dist-info name beside an installed module (importlib.metadata costs 25 ms to import)."""
    # The path finder, not sys.modules: a module imported lazily would load on being asked.
    spec = importlib.machinery.PathFinder.find_spec(module)
    if spec is None or spec.origin is None:
        return "none"
    prefix = _DISTRIBUTION.get(module, module) + "-"
    site = Path(spec.origin).parent.parent
    names = sorted(p.name for p in site.glob("*.dist-info") if p.name.lower().replace("_", "-").startswith(prefix.replace("_", "-")))
    return ",".join(names) or str(Path(spec.origin).stat().st_mtime_ns)


def _inputs(project: Path, targets: list[str] | None) -> tuple[str, Path] | None:
    """Fingerprint of every input and the output root, or None if anything is unusual."""
    try:
        raw = project.read_bytes()
        data: Any = fast_load(raw.decode("utf-8"))
        if data is None:  # the slow reading, for a project file the fast path steps aside from
            data = yaml.load(raw, Loader=_loader())
        catalogs = [project.parent / str(c) for c in data["catalogs"]]
        root = (project.parent / str(data.get("output_root", "../generated"))).resolve()
        digest = hashlib.sha256(tool_fingerprint().encode() + b"\0" + raw)
        for path in catalogs + _history(project.parent, data):
            digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
        for folder in _template_folders(project.parent, data.get("targets")):
            _hash_folder(digest, folder)
    except (OSError, ValueError, yaml.YAMLError, KeyError, TypeError):
        return None
    digest.update(json.dumps(sorted(targets or [])).encode())
    return digest.hexdigest(), root


def _template_folders(base: Path, targets: Any) -> list[Path]:
    """Every folder of templates the targets read (template targets, overrides)."""
    from codegen.targets import FOLDER_SETTINGS

    if not isinstance(targets, dict):
        return []
    return [base / str(settings[key]) for settings in targets.values() if isinstance(settings, dict)
            for key in FOLDER_SETTINGS if isinstance(settings.get(key), str)]


def _hash_folder(digest: Any, folder: Path) -> None:
    """Each file's path and bytes under folder, in sorted order (a missing folder hashes as empty)."""
    digest.update(b"\0folder\0" + str(folder).encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def _history(folder: Path, data: Any) -> list[Path]:
    """The release baselines a target reads (the docs site's release pages): inputs too."""
    places = {str(Path(str(data.get("compat", {}).get("baseline", ""))).parent)} if str(
        data.get("compat", {}).get("baseline", "")).endswith(".json") else set()
    places |= {str(s["history"]) for s in data.get("targets", {}).values() if isinstance(s, dict) and "history" in s}
    return sorted(p for place in places if (folder / place).is_dir() for p in (folder / place).glob("*.json"))


def _record_path(project: Path, targets: list[str] | None) -> Path | None:
    base = cache_dir()
    if base is None:
        return None
    key = hashlib.sha256(f"{project.resolve()}\0{sorted(targets or [])}".encode()).hexdigest()[:32]
    return base / f"{key}.json"


def _stats(root: Path, files: list[str]) -> dict[str, list[int]] | None:
    out = {}
    for rel in files:
        try:
            st = (root / rel).stat()
        except OSError:
            return None
        out[rel] = [st.st_size, st.st_mtime_ns]
    return out


class FastPath:
    """One run's view of the cache: the input fingerprint is taken before any work starts."""

    def __init__(self, project: Path, targets: list[str] | None) -> None:
        self.record_path = _record_path(project, targets)
        self.inputs = _inputs(project, targets) if self.record_path else None

    def fresh(self) -> tuple[Path, int] | None:
        """(output root, file count) when the last verified run still holds, else None."""
        if self.record_path is None or self.inputs is None:
            return None
        try:
            record = json.loads(self.record_path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        fingerprint, root = self.inputs
        if record.get("fingerprint") != fingerprint or record.get("root") != str(root):
            return None
        files = record.get("files", {})
        if _stats(root, list(files)) != files:
            return None
        return root, len(files) - 1  # the manifest is not a generated file

    def remember(self, root: Path, files: list[str]) -> None:
        """Record that the tree under root holds exactly what the fingerprinted inputs generate."""
        if self.record_path is None or self.inputs is None or root != self.inputs[1]:
            return
        stats = _stats(root, [*files, ".codegen-manifest.json"])
        if stats is None:
            return
        record = {"fingerprint": self.inputs[0], "root": str(root), "files": stats}
        try:
            self.record_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.record_path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(record), "utf-8")
            os.replace(tmp, self.record_path)
        except OSError:
            return  # a cache that cannot be written only costs speed
