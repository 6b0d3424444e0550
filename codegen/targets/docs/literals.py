"""The site's filters: the shared escapers of codegen.escape, fitted to where the site puts text
(Markdown that must stay on one line, its links to its own pages, any value shown as text)."""

from __future__ import annotations

import re

from codegen import escape
from codegen.escape import visible

__all__ = ["html", "md", "md_cell", "md_code", "md_link", "visible"]


def html(text: object) -> str:
    """HTML text or a double-quoted attribute value."""
    return escape.html_text(str(text))


def md(text: object) -> str:
    """Markdown inline text on one line (a heading, a list item, a table cell)."""
    return escape.markdown_cell(str(text))


def md_cell(text: object) -> str:
    """A Markdown table cell: an empty one stays visibly empty."""
    return md(text) or " "


def md_code(text: object) -> str:
    """A Markdown code span holding the text exactly."""
    return escape.markdown_code(str(text))


def md_link(url: object) -> str:
    """A Markdown link destination; a page of the site becomes its Markdown twin."""
    href = str(url)
    if not re.match(r"^[a-z]+:", href):
        href = re.sub(r"\.html(?=#|$)", ".md", href)
    return escape.markdown_link(href)
