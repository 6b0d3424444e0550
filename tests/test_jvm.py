"""The Java library and the Kotlin value classes proven on the JVM: one offline Maven reactor
builds every case (javac with -Werror, javadoc with doclint, kotlinc with explicit API mode,
sources and javadoc jars, the consumer's JUnit tests in both languages), then a dump program
per language reads every entry back through the generated API and is compared with the spec."""

from __future__ import annotations

import re
import shutil
import zipfile
from typing import Any
from xml.etree import ElementTree

import pytest

from codegen.verify.compare import diff_tables, expected, field_names
from tests.conftest import Reactor
from tests.jvm_cases import BROKEN_FILE, BROKEN_KOTLIN_FILE
from tests.jvm_reactor import BIG
from tests.test_hostile import HOSTILE

CASES = ("main", "hostile", "names", "big")
DOCUMENTED = ("main", "hostile", "names")  # the big case skips the jars that only take time
CONSUMER_TESTS = 8  # four in Java (Jackson), four in Kotlin (kotlinx.serialization)


def test_the_reactor_builds_offline(jvm_reactor: Reactor) -> None:
    assert jvm_reactor.returncode == 0, jvm_reactor.log[-6000:]
    assert "BUILD SUCCESS" in jvm_reactor.log


@pytest.mark.parametrize("lang", ["java", "kotlin"])
@pytest.mark.parametrize("case", DOCUMENTED)
def test_each_library_ships_jar_sources_and_javadoc(jvm_reactor: Reactor, case: str, lang: str) -> None:
    target = jvm_reactor.cases[case].out / lang / "target"
    jars = sorted(p.name for p in target.glob("*.jar"))
    assert len(jars) == 3 and sum(j.endswith("-sources.jar") for j in jars) == 1, jars
    javadoc = next(target.glob("*-javadoc.jar"))
    with zipfile.ZipFile(javadoc) as z:  # Kotlin's says where its KDoc is
        assert any(n.endswith("index.html" if lang == "java" else "README.md") for n in z.namelist())
    main = next(p for p in target.glob("*.jar") if not p.name.endswith(("-sources.jar", "-javadoc.jar")))
    with zipfile.ZipFile(main) as z:
        manifest = z.read("META-INF/MANIFEST.MF").decode()
    package = jvm_reactor.cases[case].spec.targets[lang]["package"]
    assert f"Automatic-Module-Name: {package}" in manifest


