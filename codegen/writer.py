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
    """What a run changes under the output root: files compared, and staged when writing."""

    root: Path
    write: dict[str, str] = field(default_factory=dict)  # new or changed texts, kept when not staging (for diffs)
    staged: dict[str, str] = field(default_factory=dict)  # new or changed files: relative path -> staged temporary file
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)  # owned files a person changed by hand
    stale: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every generated file
    created: list[str] = field(default_factory=list)  # folders made for staged files, parents first
    manifest: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not (self.new or self.changed or self.stale)

    def merge(self, other: Plan) -> None:
        """Take in the targets another stager (a worker process) compared."""
        for name in ("new", "changed", "edited", "stale", "files", "created"):
            getattr(self, name).extend(getattr(other, name))
        self.write.update(other.write)
        self.staged.update(other.staged)
        self.manifest.update(other.manifest)


def read_manifest(root: Path) -> dict[str, dict[str, str]]:
    """Owned files per target, with the hash each had when written."""
    try:
        data = json.loads((root / MANIFEST).read_text("utf-8"))
        return {t: dict(files) for t, files in data.get("targets", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


class Stager:
    """Compares each target's files with the disk as they come, and (when writing) stages the
    new and changed ones beside their destination, so no target's texts outlive its turn.
    Nothing under the root changes until commit(); discard() removes what was staged."""

    def __init__(self, root: Path, *, stage: bool) -> None:
        self.stage = stage
        self.owned = read_manifest(root)
        self.plan = Plan(root)
        self.root_existed = root.exists()

    def add(self, target: str, files: dict[str, str]) -> None:
        plan, root = self.plan, self.plan.root
        owned = self.owned.get(target, {})
        entries: dict[str, str] = {}
        for rel, text in files.items():
            check_inside(root, rel)
            data = text.encode("utf-8")
            entries[rel] = digest(data)
            plan.files.append(rel)
            try:
                current: bytes | None = (root / rel).read_bytes()
            except FileNotFoundError:
                current = None
            if current == data:
                continue
            if current is None:
                plan.new.append(rel)
            else:
                plan.changed.append(rel)
                if rel in owned and digest(current) != owned[rel]:
                    plan.edited.append(rel)
            if self.stage:
                plan.created += _missing_folders(root / rel)
                plan.staged[rel] = str(_stage(root / rel, data))
            else:
                plan.write[rel] = text
        plan.stale += sorted(rel for rel in owned if rel not in files and (root / rel).exists())
        plan.manifest[target] = entries

    def discard(self) -> None:
        discard(self.plan)
        if not self.root_existed:  # a refused first run leaves no empty output root either
            with contextlib.suppress(OSError):
                self.plan.root.rmdir()


def discard(plan: Plan) -> None:
    """Remove every staged temporary file of plan, and the folders made for them."""
    for tmp in plan.staged.values():
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    plan.staged.clear()
    for folder in reversed(plan.created):
        with contextlib.suppress(OSError):
            os.rmdir(folder)  # only when empty: another run's or a person's files stay
    plan.created.clear()


def _missing_folders(path: Path) -> list[str]:
    """The folders above path that do not exist yet, outermost first."""
    missing: list[str] = []
    folder = path.parent
    while not folder.exists():
        missing.append(str(folder))
        folder = folder.parent
    return missing[::-1]


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
    """Serialise concurrent runs on one output root by locking the folder itself: no lock file
    is ever written into the tree. A root that does not exist yet is made first, so that every
    run locks the same folder (locking a parent while the first run creates the root would let
    a second run lock the new root and proceed); what this made is removed again if left empty."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    made = [folder for folder in (root, *root.parents) if not folder.exists()]
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
        for folder in made:  # deepest first
            try:
                folder.rmdir()  # only when empty: a refused first run leaves nothing behind
            except OSError:
                break


def commit(plan: Plan, owned: dict[str, dict[str, str]]) -> None:
    """Replace every staged file and the manifest (owned: the manifest as it was, for the
    targets this run did not touch); remove stale files. On failure nothing is replaced."""
    manifest = {**owned, **plan.manifest}
    doc = {"generated_by": "codegen", "targets": {t: dict(sorted(v.items())) for t, v in sorted(manifest.items())}}
    text = json.dumps(doc, indent=2, sort_keys=True) + "\n"
    try:
        for rel in [*plan.staged, *plan.stale]:
            check_inside(plan.root, rel)
        try:
            current = (plan.root / MANIFEST).read_text("utf-8")
        except FileNotFoundError:
            current = ""
        if text != current:
            plan.staged[MANIFEST] = str(_stage(plan.root / MANIFEST, text.encode("utf-8")))
    except BaseException:
        discard(plan)
        raise
    for rel, tmp in sorted(plan.staged.items(), key=lambda item: (item[0] == MANIFEST, item[0])):
        os.replace(tmp, plan.root / rel)
    plan.staged.clear()
    for rel in plan.stale:
        (plan.root / rel).unlink(missing_ok=True)
        _prune_empty(plan.root, (plan.root / rel).parent)


def _stage(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # The process id in the name lets a parent remove what a worker that died had staged.
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp")
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


def discard_orphans(root: Path, pid: int) -> None:
    """Remove the staged files of process pid under root (a worker that died without a word)."""
    for tmp in root.rglob(f".*.{pid}-*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
        _prune_empty(root, tmp.parent)


def _prune_empty(root: Path, directory: Path) -> None:
    while directory != root and directory.is_relative_to(root):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent
