"""Hidden tests for ps4_decisions: reference rates from the synthetic decisions."""

from __future__ import annotations

import math

import pandas as pd

from globalsourcing.checks import (
    as_frame,
    expect_frame_equal,
    expect_number,
    expect_one_of,
    expect_wide_equal,
    fail,
    read_choice,
    reference,
)
from globalsourcing.checks.ps4_decisions import as_pair
from globalsourcing.data import load

Z = 1.96
# The precision the header states: rates, bounds and gaps to 3 decimals, counts exactly.
RATE = 3
RATE_DECIMALS = {"n": 0, "successes": 0, "rate": RATE, "ci_low": RATE, "ci_high": RATE}


RATES_ADVICE = "n counts the decisions in each group, successes adds up savings_achieved, rate is successes / n and the bounds come from wilson_interval(successes, n)."


def _wilson(successes, n, z=Z):
    p = successes / n
    denominator = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
    return centre - half, centre + half


@reference
def _decisions() -> pd.DataFrame:
    return load("sourcing_decisions")


def _rates(frame: pd.DataFrame, by: str, wilson=_wilson) -> pd.DataFrame:
    """Rates and intervals per level of ``by``; ``wilson`` may be the student's own function."""
    out = frame.groupby(by)["savings_achieved"].agg(n="size", successes="sum").reset_index()
    out["rate"] = out["successes"] / out["n"]
    bounds = [
        as_pair(wilson(int(s), int(n)), "wilson_interval(...)")
        for s, n in zip(out["successes"], out["n"], strict=True)
    ]
    out["ci_low"] = [b[0] for b in bounds]
    out["ci_high"] = [b[1] for b in bounds]
    return out


@reference
def _reference_rates(by: str) -> pd.DataFrame:
    """Rates and reference intervals of the decisions per level of ``by``."""
    return _rates(_decisions(), by)


@reference
def _length_table() -> pd.DataFrame:
    decisions = _decisions()
    deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])]
    length = deals["contract_years"].le(3).map({True: "short", False: "long"})
    return deals.groupby(["scope", length])["savings_achieved"].mean().unstack()


def q1(wilson_interval) -> None:
    for successes, n in [(7, 20), (95, 100), (1290, 2400)]:
        low, high = as_pair(wilson_interval(successes, n), "wilson_interval(...)")
        want = _wilson(successes, n)
        if not (
            math.isclose(low, want[0], abs_tol=1e-6) and math.isclose(high, want[1], abs_tol=1e-6)
        ):
            fail("wilson_interval gives a wrong interval for other counts; recheck each term.")
    for successes, n, z in [(7, 20, 1.0), (30, 40, 2.576)]:
        low, high = as_pair(wilson_interval(successes, n, z), "wilson_interval(...)")
        want = _wilson(successes, n, z)
        if not (
            math.isclose(low, want[0], abs_tol=1e-6) and math.isclose(high, want[1], abs_tol=1e-6)
        ):
            fail(
                "wilson_interval gives a wrong interval when called with another z (for example "
                "z=1.0): use the z argument in the formula instead of the number 1.96."
            )


def _expect_rates(actual, expected, by_factor, name, keys, wilson_interval) -> None:
    """Right with the ``expected`` reference intervals, or with the student's own `wilson_interval`."""
    expect_one_of(
        lambda: expect_frame_equal(
            actual, expected(), name, keys=keys, advice=RATES_ADVICE, decimals=RATE_DECIMALS
        ),
        lambda: expect_frame_equal(
            actual,
            by_factor(wilson_interval),
            name,
            keys=keys,
            advice=RATES_ADVICE,
            decimals=RATE_DECIMALS,
        ),
    )


def q2(scope_rates, wilson_interval) -> None:
    decisions = _decisions()
    _expect_rates(
        scope_rates,
        lambda: _reference_rates("scope"),
        lambda wilson: _rates(decisions, "scope", wilson),
        "scope_rates",
        ["scope"],
        wilson_interval,
    )


def _practices(decisions: pd.DataFrame, wilson=_wilson) -> pd.DataFrame:
    parts = [
        _rates(decisions, factor, wilson).rename(columns={factor: "level"}).assign(factor=factor)
        for factor in ["decision_makers", "bid_process", "contract_type"]
    ]
    return pd.concat(parts, ignore_index=True)


@reference
def _reference_practices() -> pd.DataFrame:
    """Rates and reference intervals per level of each of the three practices."""
    return _practices(_decisions())


def q3(practice_rates, wilson_interval) -> None:
    decisions = _decisions()
    _expect_rates(
        practice_rates,
        _reference_practices,
        lambda wilson: _practices(decisions, wilson),
        "practice_rates",
        ["factor", "level"],
        wilson_interval,
    )


def q4(length_by_scope) -> None:
    expect_wide_equal(
        length_by_scope,
        _length_table(),
        "length_by_scope",
        rows="outsourcing scopes selective and total_outsourcing",
        columns="contract lengths short and long",
        decimals=RATE,
    )


def _cell(table, row: str, column: str) -> float:
    """One cell of a student's wide table, whatever the type of its labels."""
    frame = table.copy()
    frame.index = [str(v) for v in frame.index]
    frame.columns = [str(v) for v in frame.columns]
    return float(frame.loc[row, column])


def _rate_of(scope_rates, scope: str) -> float:
    frame = as_frame(scope_rates, "scope_rates", keys=["scope"])
    return float(frame.loc[frame["scope"].astype(str) == scope, "rate"].iloc[0])


def q5(naive_gap, gap_long, scope_rates, length_by_scope) -> None:
    """Right for the reference tables, or for the student's own `scope_rates` and table."""
    rates = _reference_rates("scope").set_index("scope")["rate"]
    expect_one_of(
        lambda: expect_number(
            naive_gap, rates["selective"] - rates["total_outsourcing"], "naive_gap", decimals=RATE
        ),
        lambda: expect_number(
            naive_gap,
            _rate_of(scope_rates, "selective") - _rate_of(scope_rates, "total_outsourcing"),
            "naive_gap",
            decimals=RATE,
        ),
    )
    table = _length_table()
    expect_one_of(
        lambda: expect_number(
            gap_long,
            table.loc["selective", "long"] - table.loc["total_outsourcing", "long"],
            "gap_long",
            decimals=RATE,
            hints=[
                (
                    table.loc["selective", "short"] - table.loc["total_outsourcing", "short"],
                    "That is the gap within short contracts; the question asks about long ones.",
                )
            ],
        ),
        lambda: expect_number(
            gap_long,
            _cell(length_by_scope, "selective", "long")
            - _cell(length_by_scope, "total_outsourcing", "long"),
            "gap_long",
            decimals=RATE,
        ),
    )


def q6(answer_q6) -> None:
    if read_choice(answer_q6, "ABCD") != "C":
        fail(
            "`answer_q6` is not the best answer; reread the dataset's datasheet on how it was made."
        )
