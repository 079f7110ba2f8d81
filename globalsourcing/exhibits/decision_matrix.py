"""Model 3's exhibit: a portfolio's activities on the sourcing decision matrix.

The model is :mod:`globalsourcing.models.decision_matrix` and its live widget
:mod:`globalsourcing.widgets.decision_matrix`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from globalsourcing import models

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below


def decision_matrix_exhibit(
    activities: pd.DataFrame | None = None,
    title: str = "Sourcing decision matrix for a back-office portfolio",
) -> Exhibit:
    """Model 3: activities placed on the two axes; sliders move the dividing lines."""
    ct_c = Control.of(models.decision_matrix, "contribution_threshold", "ct")
    mt_c = Control.of(models.decision_matrix, "market_threshold", "mt")
    frame = grid_frame(
        models.decision_matrix,
        {"contribution_threshold": ct_c.grid, "market_threshold": mt_c.grid},
        activities=activities,
    )
    frame = frame.assign(
        ct=ct_c.column(frame["contribution_threshold"]),
        mt=mt_c.column(frame["market_threshold"]),
    )[["activity", "business_contribution", "market_comparison", "recommendation", "ct", "mt"]]
    ct = ct_c.slider("Differentiator from score, % ")
    mt = mt_c.slider("Market better from score, % ")
    points = (
        alt.Chart(frame)
        .transform_filter((alt.datum.ct == ct) & (alt.datum.mt == mt))
        .mark_circle(size=160)
        .encode(
            x=alt.X(
                "business_contribution:Q",
                scale=alt.Scale(domain=[0, 1]),
                title="Business contribution: commodity (0) to differentiator (1)",
            ),
            y=alt.Y(
                "market_comparison:Q",
                scale=alt.Scale(domain=[0, 1]),
                title="Market comparison: in-house better (0) to market better (1)",
            ),
            color=alt.Color("recommendation:N", title="Recommendation"),
            tooltip=["activity:N", "recommendation:N"],
        )
    )
    one = alt.Chart(pd.DataFrame({"x": [0]}))
    vline = one.transform_calculate(v="ct / 100").mark_rule(strokeDash=[4, 4]).encode(x="v:Q")
    hline = one.transform_calculate(v="mt / 100").mark_rule(strokeDash=[4, 4]).encode(y="v:Q")
    chart = alt.layer(points, vline, hline).add_params(ct, mt).properties(width=440, height=360)
    return Exhibit(
        legend_below(chart),
        controls=(ct_c, mt_c),
        title=title,
        source=(
            "Course model globalsourcing.models.decision_matrix, the course's synthesis of the "
            "selective-sourcing framework (Lacity & Willcocks 2009, ch. 13; Lacity & Willcocks "
            "1998). Activity scores are illustrative judgements, not data."
        ),
        caption="Hover over a point for the activity and its recommendation.",
    )
