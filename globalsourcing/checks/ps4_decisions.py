"""Visible tests for ps4_decisions: success rates and intervals in the synthetic decisions."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._compare import (
    as_frame,
    as_number,
    expect,
    expect_callable,
    expect_choice,
    expect_columns,
    expect_in_range,
    expect_no_missing,
    expect_row_count,
    expect_unique,
    fail,
)
from ._registry import question

A = "ps4_decisions"
RATE_COLUMNS = ["n", "successes", "rate", "ci_low", "ci_high"]


def as_pair(result, name: str) -> tuple[float, float]:
    """The (low, high) pair a Wilson function returned, in any form the prompt allows.

    "The pair (low, high)" covers a tuple, a list, a numpy array or a Series of two
    numbers, and a dict whose keys say which bound is which (low/high, lower/upper).
    """
    if isinstance(result, dict):
        keys = {str(k).lower(): v for k, v in result.items()}
        for low_key, high_key in [("low", "high"), ("lower", "upper"), ("ci_low", "ci_high")]:
            if low_key in keys and high_key in keys:
                result = (keys[low_key], keys[high_key])
                break
    if isinstance(result, np.ndarray | pd.Series):
        result = list(np.asarray(result).ravel())
    if not isinstance(result, tuple | list) or len(result) != 2:
        fail(f"{name} should return the pair (low, high), not {result!r}.")
    return as_number(result[0], f"{name}[0]"), as_number(result[1], f"{name}[1]")


def _interval(fn, successes, n, name):
    return as_pair(fn(successes, n), name)


@question(A, "q1", uses=("wilson_interval",), summary="the Wilson interval")
def q1(wilson_interval) -> None:
    fn = expect_callable(wilson_interval, "wilson_interval")
    low, high = _interval(fn, 0, 10, "wilson_interval(0, 10)")
    if math.isclose(high, 0.0, abs_tol=1e-12):
        fail(
            "wilson_interval(0, 10) returns (0, 0): that is the normal approximation, which "
            "claims certainty after 0 successes in 10. Use the Wilson formula given above."
        )
    expect(
        math.isclose(low, 0.0, abs_tol=1e-9) and math.isclose(high, 0.2775, abs_tol=5e-4),
        f"wilson_interval(0, 10) should be about (0.0, 0.2775); yours is ({low:.4g}, {high:.4g}).",
    )
    low, high = _interval(fn, 50, 100, "wilson_interval(50, 100)")
    expect(
        math.isclose(low + high, 1.0, abs_tol=1e-9),
        "For 50 successes in 100 the interval should be symmetric around 0.5.",
    )


def _wilson_passes(wilson_interval) -> bool:
    """True when the student's own Q1 function passes Q1's visible test."""
    try:
        q1.__wrapped__(wilson_interval)
    except Exception:
        return False
    return True


def _rates(frame: pd.DataFrame, name: str, wilson_interval) -> None:
    expect_no_missing(frame, RATE_COLUMNS, name)
    if (frame["rate"] > 1).any():
        fail(f"`{name}`: rates are shares between 0 and 1, not percentages.")
    # Follow-through: intervals from a Q1 function that fails Q1 cost only Q1's points.
    inside = (frame["ci_low"] <= frame["rate"] + 5e-4) & (frame["rate"] <= frame["ci_high"] + 5e-4)
    expect(
        inside.all() or not _wilson_passes(wilson_interval),
        f"`{name}`: every rate should lie inside its interval (ci_low <= rate <= ci_high).",
    )
    expect(
        (frame["successes"] <= frame["n"]).all(),
        f"`{name}`: successes cannot exceed n. Is n the group size (count of rows)?",
    )


@question(A, "q2", uses=("scope_rates", "wilson_interval"), summary="success by scope")
def q2(scope_rates, wilson_interval) -> None:
    frame = as_frame(scope_rates, "scope_rates", keys=["scope"])
    expect_columns(frame, ["scope", *RATE_COLUMNS], "scope_rates")
    expect_row_count(frame, 3, "scope_rates")
    total = as_number(pd.to_numeric(frame["n"]).sum(), "scope_rates['n'].sum()")
    expect(
        total == 2400, f"The three scopes should cover all 2,400 decisions; yours cover {total:g}."
    )
    _rates(frame, "scope_rates", wilson_interval)


@question(A, "q3", uses=("practice_rates", "wilson_interval"), summary="success by practice")
def q3(practice_rates, wilson_interval) -> None:
    frame = as_frame(practice_rates, "practice_rates", keys=["factor", "level"])
    expect_columns(frame, ["factor", "level", *RATE_COLUMNS], "practice_rates")
    factors = sorted(frame["factor"].astype(str).unique())
    expect(
        factors == ["bid_process", "contract_type", "decision_makers"],
        f"`practice_rates` should cover decision_makers, bid_process and contract_type; it has {factors}.",
    )
    expect_row_count(
        frame,
        10,
        "practice_rates",
        {
            11: "Insourcing decisions have no contract type: leave the missing contract_type out "
            "instead of making it a level."
        },
    )
    expect_unique(frame, ["factor", "level"], "practice_rates")
    _rates(frame, "practice_rates", wilson_interval)


@question(A, "q4", uses=("length_by_scope",), summary="contract length within scope")
def q4(length_by_scope) -> None:
    if not isinstance(length_by_scope, pd.DataFrame):
        fail(f"`length_by_scope` should be a wide DataFrame, not {type(length_by_scope).__name__}.")
    rows = sorted(map(str, length_by_scope.index))
    cols = sorted(map(str, length_by_scope.columns))
    if rows == ["long", "short"]:
        fail("Your rows are contract lengths and your columns scopes: transpose (.T).")
    expect(
        rows == ["selective", "total_outsourcing"],
        f"The rows should be the two outsourcing scopes, selective and total_outsourcing; yours are {rows}.",
    )
    expect(
        cols == ["long", "short"], f"The columns should be 'short' and 'long'; yours are {cols}."
    )
    values = length_by_scope.to_numpy(dtype=float)
    expect(((values >= 0) & (values <= 1)).all(), "Cells should be success rates between 0 and 1.")


@question(
    A,
    "q5",
    uses=("naive_gap", "gap_long", "scope_rates", "length_by_scope"),
    summary="the confounded gap",
)
def q5(naive_gap, gap_long, scope_rates, length_by_scope) -> None:
    naive = expect_in_range(
        naive_gap, -1, 1, "naive_gap", "Gaps are differences of shares, in percentage points / 100."
    )
    long = expect_in_range(
        gap_long, -1, 1, "gap_long", "Gaps are differences of shares, in percentage points / 100."
    )
    expect(
        naive > 0 and long > 0,
        "Subtract total outsourcing's rate from selective's: both gaps are positive.",
    )


@question(A, "q6", uses=("answer_q6",), summary="what synthetic data can show")
def q6(answer_q6) -> None:
    expect_choice(answer_q6, "ABCD", "answer_q6")
