"""JSON target: catalogs.json (the canonical bundle of every catalog) and its JSON Schema."""

from __future__ import annotations

from codegen.diagnostics import Diagnostic
from codegen.model import Spec
from codegen.targets import Files
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

__all__ = ["BUNDLE_FILE", "SCHEMA_FILE", "build_bundle", "bundle_schema", "canonical_json",
           "content_hash", "render", "verify"]


def render(spec: Spec) -> tuple[Files, list[Diagnostic]]:
    """catalogs.json and catalogs.schema.json."""
    return {
        BUNDLE_FILE: bundle_text(spec),
        SCHEMA_FILE: canonical_json(bundle_schema(spec.project_file)),
    }, []
