"""Hidden tests for ps5_tco: reference values for the baseline and other inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from globalsourcing.checks import (
    as_frame,
    as_number,
    expect_frame_equal,
    expect_number,
    expect_one_of,
    fail,
    reference,
)
from globalsourcing.checks.ps5_tco import (
    FTE,
    LOSSES,
    YEARS,
)
from globalsourcing.checks.ps5_tco import GOVERNANCE as SHARES
from globalsourcing.checks.ps5_tco import (
    GOVERNANCE_PCT as GOVERNANCE,
)
from globalsourcing.checks.ps5_tco import (
    OFFSHORE_RATE_PER_FTE as RATE,
)
from globalsourcing.checks.ps5_tco import (
    ONSHORE_COST_PER_FTE as ONSHORE,
)
from globalsourcing.checks.ps5_tco import (
    PRODUCTIVITY_LOSS as LOSS,
)
from globalsourcing.checks.ps5_tco import (
    TRANSITION_COST as TRANSITION,
)

TABLE_ADVICE = "onshore_cost is FTE * ONSHORE_COST_PER_FTE; offshore_cost is your Q1 function with the case's assumptions plus TRANSITION_COST in year 1 only."


def _offshore(fte, rate, loss, governance):
    return fte * (1 + loss) * rate * (1 + governance)


# The precision the header states: money to whole units; a tiny relative tolerance on top.
MONEY, REL = 0, 1e-6


@reference
def _table(rate=RATE, loss=LOSS, governance=GOVERNANCE, cost=_offshore) -> pd.DataFrame:
    """The reference table, or the one the student's own cost function ``cost`` gives."""
    years = np.arange(1, YEARS + 1)
    annual = float(cost(FTE, rate, loss, governance))
    offshore = annual + np.where(years == 1, TRANSITION, 0)
    saving = FTE * ONSHORE - offshore
    return pd.DataFrame(
        {
            "year": years,
            "onshore_cost": FTE * ONSHORE,
            "offshore_cost": offshore,
            "saving": saving,
            "cumulative_saving": saving.cumsum(),
        }
    )


def q1(offshore_annual_cost) -> None:
    for args in [(40, 26_000, 0.2, 0.1), (12, 31_500, 0.35, 0.07), (1, 1, 1.0, 1.0)]:
        got = as_number(offshore_annual_cost(*args), "offshore_annual_cost(...)")
        want = _offshore(*args)
        additive = args[0] * args[1] * (1 + args[2] + args[3])
        if np.isclose(got, additive, rtol=1e-9) and not np.isclose(got, want, rtol=1e-9):
            fail(
                "offshore_annual_cost adds the productivity loss and the governance share. "
                "Governance is a share of the supplier fees, and those fees already pay for the "
                "extra staff that the productivity loss requires."
            )
        if not np.isclose(got, want, rtol=1e-9):
            fail(
                "offshore_annual_cost gives a wrong result when productivity loss and governance "
                "are both non-zero. Re-read how each hidden cost enters the formula."
            )


def q2(cost_table, offshore_annual_cost) -> None:
    """Right for the reference costs, or for the student's own Q1 function."""
    expect_one_of(
        lambda: expect_frame_equal(
            cost_table,
            _table(),
            "cost_table",
            keys=["year"],
            rel=REL,
            decimals=MONEY,
            advice=TABLE_ADVICE,
        ),
        lambda: expect_frame_equal(
            cost_table,
            _table(cost=offshore_annual_cost),
            "cost_table",
            keys=["year"],
            rel=REL,
            advice=TABLE_ADVICE,
            decimals=MONEY,
        ),
    )


def q3(break_even_year, cost_table) -> None:
    """Year 3, or the first year the student's own table reaches a non-negative total.

    A student's table that never pays back (a slip in Q2) has no break-even year: then
    None is the answer that follows from it, as the prompt says.
    """

    def own_year() -> float | None:
        table = as_frame(cost_table, "cost_table", keys=["year"]).sort_values("year")
        years = table.loc[table["cumulative_saving"] >= 0, "year"]
        return None if years.empty else float(years.iloc[0])

    if break_even_year is None:
        if own_year() is None:
            return
        fail("`break_even_year` is None, but the deal does pay back within the contract.")
    expect_one_of(
        lambda: expect_number(break_even_year, 3, "break_even_year", rel=0, decimals=MONEY),
        lambda: expect_number(break_even_year, own_year(), "break_even_year", rel=0),
    )


@reference
def _break_even(cost=_offshore) -> float:
    """The rate at which five years' savings pay the transition back, for ``cost``.

    The annual cost is linear in the rate, so two calls give its slope and intercept.
    """
    intercept = float(cost(FTE, 0, LOSS, GOVERNANCE))
    slope = float(cost(FTE, 1, LOSS, GOVERNANCE)) - intercept
    return (FTE * ONSHORE - TRANSITION / YEARS - intercept) / slope


def q4(break_even_rate, offshore_annual_cost) -> None:
    expect_one_of(
        lambda: expect_number(
            break_even_rate,
            _break_even(),
            "break_even_rate",
            rel=REL,
            decimals=MONEY,
            hints=[
                (
                    (FTE * ONSHORE) / (FTE * (1 + LOSS) * (1 + GOVERNANCE)),
                    "This rate ignores the one-off transition cost; the five-year saving must "
                    "pay it back.",
                )
            ],
        ),
        lambda: expect_number(
            break_even_rate,
            _break_even(offshore_annual_cost),
            "break_even_rate",
            rel=REL,
            decimals=MONEY,
        ),
    )


@reference
def _sensitivity(cost=_offshore) -> pd.DataFrame:
    rows = [
        {
            "productivity_loss": loss,
            "governance_pct": share,
            "saving": _table(loss=loss, governance=share, cost=cost)["cumulative_saving"].iloc[-1],
        }
        for loss in LOSSES
        for share in SHARES
    ]
    return pd.DataFrame(rows)


def q5(sensitivity, offshore_annual_cost) -> None:
    try:
        long = sensitivity.stack().rename("saving").reset_index()
        long.columns = ["productivity_loss", "governance_pct", "saving"]
        long["productivity_loss"] = long["productivity_loss"].astype(float).round(6)
        long["governance_pct"] = long["governance_pct"].astype(float).round(6)
    except Exception:
        fail(
            "`sensitivity` should have the productivity losses as index and the shares as columns."
        )
    keys = ["productivity_loss", "governance_pct"]
    label = {"saving": "the five-year savings in its cells"}
    expect_one_of(
        lambda: expect_frame_equal(
            long, _sensitivity(), "sensitivity", keys=keys, rel=REL, decimals=MONEY, labels=label
        ),
        lambda: expect_frame_equal(
            long,
            _sensitivity(offshore_annual_cost),
            "sensitivity",
            keys=keys,
            rel=REL,
            decimals=MONEY,
            labels=label,
        ),
    )
