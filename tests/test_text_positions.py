"""Every text position of the spec schema reaches every target exactly.

The positions are not listed by hand: the test walks codegen/schemas/catalog.schema.json and
project.schema.json for every string a spec may hold, so a field added to a schema is a new
position here at once. Each position is either text (filled with a hostile string, marked
so it can be found) or classified below as not text (paths, references, patterns, ids),
with the reason. Hypothesis draws the strings from the project's hostile corpus and from
any code points; each drawn spec is generated for the four targets, which are then loaded
as their users load them: the Python package imported, the TypeScript package evaluated by
node, the OpenAPI YAML and the JSON bundle parsed. A text must come back unchanged (as a
whole string, or inside a longer text the target composes around it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from codegen.generate import generate, selected_targets
from codegen.spec.load import load_spec
from codegen.spec.schema import load_schema
from tests.conftest import require
from tests.test_hostile import HOSTILE

Position = tuple[str, ...]

TARGETS = ("python", "typescript", "openapi", "json")

#: String positions that hold no free text, and why; the test fails on one that no longer exists.
NOT_TEXT: dict[str, str] = {
    "project:catalogs/[]": "a catalog file path",
    "project:output_root": "a folder path",
    "project:changelog": "a file path",
    "project:targets/python/template_overrides": "a folder path",
    "project:targets/typescript/template_overrides": "a folder path",
    "project:envelopes/*/wrapper": "a JSON property name",
    "project:envelopes/*/properties/*/catalog": "a catalog id",
    "project:envelopes/*/catalog": "a catalog id",
    "project:envelopes/*/status_catalog": "a catalog id",
    "project:envelopes/*/status_field": "the name of a declared integer field",
    "project:envelopes/*/properties/*/format": "an OpenAPI format name",
    "project:envelopes/*/properties/*/pattern": "a regular expression",
    "project:compat/baseline": "a file path or git ref",
    "project:compat/accept/[]/catalog": "a catalog id",
    "project:compat/accept/[]/entry": "an entry name",
    "project:compat/accept/[]/reason": "read by the compatibility gate only, never generated",
    "project:lint/accept/[]/catalog": "a catalog id",
    "project:lint/accept/[]/entries/[]": "an entry name",
    "project:lint/accept/[]/reason": "read by the linter only, never generated",
    "catalog:catalog/fields/*/pattern": "a regular expression",
    "catalog:catalog/reserved/values/[]": "a reserved wire value, checked against entries, not published as text",
    "catalog:entries/[]/alternatives/[]/field": "the name of a declared field",
    "catalog:entries/[]/value": "an integer, or a reason's own UPPER_SNAKE name",
}

#: What the OpenAPI fragment carries: the schema of each catalog for client generators
#: (title, description, publisher, source, messages, lifecycle, envelopes); the whole record
#: of every entry is the JSON bundle's, which the Python and TypeScript packages ship too.
OPENAPI_CARRIES = frozenset({
    "catalog:catalog/title", "catalog:catalog/description", "catalog:catalog/publisher",
    "catalog:catalog/sources/[]/url", "catalog:entries/[]/message", "project:envelopes/*/description",
    "project:envelopes/*/properties/*/description", "project:envelopes/*/domain",
})


#: Texts no target publishes yet, and why.
UNPUBLISHED = {
    "catalog:catalog/ranges/*/description": "named ranges are checked by the loader (C012); putting them in the "
                                            "published bundle changes its content, which the compatibility gate "
                                            "rightly wants released as a new version",
}


def carried(position: str, target: str) -> bool:
    """Whether target publishes the text at position: a target's own settings reach only that
    target; the OpenAPI fragment carries what OPENAPI_CARRIES lists; every other text reaches all."""
    if position in UNPUBLISHED:
        return False
    if position.startswith("project:targets/"):
        return position.split("/")[1] == target
    return target != "openapi" or position in OPENAPI_CARRIES

#: Field values are typed per catalog (any type in the schema), so the walk cannot see them.
EXTRA_POSITIONS = ("catalog:entries/[]/fields/free",)


def _walk(schema: dict[str, Any], node: dict[str, Any], path: Position, out: list[Position],
          seen: tuple[str, ...] = ()) -> None:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            _walk(schema, schema["$defs"][name], path, out, seen + (name,))
        return
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            _walk(schema, sub, path, out, seen)
    types = node.get("type")
    if "string" in (types if isinstance(types, list) else [types]) and not {"pattern", "enum", "const", "format"} & set(node):
        out.append(path)
    for key, sub in node.get("properties", {}).items():
        _walk(schema, sub, path + (key,), out, seen)
    for sub in [node.get("additionalProperties"), *node.get("patternProperties", {}).values()]:
        if isinstance(sub, dict):
            _walk(schema, sub, path + ("*",), out, seen)
    if isinstance(node.get("items"), dict):
        _walk(schema, node["items"], path + ("[]",), out, seen)


def string_positions() -> list[str]:
    """Every string-typed position of both schemas, as `schema:path` (unique, in walk order)."""
    found: list[str] = []
    for name in ("project", "catalog"):
        schema = load_schema(name)
        walked: list[Position] = []
        _walk(schema, schema, (), walked)
        found += [f"{name}:{'/'.join(p)}" for p in walked]
    return list(dict.fromkeys(found))


def not_text(position: str) -> str:
    """Why a position is not exercised here ("" when it is text this test fills)."""
    parts = position.split("/")
    if parts[0] == "project:targets" and parts[-1] == "out":
        return "every target's output folder (a path)"
    if parts[0] == "project:targets" and parts[1] not in TARGETS:
        return f"a setting of the {parts[1]} target, which its own tests load; this test loads {', '.join(TARGETS)}"
    return NOT_TEXT.get(position, "")


TEXT_POSITIONS = [p for p in string_positions() if not not_text(p)] + list(EXTRA_POSITIONS)


def test_every_classified_position_exists_and_text_positions_were_found() -> None:
    positions = set(string_positions())
    assert set(NOT_TEXT) <= positions, sorted(set(NOT_TEXT) - positions)
    assert set(TEXT_POSITIONS) >= OPENAPI_CARRIES | set(UNPUBLISHED)
    for must in ("catalog:entries/[]/message", "catalog:catalog/title", "project:targets/python/description",
                 "project:envelopes/*/description"):
        assert must in TEXT_POSITIONS


# --- the spec with a text in every position ---------------------------------------------------

def _base() -> dict[str, Any]:
    project = {
        "version": "1.0.0", "output_root": "../generated", "catalogs": ["texts.yaml", "reasons.yaml"],
        "targets": {
            "python": {"out": "python", "package": "text_positions", "distribution": "text-positions",
                       "description": "x"},
            "typescript": {"out": "typescript", "package": "text-positions", "description": "x"},
            "openapi": {"out": "openapi", "title": "x", "contact": {"name": "x", "url": "x", "email": "x"}},
            "json": {"out": "json"},
        },
        "envelopes": {"Failure": {"description": "x", "wrapper": "error", "properties": {
            "reason": {"description": "x", "required": True, "catalog": "reasons"},
            "message": {"description": "x", "required": True, "type": "string"}}},
            "Problem": {"description": "x", "standard": "rfc9457", "catalog": "reasons", "status_field": "http",
                        "type_base": "https://errors.example.invalid/x"},
            "Error": {"description": "x", "standard": "aip193", "catalog": "reasons", "status_field": "http",
                      "domain": "x", "status_catalog": "texts"}},
    }
    head = {"title": "x", "description": "x", "publisher": "x", "values": "integer", "open": True,
            "sources": [{"url": "x", "title": "x", "retrieved": "x", "note": "x"}],
            "ranges": {"low": {"min": 1, "max": 9, "description": "x"}},
            "fields": {"kind": {"type": "string", "enum": ["x"], "description": "x"},
                       "free": {"type": "string", "description": "x"}},
            "notes": ["x"]}
    texts = {"catalog": {"id": "texts", **head}, "entries": [
        {"name": "OLD", "value": 1, "message": "x", "description": "x", "since": "1.0.0", "provenance": "x",
         "deprecated": {"since": "1.0.0", "note": "x"}, "fields": {"kind": "x", "free": "x"},
         "alternatives": [{"field": "free", "value": "x", "source": "x", "note": "x"}]},
        {"name": "GONE", "value": 2, "message": "x", "since": "1.0.0", "retired": {"since": "1.0.0", "note": "x"}},
    ]}
    reasons = {"catalog": {"id": "reasons", "title": "x", "publisher": "x", "values": "string", "open": True,
                           "sources": [{"url": "x"}], "fields": {"http": {"type": "integer", "required": True}}},
               "entries": [{"name": "BAD", "message": "x", "since": "1.0.0", "fields": {"http": 400},
                            "parameters": {"detail": {"type": "string", "description": "x"}}}]}
    return {"project": project, "texts": texts, "reasons": reasons}


def _put(node: Any, path: Position, text: str) -> bool:
    """Set the string at path (`[]` and `*`: the first item holding the rest) to text."""
    if not path:
        return False
    head, rest = path[0], path[1:]
    if head in ("[]", "*"):
        items = node if isinstance(node, list) else list(node.values()) if isinstance(node, dict) else []
        for i, item in enumerate(items):
            if not rest and isinstance(item, str):
                if isinstance(node, list):
                    node[i] = text
                else:
                    node[list(node)[i]] = text
                return True
            if rest and _put(item, rest, text):
                return True
        return False
    if not isinstance(node, dict) or head not in node:
        return False
    if not rest:
        if not isinstance(node[head], str):
            return False
        node[head] = text
        return True
    return _put(node[head], rest, text)


def _dump(data: Any) -> str:
    """YAML holding data exactly: raw Unicode where PyYAML round-trips it, else escaped (PyYAML
    writes a leading NEL raw into a single-quoted scalar, which every reader folds to a space)."""
    text = yaml.safe_dump(data, allow_unicode=True, width=1_000_000)
    return text if yaml.safe_load(text) == data else yaml.safe_dump(data, allow_unicode=False, width=1_000_000)


def _fill(texts: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    docs = _base()
    placed: dict[str, str] = {}
    for position, text in zip(TEXT_POSITIONS, texts, strict=True):
        schema, _, path = position.partition(":")
        names = ["project"] if schema == "project" else ["texts", "reasons"]
        if not any(_put(docs[name], tuple(path.split("/")), text) for name in names):
            pytest.fail(f"the test's base spec has no {position}: add one to _base()")
        placed[position] = text
    # The field's value must be one its enum allows, so both follow the drawn text.
    kind = docs["texts"]["catalog"]["fields"]["kind"]["enum"][0]
    docs["texts"]["entries"][0]["fields"]["kind"] = kind
    return docs, placed


def _marked(texts: list[str]) -> list[str]:
    """Each text with a marker that tells the positions apart (and keeps it non-empty)."""
    return [f"{text}\u27e8{i}\u27e9" for i, text in enumerate(texts)]


# --- each target loaded as its users load it --------------------------------------------------

def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


_PY_STRINGS = r"""
import dataclasses, enum, importlib, importlib.resources, inspect, json, pkgutil, sys, tomllib
pkg = importlib.import_module("text_positions")
out = [pkg.__doc__, json.loads(importlib.resources.files(pkg).joinpath("catalogs.json").read_text("utf-8")),
       tomllib.loads(open(sys.argv[1], encoding="utf-8").read())]
