"""Model 6's widget: market growth projections from the curated market_size table.

The model is :mod:`globalsourcing.models.market` and its server-free exhibit
:mod:`globalsourcing.exhibits.market`; display the widget as the last line of a cell.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from globalsourcing import models
from globalsourcing.models.market import DEFAULT_GROWTH, SEGMENT_LABELS, market_table

from . import charts
from .base import ModelWidget
from .controls import STYLE, control


def market_widget(market_size: pd.DataFrame | None = None) -> ModelWidget:
    """Model 6: market growth projections from the curated ``market_size`` table."""
    if market_size is None:
        from globalsourcing.data import load

        market_size = load("market_size")
    segments = [(SEGMENT_LABELS[s], s) for s in DEFAULT_GROWTH]
    first = segments[0][1]
    controls = {
        "segment": w.Dropdown(options=segments, value=first, description="Segment", style=STYLE),
        "low_growth": control(models.project_market, "low_growth", value=DEFAULT_GROWTH[first][0]),
        "high_growth": control(
            models.project_market, "high_growth", value=DEFAULT_GROWTH[first][1]
        ),
        "horizon": control(models.project_market, "horizon"),
        "include_unverified": w.Checkbox(value=False, description="Include unverified claims"),
    }

    def compute(v):
        table = market_table(market_size, include_unverified=v["include_unverified"])
        frame = models.project_market(
            table,
            v["segment"],
            horizon=v["horizon"],
            low_growth=v["low_growth"],
            high_growth=v["high_growth"],
        )
        spread = models.estimate_spread(table, v["segment"])
        last = frame.iloc[-1]
        headline = (
            f"{SEGMENT_LABELS[v['segment']]} in {int(last['year'])}: "
            f"US$ {last['low']:,.0f}-{last['high']:,.0f} bn (central {last['central']:,.0f}); "
            f"estimates for one year differ by up to {spread['spread_ratio'].max():.1f}x."
        )
        return frame, spread, headline

    widget = ModelWidget(
        "Market growth scenarios",
        controls,
        compute,
        chart=charts.projection_band,
        note="Curated market figures, one citation per row; originators define the markets "
        "differently. Default growth ranges: LSE Outsourcing Unit (2009), Oshri et al. (2008).",
    )

    def reset_rates(change):
        # A new segment starts from its own sourced growth range; order the two moves so
        # the low rate never passes the high one on the way.
        low, high = DEFAULT_GROWTH[change["new"]]
        lo_ctl, hi_ctl = widget.controls["low_growth"], widget.controls["high_growth"]
        if low > hi_ctl.value:
            hi_ctl.value, lo_ctl.value = high, low
        else:
            lo_ctl.value, hi_ctl.value = low, high

    controls["segment"].observe(reset_rates, names="value")
    return widget
