"""The example template targets of templates/, proven in their own formats.

The C header compiles with the strictest warnings and every constant and function gives
back the spec's value, name and message (the project's spec and the hostile corpus, one
compiler run); the support CSV parses back with Python's csv module to the exact texts;
the Markdown tables hold one row per entry.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from codegen.generate import render
from codegen.model import Catalog, Spec
from codegen.spec.load import load_spec
from tests.conftest import ROOT
from tests.test_hostile import HOSTILE

TEMPLATES = ROOT / "templates"
HEADER = "voice_status_codes.h"
EXAMPLES = {
    "c_header": {"templates": str(TEMPLATES / "c-header"), "out": "c", "naming": "c"},
    "support_csv": {"templates": str(TEMPLATES / "csv"), "out": "csv"},
    "markdown_tables": {"templates": str(TEMPLATES / "markdown"), "out": "markdown"},
}


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    """The hostile corpus as messages and descriptions of one integer catalog, with the examples configured."""
    spec_dir = tmp_path_factory.mktemp("hostile_templates")
    catalog = {
        "catalog": {"id": "hostile", "title": "Hostile */ \"corpus\" | x", "publisher": "Tests, \"Inc\"",
                    "sources": [{"url": "https://example.invalid/"}], "values": "integer", "open": True},
        "entries": [{"name": f"T{i:03d}", "value": i - 40, "message": text, "description": text[::-1],
                     "since": "1.0.0"} for i, text in enumerate(HOSTILE)],
    }
    project = {"version": "1.0.0", "catalogs": ["hostile.yaml"], "targets": EXAMPLES}
    (spec_dir / "hostile.yaml").write_text(yaml.safe_dump(catalog, allow_unicode=True, width=10**6), "utf-8")
    (spec_dir / "codegen.yaml").write_text(yaml.safe_dump(project), "utf-8")
    spec, diags = load_spec(spec_dir)
    assert spec is not None, "\n".join(d.render() for d in diags)
    return spec


def _files(spec: Spec, target: str) -> dict[str, str]:
    files, diags = render(spec, target)
    assert not diags, "\n".join(d.render() for d in diags)
    return files


def _integer_catalogs(spec: Spec) -> list[Catalog]:
    return [c for c in spec.catalogs if c.values == "integer"]


# --- the C header ---------------------------------------------------------------------------

def _dump_source(spec: Spec, header: Path, function: str) -> str:
    """A C file that prints every entry's value, name and message (bytes in hex), one per line."""
    lines = [f'#include "{header}"', "#include <inttypes.h>", "#include <stdio.h>",
             "static void hex(const char *s, long n) { if (!s) { fputs(\"NULL\", stdout); return; }",
             "  for (long i = 0; n < 0 ? s[i] != 0 : i < n; i++) printf(\"%02x\", (unsigned char)s[i]); }",
             f"void {function}(void) {{"]
    for catalog in _integer_catalogs(spec):
        prefix = catalog.id.upper()
        for entry in catalog.entries:
            macro = f"{prefix}_{entry.name}"
            lines += [f'  printf("{catalog.id} %" PRId64 " ", (int64_t){macro});',
                      f"  hex({catalog.id}_name({macro}), -1); putchar(' ');",
                      f"  hex({catalog.id}_message({macro}), {catalog.id}_message_length({macro})); putchar('\\n');"]
        unused = max(e.value for e in catalog.entries if isinstance(e.value, int)) + 1
        lines.append(f'  printf("{catalog.id} unknown "); hex({catalog.id}_name({unused}), -1); printf(" %ld", {catalog.id}_message_length({unused})); putchar(\'\\n\');')
    return "\n".join([*lines, "}"]) + "\n"


def _expected_dump(spec: Spec) -> list[str]:
    out = []
    for catalog in _integer_catalogs(spec):
        out += [f"{catalog.id} {e.value} {e.name.encode().hex()} {e.message.encode().hex()}" for e in catalog.entries]
        out.append(f"{catalog.id} unknown NULL -1")
    return out


