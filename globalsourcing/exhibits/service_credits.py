"""Model 9's exhibit: a service-credit regime and the supplier effort it buys.

The model is :mod:`globalsourcing.models.service_credits` and its live widget
:mod:`globalsourcing.widgets.service_credits`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from globalsourcing import models

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below


def service_credits_exhibit(
    title: str = "A service-credit regime and the effort it buys",
) -> Exhibit:
    """Model 9: expected credits and effort cost by effort level; the credit schedule below."""
    model = models.effort_incentive
    r_c = Control.of(model, "at_risk", "r")
    pool_c = Control.of(model, "pool", "pool")
    eb_c = Control.of(model, "earn_back", "eb")
    cost_c = Control.of(model, "effort_cost", "effort_cost", scale=1)
    steps = model.parameters["steps"].opens_at
    levels = model.parameters["n_levels"].opens_at
    months = model.parameters["earn_back_months"].opens_at

    def curve(at_risk: float, pool: float, earn_back: float) -> pd.DataFrame:
        frame = model(at_risk=at_risk, pool=pool, earn_back=earn_back, steps=steps)
        return frame[["effort", "expected_credit"]]

    frame = grid_frame(curve, {"at_risk": r_c.grid, "pool": pool_c.grid, "earn_back": eb_c.grid})
    frame = pd.DataFrame(
        {
            "r": r_c.column(frame["at_risk"]),
            "pool": pool_c.column(frame["pool"]),
            "eb": eb_c.column(frame["earn_back"]),
            "effort": (frame["effort"] * 100).round().astype(int),
            "credit": frame["expected_credit"].round(2),
        }
    )
    schedule = grid_frame(
        models.credit_schedule, {"at_risk": r_c.grid, "pool": pool_c.grid}, n_levels=levels
    )
    schedule = pd.DataFrame(
        {
            "r": r_c.column(schedule["at_risk"]),
            "pool": pool_c.column(schedule["pool"]),
            "misses": schedule["misses"],
            "month_credit": schedule["credit"].round(2),
        }
    )
    r = r_c.slider("At-risk amount, % of monthly charge ")
    pool = pool_c.slider("Allocation pool, % of the at-risk amount ")
    eb = eb_c.menu(f"Share of a credit earned back after {months} good months, % ")
    effort_cost = cost_c.slider("Cost of full extra effort, % of charge ")
    series = ["Expected credits", "Cost of extra effort", "Total (credits + effort)"]
    base = (
        alt.Chart(frame)
        .transform_filter(
            (alt.datum.r == r) & (alt.datum.pool == pool) & (alt.datum.eb == eb)
        )
        .transform_calculate(
            cost=f"{effort_cost.name} * pow(datum.effort / 100, 2)",
        )
        .transform_calculate(**{
            series[0]: "datum.credit",
            series[1]: "datum.cost",
            series[2]: "datum.credit + datum.cost",
        })
    )  # fmt: skip
    x = alt.X("effort:Q", title="Supplier's extra effort (% of the most it could do)")
    lines = (
        base.transform_fold(series, as_=["measure", "value"])
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("value:Q", title="Expected monthly cost to the supplier, % of charge"),
            color=alt.Color("measure:N", title=None, sort=series),
            tooltip=[
                alt.Tooltip("measure:N", title="Line"),
                alt.Tooltip("effort:Q", title="Effort, %"),
                alt.Tooltip("value:Q", title="% of charge", format=".2f"),
            ],
        )
    )
    best = (
        base.transform_joinaggregate(lowest=f"min({series[2]})")
        .transform_filter(f"datum['{series[2]}'] == datum.lowest")
        .mark_rule(color="black", strokeDash=[4, 3])
        .encode(
            x=x,
            tooltip=[
                alt.Tooltip("effort:Q", title="Supplier's cheapest effort, %"),
                alt.Tooltip("credit:Q", title="Expected credits there, % of charge",
                            format=".2f"),
            ],
        )
    )  # fmt: skip
    bars = (
        alt.Chart(schedule)
        .transform_filter((alt.datum.r == r) & (alt.datum.pool == pool))
        .mark_bar(color="#2a5d8f")
        .encode(
            x=alt.X("misses:O", title=f"Critical service levels missed in the month (of {levels})",
                    axis=alt.Axis(labelAngle=0)),
            y=alt.Y("month_credit:Q", title="Credit, % of charge"),
            tooltip=[
                alt.Tooltip("misses:O", title="Levels missed"),
                alt.Tooltip("month_credit:Q", title="Credit, % of charge", format=".2f"),
            ],
        )
        .properties(width=440, height=120)
    )  # fmt: skip
    chart = alt.vconcat(alt.layer(lines, best).properties(width=440, height=260), bars).add_params(
        r, pool, eb, effort_cost
    )
    return Exhibit(
        legend_below(chart),
        controls=(r_c, pool_c, eb_c, cost_c),
        title=title,
        source=(
            "Course model globalsourcing.models.effort_incentive and credit_schedule "
            "(illustrative: five critical service levels, monthly charge = 100, miss chance per "
            "level falling from 25% with no extra effort to 2% with full effort). The 12% "
            "starting at-risk amount follows practice a sourcing adviser reported in 2010; every "
            "other number is an assumption for teaching."
        ),
        caption=(
            "The dashed rule marks the effort that keeps the supplier's own expected cost lowest. "
            "A bigger at-risk amount or pool moves it right; earn-back and dearer effort move it "
            "left. The bars are the credit schedule: each miss costs the at-risk amount times "
            "the pool divided by five, and the month's total never exceeds the at-risk amount."
        ),
    )
