"""The documentation site: read back as HTML, validated, and driven in a real Chromium.

The browser part runs once per session (tests/browser/site.mjs over the project's site and
a hostile one); each test then asserts on what the browser saw.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from codegen.generate import generate
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.targets.docs.check import parse, verify_site
from codegen.targets.docs.literals import _MD_PLAIN, md, md_code, visible
from codegen.targets.docs.view import entry_address
from tests.conftest import ROOT, require
from tests.test_hostile import HOSTILE

BROWSER = ROOT / "tests" / "browser"
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"


def _write(files: dict[str, str], root: Path) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


@pytest.fixture(scope="session")
def site(spec: Spec, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, written to a fresh folder."""
    out = tmp_path_factory.mktemp("site")
    files, diags = generate(spec, ["docs"])
    assert not diags
    _write(files["docs"], out)
    return out / spec.targets["docs"]["out"]


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Spec, Path]:
    """A catalog whose every text is a hostile string, as a site."""
    root = tmp_path_factory.mktemp("hostile-site")
    project = {"version": "1.0.0", "catalogs": ["hostile.yaml"], "targets": {"docs": {"out": "docs", "title": HOSTILE[18]}}}
    catalog = {
        "catalog": {"id": "hostile", "title": HOSTILE[17], "description": HOSTILE[19], "values": "integer", "open": True,
                    "notes": list(HOSTILE[:5])},
        "entries": [{"name": f"T{i:03d}", "value": i + 1, "message": text, "description": text[::-1] + "!", "since": "1.0.0"}
                    for i, text in enumerate(HOSTILE)],
    }
    (root / "codegen.yaml").write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    (root / "hostile.yaml").write_text(yaml.safe_dump(catalog, allow_unicode=True, width=1_000_000), encoding="utf-8")
    spec, diags = load_spec(root)
    assert spec is not None, [d.render() for d in diags]
    files, diags = generate(spec, ["docs"])
    assert not diags
    _write(files["docs"], root / "out")
    return spec, root / "out" / "docs"


def _retired(spec: Spec) -> tuple[str, str]:
    return next((c.id, e.name) for c in spec.catalogs for e in c.entries if e.retired)


def _last(spec: Spec) -> str:
    """The last entry of the VoIPbin reasons: far down its page."""
    catalog = spec.catalog("voipbin_reason")
    assert catalog is not None
    return catalog.entries[-1].name


def _migrating(spec: Spec) -> str:
    return next(c.id for c in spec.catalogs if any(e.successors for e in c.entries))


