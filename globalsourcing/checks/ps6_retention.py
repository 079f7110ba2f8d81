"""Visible tests for ps6_retention: knowledge retention at a supplier under attrition.

They check the properties the question text states (compounding, the shape of a run,
the edge cases where nothing is lost or nothing is relearned) and leave the reference
values to the hidden tests.
"""

from __future__ import annotations

import math

import pandas as pd

from ._compare import (
    as_frame,
    as_number,
    expect,
    expect_callable,
    expect_choice,
    expect_columns,
    expect_no_missing,
    expect_row_count,
    expect_unique,
    fail,
)
from ._registry import question

A = "ps6_retention"
# The assignment's inputs (illustrative assumptions), written once: the notebook's setup
# cell defines MONTHS and SCENARIOS from these at build time, and the hidden tests run
# their reference model on them.
MONTHS = 36
SCENARIO_INPUTS = {
    "scenario": ["baseline", "documentation", "directory", "retention_bonus"],
    "annual_attrition": [0.25, 0.25, 0.25, 0.15],
    "codified": [0.2, 0.5, 0.2, 0.2],
    "relearn": [0.05, 0.05, 0.10, 0.05],
    "effort": [0.0, 0.08, 0.03, 0.0],
}
SCENARIOS = SCENARIO_INPUTS["scenario"]


@question(A, "q1", uses=("monthly_attrition",), summary="annual to monthly attrition")
def q1(monthly_attrition) -> None:
    fn = expect_callable(monthly_attrition, "monthly_attrition")
    none = as_number(fn(0.0), "monthly_attrition(0.0)")
    expect(
        math.isclose(none, 0, abs_tol=1e-12), "With no annual attrition nobody leaves in a month."
    )
    monthly = as_number(fn(0.25), "monthly_attrition(0.25)")
    if math.isclose(monthly, 0.25 / 12, rel_tol=1e-6):
        fail(
            "monthly_attrition(0.25) is 0.25 / 12. Dividing by 12 ignores that each month's "
            "leavers come from a smaller group: solve (1 - m) ** 12 = 1 - annual for m."
        )
    expect(
        math.isclose((1 - monthly) ** 12, 0.75, rel_tol=1e-6),
        f"monthly_attrition(0.25) is {monthly:.6g}, but then (1 - m) ** 12 is "
        f"{(1 - monthly) ** 12:.6g}, not 0.75: a person should stay all year with probability 0.75.",
    )


def _run(fn, *args) -> pd.DataFrame:
    frame = as_frame(fn(*args), "simulate_knowledge(...)", keys=["month"])
    expect_columns(frame, ["month", "knowledge"], "simulate_knowledge(...)")
    return frame.sort_values("month")


@question(
    A,
    "q2",
    uses=("simulate_knowledge", "monthly_attrition"),
    summary="the knowledge simulation",
)
def q2(simulate_knowledge, monthly_attrition) -> None:
    fn = expect_callable(simulate_knowledge, "simulate_knowledge")
    run = _run(fn, 12, 0.25, 0.2, 0.05)
    expect_row_count(
        run, 12, "simulate_knowledge(12, ...)", {13: "Months run from 1 to 12; drop month 0."}
    )
    months = pd.to_numeric(run["month"]).tolist()
    expect(months == list(range(1, 13)), f"The months should be 1 to 12; yours are {months}.")
    kept = _run(fn, 12, 0.25, 1.0, 0.05)["knowledge"]
    expect(
        all(math.isclose(k, 1.0, rel_tol=1e-9) for k in kept),
        "When all knowledge is codified (codified = 1), leavers take nothing away, so knowledge "
        "should stay at 1.0 in every month.",
    )
    never = _run(fn, 12, 0.25, 0.0, 0.0)["knowledge"].tolist()
    # Follow-through: a year at the student's own monthly rate (Q1 has its own points).
    try:
        stays = (1 - float(monthly_attrition(0.25))) ** 12
    except Exception:
        stays = 0.75
    expect(
        math.isclose(never[-1], 0.75, rel_tol=1e-6) or math.isclose(never[-1], stays, rel_tol=1e-6),
        "With nothing codified and no relearning, a year of 25% attrition should leave "
        f"0.75 of the knowledge after month 12; yours leaves {never[-1]:.6g}. Each month the "
        "team loses the monthly attrition share of its current knowledge.",
    )


@question(A, "q3", uses=("runs", "simulate_knowledge"), summary="the four scenario runs")
def q3(runs, simulate_knowledge) -> None:
    frame = as_frame(runs, "runs", keys=["scenario", "month"])
    expect_columns(frame, ["scenario", "month", "knowledge", "output"], "runs")
    found = sorted(frame["scenario"].unique())
    expect(
        found == sorted(SCENARIOS), f"`runs` should hold the scenarios {SCENARIOS}; it has {found}."
    )
    n = len(SCENARIOS)
    expect_row_count(
        frame,
        n * MONTHS,
        "runs",
        {n * (MONTHS + 1): f"Each scenario has months 1 to {MONTHS}; drop month 0."},
    )
    expect_unique(frame, ["scenario", "month"], "runs")
    expect_no_missing(frame, ["knowledge", "output"], "runs", "Did a merge fail to match?")
    expect(
        (frame["output"] <= frame["knowledge"] + 1e-12).all(),
        "Output is knowledge times the share of time not spent on the lever, so it can never "
        "exceed knowledge.",
    )


@question(A, "q4", uses=("summary", "runs"), summary="the scenario summary")
def q4(summary, runs) -> None:
    frame = as_frame(summary, "summary", keys=["scenario"])
    expect_columns(
        frame, ["scenario", "final_knowledge", "mean_output", "months_below_90"], "summary"
    )
    expect_row_count(frame, len(SCENARIOS), "summary")
    below = pd.to_numeric(frame["months_below_90"])
    if ((below > 0) & (below < 1)).any():
        fail("`months_below_90` should count months (a whole number), not give a share of them.")
    expect(
        ((below % 1) == 0).all() and below.between(0, MONTHS).all(),
        f"`months_below_90` should be a whole number of months between 0 and {MONTHS}.",
    )


@question(A, "q5", uses=("best_for_output", "summary"), summary="the best scenario for output")
def q5(best_for_output, summary) -> None:
    expect_choice(best_for_output, SCENARIOS, "best_for_output")
