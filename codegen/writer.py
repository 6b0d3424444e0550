"""The only code that writes: atomic, only-when-changed, manifest-owned files."""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".codegen-manifest.json"
LOCK = ".codegen.lock"


class EscapingPath(ValueError):
    """An output file that a symbolic link would put outside the output root."""


def check_inside(root: Path, rel: str) -> None:
    """Refuse rel when a link in its directories, or the file itself as a link, resolves outside root."""
    base = root.resolve()
    path = root / rel
    where = path.parent.resolve() / path.name
    if path.is_symlink():
        where = path.resolve()
    if not where.is_relative_to(base):
        raise EscapingPath(f"{path} resolves to {where}, outside the output root {base}: "
                           "a symbolic link points out of the output root; remove it")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Plan:
    """What a run would change under the output root."""

    root: Path
    write: dict[str, str] = field(default_factory=dict)  # new or changed (text: encoded one file at a time)
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)  # owned files a person changed by hand
    stale: list[str] = field(default_factory=list)
    manifest: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not (self.new or self.changed or self.stale)


def read_manifest(root: Path) -> dict[str, dict[str, str]]:
    """Owned files per target, with the hash each had when written."""
    try:
        data = json.loads((root / MANIFEST).read_text("utf-8"))
        return {t: dict(files) for t, files in data.get("targets", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def plan(root: Path, outputs: dict[str, dict[str, str]]) -> Plan:
    """Compare what would be generated with what is on disk; touches nothing."""
    old = read_manifest(root)
    result = Plan(root, manifest={t: dict(v) for t, v in old.items()})
    for target, files in outputs.items():
        owned = old.get(target, {})
        entries: dict[str, str] = {}
        for rel, text in files.items():
            check_inside(root, rel)
            data = text.encode("utf-8")
            entries[rel] = digest(data)
            try:
                current = (root / rel).read_bytes()
            except FileNotFoundError:
                result.new.append(rel)
                result.write[rel] = text
                continue
            if current != data:
                result.changed.append(rel)
                result.write[rel] = text
                if rel in owned and digest(current) != owned[rel]:
                    result.edited.append(rel)
        result.stale += sorted(rel for rel in owned if rel not in files and (root / rel).exists())
        result.manifest[target] = entries
    return result


def diff(plan: Plan, limit: int = 200) -> str:
    """A unified diff of every changed, new and stale file (cut after limit lines each)."""
    chunks: list[str] = []
    for rel in sorted(plan.new + plan.changed + plan.stale):
        path = plan.root / rel
        before = path.read_text("utf-8", errors="replace").splitlines(keepends=True) if path.exists() else []
        after = plan.write[rel].splitlines(keepends=True) if rel in plan.write else []
        lines = list(difflib.unified_diff(before, after, f"a/{rel}", f"b/{rel}"))
        if len(lines) > limit:
            lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines\n"]
        chunks.append("".join(lines))
    return "".join(chunks)


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Serialise concurrent runs on one output root."""
    root.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(root / LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def apply(plan: Plan) -> None:
    """Stage every write (manifest included) beside its target, then replace them all; remove stale files."""
    writes = dict(sorted(plan.write.items()))
    for rel in [*writes, *plan.stale]:
        check_inside(plan.root, rel)
    manifest = {"generated_by": "codegen", "targets": {t: dict(sorted(v.items())) for t, v in sorted(plan.manifest.items())}}
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    try:
        current = (plan.root / MANIFEST).read_text("utf-8")
    except FileNotFoundError:
        current = ""
    if text != current:
        writes[MANIFEST] = text
    staged: list[tuple[str, Path]] = []
    try:
        for rel, content in writes.items():
            staged.append((rel, _stage(plan.root / rel, content.encode("utf-8"))))
    except BaseException:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    for rel, tmp in staged:
        os.replace(tmp, plan.root / rel)
    for rel in plan.stale:
        (plan.root / rel).unlink(missing_ok=True)
        _prune_empty(plan.root, (plan.root / rel).parent)


def _stage(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, 0o644)
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def _prune_empty(root: Path, directory: Path) -> None:
    while directory != root and directory.is_relative_to(root):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent
