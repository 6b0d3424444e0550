"""The spec carries every code and reason of the seed documents, exactly."""

from __future__ import annotations

import csv
import re

import pytest

from codegen.model import Ref, Spec
from tests.conftest import DATA

SEEDS = DATA / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")


def table_rows(text: str) -> dict[int, str]:
    """`| code | message |` rows of a markdown table."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"\|\s*(-?\d+)\s*\|\s*(.*?)\s*\|\s*$", line)
        if m:
            rows[int(m.group(1))] = m.group(2)
    return rows


def test_catalog_counts(spec: Spec) -> None:
    counts = {c.id: len(c.entries) for c in spec.catalogs}
    assert counts == {
        "eightbyeight_callflow_status": 22,
        "eightbyeight_session_status": 2,
        "infobip_voice_error": 33,
        "infobip_legacy_voice_error": 24,
        "infobip_error_group": 4,
        "infobip_status_reason": 5,
        "infobip_status_group": 5,
        "voipbin_reason": 77,
        "voipbin_status": 10,
    }


def test_8x8_short_and_long_messages_match_the_seeds(spec: Spec) -> None:
    catalog = spec.catalog("eightbyeight_callflow_status")
    assert catalog is not None
    short, long = table_rows(seed("000")), table_rows(seed("001"))
    assert sorted(short) == sorted(e.value for e in catalog.entries)
    assert sorted(short) == [-9999] + list(range(-1020, -1000)) + [1]
    for entry in catalog.entries:
        assert entry.message == short[entry.value], entry.name
        assert entry.fields["long_message"] == long[entry.value], entry.name
        status = "CREATED" if entry.value == 1 else "NOT_CREATED"
        assert entry.fields["session_status"] == Ref("eightbyeight_session_status", status)


def test_8x8_spot_values(spec: Spec) -> None:
    catalog = spec.catalog("eightbyeight_callflow_status")
    assert catalog is not None
    by_value = {e.value: e for e in catalog.entries}
    assert by_value[-1007].fields["long_message"] == (
        "Invalid action type was used. Accepted action type is [say, sayAndcapture, makeCall, hangup, playFile]"
    )
    assert by_value[-1007].message == "Invalid action type was used"
    assert catalog.open


MIGRATED = re.compile(r"^(5\d{3})([A-Z_]+?)(\d)([A-Z].*?)(10\d{3})(\d)([A-Z_]+?)([A-Z][a-z].*)$")
SUCCESSOR_ONLY = re.compile(r"^(10\d{3})(\d)([A-Z_]+?)([A-Z][a-z].*)$")
OLD_ONLY = re.compile(r"^(5\d{3})([A-Z_]+?)(\d)([A-Z].*)$")
RETIRED = re.compile(r"^(5\d{3})([A-Z_]+?)([A-Z][a-z].*)$")


def parse_seed_003() -> tuple[dict[int, tuple[str, int, list[int]]], dict[int, tuple[str, int]], set[int]]:
    """Legacy {code: (name, old group, successors)}, new {code: (name, group)}, retired codes."""
    text = seed("003")
    migrated_part = text.split("Migrated error codes")[1].split("Retired error codes")[0]
    retired_part = text.split("Retired error codes")[1].split("New error codes")[0]
    new_part = text.split("New error codes")[1].split("Status reason changes")[0]
    legacy: dict[int, tuple[str, int, list[int]]] = {}
    new: dict[int, tuple[str, int]] = {}
    last_old, last_new = 0, 0
    for line in migrated_part.splitlines():
        if m := MIGRATED.match(line):
            last_old, last_new = int(m[1]), int(m[5])
            legacy[last_old] = (m[2], int(m[3]), [last_new])
            new[last_new] = (m[7], int(m[6]))
        elif m := SUCCESSOR_ONLY.match(line):
            legacy[last_old][2].append(int(m[1]))
            new[int(m[1])] = (m[3], int(m[2]))
        elif m := OLD_ONLY.match(line):  # row-span: the new cells of the row above
            last_old = int(m[1])
            legacy[last_old] = (m[2], int(m[3]), [last_new])
    retired = set()
    for line in retired_part.splitlines():
        if m := RETIRED.match(line):
            retired.add(int(m[1]))
            legacy[int(m[1])] = (m[2], -1, [])
    for line in new_part.splitlines():
        if m := SUCCESSOR_ONLY.match(line):
            new[int(m[1])] = (m[3], int(m[2]))
    return legacy, new, retired


def test_seed_003_parser_reads_the_documented_counts() -> None:
    legacy, new, retired = parse_seed_003()
    assert len(legacy) - len(retired) == 20 and len(retired) == 4
    assert len(new) == 22
    assert legacy[5415][2] == [10306] and legacy[5484][2] == [10306]


def test_infobip_legacy_codes_match_seed(spec: Spec) -> None:
    legacy, _, retired = parse_seed_003()
    catalog = spec.catalog("infobip_legacy_voice_error")
    voice = spec.catalog("infobip_voice_error")
    groups = spec.catalog("infobip_error_group")
    assert catalog and voice and groups
    by_value = {e.value: e for e in catalog.entries}
    assert sorted(by_value) == sorted(legacy)
    for code, (name, group, successors) in legacy.items():
        entry = by_value[code]
        assert entry.name == name
        assert [spec.resolve(r).value for r in entry.successors] == successors  # type: ignore[union-attr]
        if code in retired:
            assert entry.retired is not None and not entry.successors
        else:
            assert entry.deprecated is not None and entry.retired is None
            group_ref = entry.fields["group"]
            assert isinstance(group_ref, Ref) and spec.resolve(group_ref).value == group  # type: ignore[union-attr]
    assert [r.name for r in by_value[5004].successors] == ["URL_NOT_FOUND", "URL_UNREACHABLE", "INVALID_RESPONSE"]


def test_infobip_new_codes_match_seed_and_reference(spec: Spec) -> None:
    _, new, _ = parse_seed_003()
    voice = spec.catalog("infobip_voice_error")
    assert voice is not None
    by_value = {e.value: e for e in voice.entries}
    for code, (name, group) in new.items():
        entry = by_value[code]
        expected = "CANCELLED" if name == "CANCELED" else name
        assert entry.name == expected
        assert spec.resolve(entry.fields["group"]).value == group  # type: ignore[arg-type,union-attr]
    with open(DATA / "reference" / "infobip-voice-error-codes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(int(r["code"]) for r in rows) == sorted(by_value)
    for row in rows:
        entry = by_value[int(row["code"])]
        assert entry.name == row["name"]
        assert entry.provenance, entry.name
        if row["group_id"]:
            assert spec.resolve(entry.fields["group"]).value == int(row["group_id"])  # type: ignore[arg-type,union-attr]
        else:
            assert "group" not in entry.fields
    cancelled = by_value[10202]
    assert [(a.field, a.value) for a in cancelled.alternatives] == [("name", "CANCELED")]


def test_infobip_source_disagreements_are_recorded(spec: Spec) -> None:
    catalog = spec.catalog("infobip_legacy_voice_error")
    assert catalog is not None
    alternatives = {e.value: [(a.field, a.value) for a in e.alternatives] for e in catalog.entries if e.alternatives}
    assert alternatives == {5480: [("group", 1)], 5603: [("group", 1)], 5004: [("group", 3)]}


def test_infobip_status_reasons(spec: Spec) -> None:
    catalog = spec.catalog("infobip_status_reason")
    assert catalog is not None
    pairs = {e.value: (e.name, str(e.fields["status_group"]), str(e.fields.get("error_code"))) for e in catalog.entries}
    assert pairs[97] == ("BUSY", "infobip_status_group.UNDELIVERABLE", "infobip_voice_error.BUSY")
    busy = spec.resolve(Ref("infobip_voice_error", "BUSY"))
    assert busy is not None and busy.value == 10201
    assert sorted(pairs) == [96, 97, 98, 99, 100]
    assert pairs[100][1] == "infobip_status_group.REJECTED" and pairs[100][2] == "None"


def test_voipbin_reasons_equal_the_reference_csv(spec: Spec) -> None:
    catalog = spec.catalog("voipbin_reason")
    assert catalog is not None and catalog.open
    with open(DATA / "reference" / "voipbin-reasons.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [e.name for e in catalog.entries] == [r["reason"] for r in rows]
    for entry, row in zip(catalog.entries, rows, strict=True):
        assert entry.value == entry.name
        assert entry.fields == {"http_status": int(row["http_status"]), "section": row["group"]}
        assert entry.description == row["cause_fix"]
        assert row["cause_fix"].startswith(entry.message)
    assert catalog.entry("CALL_NOT_FOUND").fields["http_status"] == 404  # type: ignore[union-attr]


def test_voipbin_since_follows_page_history(spec: Spec) -> None:
    catalog = spec.catalog("voipbin_reason")
    assert catalog is not None
    since: dict[str, list[str]] = {}
    for entry in catalog.entries:
        since.setdefault(entry.since, []).append(entry.name)
    assert len(since["1.0.0"]) == 74
    assert since["1.1.0"] == ["INVALID_REQUEST_PARAMETER", "MISSING_REQUEST_PARAMETER"]
    assert since["1.2.0"] == ["SIGNING_NOT_CONFIGURED"]
    # The seed is the 74-row page: its HTTP column, in page order, is the 1.0.0 entries'.
    seed_http = [int(x) for x in re.findall(r"^\|\n(\d{3}) \|$", seed("004"), re.M)]
    assert seed_http == [e.fields["http_status"] for e in catalog.entries if e.since == "1.0.0"]


def test_voipbin_envelope_statuses(spec: Spec) -> None:
    catalog = spec.catalog("voipbin_status")
    assert catalog is not None and not catalog.open
    assert {e.name: e.fields["http_status"] for e in catalog.entries} == {
        "INVALID_ARGUMENT": 400, "UNAUTHENTICATED": 401, "PAYMENT_REQUIRED": 402,
        "PERMISSION_DENIED": 403, "NOT_FOUND": 404, "ALREADY_EXISTS": 409,
        "FAILED_PRECONDITION": 409, "RESOURCE_EXHAUSTED": 429, "UNAVAILABLE": 503, "INTERNAL": 500,
    }
    envelope = next(e for e in spec.envelopes if e.name == "ErrorResponse")
    props = {p.name: p for p in envelope.properties}
    assert envelope.wrapper == "error" and envelope.body_name == "ErrorBody"
    assert props["status"].catalog == "voipbin_status" and props["reason"].catalog == "voipbin_reason"
    assert {n for n, p in props.items() if p.required} == {"status", "reason", "message", "request_id"}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_every_code_in_the_seeds_is_in_the_spec(spec: Spec, prefix: str) -> None:
    values = {e.value for c in spec.catalogs if c.values == "integer" for e in c.entries}
    text = seed(prefix)
    found = {int(m) for m in re.findall(r"\|\s*(-?\d+)\s*\|", text)}
    found |= {int(m) for m in re.findall(r"^(5\d{3}|10\d{3})(?=\d?[A-Z])", text, re.M)}
    found |= {int(m) for m in re.findall(r"^(9[6-9]|100) \(NEW\)", text, re.M)}
    assert found, "seed parser found nothing"
    assert found <= values, sorted(found - values)


#: Abbreviations whose period does not end a sentence.
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.")


def first_sentence(text: str) -> str:
    """The text up to the first period that ends a sentence: outside brackets, not an abbreviation."""
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        ends = char == "." and depth == 0 and (i + 1 == len(text) or text[i + 1] == " ")
        if ends and not text[: i + 1].endswith(ABBREVIATIONS):
            return text[: i + 1]
    return text


def test_short_messages_are_whole_sentences(spec: Spec) -> None:
    """A message taken from the start of its description stops at a sentence end, never mid-bracket."""
    cut = []
    for catalog in spec.catalogs:
        for entry in catalog.entries:
            text = entry.message
            unbalanced = text.count("(") != text.count(")") or text.endswith(ABBREVIATIONS)
            derived = entry.description.startswith(text) and text.endswith(".")
            if unbalanced or (derived and first_sentence(entry.description) != text):
                cut.append(f"{catalog.id}.{entry.name}: {text!r}")
    assert cut == []


def test_first_sentence_skips_abbreviations_and_brackets() -> None:
    assert first_sentence("A (e.g. b. c) d. E.") == "A (e.g. b. c) d."
    assert first_sentence("Use e.g. this. Then") == "Use e.g. this."
