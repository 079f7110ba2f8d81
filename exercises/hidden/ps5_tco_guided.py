"""Hidden tests for ps5_tco_guided: references from the coding variant's reference model."""

from __future__ import annotations

from globalsourcing.checks import expect_number, fail

from . import ps5_tco as coding

MONEY, REL = coding.MONEY, coding.REL


def q1(annual_cost, hidden_costs_per_year) -> None:
    full = coding._offshore(coding.FTE, coding.RATE, coding.LOSS, coding.GOVERNANCE)
    bare = coding._offshore(coding.FTE, coding.RATE, 0, 0)
    expect_number(annual_cost, full, "annual_cost", rel=REL, decimals=MONEY)
    expect_number(
        hidden_costs_per_year,
        full - bare,
        "hidden_costs_per_year",
        rel=REL,
        decimals=MONEY,
        hints=[(bare, "That is the cost without hidden costs; store the difference.")],
    )


def q2(saving_year_1, five_year_saving) -> None:
    table = coding._table()
    expect_number(
        saving_year_1,
        float(table["saving"].iloc[0]),
        "saving_year_1",
        rel=REL,
        decimals=MONEY,
        hints=[(float(table["saving"].iloc[1]), "Year 1 carries the transition cost.")],
    )
    expect_number(
        five_year_saving,
        float(table["cumulative_saving"].iloc[-1]),
        "five_year_saving",
        rel=REL,
        decimals=MONEY,
        hints=[
            (
                float(table["saving"].iloc[-1]),
                "That is the saving of year 5 alone; take the cumulative saving.",
            )
        ],
    )


def q3(break_even_year_45) -> None:
    table = coding._table(loss=0.45)
    paid_back = table.loc[table["cumulative_saving"] >= 0, "year"]
    if paid_back.empty:  # the reference never pays back: then None is right
        if break_even_year_45 is not None:
            fail("With a 45% loss the deal never pays back: `break_even_year_45` should be None.")
        return
    if break_even_year_45 is None:
        fail("`break_even_year_45` is None, but with a 45% loss the deal does pay back.")
    expect_number(
        break_even_year_45,
        float(paid_back.iloc[0]),
        "break_even_year_45",
        rel=0,
        decimals=0,
        hints=[(3, "Year 3 is the baseline; change LOSS to 0.45 in the Q3 cell.")],
    )


def q4(rate_headroom) -> None:
    expect_number(
        rate_headroom,
        coding._break_even() - coding.RATE,
        "rate_headroom",
        rel=REL,
        decimals=MONEY,
        hints=[
            (
                coding._break_even(),
                "That is the break-even rate itself; subtract the offered £26,000.",
            )
        ],
    )


def q5(saving_45_20, n_losing) -> None:
    grid = coding._sensitivity()
    cell = grid.query("productivity_loss == 0.45 and governance_pct == 0.2")["saving"]
    expect_number(saving_45_20, float(cell.iloc[0]), "saving_45_20", rel=REL, decimals=MONEY)
    expect_number(n_losing, int((grid["saving"] < 0).sum()), "n_losing", rel=0, decimals=0)
