"""Visible tests for ps5_tco: offshore total cost of ownership.

They check what the question text states (the anchor cases of the cost formula, the
table's shape and internal arithmetic, plausible ranges) and leave the reference
numbers to the hidden tests.
"""

from __future__ import annotations

import math

import pandas as pd

from ._compare import (
    as_frame,
    as_number,
    expect,
    expect_callable,
    expect_columns,
    expect_in_range,
    expect_no_missing,
    expect_row_count,
    fail,
)
from ._registry import question

A = "ps5_tco"
# The case's assumptions (illustrative figures, not survey data), written once: the
# notebook's setup cell defines them from here at build time, and the hidden tests
# compute their references from them.
FTE = 40
ONSHORE_COST_PER_FTE = 52_000
OFFSHORE_RATE_PER_FTE = 26_000
PRODUCTIVITY_LOSS = 0.20
GOVERNANCE_PCT = 0.10
TRANSITION_COST = 1_600_000
YEARS = 5
TABLE_COLUMNS = ["year", "onshore_cost", "offshore_cost", "saving", "cumulative_saving"]
# Q5's grid: the productivity losses (rows) and governance shares (columns).
LOSSES = [0.0, 0.15, 0.3, 0.45, 0.6]
GOVERNANCE = [0.05, 0.1, 0.15, 0.2]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


@question(A, "q1", uses=("offshore_annual_cost",), summary="the offshore cost function")
def q1(offshore_annual_cost) -> None:
    fn = expect_callable(offshore_annual_cost, "offshore_annual_cost")
    plain = as_number(fn(10, 1000, 0.0, 0.0), "offshore_annual_cost(10, 1000, 0.0, 0.0)")
    expect(
        _close(plain, 10_000),
        f"With no hidden costs, 10 FTE at 1,000 a year should cost 10,000, but your function "
        f"returns {plain:,.6g}. Start from fte * rate.",
    )
    slower = as_number(fn(10, 1000, 0.5, 0.0), "offshore_annual_cost(10, 1000, 0.5, 0.0)")
    expect(
        _close(slower, 15_000),
        f"A 50% productivity loss means 15 offshore FTE do the work of 10, so the fees are 15,000; "
        f"your function returns {slower:,.6g}.",
    )
    governed = as_number(fn(10, 1000, 0.0, 0.1), "offshore_annual_cost(10, 1000, 0.0, 0.1)")
    if _close(governed, 10_000):
        fail(
            "With governance at 10% of fees of 10,000 your function still returns 10,000: it "
            "leaves governance_pct out. Add governance_pct times the supplier fees."
        )
    if _close(governed, 110_000):
        fail(
            "offshore_annual_cost(10, 1000, 0.0, 0.1) returns 110,000: it treats 0.1 as 10. "
            "Keep governance_pct a fraction (0.1 means 10%): do not multiply it by 100."
        )
    expect(
        _close(governed, 11_000),
        f"Governance at 10% of fees of 10,000 adds 1,000, so the total is 11,000; your function "
        f"returns {governed:,.6g}. Governance is governance_pct times the supplier fees.",
    )


@question(A, "q2", uses=("cost_table", "offshore_annual_cost"), summary="the five-year cost table")
def q2(cost_table, offshore_annual_cost) -> None:
    table = as_frame(cost_table, "cost_table", keys=["year"])
    expect_columns(table, TABLE_COLUMNS, "cost_table")
    expect_row_count(
        table,
        5,
        "cost_table",
        {6: "Years run from 1 to 5; did you include a year 0?", 1: "Make one row per year."},
    )
    expect_no_missing(table, TABLE_COLUMNS, "cost_table")
    years = sorted(pd.to_numeric(table["year"]).tolist())
    expect(years == [1, 2, 3, 4, 5], f"The years should be 1, 2, 3, 4, 5; yours are {years}.")
    table = table.sort_values("year")
    saving = table["onshore_cost"] - table["offshore_cost"]
    expect(
        all(_close(a, b) for a, b in zip(saving, table["saving"], strict=True)),
        "'saving' should be onshore_cost minus offshore_cost in each year.",
    )
    running = table["saving"].cumsum()
    expect(
        all(_close(a, b) for a, b in zip(running, table["cumulative_saving"], strict=True)),
        "'cumulative_saving' should be the running total of 'saving' (try .cumsum()).",
    )
    offshore = table["offshore_cost"].tolist()
    expect(
        offshore[0] > offshore[1],
        "Year 1 should carry the one-off transition cost, so offshore_cost in year 1 should be "
        "higher than in year 2.",
    )
    expect(
        len({round(v, 6) for v in offshore[1:]}) == 1,
        "Years 2 to 5 have the same assumptions, so their offshore_cost should be equal.",
    )


