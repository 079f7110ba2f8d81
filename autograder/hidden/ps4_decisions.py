"""Hidden tests for ps4_decisions: reference rates from the synthetic decisions."""

from __future__ import annotations

import math

import pandas as pd

from globalsourcing.checks import expect_frame_equal, expect_number, fail
from globalsourcing.data import load

Z = 1.96


def _wilson(successes, n, z=Z):
    p = successes / n
    denominator = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
    return centre - half, centre + half


def _rates(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    out = frame.groupby(by)["savings_achieved"].agg(n="size", successes="sum").reset_index()
    out["rate"] = out["successes"] / out["n"]
    bounds = [_wilson(s, n) for s, n in zip(out["successes"], out["n"], strict=True)]
    out["ci_low"] = [b[0] for b in bounds]
    out["ci_high"] = [b[1] for b in bounds]
    return out


def _length_table() -> pd.DataFrame:
    decisions = load("sourcing_decisions")
    deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])]
    length = deals["contract_years"].le(3).map({True: "short", False: "long"})
    return deals.groupby(["scope", length])["savings_achieved"].mean().unstack()


def q1(wilson_interval) -> None:
    for successes, n in [(7, 20), (95, 100), (1290, 2400)]:
        low, high = wilson_interval(successes, n)
        want = _wilson(successes, n)
        if not (
            math.isclose(low, want[0], abs_tol=1e-6) and math.isclose(high, want[1], abs_tol=1e-6)
        ):
            fail("wilson_interval gives a wrong interval for other counts; recheck each term.")


def q2(scope_rates) -> None:
    expect_frame_equal(
        scope_rates, _rates(load("sourcing_decisions"), "scope"), "scope_rates", keys=["scope"]
    )


def q3(practice_rates) -> None:
    decisions = load("sourcing_decisions")
    parts = [
        _rates(decisions, factor).rename(columns={factor: "level"}).assign(factor=factor)
        for factor in ["decision_makers", "bid_process", "contract_type"]
    ]
    reference = pd.concat(parts, ignore_index=True)
    expect_frame_equal(practice_rates, reference, "practice_rates", keys=["factor", "level"])


def q4(length_by_scope) -> None:
    reference = _length_table().stack().rename("rate").reset_index()
    reference.columns = ["scope", "length", "rate"]
    try:
        got = length_by_scope.stack().rename("rate").reset_index()
        got.columns = ["scope", "length", "rate"]
    except Exception:
        fail("`length_by_scope` should have the scopes as rows and short/long as columns.")
    expect_frame_equal(got, reference, "length_by_scope", keys=["scope", "length"])


def q5(naive_gap, gap_long) -> None:
    rates = _rates(load("sourcing_decisions"), "scope").set_index("scope")["rate"]
    expect_number(naive_gap, rates["selective"] - rates["total_outsourcing"], "naive_gap", rel=1e-4)
    table = _length_table()
    expect_number(
        gap_long,
        table.loc["selective", "long"] - table.loc["total_outsourcing", "long"],
        "gap_long",
        rel=1e-4,
        hints=[
            (
                table.loc["selective", "short"] - table.loc["total_outsourcing", "short"],
                "That is the gap within short contracts; the question asks about long ones.",
            )
        ],
    )


def q6(answer_q6) -> None:
    if str(answer_q6).strip().upper() != "C":
        fail(
            "`answer_q6` is not the best answer; reread the dataset's datasheet on how it was made."
        )
