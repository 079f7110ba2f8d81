"""Hidden tests for ps6_retention: reference runs of the knowledge model."""

from __future__ import annotations

import math

import pandas as pd

from globalsourcing.checks import as_frame, as_number, expect_frame_equal, fail

MONTHS = 36
SCENARIOS = pd.DataFrame(
    {
        "scenario": ["baseline", "documentation", "directory", "retention_bonus"],
        "annual_attrition": [0.25, 0.25, 0.25, 0.15],
        "codified": [0.2, 0.5, 0.2, 0.2],
        "relearn": [0.05, 0.05, 0.10, 0.05],
        "effort": [0.0, 0.08, 0.03, 0.0],
    }
)


def _monthly(annual: float) -> float:
    return 1 - (1 - annual) ** (1 / 12)


def _simulate(months, annual, codified, relearn, relearn_first=False) -> pd.DataFrame:
    level, stock, leave = 1.0, [], _monthly(annual)
    for _ in range(months):
        if relearn_first:
            level += relearn * (1 - level)
            level -= leave * level * (1 - codified)
        else:
            level -= leave * level * (1 - codified)
            level += relearn * (1 - level)
        stock.append(level)
    return pd.DataFrame({"month": range(1, months + 1), "knowledge": stock})


def _runs() -> pd.DataFrame:
    parts = []
    for row in SCENARIOS.itertuples():
        run = _simulate(MONTHS, row.annual_attrition, row.codified, row.relearn)
        parts.append(run.assign(scenario=row.scenario, output=run["knowledge"] * (1 - row.effort)))
    return pd.concat(parts, ignore_index=True)


def _summary() -> pd.DataFrame:
    runs = _runs()
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


def q2(simulate_knowledge) -> None:
    for args in [(24, 0.3, 0.4, 0.08), (6, 0.5, 0.1, 0.2)]:
        got = as_frame(simulate_knowledge(*args), "simulate_knowledge(...)", keys=["month"])
        reverse = _simulate(*args, relearn_first=True)
        try:
            expect_frame_equal(got, reverse, "simulate_knowledge(...)", keys=["month"], rel=1e-6)
        except AssertionError:
            pass
        else:
            fail(
                "simulate_knowledge relearns before the month's leavers go. The question "
                "takes the loss first, then the relearning of the gap."
            )
        expect_frame_equal(
            got, _simulate(*args), "simulate_knowledge(...)", keys=["month"], rel=1e-6
        )


def q3(runs) -> None:
    reference = _runs()
    frame = as_frame(runs, "runs", keys=["scenario", "month"])
    knowledge_ok = True
    try:
        expect_frame_equal(
            frame, reference, "runs", keys=["scenario", "month"], values=["knowledge"]
        )
    except AssertionError:
        knowledge_ok = False
    if knowledge_ok and not frame["output"].round(9).equals(frame["knowledge"].round(9)):
        expect_frame_equal(frame, reference, "runs", keys=["scenario", "month"], values=["output"])
    elif knowledge_ok:
        fail("In `runs`, output equals knowledge everywhere: subtract each lever's time effort.")
    else:
        expect_frame_equal(
            frame, reference, "runs", keys=["scenario", "month"], values=["knowledge"]
        )


def q4(summary) -> None:
    expect_frame_equal(summary, _summary(), "summary", keys=["scenario"], rel=1e-6)


def q5(best_for_output) -> None:
    best = _summary().sort_values("mean_output").iloc[-1]["scenario"]
    if str(best_for_output).strip().lower() != best:
        fail("`best_for_output` is not the scenario with the highest mean output.")
