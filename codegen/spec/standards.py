"""Checks of the envelopes declared in a standard error shape (RFC 9457, AIP-193)."""

from __future__ import annotations

from typing import Any

from codegen.diagnostics import Diagnostic
from codegen.spec.yamlsrc import Document


def check_standard_envelopes(project: Document, docs: dict[str, Document]) -> list[Diagnostic]:
    """C003 for an unknown catalog, P004 for a missing HTTP status field or type URI base."""
    heads = {d.data["catalog"]["id"]: d.data["catalog"] for d in docs.values()}
    diags: list[Diagnostic] = []
    for name, env in project.data.get("envelopes", {}).items():
        if "standard" in env:
            diags += _check_one(project, name, env, heads)
    return diags


def _check_one(project: Document, name: str, env: dict[str, Any], heads: dict[str, Any]) -> list[Diagnostic]:
    def at(*path: str) -> tuple[str, int, int]:
        return (project.file, *project.where(("envelopes", name, *path)))

    diags = []
    for key in ("catalog", "status_catalog"):
        if key in env and env[key] not in heads:
            diags.append(Diagnostic(*at(key), "C003", f"envelope {name}.{key} refers to unknown catalog '{env[key]}'",
                                    "use the id of a catalog listed under catalogs"))
    head = heads.get(env["catalog"])
    field = head.get("fields", {}).get(env["status_field"]) if head else None
    if head and (field is None or field.get("type") != "integer"):
        diags.append(Diagnostic(*at("status_field"), "P004",
                                f"envelope {name}: catalog {env['catalog']} has no integer field '{env['status_field']}'",
                                "name the catalog's integer field that holds each entry's HTTP status"))
    docs_base = project.data["targets"].get("docs", {}).get("base_url") if isinstance(
        project.data["targets"].get("docs"), dict) else None
    if env["standard"] == "rfc9457" and not env.get("type_base") and not docs_base:
        diags.append(Diagnostic(*at("standard"), "P004",
                                f"envelope {name}: an RFC 9457 problem needs a base for its type URIs",
                                "set type_base on the envelope or base_url on the docs target"))
    return diags