def test_the_consumer_tests_ran_and_passed(jvm_reactor: Reactor) -> None:
    reports = list((jvm_reactor.root / "consumer" / "target" / "surefire-reports").glob("TEST-*.xml"))
    assert reports, jvm_reactor.log[-4000:]
    names: set[str | None] = set()
    count = 0
    for report in reports:
        suite = ElementTree.parse(report).getroot()
        assert (suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("0", "0", "0"), report
        names |= {c.get("name") for c in suite.iter("testcase")}
        count += len(list(suite.iter("testcase")))
    assert count == CONSUMER_TESTS, names
    assert "unknownValuesOfOpenCatalogsAreKeptAndWrittenBackUnchanged" in names
    suites = {ElementTree.parse(r).getroot().get("name") for r in reports}
    assert suites == {"consumer.JacksonRoundTripTest", "consumer.SerializationTest"}, suites


def test_using_a_deprecated_constant_warns_at_compile_time(jvm_reactor: Reactor) -> None:
    warnings = [line for line in jvm_reactor.log.splitlines()
                if line.startswith("[WARNING]") and "JacksonRoundTripTest.java" in line]
    assert any("VOICE_ANSWERED" in w and "has been deprecated" in w for w in warnings), warnings
    kotlin = [line for line in jvm_reactor.log.splitlines() if "SerializationTest.kt" in line]
    assert any("VOICE_ANSWERED" in w and "deprecated" in w for w in kotlin), kotlin


@pytest.fixture(scope="session")
def dumps(jvm_reactor: Reactor, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """What the dump program read through each case's built classes."""
    from codegen.targets.java.verify import dump

    assert jvm_reactor.returncode == 0, jvm_reactor.log[-6000:]
    java = shutil.which("java")
    assert java is not None
    out = {}
    for name in (*CASES, "broken"):
        case = jvm_reactor.cases[name]
        classes = case.out / "java" / "target" / "classes"
        out[name] = dump(case.spec, case.spec.targets["java"], classes, tmp_path_factory.mktemp(name), java)
    return out


@pytest.fixture(scope="session")
def kotlin_dumps(jvm_reactor: Reactor, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """What the Kotlin dump program read through each case's value classes (the broken one over the sound Java)."""
    from codegen.targets.kotlin.verify import dump

    assert jvm_reactor.returncode == 0, jvm_reactor.log[-6000:]
    java = shutil.which("java")
    assert java is not None
    out = {}
    for name in (*CASES, "broken"):
        case = jvm_reactor.cases[name]
        java_out = jvm_reactor.cases["main" if name == "broken" else name].out / "java"
        classes = [java_out / "target" / "classes", case.out / "kotlin" / "target" / "classes"]
        out[name] = dump(case.spec, case.spec.targets["kotlin"], classes, tmp_path_factory.mktemp(name), java)
    return out


@pytest.mark.parametrize("case", CASES)
def test_every_entry_reads_back_exactly(jvm_reactor: Reactor, dumps: dict[str, dict[str, Any]], case: str) -> None:
    spec = jvm_reactor.cases[case].spec
    assert dumps[case]["problems"] == []
    assert diff_tables("java", expected(spec, "name"), dumps[case]["catalogs"], field_names(spec)) == []  # type: ignore[arg-type]


def test_the_hostile_corpus_comes_through_exactly(dumps: dict[str, dict[str, Any]]) -> None:
    rows = dumps["hostile"]["catalogs"]["hostile"]  # type: ignore[index]
    assert [r["message"] for r in rows] == list(HOSTILE)
    assert [r["description"] for r in rows] == [text[::-1] + "!" for text in HOSTILE]


def test_ten_thousand_entries_compile_and_load(dumps: dict[str, dict[str, Any]]) -> None:
    rows = dumps["big"]["catalogs"]["big"]  # type: ignore[index]
    assert len(rows) == BIG
    assert rows[-1]["fields"] == [400 + (BIG - 1) % 200]


def test_the_holders_keep_every_static_initialiser_small(jvm_reactor: Reactor) -> None:
    """The 10,000 constants live in holder interfaces, none of whose class files nears 64 KB of code."""
    from codegen.targets.java.view import CHUNK

    classes = sorted((jvm_reactor.cases["big"].out / "java" / "target" / "classes").rglob("Big_*.class"))
    assert len(classes) == -(-BIG // CHUNK) > 1
    assert all(p.stat().st_size < 200_000 for p in classes)


def test_a_broken_function_is_found(jvm_reactor: Reactor, dumps: dict[str, dict[str, Any]]) -> None:
    spec = jvm_reactor.cases["broken"].spec
    diffs = diff_tables("java", expected(spec, "name"), dumps["broken"]["catalogs"], field_names(spec))  # type: ignore[arg-type]
    busy = next(e for e in spec.catalog("infobip_voice_error").entries if e.name == "BUSY")  # type: ignore[union-attr]
    assert f"java: infobip_voice_error.BUSY: message: spec {busy.message!r}, target {busy.description!r}" in diffs
    assert all(d.startswith("java: infobip_voice_error.") for d in diffs), diffs
    assert BROKEN_FILE.endswith("InfobipVoiceError.java")


def test_no_generated_source_holds_a_unicode_escape_outside_a_string(jvm_reactor: Reactor) -> None:
    """javac reads \\u escapes everywhere: the only ones in the hostile sources are inside string literals."""
    src = jvm_reactor.cases["hostile"].out / "java" / "src"
    for path in src.rglob("*.java"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
            assert "\\u" not in stripped, (path.name, line)


@pytest.mark.parametrize("case", CASES)
def test_every_kotlin_entry_reads_back_exactly(jvm_reactor: Reactor, kotlin_dumps: dict[str, dict[str, Any]],
                                               case: str) -> None:
    spec = jvm_reactor.cases[case].spec
    assert kotlin_dumps[case]["problems"] == []
    assert diff_tables("kotlin", expected(spec, "name"), kotlin_dumps[case]["catalogs"], field_names(spec)) == []


def test_kotlin_carries_the_hostile_corpus_and_ten_thousand_entries(kotlin_dumps: dict[str, dict[str, Any]]) -> None:
    assert [r["message"] for r in kotlin_dumps["hostile"]["catalogs"]["hostile"]] == list(HOSTILE)
    assert len(kotlin_dumps["big"]["catalogs"]["big"]) == BIG


def test_a_broken_kotlin_getter_is_found(jvm_reactor: Reactor, kotlin_dumps: dict[str, dict[str, Any]]) -> None:
    spec = jvm_reactor.cases["broken"].spec
    diffs = diff_tables("kotlin", expected(spec, "name"), kotlin_dumps["broken"]["catalogs"], field_names(spec))
    busy = next(e for e in spec.catalog("infobip_voice_error").entries if e.name == "BUSY")  # type: ignore[union-attr]
    assert f"kotlin: infobip_voice_error.BUSY: message: spec {busy.message!r}, target {busy.description!r}" in diffs
    assert all(d.startswith("kotlin: infobip_voice_error.") for d in diffs), diffs
    assert BROKEN_KOTLIN_FILE.endswith("InfobipVoiceError.kt")


def test_no_kotlin_string_holds_a_template(jvm_reactor: Reactor) -> None:
    """A `$` in spec text reaches Kotlin sources only escaped, so no string is a template."""
    src = jvm_reactor.cases["hostile"].out / "kotlin" / "src"
    texts = [p.read_text(encoding="utf-8") for p in src.rglob("*.kt")]
    assert any("\\$" in t for t in texts)
    for text in texts:
        for literal in re.findall(r'"(?:[^"\\]|\\.)*"', text):
            assert not re.search(r'(?<!\\)\$[{A-Za-z]', literal), literal


def test_every_name_a_java_catalog_class_declares_is_reserved_from_members_and_fields() -> None:
    """The hand lists of generated names cover what the generated Java declares: every method
    of a catalog class is in MEMBER_METHODS or a declared field's accessor, and every static
    constant that is not an entry is reserved from entry names."""
    from codegen.naming import camel
    from codegen.spec.load import load_spec
    from codegen.targets.java import naming as java_naming
    from tests.conftest import ROOT

    spec, _ = load_spec(ROOT / "spec" / "codegen.yaml")
    sources = {p.stem: p.read_text("utf-8") for p in (ROOT / "generated" / "java").rglob("*.java")}
    checked = 0
    for catalog in spec.catalogs:
        text = next(t for stem, t in sources.items() if re.search(rf"\bCATALOG_ID = \"{catalog.id}\"", t)
                    and not stem.endswith("_0"))
        methods = set(re.findall(r"^\s+(?:(?:public|private|protected|static|final|synchronized)\s+)+"
                                 r"[\w.<>\[\]?, ]+?\s+(\w+)\s*\(", text, re.M))
        fields = {camel(f.name) for f in catalog.fields}
        assert methods - java_naming.MEMBER_METHODS - fields == set(), catalog.id
        constants = set(re.findall(r"^\s+(?:(?:public|private|protected|static|final)\s+)+[\w.<>\[\]?]+\s+"
                                   r"([A-Z][A-Z0-9_]*)\s*[=;]", text, re.M))
        assert constants - {e.name for e in catalog.entries} - java_naming.MEMBER.reserved == set(), catalog.id
        checked += 1
    assert checked == len(spec.catalogs)


def test_every_name_a_kotlin_value_class_declares_is_reserved_from_members_and_fields() -> None:
    """As for Java: every property and function of a value class and its companion is in the
    Kotlin MEMBERS list or a declared field's property, and every companion constant is an entry."""
    from codegen.naming import camel
    from codegen.spec.load import load_spec
    from codegen.targets.kotlin import naming as kotlin_naming
    from tests.conftest import ROOT

    spec, _ = load_spec(ROOT / "spec" / "codegen.yaml")
    sources = {p.stem: p.read_text("utf-8") for p in (ROOT / "generated" / "kotlin").rglob("*.kt")}
    checked = 0
    for catalog in spec.catalogs:
        text = sources[next(s for s in sources if s.lower() == catalog.id.replace("_", ""))]
        body = text[text.index("value class"):text.index("\n}\n", text.index("value class"))]
        declared = set(re.findall(r"^ {4,8}(?:(?:public|private|internal|override)\s+)*(?:val|var|fun)\s+(\w+)", body, re.M))
        entries = {e.name for e in catalog.entries}
        fields = {camel(f.name) for f in catalog.fields}
        assert declared - entries - kotlin_naming.MEMBERS - fields == set(), catalog.id
        assert entries <= declared, catalog.id  # the pattern sees the companion's constants too
        checked += 1
    assert checked == len(spec.catalogs)
