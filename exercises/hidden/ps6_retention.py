"""Hidden tests for ps6_retention: reference runs of the knowledge model."""

from __future__ import annotations

import contextlib
import math

import pandas as pd

from globalsourcing.checks import (
    as_frame,
    as_number,
    expect_frame_equal,
    expect_one_of,
    fail,
    read_choice,
    reference,
)
from globalsourcing.checks.ps6_retention import MONTHS, SCENARIO_INPUTS

SCENARIOS = pd.DataFrame(SCENARIO_INPUTS)


def _monthly(annual: float) -> float:
    return 1 - (1 - annual) ** (1 / 12)


# The precision the header states: knowledge and output to 3 decimals, months exactly.
SHARE = 3
SUMMARY_DECIMALS = {"final_knowledge": SHARE, "mean_output": SHARE, "months_below_90": 0}
RUNS_ADVICE = (
    "knowledge comes from simulate_knowledge(MONTHS, ...) with each scenario's own inputs; "
    "output is knowledge * (1 - effort) of that scenario."
)
SUMMARY_ADVICE = (
    "final_knowledge is the knowledge in month 36, mean_output the mean output over the 36 "
    "months and months_below_90 the number of months with knowledge below 0.9."
)


@reference
def _simulate(
    months, annual, codified, relearn, relearn_first=False, monthly=_monthly
) -> pd.DataFrame:
    """The reference run; ``monthly`` may be the student's own Q1 function."""
    level, stock, leave = 1.0, [], float(monthly(annual))
    for _ in range(months):
        if relearn_first:
            level += relearn * (1 - level)
            level -= leave * level * (1 - codified)
        else:
            level -= leave * level * (1 - codified)
            level += relearn * (1 - level)
        stock.append(level)
    return pd.DataFrame({"month": range(1, months + 1), "knowledge": stock})


@reference
def _runs(simulate=None) -> pd.DataFrame:
    """The four scenario runs, from the reference model or the student's own function."""
    parts = []
    for row in SCENARIOS.itertuples():
        if simulate is None:
            run = _simulate(MONTHS, row.annual_attrition, row.codified, row.relearn)
        else:
            run = as_frame(
                simulate(MONTHS, row.annual_attrition, row.codified, row.relearn),
                "simulate_knowledge(...)",
                keys=["month"],
            )[["month", "knowledge"]]
        parts.append(run.assign(scenario=row.scenario, output=run["knowledge"] * (1 - row.effort)))
    return pd.concat(parts, ignore_index=True)


@reference
def _summary(runs: pd.DataFrame | None = None) -> pd.DataFrame:
    runs = _runs() if runs is None else runs
    runs = runs.assign(month=pd.to_numeric(runs["month"])).sort_values("month")
    return runs.groupby("scenario", as_index=False).agg(
        final_knowledge=("knowledge", "last"),
        mean_output=("output", "mean"),
        months_below_90=("knowledge", lambda k: int((k < 0.9).sum())),
    )


def q1(monthly_attrition) -> None:
    for annual in [0.1, 0.33, 0.6]:
        got = as_number(monthly_attrition(annual), "monthly_attrition(...)")
        if not math.isclose(got, _monthly(annual), rel_tol=1e-6):
            fail("monthly_attrition is wrong for other annual rates; check the compounding.")


def q2(simulate_knowledge, monthly_attrition) -> None:
    """Right with the reference attrition, or with the student's own `monthly_attrition`."""
    for args in [(24, 0.3, 0.4, 0.08), (6, 0.5, 0.1, 0.2)]:
        got = as_frame(simulate_knowledge(*args), "simulate_knowledge(...)", keys=["month"])
        for monthly in (_monthly, monthly_attrition):
            try:
                reverse = _simulate(*args, relearn_first=True, monthly=monthly)
                expect_frame_equal(
                    got, reverse, "simulate_knowledge(...)", keys=["month"], rel=1e-6
                )
            except Exception:
                continue
            fail(
                "simulate_knowledge relearns before the month's leavers go. The question "
                "takes the loss first, then the relearning of the gap."
            )
        expect_one_of(
            lambda got=got, args=args: expect_frame_equal(
                got, _simulate(*args), "simulate_knowledge(...)", keys=["month"], rel=1e-6
            ),
            lambda got=got, args=args: expect_frame_equal(
                got,
                _simulate(*args, monthly=monthly_attrition),
                "simulate_knowledge(...)",
                keys=["month"],
                rel=1e-6,
            ),
        )


def _check_runs(frame: pd.DataFrame, reference: pd.DataFrame) -> None:
    keys = ["scenario", "month"]
    expect_frame_equal(
        frame,
        reference,
        "runs",
        keys=keys,
        values=["knowledge"],
        decimals=SHARE,
        advice=RUNS_ADVICE,
    )
    if frame["output"].round(9).equals(frame["knowledge"].round(9)):
        fail("In `runs`, output equals knowledge everywhere: subtract each lever's time effort.")
    expect_frame_equal(
        frame, reference, "runs", keys=keys, values=["output"], decimals=SHARE, advice=RUNS_ADVICE
    )


def q3(runs, simulate_knowledge) -> None:
    """Right for the reference model, or for the student's own `simulate_knowledge`."""
    frame = as_frame(runs, "runs", keys=["scenario", "month"])
    expect_one_of(
        lambda: _check_runs(frame, _runs()),
        lambda: _check_runs(frame, _runs(simulate_knowledge)),
    )


def q4(summary, runs) -> None:
    """Right for the reference runs, or for the student's own `runs`."""
    expect_one_of(
        lambda: expect_frame_equal(
            summary,
            _summary(),
            "summary",
            keys=["scenario"],
            decimals=SUMMARY_DECIMALS,
            advice=SUMMARY_ADVICE,
        ),
        lambda: expect_frame_equal(
            summary,
            _summary(as_frame(runs, "runs", keys=["scenario", "month"])),
            "summary",
            keys=["scenario"],
            decimals=SUMMARY_DECIMALS,
            advice=SUMMARY_ADVICE,
        ),
    )


def _best(summary: pd.DataFrame) -> str:
    return str(summary.sort_values("mean_output").iloc[-1]["scenario"])


def q5(best_for_output, summary) -> None:
    """The best scenario in the reference summary, or in the student's own `summary`."""
    chosen = read_choice(best_for_output, list(SCENARIOS["scenario"]))
    candidates = {_best(_summary())}
    with contextlib.suppress(Exception):  # no usable summary: only the reference counts
        candidates.add(_best(as_frame(summary, "summary", keys=["scenario"])))
    if chosen not in candidates:
        fail("`best_for_output` is not the scenario with the highest mean output.")
