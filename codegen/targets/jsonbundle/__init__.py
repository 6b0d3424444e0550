"""JSON target: catalogs.json (the canonical bundle of every catalog) and its JSON Schema."""

from __future__ import annotations

from pathlib import Path

from codegen.diagnostics import Diagnostic
from codegen.model import Spec
from codegen.targets import Files, Settings, Target
from codegen.targets.jsonbundle.bundle import (
    BUNDLE_FILE,
    SCHEMA_FILE,
    build_bundle,
    bundle_text,
    canonical_json,
    content_hash,
    verify,
)
from codegen.targets.jsonbundle.schema import bundle_schema

__all__ = [
    "BUNDLE_FILE",
    "SCHEMA_FILE",
    "TARGET",
    "build_bundle",
    "bundle_schema",
    "canonical_json",
    "content_hash",
    "render",
    "verify",
]


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """catalogs.json and catalogs.schema.json."""
    return {
        BUNDLE_FILE: bundle_text(spec),
        SCHEMA_FILE: canonical_json(bundle_schema(spec.project_file)),
    }, []


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.verify.compare import bundle_rows, diff_tables, expected, field_names

    return diff_tables("json", expected(spec, "full"), bundle_rows(spec, out / BUNDLE_FILE), field_names(spec))


TARGET = Target.builtin(__name__, render, verify=_verify)
