"""OpenAPI target: the error envelope and every catalog as $ref-able components (3.1 and 3.0.3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from codegen import yamlout
from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.targets import Files, Settings, Target, header
from codegen.targets.openapi.document import OPENAPI_30, OPENAPI_31, build_document

#: Output file per OpenAPI version.
FILES = {"catalogs.openapi.yaml": OPENAPI_31, "catalogs.openapi-3.0.yaml": OPENAPI_30}


def dump_yaml(doc: Any, first_line: str) -> str:
    """YAML with the do-not-edit header; keys in the builder's (fixed) order, never folded."""
    return f"{first_line}\n{yamlout.dump(doc)}"


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """catalogs.openapi.yaml (3.1.0) and catalogs.openapi-3.0.yaml (3.0.3)."""
    files: Files = {}
    diags: list[Diagnostic] = []
    for filename, version in FILES.items():
        doc, found = build_document(spec, version, filename)
        diags += [d for d in found if d not in diags]
        files[filename] = dump_yaml(doc, header(spec.project_file, "#"))
    return ({} if has_errors(diags) else files), diags


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.verify.compare import diff_openapi, load_openapi

    return diff_openapi(spec, load_openapi(out / "catalogs.openapi.yaml"))


TARGET = Target.builtin(__name__, render, verify=_verify)