@question(A, "q3", uses=("break_even_year", "cost_table"), summary="the break-even year")
def q3(break_even_year, cost_table) -> None:
    table = as_frame(cost_table, "cost_table", keys=["year"]).sort_values("year")
    positive = table.loc[table["cumulative_saving"] >= 0, "year"]
    if break_even_year is None:
        # Follow-through: a table that never pays back (a Q2 slip) has no break-even year.
        expect(
            positive.empty,
            f"`break_even_year` is None, but your cost_table reaches a non-negative cumulative "
            f"saving in year {float(positive.iloc[0]) if len(positive) else 0:g}: store that year.",
        )
        return
    year = as_number(break_even_year, "break_even_year")
    expect(year.is_integer(), f"`break_even_year` should be a whole year, not {year}.")
    expect(
        1 <= year <= 5,
        f"`break_even_year` is {year:g}; years are numbered 1 to 5. If you used a position from "
        "a zero-based index, add one (or read the 'year' column instead).",
    )
    if positive.empty:
        fail(
            "Your cost_table never reaches a non-negative cumulative saving, so by your table the "
            "deal does not pay back within the contract: `break_even_year` should then be None "
            "(and check Q2)."
        )
    first = float(positive.iloc[0])
    expect(
        _close(year, first),
        f"In your cost_table the cumulative saving first reaches zero or more in year {first:g}, "
        f"but `break_even_year` is {year:g}.",
    )


@question(
    A,
    "q4",
    uses=("break_even_rate", "offshore_annual_cost"),
    summary="the break-even supplier rate",
)
def q4(break_even_rate, offshore_annual_cost) -> None:
    expect_in_range(
        break_even_rate,
        OFFSHORE_RATE_PER_FTE,
        ONSHORE_COST_PER_FTE,
        "break_even_rate",
        f"The baseline rate of {OFFSHORE_RATE_PER_FTE:,} already pays back within the "
        f"contract's {YEARS} years, so the break-even rate is higher; and no rate above the "
        "onshore cost of "
        f"{ONSHORE_COST_PER_FTE:,} per FTE can pay back.",
    )


@question(A, "q5", uses=("sensitivity", "offshore_annual_cost"), summary="the sensitivity table")
def q5(sensitivity, offshore_annual_cost) -> None:
    if not isinstance(sensitivity, pd.DataFrame):
        fail(f"`sensitivity` should be a wide DataFrame, not {type(sensitivity).__name__}.")
    rows = [round(float(v), 6) for v in sensitivity.index]
    cols = [round(float(v), 6) for v in sensitivity.columns]
    if rows == GOVERNANCE and cols == LOSSES:
        fail(
            "Your rows are governance shares and your columns productivity losses: transpose (.T)."
        )
    expect(
        rows == LOSSES,
        f"The rows (index) should be the productivity losses {LOSSES} in that order; yours are {rows}.",
    )
    expect(
        cols == GOVERNANCE,
        f"The columns should be the governance shares {GOVERNANCE} in that order; yours are {cols}.",
    )
    values = sensitivity.to_numpy(dtype=float)
    expect(not pd.isna(values).any(), "`sensitivity` has missing values; fill every combination.")
    expect(
        (values[:-1, :] >= values[1:, :]).all() and (values[:, :-1] >= values[:, 1:]).all(),
        "Higher hidden costs can only lower the five-year saving: each row and column of your "
        "table should decrease. Check which input each axis changes.",
    )