@pytest.fixture(scope="session")
def browser(spec: Spec, site: Path, hostile_site: tuple[Spec, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One Chromium session over both sites; what it saw."""
    node = require("node")
    chromium = require("chromium")
    if not (BROWSER / "node_modules" / "playwright-core").is_dir():
        pytest.fail("tests/browser/node_modules missing: run `make test` (mk/browser.mk installs it)")
    catalog, retired = _retired(spec)
    plan = {
        "chromium": chromium,
        "site": str(site),
        "pages": ["index.html", "releases.html", *[f"{c.id}.html" for c in spec.catalogs],
                  *sorted(p.name for p in site.glob("release-*.html"))],
        "searches": ["10201", "CALL_NOT_FOUND", "busy", "balance"],
        "addresses": [entry_address("voipbin_reason", _last(spec)),
                      entry_address(catalog, retired)],
        "diagrams": [f"{_migrating(spec)}.html"],
        "print": ["voipbin_reason.html"],
        "textSite": str(hostile_site[1]),
        "texts": {"hostile.html": [e.name for e in hostile_site[0].catalogs[0].entries]},
        "screenshots": str(SCREENSHOTS),
        "shots": {"index": "index.html", "catalog-page": "voipbin_reason.html"},
    }
    plan_file = tmp_path_factory.mktemp("browser") / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    proc = subprocess.run([node, str(BROWSER / "site.mjs"), str(plan_file)], capture_output=True, text=True,
                          encoding="utf-8", timeout=600, cwd=BROWSER)
    assert proc.returncode == 0, proc.stderr[-4000:]
    seen: dict[str, Any] = json.loads(proc.stdout)
    return seen


# --- read back without a browser -------------------------------------------------------------

def test_every_entry_has_its_address_and_every_link_resolves(spec: Spec, site: Path) -> None:
    assert verify_site(spec, site) == []


def test_verify_notices_a_page_that_lost_an_entry(spec: Spec, site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "docs"
    shutil.copytree(site, broken)
    page = broken / "voipbin_reason.html"
    page.write_text(page.read_text("utf-8").replace('id="CALL_NOT_FOUND"', 'id="CALL_NOT_FOUNDX"'), "utf-8")
    diffs = verify_site(spec, broken)
    assert any("voipbin_reason.CALL_NOT_FOUND" in d for d in diffs), diffs


def test_a_deprecated_entry_links_its_replacement(spec: Spec, site: Path) -> None:
    catalog, entry = next((c, e) for c in spec.catalogs for e in c.entries if e.deprecated and e.deprecated.replacement)
    page = parse(site / f"{catalog.id}.html")
    rep = entry.deprecated.replacement if entry.deprecated else None
    assert rep is not None and entry_address(rep.catalog, rep.name) in page.hrefs


def test_every_text_of_a_hostile_catalog_is_shown_exactly(hostile_site: tuple[Spec, Path]) -> None:
    spec, out = hostile_site
    page = parse(out / "hostile.html")
    for entry in spec.catalogs[0].entries:
        cells = page.rows[entry.name]
        assert cells[2] == visible(entry.message), entry.name
    assert verify_site(spec, out) == []


def test_markdown_escaping_keeps_texts_and_adds_no_markup() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    for text in HOSTILE:
        rendered = parser.renderInline(md(text))
        # the only element the escaping itself adds is the <br> of a line break
        stripped = rendered.replace("<br>", "\n").replace("<br />", "\n")
        import html as html_lib

        assert "<" not in stripped, (text, rendered)
        assert html_lib.unescape(stripped).replace("\n", "") == visible(text).replace("\r\n", "\n").replace("\n", ""), text
        code = parser.renderInline(md_code(text))
        assert code.startswith("<code>"), (text, code)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_MD_PLAIN, fullmatch=True).filter(lambda t: "_" not in t))
@example("1.0.0")
@example("10000")
@example("Message for code 9999")
def test_text_that_markdown_reads_as_itself_is_given_back_as_it_is(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    import html as html_lib

    assert md(text) == text
    rendered = markdown_it.MarkdownIt("commonmark").render(text)
    assert html_lib.unescape(rendered) == f"<p>{text.rstrip()}</p>\n", rendered


# --- in Chromium ------------------------------------------------------------------------------

def test_pages_load_without_console_errors(browser: dict[str, Any]) -> None:
    assert browser["pages"], "no page was loaded"
    for page, seen in browser["pages"].items():
        assert seen["errors"] == [], (page, seen["errors"])
        assert seen["title"], page


def test_no_accessibility_violations_of_level_a_or_aa(browser: dict[str, Any]) -> None:
    found = {page: seen["violations"] for page, seen in browser["pages"].items() if seen["violations"]}
    assert found == {}


def test_search_finds_by_value_name_and_message_word(spec: Spec, browser: dict[str, Any]) -> None:
    results = {s["query"]: s for s in browser["searches"]}
    busy = next(e for e in spec.catalog("infobip_voice_error").entries if e.value == 10201)  # type: ignore[union-attr]
    assert results["10201"]["hrefs"][0] == entry_address("infobip_voice_error", busy.name)
    assert results["CALL_NOT_FOUND"]["hrefs"][0] == entry_address("voipbin_reason", "CALL_NOT_FOUND")
    word_hits = {c.id + "#" + e.name for c in spec.catalogs for e in c.entries if "balance" in e.message.lower()}
    assert {h.replace(".html", "") for h in results["balance"]["hrefs"]} == word_hits
    assert any("BUSY" in h for h in results["busy"]["hrefs"])
    assert all(s["errors"] == [] for s in browser["searches"])


def test_an_entry_address_scrolls_to_it_and_a_retired_entry_says_so(browser: dict[str, Any]) -> None:
    first, retired = browser["addresses"]
    for seen in (first, retired):
        assert seen["found"] and seen["target"] and seen["inView"] and seen["shown"], seen
    assert first["scrolled"] > 0
    assert "Retired since" in retired["text"]


def test_printing_lays_out_every_entry(browser: dict[str, Any]) -> None:
    (printed,) = browser["print"]
    assert len(printed["chunks"]) > 1, "the page is long enough to be split"
    assert set(printed["chunks"]) == {"visible"}, printed  # none is skipped on paper
    assert printed["headers"] == ["static"], printed
    assert printed["errors"] == [] and printed["pdfBytes"] > 0


def test_the_migration_diagram_links_each_legacy_code_to_its_successors(spec: Spec, browser: dict[str, Any]) -> None:
    (drawn,) = browser["diagram"]
    catalog = spec.catalog(drawn["page"].removesuffix(".html"))
    assert catalog is not None
    want = sorted([e.name, str(r)] for e in catalog.entries for r in e.successors)
    assert sorted(drawn["edges"]) == want
    nodes = dict(drawn["nodes"])
    for _, succ in want:
        ref_catalog, name = succ.split(".")
        assert nodes[succ] == entry_address(ref_catalog, name)


def test_the_hostile_texts_reach_the_browser_exactly_with_no_markup_injected(
        hostile_site: tuple[Spec, Path], browser: dict[str, Any]) -> None:
    seen = browser["texts"]["hostile.html"]
    assert seen["errors"] == []
    for entry in hostile_site[0].catalogs[0].entries:
        assert seen["cells"][entry.name] == visible(entry.message), entry.name
    ours = {"a", "caption", "code", "dd", "details", "div", "dl", "dt", "footer", "h1", "h2", "header", "input", "label",
            "li", "main", "nav", "ol", "p", "pre", "section", "span", "strong", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul"}
    assert set(seen["elements"]) <= ours, set(seen["elements"]) - ours


def test_screenshots_are_written(browser: dict[str, Any]) -> None:
    names = sorted(Path(p).name for p in browser["screenshots"])
    assert names == ["catalog-page.png", "index.png", "migration-diagram.png"]
    for path in browser["screenshots"]:
        assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_html_validates(site: Path, hostile_site: tuple[Spec, Path]) -> None:
    validator = BROWSER / "node_modules" / ".bin" / "html-validate"
    if not validator.exists():
        pytest.fail("html-validate missing: run `make test`")
    pages = [str(p) for p in sorted(site.glob("*.html"))] + [str(hostile_site[1] / "hostile.html")]
    proc = subprocess.run([str(validator), "--config", str(BROWSER / "htmlvalidate.json"), *pages],
                          capture_output=True, text=True, cwd=BROWSER)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_with_a_base_url_the_bundle_carries_each_address_and_verify_checks_it(tmp_path: Path) -> None:
    from codegen.verify.compare import verify

    project = {"version": "1.0.0", "catalogs": ["codes.yaml"], "output_root": "out",
               "targets": {"json": {"out": "json"}, "docs": {"out": "docs", "base_url": "https://codes.example.com/v1"}}}
    catalog = {"catalog": {"id": "codes", "title": "Codes", "values": "integer"},
               "entries": [{"name": "BUSY", "value": 1, "message": "Busy.", "since": "1.0.0"}]}
    (tmp_path / "codegen.yaml").write_text(yaml.safe_dump(project), encoding="utf-8")
    (tmp_path / "codes.yaml").write_text(yaml.safe_dump(catalog), encoding="utf-8")
    spec, diags = load_spec(tmp_path)
    assert spec is not None, diags
    files, _ = generate(spec, ["json", "docs"])
    _write({**files["json"], **files["docs"]}, tmp_path / "out")
    bundle = json.loads((tmp_path / "out/json/catalogs.json").read_text("utf-8"))
    assert bundle["catalogs"]["codes"]["entries"][0]["doc_url"] == "https://codes.example.com/v1/codes.html#BUSY"
    assert all(not r.differences for r in verify(spec, tmp_path / "out"))
    bundle["catalogs"]["codes"]["entries"][0]["doc_url"] = "https://codes.example.com/v1/codes.html#BUZY"
    (tmp_path / "out/json/catalogs.json").write_text(json.dumps(bundle), encoding="utf-8")
    (tmp_path / "out/docs/codes.html").write_text(
        (tmp_path / "out/docs/codes.html").read_text("utf-8").replace('id="BUSY"', 'id="BUZY"'), encoding="utf-8")
    found = {r.target: r.differences for r in verify(spec, tmp_path / "out")}
    assert any("doc_url" in d for d in found["json"]), found
    assert any("doc_url" in d and "missing anchor" in d for d in found["docs"]), found


def test_the_release_history_is_read_from_the_cache_and_follows_the_baselines(
        spec: Spec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import codegen.compat
    from codegen.targets.docs.history import releases

    folder = tmp_path / "releases"
    shutil.copytree(ROOT / "spec" / "releases", folder)
    settings = {"history": str(folder)}
    first = releases(spec, settings)
    assert first and first[0].count > 0

    def no_compare(*_: object) -> None:
        raise AssertionError("compared again")

    compare = codegen.compat.compare
    monkeypatch.setattr(codegen.compat, "compare", no_compare)
    assert releases(spec, settings) == first  # every pair came from the cache
    monkeypatch.setattr(codegen.compat, "compare", compare)
    (baseline,) = folder.glob("*.json")
    bundle = json.loads(baseline.read_text("utf-8"))
    bundle["catalogs"]["voipbin_reason"]["entries"][0]["message"] = "A message never published."
    baseline.write_text(json.dumps(bundle), "utf-8")
    texts = {c.text for r in releases(spec, settings) for _, changes in r.groups for c in changes}
    assert "A message never published." in texts


def test_a_hostile_project_file_name_stays_inside_each_file_comment(spec: Spec) -> None:
    """The header names the project file: in CSS it cannot close the /* */ comment, in the
    scripts it cannot leave the // line, in HTML it cannot close the <!-- --> comment."""
    import dataclasses

    hostile = dataclasses.replace(spec, project_file="spec/a*/b\n}x{--><script>\u2028.yaml")
    files, diags = generate(hostile, ["docs"])
    assert not diags
    out = spec.targets["docs"]["out"]
    site = {rel.removeprefix(out + "/"): text for rel, text in files["docs"].items()}
    css = site["style.css"]
    assert css.index("*/") == css.index("\n") - 2  # the header comment closes where its line ends
    for script in ("search.js", "search-index.js"):
        first, second = site[script].split("\n", 2)[:2]
        assert first.startswith("// ") and "\u2028" not in first, first
        assert not second.startswith("}x{"), second
    page = site["index.html"]
    assert page.count("-->") == 1 and "<script>\u2028" not in page


def test_a_catalog_named_like_one_of_the_site_pages_is_refused(spec: Spec) -> None:
    import dataclasses

    renamed = dataclasses.replace(spec, catalogs=(dataclasses.replace(spec.catalogs[0], id="index"), *spec.catalogs[1:]))
    files, diags = generate(renamed, ["docs"])
    assert [d.code for d in diags] == ["D001"] and diags[0].level == "error" and not files.get("docs")
    assert diags[0].file == spec.catalogs[0].at("catalog", "id")[0] and "index.html" in diags[0].message
