"""Visible tests for ps3_location_index_guided: the location index with the code given."""

from __future__ import annotations

from . import _guided as g
from ._registry import question

A = "ps3_location_index_guided"
CANDIDATES = ["BRA", "CHL", "CHN", "EGY", "GBR", "IDN", "IND", "MAR", "MEX", "MYS"]
CANDIDATES += ["PHL", "POL", "THA", "USA", "VNM"]


@question(A, "q1", uses=("ind_internet_pct", "vnm_broadband"), summary="the latest values")
def q1(ind_internet_pct, vnm_broadband) -> None:
    g.number(ind_internet_pct, "ind_internet_pct", 0, 100, "a percentage of the population")
    g.number(vnm_broadband, "vnm_broadband", 0, 100, "subscriptions per 100 people")


@question(A, "q2", uses=("scaled_five",), summary="min-max scaling")
def q2(scaled_five) -> None:
    g.number(scaled_five, "scaled_five", 0, 1, "a scaled value between 0 and 1")


@question(A, "q3", uses=("top_country", "india_rank"), summary="pillars, index and rank")
def q3(top_country, india_rank) -> None:
    g.choice(top_country, CANDIDATES, "top_country")
    g.whole(india_rank, "india_rank", 1, 15, "a rank among the 15 countries")


@question(A, "q4", uses=("n_ranked_2021", "spearman_read"), summary="agreement with GSLI")
def q4(n_ranked_2021, spearman_read) -> None:
    g.whole(n_ranked_2021, "n_ranked_2021", 2, 15, "a count of countries")
    g.number(spearman_read, "spearman_read", -1, 1, "a correlation between -1 and 1")


@question(A, "q5", uses=("new_in_top3",), summary="equal weights")
def q5(new_in_top3) -> None:
    g.choice(new_in_top3, CANDIDATES, "new_in_top3")
