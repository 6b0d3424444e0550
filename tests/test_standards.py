"""Standard error shapes: RFC 9457 problems and AIP-193 errors in the OpenAPI fragment."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.targets.openapi.document import OPENAPI_30, build_document

CASE = Path(__file__).parent / "golden" / "standard_shapes"
EXPECTED = CASE / "expected" / "openapi"
DOC_URI = "urn:fragment"


@pytest.fixture(scope="module")
def shapes_spec() -> Spec:
    spec, diags = load_spec(CASE / "spec")
    assert spec is not None, diags
    return spec


@pytest.fixture(scope="module")
def fragment() -> dict[str, Any]:
    return yaml.safe_load((EXPECTED / "catalogs.openapi.yaml").read_text("utf-8"))  # type: ignore[no-any-return]


def validator(doc: dict[str, Any], schema: str) -> jsonschema.Draft202012Validator:
    """A validator of one component schema of the 3.1 fragment, its $refs resolved in it."""
    registry: Registry[Any] = Registry().with_resource(DOC_URI, Resource.from_contents(doc, DRAFT202012))
    return jsonschema.Draft202012Validator({"$ref": f"{DOC_URI}#/components/schemas/{schema}"}, registry=registry)


@pytest.mark.parametrize("name", ["catalogs.openapi.yaml", "catalogs.openapi-3.0.yaml"])
def test_both_fragments_are_valid_openapi(name: str) -> None:
    doc = yaml.safe_load((EXPECTED / name).read_text("utf-8"))
    assert doc["openapi"] == ("3.0.3" if "3.0" in name else "3.1.0")
    validate(doc)


def test_problem_responses_are_problem_json_with_a_type_per_entry(fragment: dict[str, Any], shapes_spec: Spec) -> None:
    reasons = shapes_spec.catalog("storage_reason")
    assert reasons is not None
    responses = fragment["components"]["responses"]
    check = validator(fragment, "Problem")
    seen = {}
    for name, response in responses.items():
        if not name.startswith("Problem"):
            continue
        assert list(response["content"]) == ["application/problem+json"]
        for value, example in response["content"]["application/problem+json"].get("examples", {}).items():
            assert list(check.iter_errors(example["value"])) == []
            seen[value] = example["value"]
    published = {e.name: e for e in reasons.entries if not e.retired}
    assert set(seen) == set(published)  # the retired entry is no kind of problem any more
    for name, body in seen.items():
        assert body["type"] == f"https://errors.example.invalid/storage/storage_reason.html#{name}"
        assert body["title"] == published[name].message
        assert body["status"] == published[name].fields["http_status"]
        assert body["code"] == name


def test_problem_schema_has_the_standard_members(fragment: dict[str, Any]) -> None:
    schema = fragment["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance", "code"} <= set(schema["properties"])
    check = validator(fragment, "Problem")
    base = {"type": "https://x.invalid/a", "title": "t", "status": 404, "code": "BUCKET_NOT_FOUND"}
    assert check.is_valid({**base, "code": "A_REASON_PUBLISHED_LATER", "extension": 1})
    assert not check.is_valid({**base, "code": "not upper snake"})
    assert not check.is_valid({**base, "status": 99})
    assert not check.is_valid({k: v for k, v in base.items() if k != "type"})


def test_aip193_examples_carry_error_info_and_help(fragment: dict[str, Any], shapes_spec: Spec) -> None:
    check = validator(fragment, "StorageError")
    statuses = {404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED"}
    count = 0
    for name, response in fragment["components"]["responses"].items():
        if not name.startswith("StorageError"):
            continue
        for value, example in response["content"]["application/json"].get("examples", {}).items():
            error = example["value"]["error"]
            assert list(check.iter_errors(example["value"])) == []
            assert error["status"] == statuses[error["code"]]
            info, help_ = error["details"]
            assert (info["reason"], info["domain"]) == (value, "storage.example.invalid")
            assert help_["links"][0]["url"] == f"https://docs.example.invalid/errors/storage_reason.html#{value}"
            count += 1
    assert count == 3


def test_aip193_schema_keeps_reasons_open_and_domain_fixed(fragment: dict[str, Any]) -> None:
    check = validator(fragment, "StorageError")
    info = {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "LATER_REASON",
            "domain": "storage.example.invalid", "metadata": {"bucket": "b"}}
    error = {"code": 404, "message": "m", "status": "NOT_FOUND", "details": [info]}
    assert check.is_valid({"error": error})
    assert not check.is_valid({"error": {**error, "status": "NO_SUCH_STATUS"}})
    assert not check.is_valid({"error": {**error, "details": [{**info, "domain": "other.invalid"}]}})
    assert not check.is_valid({"error": {**error, "details": [{**info, "metadata": {"n": 1}}]}})


def test_type_base_defaults_to_the_docs_base_url(shapes_spec: Spec) -> None:
    envelopes = tuple(dataclasses.replace(e, type_base="") for e in shapes_spec.envelopes)
    doc, diags = build_document(dataclasses.replace(shapes_spec, envelopes=envelopes), OPENAPI_30)
    assert diags == []
    example = doc["components"]["responses"]["ProblemNotFound"]["content"]["application/problem+json"]["examples"]
    assert example["BUCKET_NOT_FOUND"]["value"]["type"] == (
        "https://docs.example.invalid/errors/storage_reason.html#BUCKET_NOT_FOUND")
