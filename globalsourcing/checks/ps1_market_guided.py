"""Visible tests for ps1_market_guided: the market-size questions with the code given."""

from __future__ import annotations

from . import _guided as g
from ._registry import question

A = "ps1_market_guided"


@question(A, "q1", uses=("n_ito_estimates", "ito_2008_bn"), summary="the world ITO estimates")
def q1(n_ito_estimates, ito_2008_bn) -> None:
    g.whole(n_ito_estimates, "n_ito_estimates", 1, 66, "a count of rows of the ITO table")
    g.number(ito_2008_bn, "ito_2008_bn", 1, 2000, "a market size in US$ billions")


@question(A, "q2", uses=("example_cagr",), summary="the CAGR function")
def q2(example_cagr) -> None:
    g.rate(example_cagr, "example_cagr", 0, 1, "a growth rate per year, as a fraction")


@question(
    A, "q3", uses=("fastest_to_year", "latest_cagr"), summary="growth between the ITO estimates"
)
def q3(fastest_to_year, latest_cagr) -> None:
    g.whole(fastest_to_year, "fastest_to_year", 1989, 2008, "a year from the to_year column")
    g.rate(latest_cagr, "latest_cagr", -1, 1, "a growth rate per year, as a fraction")


@question(A, "q4", uses=("idc_implied_cagr",), summary="IDC's implied growth rate")
def q4(idc_implied_cagr) -> None:
    g.rate(idc_implied_cagr, "idc_implied_cagr", 0, 0.5, "a growth rate per year, as a fraction")


@question(A, "q5", uses=("max_claims_ratio", "n_academic"), summary="the spread of BPO claims")
def q5(max_claims_ratio, n_academic) -> None:
    g.number(max_claims_ratio, "max_claims_ratio", 1, 100, "high / low, so at least 1")
    g.whole(n_academic, "n_academic", 0, 66, "a count of academic BPO estimates")


@question(A, "q6", uses=("answer_q6",), summary="why the BPO estimates differ")
def q6(answer_q6) -> None:
    g.choice(answer_q6, "ABCD", "answer_q6")
