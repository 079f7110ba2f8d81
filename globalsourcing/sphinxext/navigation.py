"""Make the sidebar buttons work: drop the theme header's hidden duplicate toggles.

pydata-sphinx-theme puts a "primary-toggle" and a "secondary-toggle" button in its header,
which sphinx-book-theme hides, and the book theme adds its own visible pair to the article
header. Both themes' scripts bind their handlers with ``document.querySelector(".primary-toggle")``,
which finds the hidden header button first, so the visible buttons did nothing at any width.
With the hidden pair removed from every page, the handlers land on the buttons readers see.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

_HIDDEN_TOGGLES = re.compile(
    r'\s*<button class="pst-navbar-icon sidebar-toggle (?:primary|secondary)-toggle"[^>]*>'
    r"\s*<span[^>]*></span>\s*</button>"
)


def drop_hidden_toggles(text: str) -> str:
    return _HIDDEN_TOGGLES.sub("", text)


def _build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        fixed = drop_hidden_toggles(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
