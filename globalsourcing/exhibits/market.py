"""Model 6's exhibit: market estimates by originator, the sourced growth band, your own rate.

The model is :mod:`globalsourcing.models.market` and its live widget
:mod:`globalsourcing.widgets.market`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import inspect

import altair as alt
import pandas as pd

from globalsourcing import models
from globalsourcing.models.market import DEFAULT_GROWTH, SEGMENT_LABELS

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below


def market_exhibit(
    market_size: pd.DataFrame | None = None,
    title: str = "ITO, BPO and offshore market estimates and projections",
) -> Exhibit:
    """Model 6: estimates by originator, the sourced growth band, and a growth slider."""
    table = models.market_table(market_size)
    model = models.project_market
    segments = list(DEFAULT_GROWTH)
    first = inspect.signature(model).parameters["segment"].default
    horizon = model.parameters["horizon"].opens_at
    # The line opens on the model's own low growth for its default segment.
    growth_c = Control.of(model, "low_growth", "g", default=DEFAULT_GROWTH[first][0])

    def own_path(segment: str, growth: float) -> pd.DataFrame:
        path = model(table, segment, horizon=horizon, low_growth=growth, high_growth=growth)
        base = path[path["kind"] == "estimate"]["year"].max()
        return path[path["year"] >= base][["year", "central"]]

    mine = grid_frame(own_path, {"segment": segments, "growth": growth_c.grid})
    mine["g"] = growth_c.column(mine["growth"])
    mine = mine.drop(columns="growth").round(2)
    band = pd.concat(
        [model(table, s, horizon=horizon).assign(segment=s) for s in segments],
        ignore_index=True,
    ).round(2)
    # Start the band at the base estimate so it joins the last point.
    base_year = band[band["kind"] == "projection"].groupby("segment")["year"].min() - 1
    band = band[band["year"] >= band["segment"].map(base_year)]
    points = table[table["segment"].isin(segments)][
        ["segment", "year", "originator", "low", "high"]
    ].assign(mid=lambda f: (f["low"] + f["high"]) / 2)
    seg = alt.param(
        name="segment",
        value=first,
        bind=alt.binding_select(
            options=segments, labels=[SEGMENT_LABELS[s] for s in segments], name="Segment "
        ),
    )
    growth = growth_c.slider("Your growth assumption, % a year ")
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d"))
    est = (
        alt.Chart(points)
        .transform_filter(alt.datum.segment == seg)
        .mark_point(filled=True, size=70)
        .encode(
            x=x,
            y=alt.Y("mid:Q", title="US$ bn"),
            color=alt.Color("originator:N", title="Originator"),
            tooltip=["originator", "year", "low", "high"],
        )
    )
    ranges = (
        alt.Chart(points)
        .transform_filter(alt.datum.segment == seg)
        .mark_rule()
        .encode(x=x, y="low:Q", y2="high:Q", color="originator:N")
    )
    area = (
        alt.Chart(band)
        .transform_filter(alt.datum.segment == seg)
        .mark_area(opacity=0.2, color="gray")
        .encode(x=x, y="low:Q", y2="high:Q")
    )
    line = (
        alt.Chart(mine)
        .transform_filter((alt.datum.segment == seg) & (alt.datum.g == growth))
        .mark_line(color="black", strokeDash=[5, 3])
        .encode(x=x, y="central:Q")
    )
    chart = (
        alt.layer(area, ranges, est, line).add_params(seg, growth).properties(width=440, height=320)
    )
    return Exhibit(
        legend_below(chart),
        controls=(growth_c,),
        title=title,
        source=(
            "Curated market_size dataset (one citation per estimate; unverified aggregator "
            "claims left out). Grey band: growth ranges reported by the LSE Outsourcing Unit "
            "(2009) and Oshri, Kotlarsky & Willcocks (2008); dashed line: your own rate."
        ),
        caption=(
            "Points are estimates coloured by originator; vertical lines are reported ranges. "
            "Where several originators report the same year, the gap between them is "
            "disagreement about what the market is, not only how big it is."
        ),
    )
