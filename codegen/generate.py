"""Generation: validated spec in, {relative path: text} per target out, and the run that
renders targets on two cores and stages their files as they come."""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.targets import Files, Target, available
from codegen.writer import Plan, Stager, discard, discard_orphans

# Below this many entries a second process costs more than it saves.
PARALLEL_MIN_ENTRIES = 2000


def selected_targets(spec: Spec, wanted: Iterable[str] | None) -> tuple[list[str], list[Diagnostic]]:
    """The targets to run: those asked for (default: all the project file configures, in its order)."""
    configured = list(spec.targets)
    if not wanted:
        return configured, []
    diags = [
        Diagnostic(spec.project_file, 1, 1, "G001", f"target '{name}' is not configured in the project file",
                   f"configured targets: {', '.join(configured) or 'none'}")
        for name in wanted if name not in configured
    ]
    return [name for name in configured if name in wanted], diags


def targets_of(spec: Spec) -> dict[str, Target]:
    """The Target behind every configured target name."""
    found = available(spec.targets)
    return {name: found[name] for name in spec.targets if name in found}


def render(spec: Spec, target: str) -> tuple[Files, list[Diagnostic]]:
    """Every file of one target, paths relative to the output root."""
    settings = spec.targets[target]
    try:
        files, diags = targets_of(spec)[target].render(spec, settings)
    except Exception as exc:
        found = _template_error(exc)
        if found is None:
            raise
        return {}, [found]
    prefix = str(settings["out"]).strip("/")
    # A diagnostic about a generated file (a bug of codegen) names it under the output root.
    root = spec.root_shown or spec.output_root
    diags = [replace(d, file=os.path.normpath(os.path.join(root, prefix, d.file))) if d.code == "X001" else d
             for d in diags]
    return {f"{prefix}/{rel}": text for rel, text in sorted(files.items())}, diags


def _template_error(exc: Exception) -> Diagnostic | None:
    """A failure inside a template (an override's, say), located at the template's line."""
    from codegen.render import template_location
    from codegen.spec.paths import display_path

    location = template_location(exc)
    if location is None:
        return None
    message = getattr(exc, "message", None) or str(exc)
    return Diagnostic(display_path(Path(location[0])), location[1], 1, "J001",
                      f"template error: {type(exc).__name__}: {message}", "fix the template")


def generate(spec: Spec, targets: list[str]) -> tuple[dict[str, Files], list[Diagnostic]]:
    """Every file of every selected target, keyed by target (nothing when any has an error)."""
    out: dict[str, Files] = {}
    diags: list[Diagnostic] = []
    for name in targets:
        out[name], found = render(spec, name)
        diags += found
    return ({} if has_errors(diags) else out), sorted(diags)


def stage(spec: Spec, targets: list[str], stager: Stager) -> list[Diagnostic]:
    """Render every target into stager, on two processes when the spec is large enough.

    Each target's files are compared (and staged) as soon as they exist, so a run holds one
    target's texts at a time. With errors, or on any exception, everything staged is removed.
    """
    groups = _split(spec, targets)
    if len(groups) == 1:
        try:
            return _stage_group(spec, targets, stager)
        except BaseException:
            stager.discard()
            raise
    return _stage_forked(spec, groups, stager)


def fork_safe() -> bool:
    """Whether a worker may be forked without exec. Not on macOS, where system frameworks may
    hold locks across fork (why CPython's multiprocessing spawns there), nor when
    CODEGEN_NO_FORK is set: then the run renders on one process."""
    return hasattr(os, "fork") and sys.platform != "darwin" and not os.environ.get("CODEGEN_NO_FORK")


def _jobs() -> int:
    """Processes a run may use: CODEGEN_JOBS, else the CPUs this process may run on (at most 2)."""
    wanted = os.environ.get("CODEGEN_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return min(2, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return min(2, os.cpu_count() or 1)


def _split(spec: Spec, targets: list[str]) -> list[list[str]]:
    """Targets in one group, or two groups of about equal cost (longest first, to the lighter)."""
    entries = sum(len(c.entries) for c in spec.catalogs)
    if _jobs() < 2 or len(targets) < 2 or entries < PARALLEL_MIN_ENTRIES or not fork_safe():
        return [targets]
    cost = _costs(spec)
    groups: list[list[str]] = [[], []]
    load = [0.0, 0.0]
    for name in sorted(targets, key=lambda t: -cost.get(t, 1.0)):
        lighter = load.index(min(load))
        groups[lighter].append(name)
        load[lighter] += cost.get(name, 1.0)
    return groups


def _costs(spec: Spec) -> dict[str, float]:
    """Each configured target's relative cost per entry, as its contract states it."""
    return {name: target.cost for name, target in targets_of(spec).items()}


def _stage_group(spec: Spec, targets: list[str], stager: Stager) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for name in targets:
        files, found = render(spec, name)
        diags += found
        if not has_errors(diags):
            stager.add(name, files)
        del files
    if has_errors(diags):
        stager.discard()
    return sorted(diags)


def _stage_forked(spec: Spec, groups: list[list[str]], stager: Stager) -> list[Diagnostic]:
    """The second group renders in a forked child, which stages its files itself and sends
    back only its plan; the parent merges it (or removes what it staged)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read_end)
            _work(spec, groups[1], Stager(stager.plan.root, stage=stager.stage), write_end)
        finally:
            os._exit(0)  # whatever happened, the child never returns into the parent's code
    os.close(write_end)
    try:
        diags = _stage_group(spec, groups[0], stager)
    except BaseException:
        _reap(read_end, pid, keep=False, root=stager.plan.root)
        stager.discard()
        raise
    result = _reap(read_end, pid, keep=True, root=stager.plan.root)
    if result[0] != "ok":
        stager.discard()
        error, text = result[1], result[2]
        if isinstance(error, BaseException):
            raise error
        raise RuntimeError(f"rendering failed in the worker process:\n{text}")
    child_diags, child_plan = result[1], result[2]
    if not isinstance(child_diags, list) or not isinstance(child_plan, Plan):
        raise RuntimeError(f"the worker process sent an unexpected result: {result!r:.200}")
    stager.plan.merge(child_plan)
    diags = sorted(diags + child_diags)
    if has_errors(diags):
        stager.discard()
    return diags


def _work(spec: Spec, targets: list[str], child: Stager, write_end: int) -> None:
    """The worker's whole job: stage its targets and send the parent its plan (or its error,
    after removing what it staged)."""
    try:
        message: tuple[object, ...] = ("ok", _stage_group(spec, targets, child), child.plan)
    except BaseException as exc:  # reported to the parent, which raises it
        child.discard()
        message = ("error", exc, traceback.format_exc())
    try:
        payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its text still goes
        payload = pickle.dumps(("error", None, message[-1] if message[0] == "error" else traceback.format_exc()))
    with os.fdopen(write_end, "wb") as pipe:
        pipe.write(payload)


def _reap(read_end: int, pid: int, *, keep: bool, root: Path) -> tuple[object, ...]:
    """The child's message once it has exited; unless keep, what it staged is removed (also
    when it died without a message: then its files are found by its process id)."""
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        message: tuple[object, ...] = pickle.loads(payload)
    except Exception:
        message = ("error", None, f"the worker process ended without a result (wait status {status})")
    if message[0] != "ok":
        discard_orphans(root, pid)  # whatever it staged before it failed or died
    elif not keep and isinstance(message[2], Plan):
        discard(message[2])
    return message
