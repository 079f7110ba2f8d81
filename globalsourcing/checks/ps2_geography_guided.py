"""Visible tests for ps2_geography_guided: supplier geography with the code given."""

from __future__ import annotations

from globalsourcing.country_groups import CEE

from . import _guided as g
from ._registry import question

A = "ps2_geography_guided"
GROUPS = ["India", "Philippines", "CEE"]


@question(A, "q1", uses=("n_reporting_2024", "n_reporting_2005"), summary="economies reporting")
def q1(n_reporting_2024, n_reporting_2005) -> None:
    for value, name in [
        (n_reporting_2024, "n_reporting_2024"),
        (n_reporting_2005, "n_reporting_2005"),
    ]:
        g.whole(value, name, 1, 217, "a count of economies (aggregates left out)")


@question(A, "q2", uses=("india_share_2024", "india_share_2010"), summary="India's world share")
def q2(india_share_2024, india_share_2010) -> None:
    g.rate(india_share_2024, "india_share_2024", 0, 1, "a share of the world total, as a fraction")
    g.rate(india_share_2010, "india_share_2010", 0, 1, "a share of the world total, as a fraction")


@question(A, "q3", uses=("cee_2024_bn", "philippines_2024_bn"), summary="three supplier groups")
def q3(cee_2024_bn, philippines_2024_bn) -> None:
    g.number(cee_2024_bn, "cee_2024_bn", 0.1, 2000, "exports in US$ billions (not dollars)")
    g.number(
        philippines_2024_bn,
        "philippines_2024_bn",
        0.1,
        2000,
        "exports in US$ billions (not dollars)",
    )


@question(A, "q4", uses=("fastest_group", "india_growth_2015"), summary="growth by group")
def q4(fastest_group, india_growth_2015) -> None:
    g.choice(fastest_group, GROUPS, "fastest_group")
    g.rate(india_growth_2015, "india_growth_2015", -1, 1, "a growth rate per year, as a fraction")


@question(A, "q5", uses=("top_per_worker", "india_per_worker_usd"), summary="exports per worker")
def q5(top_per_worker, india_per_worker_usd) -> None:
    g.choice(
        top_per_worker,
        ["IND", "PHL", *CEE],
        "top_per_worker",
    )
    g.number(india_per_worker_usd, "india_per_worker_usd", 1, 1_000_000, "US dollars per worker")


@question(A, "q6", uses=("answer_q6",), summary="the Philippine gap")
def q6(answer_q6) -> None:
    g.choice(answer_q6, "ABCD", "answer_q6")
