"""Names and numbers: reserved words and colliding names per target, and integers at the edges.

Every case is either generated correctly (the Python package imports, node evaluates the
built JS, tsc type-checks it, all proven by codegen verify) or refused with an error that
names the target and both names.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.diagnostics import Diagnostic
from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.verify.compare import verify
from tests.conftest import node_tool

TARGETS = {
    "python": {"out": "python", "distribution": "names-corpus", "package": "names_corpus", "description": "Names."},
    "typescript": {"out": "typescript", "package": "names-corpus", "description": "Names."},
    "openapi": {"out": "openapi", "title": "Names"},
    "json": {"out": "json"},
    "rust": {"out": "rust", "crate": "names-corpus", "description": "Names."},
}

# Catalog ids that are Python or TypeScript keywords, builtins, globals or the names of
# modules the packages already have.
RESERVED_CATALOG_IDS = (
    "class", "import", "from", "none", "true", "object", "string", "json", "runtime", "index",
    "package", "constructor", "type", "async", "await", "delete", "new", "prototype", "enum", "typing",
)
# Field names that are keywords or builtins in one of the targets (accepted: they must work).
RESERVED_FIELD_NAMES = ("class", "from", "constructor", "async", "type", "proto", "to_string", "import",
                        "return", "default", "interface", "let", "yield", "lambda", "global", "self", "load",
                        "by_value")
# Entry names that are globals, constants or attributes in a target.
RESERVED_ENTRY_NAMES = ("JSON", "NAN", "NONE", "TRUE", "FALSE", "NULL", "INFO", "MESSAGE", "NAME",
                        "VALUE", "MRO", "PROTO", "CONSTRUCTOR", "PROTOTYPE", "INFINITY", "A1", "UNDEFINED",
                        "ALL", "ROWS")
# Field names that would shadow an attribute of the generated members or info records: refused.
SHADOWING_FIELD_NAMES = ("name", "value", "message", "info", "is_deprecated", "mro")
# Integers every target must carry exactly (all within JavaScript's safe range).
EDGE_INTEGERS = (0, -1, 1, -(2**31), 2**31 - 1, 2**31, 2**32, -(2**53 - 1), 2**53 - 1)
# Integers beyond 2**53 - 1: TypeScript refuses them (T001); the spec itself accepts them.
UNSAFE_INTEGERS = (2**53, -(2**53), 2**64)

NAME_COUNT = len(RESERVED_CATALOG_IDS) + len(RESERVED_FIELD_NAMES) + len(RESERVED_ENTRY_NAMES) + len(SHADOWING_FIELD_NAMES)
NUMBER_COUNT = len(EDGE_INTEGERS) + len(UNSAFE_INTEGERS)


def _catalog(cid: str, entries: list[dict[str, Any]], fields: dict[str, Any] | None = None) -> dict[str, Any]:
    head: dict[str, Any] = {"id": cid, "title": f"Catalog {cid}", "publisher": "Tests",
                            "sources": [{"url": "https://example.invalid/"}], "values": "integer", "open": True}
    if fields:
        head["fields"] = fields
    return {"catalog": head, "entries": entries}


def _entry(name: str, value: object, **extra: object) -> dict[str, Any]:
    return {"name": name, "value": value, "message": f"{name} message", "since": "1.0.0", **extra}


def _write(root: Path, catalogs: list[dict[str, Any]], raw: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    files = [f"c{i}.yaml" for i in range(len(catalogs))] + sorted(raw or {})
    project = {"version": "1.0.0", "output_root": "../generated", "catalogs": files, "targets": TARGETS}
    (root / "codegen.yaml").write_text(yaml.safe_dump(project), encoding="utf-8")
    for i, cat in enumerate(catalogs):
        (root / f"c{i}.yaml").write_text(yaml.safe_dump(cat), encoding="utf-8")
    for name, text in (raw or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _run(root: Path) -> tuple[Spec | None, dict[str, dict[str, str]], list[Diagnostic]]:
    spec, diags = load_spec(root)
    if spec is None or any(d.level == "error" for d in diags):
        return spec, {}, diags
    targets, _ = selected_targets(spec, None)
    outputs, gdiags = generate(spec, targets)
    return spec, outputs, [*diags, *gdiags]


def _errors(diags: list[Diagnostic]) -> list[str]:
    return [d.render() for d in diags if d.level == "error"]


@pytest.fixture(scope="module")
def accepted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Spec, Path]:
    """One spec holding every name and number that must be generated correctly, written out."""
    base = tmp_path_factory.mktemp("names")
    fields = {f: {"type": "integer"} for f in RESERVED_FIELD_NAMES}
    catalogs = [_catalog(cid, [_entry("A", 1)]) for cid in RESERVED_CATALOG_IDS]
    catalogs.append(_catalog("reserved_fields", [_entry("A", 1, fields={f: i for i, f in enumerate(RESERVED_FIELD_NAMES)})],
                             fields))
    catalogs.append(_catalog("reserved_entries", [_entry(n, i) for i, n in enumerate(RESERVED_ENTRY_NAMES)]))
    catalogs.append(_catalog("edge_integers", [_entry(f"N{i}", v) for i, v in enumerate(EDGE_INTEGERS)]))
    spec, outputs, diags = _run(_write(base / "spec", catalogs))
    assert spec is not None and not _errors(diags), "\n".join(_errors(diags))
    out = base / "generated"
    for files in outputs.values():
        for rel, text in files.items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    return spec, out


def test_reserved_names_and_edge_integers_generate_correctly_in_every_target(accepted: tuple[Spec, Path]) -> None:
    spec, out = accepted
    for path in (out / "python").rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    for res in verify(spec, out):
        assert not res.skipped, res
        assert res.differences == [], "\n".join(res.differences)


def test_reserved_names_type_check_in_typescript(accepted: tuple[Spec, Path]) -> None:
    _, out = accepted
    proc = subprocess.run([node_tool("tsc"), "-p", str(out / "typescript" / "tsconfig.json"), "--noEmit"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_catalog_ids_colliding_after_the_case_transform_are_refused_naming_both(tmp_path: Path) -> None:
    _, _, diags = _run(_write(tmp_path, [_catalog("a1", [_entry("A", 1)]), _catalog("a_1", [_entry("A", 1)])]))
    errors = _errors(diags)
    assert errors
    for target in ("python", "typescript"):
        assert any(f"N001: {target}:" in e and "'a_1'" in e and "'a1'" in e for e in errors), errors


def test_field_names_colliding_after_the_case_transform_are_refused_naming_both(tmp_path: Path) -> None:
    fields = {"a1": {"type": "integer"}, "a_1": {"type": "integer"}}
    _, _, diags = _run(_write(tmp_path, [_catalog("c", [_entry("A", 1, fields={"a1": 1, "a_1": 2})], fields)]))
    errors = _errors(diags)
    for target in ("python", "typescript"):
        assert any(f"N001: {target}: field 'a_1'" in e and "'a1'" in e for e in errors), errors


@pytest.mark.parametrize("field", SHADOWING_FIELD_NAMES)
def test_fields_shadowing_a_generated_attribute_are_refused(tmp_path: Path, field: str) -> None:
    _, _, diags = _run(_write(tmp_path, [_catalog("c", [_entry("A", 1, fields={field: 1})], {field: {"type": "integer"}})]))
    errors = _errors(diags)
    assert any(f"python: field '{field}' of catalog c would shadow" in e for e in errors), errors


@pytest.mark.parametrize("value", UNSAFE_INTEGERS)
def test_typescript_refuses_integers_beyond_2_53(tmp_path: Path, value: int) -> None:
    _, _, diags = _run(_write(tmp_path, [_catalog("c", [_entry("BIG", value)])]))
    errors = [e for e in _errors(diags) if ": typescript: " in e]  # rust refuses 2**64 too (R001)
    assert len(errors) == 1, errors
    assert "T001: typescript: value" in errors[0] and str(value) in errors[0] and "c.BIG" in errors[0]
    assert "MAX_SAFE_INTEGER" in errors[0]


@pytest.mark.parametrize(("text", "code"), [
    ("0123", "Y004"), ("0o17", "C010"), ("0x1F", "Y004"), ("1_000", "Y004"), ("1:30", "Y004"),
    ("1.5", "S004"), ("2.0", "C010"), ("1e3", "C010"), (".inf", "Y004"), ("true", "S004"), ("'0123'", "C010"),
])
def test_non_integers_and_yaml_traps_where_integers_are_declared_are_refused(tmp_path: Path, text: str, code: str) -> None:
    raw = ("catalog: {id: c, title: T, publisher: P, sources: [{url: 'https://example.invalid/'}], "
           f"values: integer, open: true}}\nentries:\n  - name: A\n    value: {text}\n    message: m\n    since: 1.0.0\n")
    _, _, diags = _run(_write(tmp_path, [], {"c.yaml": raw}))
    errors = _errors(diags)
    assert errors, f"{text} was accepted"
    assert any(f" {code}: " in e and "c.yaml:" in e for e in errors), errors
