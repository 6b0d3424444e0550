"""The target contract: what every target, built-in or third-party, gives codegen.

A target turns the neutral model and its settings from the project file into
`{relative path: text}` plus diagnostics. Built-in targets are the folders beside this
file: each holds a `target.json` manifest (name, summary, relative cost, the JSON Schema
of its settings), its code and its templates, and exposes a `TARGET` in `__init__.py`.
Third-party packages register a `Target` under the `codegen.targets` entry-point group.
Manifests are read without importing any target, so validating a project file costs no
target's import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from codegen.diagnostics import Diagnostic
from codegen.model import Spec
from codegen.naming import Naming

Files = dict[str, str]
Settings = Mapping[str, Any]
Renderer = Callable[[Spec, Settings], tuple[Files, list[Diagnostic]]]
# (spec, the target's output folder, its settings) -> differences, each naming catalog and entry
Verifier = Callable[[Spec, Path, Settings], list[str]]

ENTRY_POINT_GROUP = "codegen.targets"
#: The built-in target that renders a project's own templates: any settings with `templates:`.
TEMPLATED = "templated"
#: Settings that name a folder relative to the project file: resolved when the spec loads,
#: and part of the no-change fingerprint (every file below them is an input).
FOLDER_SETTINGS = ("templates", "template_overrides")
MANIFEST = "target.json"
_HERE = Path(__file__).resolve().parent

#: Settings every target has, whatever its own schema says.
COMMON_SETTINGS: dict[str, Any] = {
    "out": {"description": "Folder below output_root that this target writes (and owns).", "type": "string"},
}


class Skip(Exception):
    """Raised by a verifier whose toolchain is missing: the target is reported as skipped."""


@dataclass(frozen=True, slots=True)
class Target:
    """One output of codegen: a language package, a document or a data file.

    name: the key under `targets:` in the project file.
    summary: one line for `codegen targets`.
    settings_schema: JSON Schema of the target's settings (an object; `out` is added).
    render: neutral model and settings in, `{relative path: text}` and diagnostics out;
        pure (no disk, no clock), deterministic.
    naming: the target's naming rules by identifier kind (case transform, reserved words).
    verify: optional; loads the written output the way its language does and returns the
        differences with the spec (raises Skip when its toolchain is missing).
    cost: relative rendering cost per entry, for the two-process scheduler.
    origin: where it was found ("built-in", or the distribution that registered it).
    """

    name: str
    summary: str
    settings_schema: Mapping[str, Any]
    render: Renderer
    naming: Mapping[str, Naming] = field(default_factory=dict)
    verify: Verifier | None = None
    cost: float = 1.0
    origin: str = "built-in"

    @classmethod
    def builtin(cls, module: str, render: Renderer, *, naming: Mapping[str, Naming] | None = None,
                verify: Verifier | None = None) -> Target:
        """A built-in target whose name, summary, cost and settings schema are in its manifest."""
        folder = module.rsplit(".", 1)[-1]
        manifest = builtin_manifests()[folder]
        return cls(manifest["name"], manifest["summary"], manifest["settings"], render,
                   dict(naming or {}), verify, float(manifest.get("cost", 1.0)))

    def full_schema(self) -> dict[str, Any]:
        """The settings schema with the settings every target has."""
        return _with_common(self.settings_schema)


@cache
def builtin_manifests() -> dict[str, dict[str, Any]]:
    """Each built-in target's manifest, by folder name (read, never imported)."""
    out: dict[str, dict[str, Any]] = {}
    for manifest in sorted(_HERE.glob(f"*/{MANIFEST}")):
        out[manifest.parent.name] = json.loads(manifest.read_text("utf-8"))
    return out


def builtin_settings_schemas() -> dict[str, dict[str, Any]]:
    """The settings schema of every built-in target by target name, `out` included."""
    return {m["name"]: _with_common(m["settings"]) for m in builtin_manifests().values()}


def _with_common(schema: Mapping[str, Any]) -> dict[str, Any]:
    props = {**COMMON_SETTINGS, **schema.get("properties", {})}
    required = sorted({"out", *schema.get("required", ())})
    return {**schema, "type": "object", "properties": props, "required": required}


@cache
def registry() -> dict[str, Target]:
    """Every built-in target by name, in manifest order (imported on first use)."""
    import importlib

    out: dict[str, Target] = {}
    for folder in builtin_manifests():
        target = importlib.import_module(f"{__name__}.{folder}").TARGET
        out[target.name] = target
    return out


def plugins() -> dict[str, Target]:
    """Targets registered by installed distributions under the `codegen.targets` entry points."""
    from importlib.metadata import entry_points

    out: dict[str, Target] = {}
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        target = point.load()
        if not isinstance(target, Target):
            raise TypeError(f"entry point {point.name} = {point.value} is not a codegen Target")
        dist = point.dist.name if point.dist else "unknown distribution"
        out[point.name] = Target(point.name, target.summary, target.settings_schema, target.render,
                                 target.naming, target.verify, target.cost, dist)
    return out


def available(names: Mapping[str, Any] | None = None) -> dict[str, Target]:
    """Built-in targets, plus third-party ones (looked up only when names asks for one that
    is not built in, or when names is None); a name whose settings carry `templates:` is a
    template target."""
    found = dict(registry())
    for name, settings in (names or {}).items():
        if name not in found and isinstance(settings, Mapping) and "templates" in settings:
            found[name] = template_target(name, str(settings["templates"]))
    if names is None or any(n not in found for n in names):
        for name, target in plugins().items():
            found.setdefault(name, target)
    return found


def template_target(name: str, folder: str) -> Target:
    """The template target that renders folder, under the name the project file gives it."""
    base = registry()[TEMPLATED]
    return Target(name, base.summary, base.settings_schema, base.render, cost=base.cost, origin=f"templates {folder}")


def generated_note(spec_file: str) -> str:
    """The do-not-edit sentence (Go's convention, which linters know); JSON carries it as data."""
    return f"Code generated by codegen from {spec_file}. DO NOT EDIT."


def header(spec_file: str, comment: str) -> str:
    """The fixed first line of every generated file (a file name with a line break or an
    invisible character stays on that one comment line, spelled)."""
    from codegen.escape import line_comment

    return f"{comment} {generated_note(line_comment(spec_file))}"
