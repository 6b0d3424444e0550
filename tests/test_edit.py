"""In-place edits of spec files: every byte outside the added or changed text stays as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from codegen.cli import main
from codegen.edit import EditError, insert_item, replace_scalar, set_key
from tests.conftest import ROOT

# Comments everywhere, each quoting style, flow and block collections, a block scalar as the
# last value before the insertion point, a comment between entries, CRLF-free but with U+2028
# inside a quoted message (a line break to YAML 1.1, not to the file).
HAND_WRITTEN = """\
# a catalog written by hand
catalog:
  id: things   # trailing comment
  title: 'Things, single-quoted'
  values: integer
  ranges: {low: {min: 1, max: 9}, high: {min: 100, max: 199}}
entries:
    -   name: FIRST
        value: 1
        message: "First \\u2028 with an escaped separator"
        since: 1.0.0
        description: |
          A block scalar
          of two lines

    # the high range starts here
    -   name: HUNDRED
        value: 100
        message: plain text
        since: '1.0.0'
"""


def _removed(text: str, block: str) -> str:
    assert text.count(block) == 1, text
    return text.replace(block, "")


def test_insert_item_keeps_every_other_byte() -> None:
    item = {"name": "SECOND", "value": 2, "message": 'Say "hi": #1', "since": "1.1.0"}
    out = insert_item(HAND_WRITTEN, ["entries"], 0, item)
    block = ('    -   name: SECOND\n        value: 2\n        message: "Say \\"hi\\": #1"\n'
             "        since: 1.1.0\n")
    assert _removed(out, block) == HAND_WRITTEN
    # placed after the block scalar (whose trailing blank line YAML counts in it), before the comment
    assert out.index(block) == HAND_WRITTEN.index("    # the high range")
    assert yaml.safe_load(out)["entries"][1] == item


def test_insert_first_and_last() -> None:
    item = {"name": "ZERO", "value": 0, "message": "m", "since": "1.1.0"}
    first = insert_item(HAND_WRITTEN, ["entries"], -1, item)
    assert first.startswith(HAND_WRITTEN[: HAND_WRITTEN.index("    -   name: FIRST")] + "    -   name: ZERO\n")
    assert yaml.safe_load(first)["entries"][0] == item
    last = insert_item(HAND_WRITTEN, ["entries"], 1, item)
    assert last.startswith(HAND_WRITTEN) and yaml.safe_load(last)["entries"][2] == item


def test_crlf_file_gets_crlf_lines() -> None:
    crlf = HAND_WRITTEN.replace("\n", "\r\n")
    out = insert_item(crlf, ["entries"], 1, {"name": "LAST", "value": 101, "message": "m", "since": "1.1.0"})
    assert out.startswith(crlf) and "\n" not in out[len(crlf):].replace("\r\n", "")


def test_replace_scalar_and_set_key_keep_quoting_and_comments() -> None:
    out = replace_scalar(HAND_WRITTEN, ["catalog", "title"], "It's new")
    assert out == HAND_WRITTEN.replace("'Things, single-quoted'", "'It''s new'")
    assert yaml.safe_load(out)["catalog"]["title"] == "It's new"
    project = "version: 1.0.0  # bumped by release\ncatalogs: [a.yaml]\n"
    assert replace_scalar(project, ["version"], "1.1.0") == "version: 1.1.0  # bumped by release\ncatalogs: [a.yaml]\n"
    added = set_key(project, ["compat"], "baseline", "releases/1.0.0.json")
    assert added == project + "compat:\n  baseline: releases/1.0.0.json\n"
    assert set_key(added, ["compat"], "baseline", "releases/1.1.0.json") == added.replace("1.0.0.json", "1.1.0.json")


def test_flow_list_is_refused() -> None:
    with pytest.raises(EditError):
        insert_item("entries: [{name: A}]\n", ["entries"], 0, {"name": "B"})


@pytest.fixture()
def project_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "spec", tmp_path / "spec")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")  # the template targets
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_codegen_add_to_the_infobip_catalog_changes_nothing_else(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = project_copy / "spec" / "infobip-voice-errors.yaml"
    before, project_before = catalog.read_text(), (project_copy / "spec" / "codegen.yaml").read_text()
    assert main(["add", "infobip_voice_error", "CALL_PARKED", "--message", "Call was parked",
                 "--range", "call_outcome", "--field", "group=OK"]) == 0
    assert "spec/infobip-voice-errors.yaml:" in capsys.readouterr().out
    after = catalog.read_text()
    block = ("  - name: CALL_PARKED\n    value: 10005\n    message: \"Call was parked\"\n"
             "    fields: {group: \"OK\"}\n    since: 1.3.0\n")
    assert _removed(after, block) == before  # every other byte as it was
    assert after.index(block) == before.index("  - name: DEVICE_FORBIDDEN")  # after 10004, in its range
    # the release that ships it is a minor one past the baseline 1.2.1: only the version line changed
    project_after = (project_copy / "spec" / "codegen.yaml").read_text()
    assert project_after == re.sub(r"(?m)^version: .*$", "version: 1.3.0", project_before) != project_before


def test_add_refuses_taken_retired_and_out_of_range(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project_copy / "spec"
    before = {p.name: p.read_bytes() for p in spec.glob("*.yaml")}
    cases = [["infobip_voice_error", "BUSY", "--message", "m", "--range", "called_party"],
             ["infobip_voice_error", "NEW_ONE", "--message", "m", "--value", "10201"],
             ["infobip_voice_error", "NEW_ONE", "--message", "m"],  # several ranges: which?
             ["infobip_voice_error", "NEW_ONE", "--message", "m", "--range", "nowhere"],
             ["no_such_catalog", "NEW_ONE", "--message", "m"],
             # retired: the name stays reserved forever
             ["infobip_legacy_voice_error", "EC_VOICE_NOT_IMPLEMENTED", "--message", "m", "--value", "59999"]]
    for argv in cases:
        assert main(["add", *argv]) == 2, argv
        assert "error A001" in capsys.readouterr().err
    # outside every range: written, found invalid (C012), and put back
    assert main(["add", "infobip_voice_error", "NEW_ONE", "--message", "m", "--value", "10999"]) == 1
    assert "C012" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in spec.glob("*.yaml")} == before


def test_codegen_deprecate_adds_one_line_and_the_version_it_ships_in(project_copy: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from codegen.spec.load import load_spec

    catalog = project_copy / "spec" / "infobip-voice-errors.yaml"
    before, project_before = catalog.read_text(), (project_copy / "spec" / "codegen.yaml").read_text()
    assert main(["deprecate", "infobip_voice_error", "BUSY", "--replacement", "infobip_voice_error.CANCELLED",
                 "--note", "Busy: 'now' cancelled"]) == 0
    assert "spec/infobip-voice-errors.yaml: deprecated infobip_voice_error.BUSY since 1.3.0" in capsys.readouterr().out
    line = ('    deprecated: {since: "1.3.0", replacement: "infobip_voice_error.CANCELLED", '
            "note: \"Busy: 'now' cancelled\"}\n")
    after = catalog.read_text()
    assert _removed(after, line) == before  # every other byte as it was
    assert after.index(line) < after.index("  - name: CANCELLED")  # inside BUSY's own block
    project_after = (project_copy / "spec" / "codegen.yaml").read_text()
    assert project_after == re.sub(r"(?m)^version: .*$", "version: 1.3.0", project_before) != project_before
    spec, _ = load_spec(project_copy / "spec" / "codegen.yaml")
    busy = spec.catalog("infobip_voice_error").entry("BUSY")  # type: ignore[union-attr]
    assert busy is not None and busy.deprecated is not None
    assert (busy.deprecated.since, str(busy.deprecated.replacement), busy.deprecated.note) == (
        "1.3.0", "infobip_voice_error.CANCELLED", "Busy: 'now' cancelled")


def test_deprecate_refuses_and_leaves_every_file_as_it_was(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project_copy / "spec"
    before = {p.name: p.read_bytes() for p in spec.glob("*.yaml")}
    cases = [["infobip_voice_error", "BUSY"],  # nothing said about what to use instead
             ["infobip_voice_error", "NO_SUCH_ENTRY", "--note", "n"],
             ["no_such_catalog", "BUSY", "--note", "n"],
             ["infobip_legacy_voice_error", "EC_VOICE_NOT_IMPLEMENTED", "--note", "n"],  # retired
             ["infobip_legacy_voice_error", "EC_VOICE_USER_BUSY", "--note", "n"]]  # deprecated already
    for argv in cases:
        assert main(["deprecate", *argv]) == 2, argv
        err = capsys.readouterr().err
        assert re.search(r"^spec/[\w.-]+\.yaml:\d+:\d+: error A001: ", err, re.M), err
    # a replacement that does not exist: written, found invalid, and put back
    assert main(["deprecate", "infobip_voice_error", "BUSY", "--replacement", "infobip_voice_error.NOPE"]) == 1
    assert "nothing changed" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in spec.glob("*.yaml")} == before
