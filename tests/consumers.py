"""One spec out of every rule's fixture pair, so each side is generated and type-checked once.

Each fixture's catalogs get the rule as a prefix (`ENTRY_REMOVED`'s `codes` becomes
`entry_removed_codes`), its files a folder of their own and its envelopes a prefixed name;
the previous sides make one spec, the current sides another.
"""

from __future__ import annotations

import re
from pathlib import Path

from codegen.generate import generate, selected_targets
from codegen.spec.load import load_spec
from tests.goldens import COMPAT

IDS = r"(codes|reasons|groups|extra)"
TARGETS = """targets:
  python: {out: python, distribution: fixture-codes, package: fixture_codes}
  typescript: {out: typescript, package: fixture-codes}
  openapi: {out: openapi}
  json: {out: json}
"""


def camel(rule: str) -> str:
    return "".join(w.capitalize() for w in rule.split("_"))


def _catalog_text(text: str, prefix: str) -> str:
    text = re.sub(rf"\b{IDS}\.(?=[A-Z])", rf"{prefix}_\1.", text)
    return re.sub(rf"\b((?:id|catalog): ){IDS}\b(?![\w.-])", rf"\1{prefix}_\2", text)


def _project_parts(text: str, rule: str) -> tuple[list[str], str]:
    """(catalog files, envelopes block) of one fixture's project file, renamed for the rule."""
    files = re.findall(r"^  - (\S+\.yaml)$", text, flags=re.M)
    envelopes = text.split("envelopes:\n", 1)[1] if "envelopes:\n" in text else ""
    envelopes = envelopes.split("\ncompat:", 1)[0]
    envelopes = re.sub(r"^  ([A-Z][A-Za-z0-9]*):$", rf"  {camel(rule)}\1:", envelopes, flags=re.M)
    envelopes = re.sub(r"body_name: ([A-Za-z0-9]+)", rf"body_name: {camel(rule)}\1", envelopes)
    envelopes = _catalog_text(envelopes, rule.lower())
    return files, envelopes


def combined_spec(rules: list[str], side: str, version: str) -> dict[str, str]:
    """The files of one spec holding every rule's fixture (side: previous or current)."""
    out: dict[str, str] = {}
    catalogs: list[str] = []
    envelopes: list[str] = []
    for rule in rules:
        folder = COMPAT / rule / side
        files, env = _project_parts((folder / "codegen.yaml").read_text("utf-8"), rule)
        for name in files:
            out[f"{rule.lower()}/{name}"] = _catalog_text((folder / name).read_text("utf-8"), rule.lower())
            catalogs.append(f"{rule.lower()}/{name}")
        envelopes.append(env)
    head = f"version: {version}\ncatalogs:\n" + "".join(f"  - {c}\n" for c in catalogs) + TARGETS
    out["codegen.yaml"] = head + "envelopes:\n" + "".join(envelopes)
    return out


def write_generated(files: dict[str, str], root: Path) -> Path:
    """Write a spec, generate every target from it in memory, and write the output under root/generated."""
    spec_dir = root / "spec"
    for name, text in files.items():
        (spec_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (spec_dir / name).write_text(text, "utf-8")
    spec, diags = load_spec(spec_dir)
    assert spec is not None, "\n".join(d.render() for d in diags)
    targets, _ = selected_targets(spec, None)
    outputs, found = generate(spec, targets)
    assert not [d for d in found if d.level == "error"], found
    out = root / "generated"
    for target in outputs.values():
        for rel, text in target.items():
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_text(text, "utf-8")
    return out
