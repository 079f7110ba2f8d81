"""Small Altair charts of one model result, for the live widgets (one setting at a time)."""

from __future__ import annotations

import altair as alt
import pandas as pd


def cumulative_cost(frame: pd.DataFrame, value: str = "cumulative", title: str = "") -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y(f"{value}:Q", title=title or "Cumulative cost"),
            color=alt.Color("option:N", title="Option"),
            tooltip=["option", "year", alt.Tooltip(f"{value}:Q", format=",.1f")],
        )
        .properties(width=420, height=240)
    )


def pillar_bars(frame: pd.DataFrame, top: int = 15) -> alt.Chart:
    top_rows = frame.nsmallest(top, "rank")
    long = top_rows.melt(
        id_vars=["country_name", "score"],
        value_vars=["financial", "people", "business"],
        var_name="pillar",
        value_name="points",
    )
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("points:Q", stack="zero", title="Index points (0-10)"),
            y=alt.Y("country_name:N", sort=alt.SortField("score", order="descending"), title=None),
            color=alt.Color("pillar:N", title="Pillar"),
            tooltip=["country_name", "pillar", alt.Tooltip("points:Q", format=".2f")],
        )
        .properties(width=380, height=300)
    )


def matrix_scatter(frame: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_circle(size=140)
        .encode(
            x=alt.X(
                "business_contribution:Q",
                title="Business contribution (commodity → differentiator)",
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y(
                "market_comparison:Q",
                title="Market comparison (in-house better → market better)",
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color("recommendation:N", title="Recommendation"),
            tooltip=["activity", "recommendation", "reason"],
        )
        .properties(width=360, height=300)
    )


def margin_histogram(draws: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(draws[["contract", "supplier_margin"]])
        .mark_bar(opacity=0.6)
        .encode(
            x=alt.X("supplier_margin:Q", bin=alt.Bin(maxbins=40), title="Supplier margin"),
            y=alt.Y("count():Q", stack=None, title="Deals"),
            color=alt.Color("contract:N", title="Contract"),
        )
        .properties(width=420, height=240)
    )


def knowledge_line(frame: pd.DataFrame) -> alt.Chart:
    long = frame.melt(id_vars="month", value_vars=["knowledge", "output"], var_name="measure")
    return (
        alt.Chart(long)
        .mark_line()
        .encode(
            x=alt.X("month:Q", title="Month"),
            y=alt.Y(
                "value:Q", title="Share of what the service needs", scale=alt.Scale(domain=[0, 1])
            ),
            color=alt.Color("measure:N", title=None),
        )
        .properties(width=420, height=240)
    )


def projection_band(frame: pd.DataFrame) -> alt.Chart:
    base = alt.Chart(frame).encode(x=alt.X("year:O", title="Year"))
    band = base.mark_area(opacity=0.25).encode(y=alt.Y("low:Q", title="US$ bn"), y2="high:Q")
    line = base.mark_line(point=True).encode(
        y="central:Q", strokeDash=alt.StrokeDash("kind:N", title=None)
    )
    return (band + line).properties(width=420, height=240)


def renewal_line(frame: pd.DataFrame, driver: str) -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_line()
        .encode(
            x=alt.X("driver_value:Q", title=driver),
            y=alt.Y("probability:Q", title="Renewal probability", scale=alt.Scale(domain=[0, 1])),
        )
        .properties(width=420, height=240)
    )


def credit_effort_lines(frame: pd.DataFrame) -> alt.Chart:
    long = frame.melt(
        id_vars="effort", value_vars=["expected_credit", "effort_cost", "supplier_cost"],
        var_name="measure",
    )  # fmt: skip
    return (
        alt.Chart(long)
        .mark_line()
        .encode(
            x=alt.X("effort:Q", title="Extra effort (0 = none, 1 = the most possible)"),
            y=alt.Y("value:Q", title="Expected monthly cost to the supplier"),
            color=alt.Color("measure:N", title=None),
        )
        .properties(width=420, height=240)
    )
