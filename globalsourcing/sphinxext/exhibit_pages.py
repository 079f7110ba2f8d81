"""Finish every exhibit on a page at build time: column-fitting spec, static image, data table.

Chapters emit ``Exhibit.to_html()`` markup (a figure holding the compiled Vega spec). Here,
once per page, each figure gets

- the spec rewritten to size itself to the text column (``exhibits.responsive``);
- a static SVG of its default state, shown without JavaScript and replaced by the live view;
- a "Data table" ``<details>`` with the numbers the chart draws, readable without a mouse.

Doing this in the build rather than in the chapter kernels means cached notebook outputs
pick it up too.
"""

from __future__ import annotations

import html
import json
import re

from sphinx.application import Sphinx

from globalsourcing.exhibits.responsive import fit_to_column
from globalsourcing.exhibits.static_view import data_table_html, static_svg

_FIGURE = re.compile(
    r'<figure class="gs-exhibit" id="(?P<id>[^"]+)"(?P<attrs>[^>]*)>(?P<body>.*?)</figure>', re.S
)
_SPEC = re.compile(
    r'<script type="application/json" class="gs-exhibit-spec">(?P<json>.*?)</script>', re.S
)
_VIEW = re.compile(r'<div class="gs-exhibit-view"[^>]*></div>')
_TITLE = re.compile(r'<figcaption class="gs-exhibit-title">(.*?)</figcaption>', re.S)
_NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.S)
_SOURCE = re.compile(r'<p class="gs-exhibit-source">')


def _finish(match: re.Match) -> str:
    body = match.group("body")
    if "gs-exhibit-static" in body:
        return match.group(0)
    ident = match.group("id")
    title = html.unescape(_TITLE.search(body).group(1))
    spec_match = _SPEC.search(body)
    spec = fit_to_column(json.loads(spec_match.group("json").replace("<\\/", "</")))
    spec_json = json.dumps(spec, separators=(",", ":"), allow_nan=False).replace("</", "<\\/")
    label = html.escape(f"{title} (static image of the default settings)", quote=True)
    view = (
        # No tabindex: the chart fits the column, so there is nothing to scroll to.
        f'<div class="gs-exhibit-view"><div class="gs-exhibit-static" role="img" '
        f'aria-label="{label}">{static_svg(spec, ident)}</div></div>'
    )
    body = _VIEW.sub(lambda _: view, body, count=1)
    body = _NOSCRIPT.sub(
        lambda _: (
            '<noscript><p class="gs-exhibit-noscript">Scripts are off: the chart shows its '
            "default settings and its controls do nothing.</p></noscript>"
        ),
        body,
        count=1,
    )
    table = data_table_html(spec, title)
    body = _SOURCE.sub(lambda m: table + m.group(0), body, count=1)
    body = _SPEC.sub(
        lambda _: f'<script type="application/json" class="gs-exhibit-spec">{spec_json}</script>',
        body,
        count=1,
    )
    return f'<figure class="gs-exhibit" id="{ident}"{match.group("attrs")}>{body}</figure>'


def finish_exhibits(body: str) -> str:
    """The page body with every exhibit finished (idempotent)."""
    return _FIGURE.sub(_finish, body)


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "gs-exhibit" in context.get("body", ""):
        context["body"] = finish_exhibits(context["body"])


def setup(app: Sphinx) -> None:
    # Before the asset hook (priority 500), which only looks for the class name.
    app.connect("html-page-context", _page_context, priority=400)
