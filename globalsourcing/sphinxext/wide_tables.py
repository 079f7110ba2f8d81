"""Wide tables on a phone: each row becomes a card of "column: value" lines.

A table of five or more columns squeezed into a 390 px column grows rows hundreds of pixels
tall and pushes its last columns off screen. At build time such tables get the class
``gs-stack`` and every cell a ``data-label`` naming its column; gs-site.css lays them out
as cards below 700 px and leaves them as ordinary tables on wider screens.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from sphinx.application import Sphinx

#: Tables with at least this many columns are stacked on a phone.
MIN_COLUMNS = 5

_TABLE = re.compile(r"<table\b.*?</table>", re.S)


def _stack(match: re.Match) -> str:
    markup = match.group(0)
    soup = BeautifulSoup(markup, "html.parser")
    table = soup.table
    header = table.find("thead")
    names = [th.get_text(" ", strip=True) for th in header.find_all("th")] if header else []
    if len(names) < MIN_COLUMNS or "gs-stack" in (table.get("class") or []):
        return markup
    table["class"] = [*(table.get("class") or []), "gs-stack"]
    for row in (table.find("tbody") or table).find_all("tr"):
        for name, cell in zip(names, row.find_all(["td", "th"]), strict=False):
            cell["data-label"] = name
    return str(soup)


def stack_wide_tables(body: str) -> str:
    return _TABLE.sub(_stack, body) if "<table" in body else body


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "<table" in context.get("body", ""):
        context["body"] = stack_wide_tables(context["body"])


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
    app.add_css_file("gs-site.css")
