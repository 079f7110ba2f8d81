"""Visible tests for ps4_decisions_guided: success rates and intervals with the code given."""

from __future__ import annotations

from . import _guided as g
from ._compare import expect
from ._registry import question

A = "ps4_decisions_guided"


@question(A, "q1", uses=("low_95", "low_99"), summary="an interval for a success rate")
def q1(low_95, low_99) -> None:
    low = g.rate(low_95, "low_95", 0, 1, "a lower bound, as a fraction")
    wider = g.rate(low_99, "low_99", 0, 1, "a lower bound, as a fraction")
    expect(
        wider <= low,
        "A 99% interval is wider than a 95% one, so `low_99` should not be above `low_95`.",
    )


@question(A, "q2", uses=("selective_rate", "total_outsourcing_high"), summary="success by scope")
def q2(selective_rate, total_outsourcing_high) -> None:
    g.rate(selective_rate, "selective_rate", 0, 1, "a success rate, as a fraction")
    g.rate(total_outsourcing_high, "total_outsourcing_high", 0, 1, "an upper bound, as a fraction")


@question(A, "q3", uses=("best_decision_makers", "bid_gap"), summary="success by practice")
def q3(best_decision_makers, bid_gap) -> None:
    g.choice(best_decision_makers, ["business_only", "it_only", "joint"], "best_decision_makers")
    g.rate(bid_gap, "bid_gap", -1, 1, "a difference of two rates, as a fraction")


@question(
    A,
    "q4",
    uses=("n_short_total", "selective_long_rate_5"),
    summary="contract length within scope",
)
def q4(n_short_total, selective_long_rate_5) -> None:
    g.whole(n_short_total, "n_short_total", 0, 2400, "a count of decisions")
    g.rate(selective_long_rate_5, "selective_long_rate_5", 0, 1, "a success rate, as a fraction")


@question(A, "q5", uses=("gap_shrinks_by",), summary="the confounded gap")
def q5(gap_shrinks_by) -> None:
    g.rate(gap_shrinks_by, "gap_shrinks_by", -1, 1, "a difference of two gaps, as a fraction")


@question(A, "q6", uses=("answer_q6",), summary="what synthetic data can show")
def q6(answer_q6) -> None:
    g.choice(answer_q6, "ABCD", "answer_q6")