@pytest.fixture(scope="session")
def c_dumps(spec: Spec, hostile: Spec, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """Both headers compiled into one program (one compiler run) and its output, per spec."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler")
    work = tmp_path_factory.mktemp("c_header")
    sources = []
    for name, which in (("repo", spec), ("hostile", hostile)):
        (work / name).mkdir()
        (work / name / HEADER).write_text(_files(which, "c_header")[f"c/{HEADER}"], "utf-8")
        (work / f"{name}.c").write_text(_dump_source(which, Path(name) / HEADER, f"dump_{name}"), "utf-8")
        sources.append(f"{name}.c")
    (work / "main.c").write_text("void dump_repo(void);\nvoid dump_hostile(void);\n"
                                 "int main(void) { dump_repo(); dump_hostile(); return 0; }\n", "utf-8")
    # ISO C's pedantic limit of 4095 characters per string literal is the one warning left
    # off: the corpus holds a 10,000-character text, which GCC and Clang hold without complaint.
    flags = ["-Wall", "-Wextra", "-Werror", "-std=c11", "-pedantic", "-Wno-overlength-strings"]
    build = subprocess.run([compiler, *flags, "-o", "dump", "main.c", *sources], cwd=work,
                           capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr[:3000]
    lines = subprocess.run([str(work / "dump")], capture_output=True, text=True, check=True).stdout.splitlines()
    repo = len(_expected_dump(spec))
    return lines[:repo], lines[repo:]


def test_the_c_header_is_the_committed_one(spec: Spec) -> None:
    assert _files(spec, "c_header")[f"c/{HEADER}"] == (ROOT / "generated" / "c" / HEADER).read_text("utf-8")


def test_the_c_header_gives_back_every_integer_code_of_the_spec(spec: Spec, c_dumps: tuple[list[str], list[str]]) -> None:
    assert c_dumps[0] == _expected_dump(spec)
    assert {line.split()[0] for line in c_dumps[0]} == {c.id for c in _integer_catalogs(spec)} != set()


def test_the_c_header_carries_every_hostile_text_exactly(hostile: Spec, c_dumps: tuple[list[str], list[str]]) -> None:
    assert c_dumps[1] == _expected_dump(hostile)


def test_the_c_header_leaves_string_catalogs_out(spec: Spec) -> None:
    text = _files(spec, "c_header")[f"c/{HEADER}"]
    strings = [c for c in spec.catalogs if c.values == "string"]
    assert strings and not any(f"{c.id}_name(" in text for c in strings)


# --- the support CSV --------------------------------------------------------------------------

def _rows(spec: Spec) -> list[list[str]]:
    text = next(iter(_files(spec, "support_csv").values()))
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("which", ["repo", "hostile"])
def test_the_csv_parses_back_to_the_spec_texts(which: str, spec: Spec, hostile: Spec) -> None:
    source = spec if which == "repo" else hostile
    rows = _rows(source)
    assert rows[0][:6] == ["catalog", "publisher", "value", "name", "message", "description"]
    expected = [[c.title, c.publisher, str(e.value), e.name, e.message, e.description, e.status, e.since]
                for c in source.catalogs for e in c.entries]
    assert [row[:8] for row in rows[1:]] == expected


def test_the_csv_names_each_replacement(spec: Spec) -> None:
    rows = {(r[0], r[3]): r for r in _rows(spec)[1:]}
    deprecated = [(c, e) for c in spec.catalogs for e in c.entries if e.deprecated and e.deprecated.replacement]
    assert deprecated
    for catalog, entry in deprecated:
        assert entry.deprecated is not None
        assert rows[(catalog.title, entry.name)][8] == str(entry.deprecated.replacement)


# --- the Markdown tables ----------------------------------------------------------------------

def test_markdown_has_one_page_per_catalog_and_a_row_per_entry(spec: Spec) -> None:
    files = _files(spec, "markdown_tables")
    assert sorted(files) == sorted(["markdown/README.md", *(f"markdown/{c.id}.md" for c in spec.catalogs)])
    for catalog in spec.catalogs:
        rows = [line for line in files[f"markdown/{catalog.id}.md"].splitlines() if line.startswith("| ")]
        assert len(rows) == len(catalog.entries) + 2  # the header row and its rule


def test_hostile_texts_stay_in_their_markdown_cell(hostile: Spec) -> None:
    page = _files(hostile, "markdown_tables")["markdown/hostile.md"]
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    assert len(rows) == len(HOSTILE) + 2
    for row in rows:
        unescaped_pipes = row.replace("\\|", "").count("|")
        assert unescaped_pipes == 5, row
    for row in rows:  # no markup opens: every < is escaped, except the line breaks the cells use
        assert re.search(r"(?<!\\)<", row.replace("<br>", "")) is None, row