def doc(obj):
    text = obj.__doc__ or ""
    out.extend([text, inspect.cleandoc(text)])
for info in pkgutil.iter_modules(pkg.__path__):
    mod = importlib.import_module("text_positions." + info.name)
    doc(mod)
    for obj in vars(mod).values():
        if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == mod.__name__:
            doc(obj)
            for member in obj:
                out.append(member.value)
                out.append(dataclasses.asdict(member.info))
json.dump(out, sys.stdout, default=str)
"""

_JS_STRINGS = r"""
const url = require("node:url"); const fs = require("node:fs"); const path = require("node:path");
const dir = process.argv[1];
import(url.pathToFileURL(path.join(dir, "dist/index.js")).href).then((m) => {
  const out = [JSON.parse(fs.readFileSync(path.join(dir, "catalogs.json"), "utf8")),
               JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))];
  for (const [name, fn] of Object.entries(m)) {
    if (typeof fn === "function" && name.endsWith("Infos")) out.push(fn());
    else if (typeof fn !== "function") out.push(fn);
  }
  process.stdout.write(JSON.stringify(out));
});
"""


def _loaded(out: Path) -> dict[str, list[str]]:
    py = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(out / 'python/src')!r})\n"
                         + _PY_STRINGS, str(out / "python/pyproject.toml")],
                        capture_output=True, text=True, encoding="utf-8", check=False)
    assert py.returncode == 0, py.stderr
    js = subprocess.run([require("node"), "-e", _JS_STRINGS, str(out / "typescript")],
                        capture_output=True, text=True, encoding="utf-8", check=False)
    assert js.returncode == 0, js.stderr
    openapi = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((out / "openapi").iterdir())]
    bundle = json.loads((out / "json/catalogs.json").read_text(encoding="utf-8"))
    return {"python": _strings(json.loads(py.stdout)), "typescript": _strings(json.loads(js.stdout)),
            "openapi": _strings(openapi), "json": _strings(bundle)}


def _generate(root: Path, docs: dict[str, Any]) -> Path:
    spec_dir = root / "spec"
    spec_dir.mkdir(parents=True)
    for name, data in (("codegen.yaml", docs["project"]), ("texts.yaml", docs["texts"]),
                       ("reasons.yaml", docs["reasons"])):
        (spec_dir / name).write_text(_dump(data), encoding="utf-8")
    spec, diags = load_spec(spec_dir)
    assert spec is not None, "\n".join(d.render() for d in diags)
    outputs, diags = generate(spec, selected_targets(spec, None)[0])
    assert not [d for d in diags if d.level == "error"], "\n".join(d.render() for d in diags)
    for files in outputs.values():
        for rel, text in files.items():
            path = root / "generated" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    return root / "generated"


TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
DRAWN = st.lists(st.sampled_from(HOSTILE[:-1]) | TEXT, min_size=len(TEXT_POSITIONS), max_size=len(TEXT_POSITIONS))


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@example([HOSTILE[i % (len(HOSTILE) - 1)] for i in range(len(TEXT_POSITIONS))])
@example([HOSTILE[-(i % (len(HOSTILE) - 1)) - 2] for i in range(len(TEXT_POSITIONS))])
@given(DRAWN)
def test_every_text_position_reaches_every_target_exactly(tmp_path_factory: pytest.TempPathFactory,
                                                          drawn: list[str]) -> None:
    docs, placed = _fill(_marked(drawn))
    loaded = _loaded(_generate(tmp_path_factory.mktemp("positions"), docs))
    missing = [f"{position} -> {target}: {text!r}"
               for position, text in placed.items() for target in TARGETS
               if carried(position, target) and not any(text in s for s in loaded[target])]
    assert not missing, "\n".join(missing)
