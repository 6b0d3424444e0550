"""Read the written site back as a browser's parser would and compare it with the spec."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from codegen.model import Spec
from codegen.targets.docs.literals import visible
from codegen.targets.docs.view import page_of


class _Rows(HTMLParser):
    """The text of each cell of every `<tr id=...>`, and every id and href of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, list[str]] = {}
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._row: str | None = None
        self._depth = 0  # inside a cell: the cell's own text only (not nested blocks)
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "tr" and found.get("id"):
            self._row = str(found["id"])
            self.rows[self._row] = []
        elif self._row and tag in ("td", "th"):
            self.rows[self._row].append("")
            self._depth = 1
        elif self._row and tag in ("p", "details"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None
        elif tag in ("td", "th"):
            self._depth = 0
        elif self._row and tag in ("p", "details") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._row and self._depth and not self._skip:
            self.rows[self._row][-1] += data


def parse(path: Path) -> _Rows:
    """The rows, ids and links of one page."""
    parser = _Rows()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    return parser


def verify_site(spec: Spec, out: Path) -> list[str]:
    """Every entry has its address on its catalog's page, showing its value, name and message;
    every link between the site's pages resolves."""
    diffs: list[str] = []
    pages: dict[str, _Rows] = {}
    for catalog in spec.catalogs:
        path = out / page_of(catalog.id)
        if not path.is_file():
            diffs.append(f"docs: catalog {catalog.id}: page {path.name} missing")
            continue
        page = pages[path.name] = parse(path)
        for entry in catalog.entries:
            cells = page.rows.get(entry.name)
            where = f"docs: {catalog.id}.{entry.name}"
            if cells is None:
                diffs.append(f"{where}: no row with id {entry.name}")
                continue
            shown = (cells[0], cells[1], cells[2]) if len(cells) >= 3 else tuple(cells)
            want = (str(entry.value), entry.name, visible(entry.message))
            if shown != want:
                diffs.append(f"{where}: shows {shown!r}, spec {want!r}")
    diffs += _doc_urls(spec, out, pages)
    for path in sorted(out.glob("*.html")):
        page = pages.get(path.name) or parse(path)
        for href in page.hrefs:
            diffs += _dangling(out, path.name, href, pages)
    return diffs


def _doc_urls(spec: Spec, out: Path, pages: dict[str, _Rows]) -> list[str]:
    """Every entry's published address (doc_url) names a page and anchor this site has."""
    base = spec.targets.get("docs", {}).get("base_url")
    if not base:
        return []
    diffs = []
    for catalog in spec.catalogs:
        for entry in catalog.entries:
            url = spec.doc_url(catalog.id, entry.name) or ""
            if not url.startswith(base + "/"):
                diffs.append(f"docs: {catalog.id}.{entry.name}: doc_url {url!r} is not below {base!r}")
                continue
            diffs += [f"docs: {catalog.id}.{entry.name}: doc_url {url!r}: {d}"
                      for d in _dangling(out, "index.html", url[len(base) + 1:], pages)]
    return diffs


def _dangling(out: Path, source: str, href: str, pages: dict[str, _Rows]) -> list[str]:
    if href.startswith(("http://", "https://", "mailto:")):
        return []
    file, _, anchor = href.partition("#")
    file = file or source
    target = out / file
    if not target.is_file():
        return [f"docs: {source}: link to missing page {href}"]
    if anchor and file.endswith(".html"):
        page = pages.get(file) or pages.setdefault(file, parse(target))
        if anchor not in page.ids:
            return [f"docs: {source}: link to missing anchor {href}"]
    return []
