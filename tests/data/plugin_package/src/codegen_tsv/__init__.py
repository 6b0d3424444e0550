"""A minimal third-party target: one tab-separated line per code, found by entry point."""

from __future__ import annotations

from codegen.diagnostics import Diagnostic
from codegen.model import Spec
from codegen.targets import Files, Settings, Target

SETTINGS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"header": {"description": "Write a header line first.", "type": "boolean"}},
}


def _cell(text: str) -> str:
    """A TSV cell: the IANA text/tab-separated-values format allows no tab or line break in a field."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """codes.tsv: catalog, value, name and message of every entry."""
    lines = ["catalog\tvalue\tname\tmessage"] if settings.get("header") else []
    lines += ["\t".join((c.id, str(e.value), e.name, _cell(e.message))) for c in spec.catalogs for e in c.entries]
    return {"codes.tsv": "\n".join(lines) + "\n"}, []


TARGET = Target("tsv", "every code as tab-separated values", SETTINGS, render)
