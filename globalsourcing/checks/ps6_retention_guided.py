"""Visible tests for ps6_retention_guided: the retention model with the code given."""

from __future__ import annotations

from . import _guided as g
from ._compare import expect
from ._registry import question

A = "ps6_retention_guided"
LEVEL = "a knowledge level between 0 and 1"


@question(A, "q1", uses=("monthly_25", "monthly_15"), summary="monthly attrition")
def q1(monthly_25, monthly_15) -> None:
    high = g.rate(monthly_25, "monthly_25", 0, 0.25, "a monthly rate, as a fraction")
    low = g.rate(monthly_15, "monthly_15", 0, 0.15, "a monthly rate, as a fraction")
    expect(
        low < high, "Less attrition a year means a lower monthly rate: `monthly_15` < `monthly_25`."
    )


@question(A, "q2", uses=("final_baseline", "final_codified_80"), summary="the simulation")
def q2(final_baseline, final_codified_80) -> None:
    g.rate(final_baseline, "final_baseline", 0, 1, LEVEL)
    g.rate(final_codified_80, "final_codified_80", 0, 1, LEVEL)


@question(
    A,
    "q3",
    uses=("knowledge_12_documentation", "output_12_documentation"),
    summary="four scenarios",
)
def q3(knowledge_12_documentation, output_12_documentation) -> None:
    g.rate(knowledge_12_documentation, "knowledge_12_documentation", 0, 1, LEVEL)
    g.rate(output_12_documentation, "output_12_documentation", 0, 1, "an output level, 0 to 1")


@question(
    A,
    "q4",
    uses=("months_below_90_baseline", "mean_output_documentation"),
    summary="the scenarios compared",
)
def q4(months_below_90_baseline, mean_output_documentation) -> None:
    g.whole(months_below_90_baseline, "months_below_90_baseline", 0, 36, "a number of months")
    g.rate(mean_output_documentation, "mean_output_documentation", 0, 1, "an output level")


@question(A, "q5", uses=("best_without_pay",), summary="the best lever")
def q5(best_without_pay) -> None:
    g.choice(
        best_without_pay,
        ["baseline", "documentation", "directory", "retention_bonus"],
        "best_without_pay",
    )
