"""The Exhibit wrapper: compile an Altair chart once, show it in the book or in Jupyter."""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

#: Set by the book's Sphinx extension, inherited by the kernels that execute the chapters.
BOOK_BUILD_ENV = "GLOBALSOURCING_BOOK_BUILD"
#: An exhibit's spec is embedded in its page; past this it hurts page weight for every reader.
MAX_SPEC_BYTES = 600_000


class ExhibitTooLarge(ValueError):
    """The chart embeds more data than a page should carry."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "exhibit"


def legend_below(chart: Any) -> Any:
    """Put an Altair chart's legends under the plot, so chart and legend fit the text column."""
    return chart.configure_legend(orient="bottom", direction="horizontal", labelLimit=320)


def _vega_lite_dict(chart: Any) -> dict:
    if isinstance(chart, dict):
        return chart
    import altair as alt

    # Charts carry their (small, pre-aggregated) data inline; the size check below guards it.
    with alt.data_transformers.enable("default", max_rows=None):
        return chart.to_dict()


@dataclass
class Exhibit:
    """A chart with a title, a source line and an optional caption.

    ``chart`` is an Altair chart (or a Vega-Lite dict). ``source`` is required: every exhibit
    in the course names where its numbers come from.
    """

    chart: Any
    title: str
    source: str
    caption: str | None = None
    #: Sliders whose values may not add up past a total, e.g. ``(("fin", "ppl"), 90)``: when
    #: one moves past it, the page lowers the others (gs-exhibits.js), so every setting is valid.
    capped_sum: tuple[tuple[str, ...], int] | None = None
    #: The sliders and menus read from model declarations (``exhibits.controls.Control``);
    #: ``exhibits.controls.mismatches`` checks the built chart against them.
    controls: tuple[Any, ...] = ()
    _vega: dict | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.title or not self.title.strip():
            raise ValueError("An exhibit needs a title, e.g. 'Exhibit 2.1 ICT service exports'.")
        if not self.source or not self.source.strip():
            raise ValueError(
                f"Exhibit {self.title!r} has no source: name the data behind it "
                "(e.g. 'World Bank WDI, CC BY 4.0' or 'synthetic data')."
            )

    @property
    def vega_lite(self) -> dict:
        spec = dict(_vega_lite_dict(self.chart))
        # Screen readers announce the chart by its description.
        spec.setdefault("description", self.title)
        return spec

    @property
    def vega(self) -> dict:
        """The compiled Vega spec (what the static page renders)."""
        if self._vega is None:
            import vl_convert

            vega = vl_convert.vegalite_to_vega(self.vega_lite)
            if self.capped_sum:
                names = {s["name"] for s in vega.get("signals", [])}
                missing = set(self.capped_sum[0]) - names
                if missing:
                    raise ValueError(
                        f"Exhibit {self.title!r} caps the sum of {sorted(missing)}, but the chart "
                        f"has no parameter of that name (it has {sorted(names)})."
                    )
            self._vega = vega
        return self._vega

    def spec_json(self) -> str:
        text = json.dumps(self.vega, separators=(",", ":"), allow_nan=False, default=str)
        if len(text.encode()) > MAX_SPEC_BYTES:
            raise ExhibitTooLarge(
                f"Exhibit {self.title!r} embeds {len(text.encode()) / 1000:.0f} KB of spec and data "
                f"(limit {MAX_SPEC_BYTES / 1000:.0f} KB): aggregate in pandas before charting, "
                "keep only the columns the chart encodes, or use a coarser grid."
            )
        # '</' inside a script element would end it early.
        return text.replace("</", "<\\/")

    def to_html(self) -> str:
        """The static-site markup: the page's own Vega draws it (see sphinxext/static)."""
        ident = _slug(self.title)
        caption = (
            f'<p class="gs-exhibit-caption">{html.escape(self.caption)}</p>' if self.caption else ""
        )
        cap = ""
        if self.capped_sum:
            rule = json.dumps({"signals": list(self.capped_sum[0]), "max": self.capped_sum[1]})
            cap = f" data-capped-sum='{html.escape(rule, quote=False)}'"
        return (
            f'<figure class="gs-exhibit" id="exhibit-{ident}" data-exhibit="{ident}"{cap}>'
            f'<figcaption class="gs-exhibit-title">{html.escape(self.title)}</figcaption>'
            # tabindex: a wide chart scrolls sideways, and keyboard users must be able to scroll it.
            f'<div class="gs-exhibit-view" tabindex="0" aria-label="{html.escape(self.title, quote=True)}"></div>'
            f'<div class="gs-exhibit-controls"></div>'
            f"{caption}"
            f'<p class="gs-exhibit-source">Source: {html.escape(self.source)}</p>'
            f"<noscript><p>This exhibit needs JavaScript; its data is described in the text.</p></noscript>"
            f'<script type="application/json" class="gs-exhibit-spec">{self.spec_json()}</script>'
            f"</figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        if os.environ.get(BOOK_BUILD_ENV):
            return {"text/html": self.to_html(), "text/plain": f"<Exhibit {self.title}>"}
        # In Jupyter, Altair's own renderer draws the chart live (JupyterLab renders Vega-Lite itself).
        if isinstance(self.chart, dict):
            return {"text/html": self.to_html(), "text/plain": f"<Exhibit {self.title}>"}
        bundle = self.chart._repr_mimebundle_(include=include, exclude=exclude)
        return bundle

    def __repr__(self) -> str:
        return f"Exhibit(title={self.title!r}, source={self.source!r})"
