"""Template targets: a project's own templates, sandboxed, with located errors and confined paths;
and a third-party target package really installed and found by its entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from codegen.cli import main
from codegen.generate import render
from codegen.model import Spec
from codegen.spec.load import load_spec
from tests.conftest import DATA, ROOT

CATALOG = (
    "catalog: {id: things, title: Things, publisher: Us, sources: [{url: https://example.com}], values: integer, open: false}\n"
    "entries:\n"
    "  - {name: FIRST, value: 1, message: 'Uses {{ 7 * 7 }} and {% raw %}', since: 1.0.0}\n"
    "  - {name: class, value: 2, message: Second., since: 1.0.0}\n"
)
CATALOG = CATALOG.replace("name: class", "name: CLASS")


def _project(root: Path, settings: str, templates: dict[str, str], catalog: str = CATALOG) -> Path:
    """A spec dir (root/spec) with one template target `mine` and its templates in root/tpl."""
    (root / "tpl").mkdir(parents=True, exist_ok=True)
    for name, text in templates.items():
        path = root / "tpl" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    spec_dir = root / "spec"
    spec_dir.mkdir(exist_ok=True)
    (spec_dir / "things.yaml").write_text(catalog, "utf-8")
    (spec_dir / "codegen.yaml").write_text(
        "version: 1.0.0\ncatalogs: [things.yaml]\noutput_root: ../out\ntargets:\n"
        f"  mine: {{templates: ../tpl, out: mine{settings}}}\n", "utf-8")
    return spec_dir


def _render(spec_dir: Path) -> tuple[dict[str, str], list[str]]:
    spec, diags = load_spec(spec_dir)
    if spec is None:
        return {}, [d.render() for d in diags]
    files, found = render(spec, "mine")
    return files, [d.render() for d in found]


def test_per_project_and_per_catalog_templates(tmp_path: Path) -> None:
    spec_dir = _project(tmp_path, ", naming: python", {
        "all.txt.j2": "{% for c in catalogs %}{{ c.names.class }}:{% for e in c.entries %} {{ e.ident }}{% endfor %}\n{% endfor %}",
        "sub/{catalog.id}.py.j2": "{% for e in catalog.entries %}{{ e.ident }} = {{ e.message | py }}\n{% endfor %}",
        "_partial.j2": "never rendered on its own",
    })
    files, diags = _render(spec_dir)
    assert not diags
    assert files == {
        "mine/all.txt": "Things: FIRST CLASS",  # trim_blocks: a block tag takes its line break
        "mine/sub/things.py": 'FIRST = "Uses {{ 7 * 7 }} and {% raw %}"\nCLASS = "Second."\n',
    }


def test_a_spec_text_is_never_evaluated_as_a_template(tmp_path: Path) -> None:
    files, _ = _render(_project(tmp_path, "", {"m.txt.j2": "{{ catalogs[0].entries[0].message }}"}))
    assert files == {"mine/m.txt": "Uses {{ 7 * 7 }} and {% raw %}"}


def test_the_context_names_entries_by_the_chosen_naming(tmp_path: Path) -> None:
    catalog = CATALOG.replace("name: CLASS", "name: NONE")  # a Python builtin
    files, diags = _render(_project(tmp_path, ", naming: python", {"n.txt.j2": "{{ catalogs[0].entries[1].ident }}"}, catalog))
    assert (files, diags) == ({"mine/n.txt": "NONE"}, [])
    files, diags = _render(_project(tmp_path, ", naming: c", {"n.txt.j2": "{{ catalogs[0].names.macro }}_{{ catalogs[0].names.function }}"}))
    assert (files, diags) == ({"mine/n.txt": "THINGS_things"}, [])


@pytest.mark.parametrize(("template", "line", "needle"), [
    ("line one\n{% for x in %}\n", 2, "TemplateSyntaxError"),
    ("a\nb\n{{ catalogs[0].nothing_here }}\n", 3, "UndefinedError"),
    ("{{ ''.__class__.__mro__ }}\n", 1, "SecurityError"),
    ("\n{{ catalogs.__init__.__globals__ }}\n", 2, "SecurityError"),
    ("x\n\n\n{{ 1 // 0 }}\n", 4, "ZeroDivisionError"),
])
def test_template_errors_name_the_template_file_and_line(tmp_path: Path, template: str, line: int, needle: str) -> None:
    files, diags = _render(_project(tmp_path, "", {"bad.txt.j2": template}))
    assert files == {}
    assert len(diags) == 1, diags
    assert diags[0].startswith(f"{Path('tpl/bad.txt.j2')}:{line}:1: error J001:") or f"bad.txt.j2:{line}:1: error J001" in diags[0]
    assert needle in diags[0]


def test_an_output_path_that_leaves_the_folder_is_refused(tmp_path: Path) -> None:
    catalog = CATALOG.replace("title: Things", "title: ../../escape")
    files, diags = _render(_project(tmp_path, "", {"{catalog.title}.txt.j2": "x"}, catalog))
    assert files == {} and len(diags) == 1
    assert "{catalog.title}.txt.j2:1:1: error J002: output path '../../escape.txt' leaves the target's folder" in diags[0]
    files, diags = _render(_project(tmp_path, "", {"{catalog.fields}.txt.j2": "x"}))
    assert files == {} and "J002" in diags[0] and "not a text" in diags[0]


def test_two_catalogs_on_one_file_name_are_refused(tmp_path: Path) -> None:
    files, diags = _render(_project(tmp_path, "", {"{catalog.publisher}.txt.j2": "x"}))
    assert files == {"mine/Us.txt": "x"} and not diags  # one catalog: fine
    spec_dir = _project(tmp_path, "", {})
    (spec_dir / "more.yaml").write_text(CATALOG.replace("id: things", "id: more"), "utf-8")
    project = (spec_dir / "codegen.yaml").read_text("utf-8").replace("[things.yaml]", "[things.yaml, more.yaml]")
    (spec_dir / "codegen.yaml").write_text(project, "utf-8")
    files, diags = _render(spec_dir)
    assert files == {} and "J002" in diags[0] and "also written by" in diags[0]


def test_settings_are_checked_with_located_errors(tmp_path: Path) -> None:
    spec_dir = _project(tmp_path, ", colour: red, naming: 3", {"a.j2": "x"})
    _, diags = _render(spec_dir)
    text = "\n".join(diags)
    assert "codegen.yaml:5:" in text and "S002" in text and "unknown key 'colour' (at targets/mine/colour)" in text
    assert "targets/mine/naming" in text and "S004" in text
    spec_dir = _project(tmp_path / "b", "", {"a.j2": "x"})
    (spec_dir / "codegen.yaml").write_text((spec_dir / "codegen.yaml").read_text("utf-8").replace("../tpl", "../nowhere"))
    _, diags = _render(spec_dir)
    assert len(diags) == 1 and ":5:" in diags[0] and "P002" in diags[0] and "'../nowhere'" in diags[0]


def test_an_unknown_naming_and_an_empty_folder_are_errors(tmp_path: Path) -> None:
    _, diags = _render(_project(tmp_path, ", naming: cobol", {"a.txt.j2": "x"}))
    assert len(diags) == 1 and "J003" in diags[0] and "python" in diags[0] and "typescript" in diags[0]
    assert diags[0].startswith(f"{os.path.relpath(tmp_path / 'spec' / 'codegen.yaml')}:5:")
    _, diags = _render(_project(tmp_path / "e", "", {"_only_a_partial.j2": "x"}))
    assert len(diags) == 1 and "J004" in diags[0]


def test_the_cli_reports_a_template_error_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_dir = _project(tmp_path, "", {"good.txt.j2": "fine\n", "bad.txt.j2": "{{ nope }}"})
    assert main(["generate", "--no-cache", "--spec", str(spec_dir)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt.j2:1:1: error J001" in err and "'nope' is undefined" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_the_template_target_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", "--format", "json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["templated"]["settings"]["templates"]["required"]
    assert set(rows["templated"]["settings"]) == {"out", "templates", "naming", "context_version"}


# --- a third-party package, installed for real -------------------------------------------------

@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """tests/data/plugin_package installed with pip into a folder put on sys.path."""
    site = tmp_path_factory.mktemp("site")
    source = tmp_path_factory.mktemp("src") / "plugin_package"
    import shutil

    shutil.copytree(DATA / "plugin_package", source)  # the build writes beside the sources
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "--no-index", "--target", str(site), str(source)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    sys.path.insert(0, str(site))
    try:
        yield site
    finally:
        sys.path.remove(str(site))
        for name in [m for m in sys.modules if m.startswith("codegen_tsv")]:
            del sys.modules[name]


def test_an_installed_package_is_found_by_its_entry_point(installed_plugin: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert any(installed_plugin.glob("codegen_tsv_example-1.0.0.dist-info/entry_points.txt"))
    assert main(["targets", "--format", "json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["tsv"]["origin"] == "codegen-tsv-example" and rows["tsv"]["settings"]["header"]["type"] == "boolean"
    spec_dir = _project(tmp_path, "", {"a.txt.j2": "x"})
    project = (spec_dir / "codegen.yaml").read_text("utf-8") + "  tsv: {out: tsv, header: true}\n"
    (spec_dir / "codegen.yaml").write_text(project, "utf-8")
    spec, diags = load_spec(spec_dir)
    assert isinstance(spec, Spec) and not diags
    files, found = render(spec, "tsv")
    assert not found
    assert files == {"tsv/codes.tsv": "catalog\tvalue\tname\tmessage\nthings\t1\tFIRST\tUses {{ 7 * 7 }} and {% raw %}\n"
                                      "things\t2\tCLASS\tSecond.\n"}
    (spec_dir / "codegen.yaml").write_text(project.replace("header: true", "header: yes please"), "utf-8")
    _, diags = load_spec(spec_dir)
    assert [d.code for d in diags] == ["S004"] and diags[0].line == 6


# --- the context, as template authors see it ---------------------------------------------------

def _cli_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("naming", ["keep", "c", "python", "typescript"])
def test_the_printed_context_meets_the_printed_schema(naming: str, spec: Spec, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    schema = _cli_json(["context", "--schema"], capsys)
    context = _cli_json(["context", "--spec", str(ROOT / "spec"), "--naming", naming], capsys)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(context)]
    assert errors == []
    assert context["context_version"] == 1 and context["naming"] == naming
    got = [(c["id"], e["name"], e["value"], e["message"], e["description"]) for c in context["catalogs"] for e in c["entries"]]
    assert got == [(c.id, e.name, e.value, e.message, e.description) for c in spec.catalogs for e in c.entries]


def test_the_schema_refuses_what_the_context_never_holds(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    schema = _cli_json(["context", "--schema"], capsys)
    context = _cli_json(["context", "--spec", str(ROOT / "spec")], capsys)
    context["catalogs"][0]["entries"][0]["mesage"] = "typo"
    assert not jsonschema.Draft202012Validator(schema).is_valid(context)


def test_context_takes_the_naming_of_a_configured_target(capsys: pytest.CaptureFixture[str]) -> None:
    context = _cli_json(["context", "--spec", str(ROOT / "spec"), "--target", "c_header"], capsys)
    assert context["naming"] == "c" and context["catalogs"][0]["names"]["macro"] == "EIGHTBYEIGHT_CALLFLOW_STATUS"
    assert main(["context", "--spec", str(ROOT / "spec"), "--target", "python"]) == 2
    assert "c_header, support_csv, markdown_tables" in capsys.readouterr().err


def test_the_schema_needs_no_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert _cli_json(["context", "--schema"], capsys)["properties"]["context_version"]["const"] == 1


# --- the filters that carry a text exactly ------------------------------------------------------

def test_yaml_and_json_filters_read_back_exactly() -> None:
    import yaml

    from codegen import escape
    from codegen.targets.templated.filters import FILTERS, json_value
    from tests.test_hostile import HOSTILE

    # The built-in targets' yaml filter and the templates' one are the same escaper.
    yaml_string = dict(FILTERS)["yaml"]
    assert yaml_string is dict(escape.FILTERS)["yaml"]
    for text in (*HOSTILE, "\U0001f389 non-BMP", "\x85 NEL", "\ufeff BOM"):
        assert yaml.safe_load("key: " + yaml_string(text))["key"] == text
        assert json.loads(json_value(text)) == text
