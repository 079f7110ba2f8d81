"""Visible tests for ps7_case_guided: the Sainsbury's case figures with the code given."""

from __future__ import annotations

from . import _guided as g
from ._registry import question

A = "ps7_case_guided"


@question(
    A,
    "q1",
    uses=("sainsbury_share_served", "jpmorgan_years_served"),
    summary="deals that ended",
)
def q1(sainsbury_share_served, jpmorgan_years_served) -> None:
    g.number(
        sainsbury_share_served,
        "sainsbury_share_served",
        0,
        1.5,
        "a share of the contract length, years served / duration_years (not years)",
    )
    g.whole(jpmorgan_years_served, "jpmorgan_years_served", 0, 20, "a number of years")


@question(A, "q2", uses=("writeoffs_total", "n_amounts_all"), summary="the 2004 write-offs")
def q2(writeoffs_total, n_amounts_all) -> None:
    g.number(writeoffs_total, "writeoffs_total", 1, 5000, "£ millions (not £ or £ billions)")
    g.whole(n_amounts_all, "n_amounts_all", 0, 50, "a count of amounts found in the text")


@question(
    A,
    "q3",
    uses=("contract_to_spend_ratio", "ratio_if_ten_years"),
    summary="the contract against the IT budget",
)
def q3(contract_to_spend_ratio, ratio_if_ten_years) -> None:
    g.number(contract_to_spend_ratio, "contract_to_spend_ratio", 0.01, 20, "a ratio, not a %")
    g.number(ratio_if_ten_years, "ratio_if_ten_years", 0.01, 20, "a ratio, not a %")


@question(
    A,
    "q4",
    uses=("cost_per_person_gbp_k", "cost_per_person_if_800"),
    summary="the cost of coming home",
)
def q4(cost_per_person_gbp_k, cost_per_person_if_800) -> None:
    for value, name in [
        (cost_per_person_gbp_k, "cost_per_person_gbp_k"),
        (cost_per_person_if_800, "cost_per_person_if_800"),
    ]:
        g.number(value, name, 1, 10_000, "£ thousands per person")


@question(A, "q5", uses=("answer_q5",), summary="who else ended this way")
def q5(answer_q5) -> None:
    g.choice(answer_q5, "ABCD", "answer_q5")
