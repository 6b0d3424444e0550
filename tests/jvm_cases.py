"""The JVM test cases beside the project's own library, each generated into its own folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tests.jvm_reactor import Case, big_catalog, write_case
from tests.test_hostile import BASE_URL, HOSTILE
from tests.test_names_numbers import (
    EDGE_INTEGERS,
    RESERVED_CATALOG_IDS,
    RESERVED_ENTRY_NAMES,
    RESERVED_FIELD_NAMES,
    _catalog,
    _entry,
)

#: the one function each broken library breaks: the message answers with the description
BROKEN_FILE = "src/main/java/net/voipbin/voicestatus/InfobipVoiceError.java"
BROKEN_FROM = "return Rows.text(row()[1]);"
BROKEN_TO = "return Rows.text(row()[2]);"
BROKEN_KOTLIN_FILE = "src/main/kotlin/net/voipbin/voicestatus/kotlin/InfobipVoiceError.kt"
BROKEN_KOTLIN_FROM = "get() = java.message()"
BROKEN_KOTLIN_TO = "get() = java.description()"


def hostile() -> list[dict[str, Any]]:
    """The hostile corpus as messages (and reversed as descriptions), as the hostile test writes it."""
    head = {"id": "hostile", "title": "Hostile corpus", "publisher": "Tests",
            "sources": [{"url": "https://example.invalid/"}], "values": "integer", "open": True}
    entries: list[dict[str, Any]] = [{"name": f"T{i:03d}", "value": i + 1, "message": text,
                                      "description": text[::-1] + "!", "since": "1.0.0"} for i, text in enumerate(HOSTILE)]
    for i, entry in enumerate(entries):
        if i % 5 == 4:  # the text also as a deprecation note: Javadoc @deprecated, Kotlin @Deprecated(message)
            entry["deprecated"] = {"since": "1.0.0", "replacement": "hostile.T000", "note": HOSTILE[i]}
    return [{"catalog": head, "entries": entries}]


def names() -> list[dict[str, Any]]:
    """Reserved catalog ids, field and entry names, and edge integers, as the names test writes them."""
    fields = {f: {"type": "integer"} for f in RESERVED_FIELD_NAMES}
    catalogs = [_catalog(cid, [_entry("A", 1)]) for cid in RESERVED_CATALOG_IDS]
    catalogs.append(_catalog("reserved_fields", [_entry("A", 1, fields={f: i for i, f in enumerate(RESERVED_FIELD_NAMES)})],
                             fields))
    catalogs.append(_catalog("reserved_entries", [_entry(n, i) for i, n in enumerate(RESERVED_ENTRY_NAMES)]))
    catalogs.append(_catalog("edge_integers", [_entry(f"N{i}", v) for i, v in enumerate(EDGE_INTEGERS)]))
    catalogs.append(_catalog("long_edges", [_entry("LMIN", -(2**63)), _entry("LMAX", 2**63 - 1)]))
    return catalogs


def write_all(root: Path, main: Case) -> dict[str, Case]:
    """Every case but the project's own, generated under root."""
    cases = {
        # with a hostile site address: every entry carries its page (docUrl)
        "hostile": write_case(root, "hostile", hostile(), {"docs": {"out": "docs", "base_url": BASE_URL}}),
        "names": write_case(root, "names", names()),
        "big": write_case(root, "big", [big_catalog()]),
    }
    skip_docs(cases["big"].out / "java" / "pom.xml")
    broken = root / "broken" / "generated" / "java"
    shutil.copytree(main.out / "java", broken, ignore=shutil.ignore_patterns("target"))
    _replace(broken / "pom.xml", "<artifactId>voice-status-codes</artifactId>", "<artifactId>broken-codes</artifactId>")
    _replace(broken / BROKEN_FILE, BROKEN_FROM, BROKEN_TO)
    skip_docs(broken / "pom.xml")
    broken_kt = broken.parent / "kotlin"  # wraps the project's own (sound) Java library
    shutil.copytree(main.out / "kotlin", broken_kt, ignore=shutil.ignore_patterns("target"))
    _replace(broken_kt / "pom.xml", "<artifactId>voice-status-codes-kotlin</artifactId>",
             "<artifactId>broken-codes-kotlin</artifactId>")
    _replace(broken_kt / BROKEN_KOTLIN_FILE, BROKEN_KOTLIN_FROM, BROKEN_KOTLIN_TO)
    cases["broken"] = Case("broken", main.spec, broken.parent)
    return cases


def skip_docs(pom: Path) -> None:
    """No sources or javadoc jar for a case that proves something else (they cost the most time)."""
    _replace(pom, "<properties>", "<properties>\n    <maven.javadoc.skip>true</maven.javadoc.skip>"
             "\n    <maven.source.skip>true</maven.source.skip>")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")
