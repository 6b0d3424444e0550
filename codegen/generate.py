"""Generation as a pure function: validated spec in, {relative path: text} out."""

from __future__ import annotations

from collections.abc import Iterable

from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.targets import Files, registry


def selected_targets(spec: Spec, wanted: Iterable[str] | None) -> tuple[list[str], list[Diagnostic]]:
    """The targets to run: those asked for (default: all the project file configures)."""
    known = registry()
    configured = [name for name in known if name in spec.targets]
    if not wanted:
        return configured, []
    diags = [
        Diagnostic(spec.project_file, 1, 1, "G001", f"target '{name}' is not configured in the project file",
                   f"configured targets: {', '.join(configured) or 'none'}")
        for name in wanted if name not in configured
    ]
    return [name for name in configured if name in wanted], diags


def generate(spec: Spec, targets: list[str]) -> tuple[dict[str, Files], list[Diagnostic]]:
    """Every file of every selected target, keyed by target, paths relative to the output root."""
    out: dict[str, Files] = {}
    diags: list[Diagnostic] = []
    renderers = registry()
    for name in targets:
        files, found = renderers[name](spec)
        diags += found
        prefix = spec.targets[name]["out"].strip("/")
        out[name] = {f"{prefix}/{rel}": text for rel, text in sorted(files.items())}
    return ({} if has_errors(diags) else out), sorted(diags)
