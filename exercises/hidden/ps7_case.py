"""Hidden tests for ps7_case: reference figures from the cases table."""

from __future__ import annotations

from globalsourcing.checks import (
    expect_frame_equal,
    expect_number,
    expect_one_of,
    fail,
    reference,
)
from globalsourcing.data import load

# The precision the header states: £ millions and £ thousands to 1 decimal, shares and
# ratios to 3 decimals, years exactly.
MONEY, SHARE = 1, 3


ENDED_ADVICE = "years_served is end_year - start_year; share_served divides it by duration_years."


@reference
def _ended():
    """Q1's reference: the years served and the share of the term of every ended deal."""
    cases = load("cases")
    ended = cases.dropna(subset=["end_year", "duration_years"]).copy()
    ended["years_served"] = (ended["end_year"] - ended["start_year"]).astype(float)
    ended["share_served"] = ended["years_served"] / ended["duration_years"]
    return ended[["case_id", "years_served", "share_served"]]


def q1(ended_deals) -> None:
    expect_frame_equal(
        ended_deals,
        _ended(),
        "ended_deals",
        keys=["case_id"],
        advice=ENDED_ADVICE,
        decimals={"years_served": 0, "share_served": SHARE},
    )


def q2(writeoffs_gbp_m) -> None:
    expect_number(writeoffs_gbp_m, 140 + 120 + 30, "writeoffs_gbp_m", rel=1e-9, decimals=MONEY)


def q3(annual_contract_value_gbp_m, contract_to_spend) -> None:
    expect_number(
        annual_contract_value_gbp_m,
        1700 / 7,
        "annual_contract_value_gbp_m",
        decimals=MONEY,
        hints=[
            (
                1700 / 10,
                "The original contract ran for seven years; the extension to 2010 came later.",
            )
        ],
    )
    # Follow-through: the ratio is also right for the student's own annual value.
    expect_one_of(
        lambda: expect_number(
            contract_to_spend, 1700 / 7 / 200, "contract_to_spend", decimals=SHARE
        ),
        lambda: expect_number(
            contract_to_spend,
            float(annual_contract_value_gbp_m) / 200,
            "contract_to_spend",
            decimals=SHARE,
        ),
    )


def q4(backsourcing_per_person_gbp_k) -> None:
    expect_number(
        backsourcing_per_person_gbp_k,
        60_000 / 470,
        "backsourcing_per_person_gbp_k",
        decimals=MONEY,
        hints=[
            (60_000 / 700, "About 470 staff came back; 700-800 is how many transferred in 2000."),
            (60_000 / 800, "About 470 staff came back; 700-800 is how many transferred in 2000."),
        ],
    )


@reference
def _same_outcome() -> list[str]:
    """The other cases with Sainsbury's outcome category, sorted."""
    cases = load("cases")
    category = cases.set_index("case_id").loc["sainsbury_accenture_2000", "outcome_category"]
    want = sorted(cases.loc[cases["outcome_category"] == category, "case_id"])
    want.remove("sainsbury_accenture_2000")
    return want


def q5(same_outcome) -> None:
    if sorted(map(str, same_outcome)) != _same_outcome():
        fail(
            "`same_outcome` does not list exactly the other cases with Sainsbury's outcome category."
        )
