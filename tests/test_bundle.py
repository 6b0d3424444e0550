"""The JSON bundle: schema-valid, equal to the spec entry by entry, canonical and hashed."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from codegen.generate import generate
from codegen.model import FieldValue, Ref, Spec
from codegen.targets.jsonbundle import build_bundle, canonical_json, content_hash, verify

BUNDLE = "json/catalogs.json"
SCHEMA = "json/catalogs.schema.json"


@pytest.fixture(scope="module")
def bundle(generated: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(generated[BUNDLE])
    return data


@pytest.fixture(scope="module")
def schema(generated: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(generated[SCHEMA])
    return data


def _ref(spec: Spec, ref: Ref) -> dict[str, Any]:
    target = spec.resolve(ref)
    assert target is not None, ref
    return {"catalog": ref.catalog, "name": ref.name, "value": target.value}


def _field(spec: Spec, value: FieldValue) -> Any:
    if isinstance(value, Ref):
        return _ref(spec, value)
    if isinstance(value, tuple):
        return [_ref(spec, r) for r in value]
    return value


def test_bundle_validates_against_its_schema(bundle: dict[str, Any], schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(bundle), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_schema_rejects_a_broken_bundle(bundle: dict[str, Any], schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    broken = json.loads(json.dumps(bundle))
    entry = broken["catalogs"]["voipbin_reason"]["entries"][0]
    del entry["message"]
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(bundle))
    broken["catalogs"]["voipbin_reason"]["entries"][0]["surprise"] = 1
    assert not validator.is_valid(broken)


def test_bundle_equals_the_spec_entry_by_entry(bundle: dict[str, Any], spec: Spec) -> None:
    assert bundle["spec_version"] == spec.version
    assert list(bundle["catalogs"]) == sorted(c.id for c in spec.catalogs)
    for catalog in spec.catalogs:
        got = bundle["catalogs"][catalog.id]
        assert (got["id"], got["title"], got["description"], got["publisher"]) == (
            catalog.id, catalog.title, catalog.description, catalog.publisher)
        assert (got["values"], got["open"], got["file"], got["notes"]) == (
            catalog.values, catalog.open, catalog.file, list(catalog.notes))
        assert got["sources"] == [
            {"url": s.url, "title": s.title, "retrieved": s.retrieved, "note": s.note} for s in catalog.sources]
        assert [(f["name"], f["type"], f["required"], f["catalog"], f["min"], f["max"]) for f in got["fields"]] == [
            (f.name, f.type, f.required, f.catalog, f.min, f.max) for f in catalog.fields]
        assert len(got["entries"]) == len(catalog.entries)
        for entry, out in zip(catalog.entries, got["entries"], strict=True):
            where = f"{catalog.id}.{entry.name}"
            assert out["name"] == entry.name and out["value"] == entry.value, where
            assert type(out["value"]) is type(entry.value), where
            assert (out["message"], out["description"], out["since"], out["status"]) == (
                entry.message, entry.description, entry.since, entry.status), where
            assert out["fields"] == {k: _field(spec, v) for k, v in entry.fields.items()}, where
            assert out["successors"] == [_ref(spec, r) for r in entry.successors], where
            assert out["provenance"] == entry.provenance, where
            assert "location" not in out, "line numbers would change the bundle's bytes without a data change"
            assert out["alternatives"] == [
                {"field": a.field, "value": a.value, "source": a.source, "note": a.note} for a in entry.alternatives]
            if entry.deprecated:
                dep = entry.deprecated
                assert out["deprecated"] == {
                    "since": dep.since, "note": dep.note,
                    "replacement": _ref(spec, dep.replacement) if dep.replacement else None}, where
            else:
                assert out["deprecated"] is None, where
            if entry.retired:
                assert out["retired"] == {"since": entry.retired.since, "note": entry.retired.note}, where
            else:
                assert out["retired"] is None, where
    assert list(bundle["envelopes"]) == sorted(e.name for e in spec.envelopes)
    for envelope in spec.envelopes:
        got = bundle["envelopes"][envelope.name]
        assert (got["wrapper"], got["body_name"], got["description"]) == (
            envelope.wrapper, envelope.body_name, envelope.description)
        assert [(p["name"], p["catalog"], p["use"], p["required"], p["type"], p["pattern"])
                for p in got["properties"]] == [
            (p.name, p.catalog, p.use, p.required, p.type, p.pattern) for p in envelope.properties]


def test_lifecycle_is_recorded(bundle: dict[str, Any]) -> None:
    legacy = {e["value"]: e for e in bundle["catalogs"]["infobip_legacy_voice_error"]["entries"]}
    assert sorted(v for v, e in legacy.items() if e["status"] == "retired") == [5481, 5488, 5491, 5501]
    assert [s["value"] for s in legacy[5004]["successors"]] == [10400, 10401, 10402]
    assert legacy[5004]["deprecated"]["replacement"]["value"] == 10400
    assert legacy[5004]["alternatives"][0]["value"] == 3


def test_bundle_is_canonical(generated: dict[str, str]) -> None:
    for path in (BUNDLE, SCHEMA):
        text = generated[path]
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert canonical_json(json.loads(text)) == text, path
    assert "\\u" not in generated[BUNDLE].replace("\\\\", "")  # UTF-8 text, not escapes
    assert "\u00a0" in generated[BUNDLE]  # the non-breaking space of 5503 survives as is


def test_content_hash_covers_the_data(bundle: dict[str, Any]) -> None:
    assert verify(bundle)
    assert bundle["content_hash"] == content_hash(bundle)
    changed = json.loads(json.dumps(bundle))
    changed["catalogs"]["voipbin_reason"]["entries"][0]["message"] += "!"
    assert not verify(changed)


def test_generating_twice_gives_identical_bytes(spec: Spec, generated: dict[str, str]) -> None:
    again, diags = generate(spec, ["json"])
    assert not diags
    assert again["json"] == {p: t for p, t in generated.items() if p.startswith("json/")}
    assert canonical_json(build_bundle(spec)) == generated[BUNDLE]


def test_python_package_ships_the_same_bundle(generated: dict[str, str], spec: Spec) -> None:
    package = spec.targets["python"]["package"]
    assert generated[f"python/src/{package}/catalogs.json"] == generated[BUNDLE]
    assert '"catalogs.json"' in generated["python/pyproject.toml"]
