"""Docs target: a static site of every catalog (a page per catalog, an address per entry,
search, migration diagrams, example payloads, release pages) and the same pages in Markdown.

The site needs no server, no CDN and no network: it works from any static host and from
file://. An entry's address is `<catalog id>.html#<NAME>`: it never changes once published.
"""

from __future__ import annotations

from pathlib import Path

from codegen import escape
from codegen.diagnostics import Diagnostic
from codegen.model import Spec
from codegen.render import render as render_template
from codegen.render import target_environment
from codegen.targets import Files, Settings, Target, header
from codegen.targets.docs import history, literals, view

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTERS = (("html", literals.html), ("md", literals.md), ("md_cell", literals.md_cell), ("md_code", literals.md_code),
           ("md_link", literals.md_link), ("comment", literals.comment), ("js_data", literals.js_data),
           ("css_comment", escape.block_comment), ("js_comment", escape.line_comment))
#: The site's own pages, whose names a catalog page (`<id>.html`, `markdown/<id>.md`) must not take.
OWN_PAGES = ("index", "releases")
MARKDOWN = "markdown"


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """index.html, a page per catalog and per release, search, style; markdown/ the same pages."""
    taken = [Diagnostic(*c.at("catalog", "id"), "D001", f"catalog id '{c.id}' would overwrite the site's own "
                        f"page {c.id}.html", hint=f"rename the catalog; {', '.join(OWN_PAGES)} are the site's own pages")
             for c in spec.catalogs if c.id in OWN_PAGES]
    if taken:
        return {}, taken
    site = view.build(spec, settings)
    releases = history.releases(spec, settings)
    env = target_environment(TEMPLATES, FILTERS, settings)
    note = header(spec.project_file, "")[1:]
    common = {"site": site, "header": note, "generated": note, "releases": releases}
    files: Files = {
        "style.css": render_template(env, "style.css.j2", header=note),
        "search.js": render_template(env, "search.js.j2", header=note),
        "search-index.js": render_template(env, "search-index.js.j2", site=site, header=note),
        "index.html": render_template(env, "index.html.j2", page_title="Catalogs", **common),
        "releases.html": render_template(env, "releases.html.j2", page_title="Releases", **common),
        f"{MARKDOWN}/README.md": render_template(env, "index.md.j2", **common),
        f"{MARKDOWN}/releases.md": render_template(env, "releases.md.j2", **common),
    }
    for page in site.catalogs:
        files[page.file] = render_template(env, "catalog.html.j2", page_title=page.title, c=page, **common)
        files[f"{MARKDOWN}/{page.id}.md"] = render_template(env, "catalog.md.j2", c=page, **common)
    for release in releases:
        files[release.file] = render_template(env, "release.html.j2", page_title=f"Release {release.version}",
                                              r=release, **common)
        files[f"{MARKDOWN}/release-{release.version}.md"] = render_template(env, "release.md.j2", r=release, **common)
    return files, []


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.targets.docs.check import verify_site

    return verify_site(spec, out)


TARGET = Target.builtin(__name__, render, verify=_verify)
