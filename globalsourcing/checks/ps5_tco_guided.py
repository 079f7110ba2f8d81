"""Visible tests for ps5_tco_guided: the offshore cost case with the code given."""

from __future__ import annotations

from . import _guided as g
from ._compare import expect
from ._registry import question
from .ps5_tco import OFFSHORE_RATE_PER_FTE, ONSHORE_COST_PER_FTE

A = "ps5_tco_guided"
MONEY = "an amount in pounds"


@question(
    A, "q1", uses=("annual_cost", "hidden_costs_per_year"), summary="the annual offshore cost"
)
def q1(annual_cost, hidden_costs_per_year) -> None:
    cost = g.number(annual_cost, "annual_cost", 1, 1e8, f"{MONEY} a year")
    hidden = g.number(hidden_costs_per_year, "hidden_costs_per_year", 0, 1e8, f"{MONEY} a year")
    expect(
        hidden < cost,
        "`hidden_costs_per_year` is the part of `annual_cost` that the productivity loss and "
        "governance add, so it is smaller than `annual_cost`.",
    )


@question(A, "q2", uses=("saving_year_1", "five_year_saving"), summary="the five-year table")
def q2(saving_year_1, five_year_saving) -> None:
    g.number(saving_year_1, "saving_year_1", -1e8, 1e8, MONEY)
    g.number(five_year_saving, "five_year_saving", -1e8, 1e8, MONEY)


@question(A, "q3", uses=("break_even_year_45",), summary="the break-even year")
def q3(break_even_year_45) -> None:
    if break_even_year_45 is not None:
        g.whole(break_even_year_45, "break_even_year_45", 1, 5, "a contract year from 1 to 5")


@question(A, "q4", uses=("rate_headroom",), summary="the break-even supplier rate")
def q4(rate_headroom) -> None:
    g.number(
        rate_headroom,
        "rate_headroom",
        0,
        ONSHORE_COST_PER_FTE - OFFSHORE_RATE_PER_FTE,
        "pounds per FTE above the offered rate (not the break-even rate itself)",
    )


@question(A, "q5", uses=("saving_45_20", "n_losing"), summary="the sensitivity table")
def q5(saving_45_20, n_losing) -> None:
    g.number(saving_45_20, "saving_45_20", -1e8, 1e8, MONEY)
    g.whole(n_losing, "n_losing", 0, 20, "a count of the table's 20 cells")
