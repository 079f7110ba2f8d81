"""Visible tests for ps7_case: Sainsbury's and Accenture, figures from the cases table."""

from __future__ import annotations

import math

from ._compare import (
    as_frame,
    as_number,
    expect,
    expect_answered,
    expect_columns,
    expect_in_range,
    expect_no_missing,
    expect_row_count,
    fail,
    precision_tolerance,
    rounded_places,
    rounding_advice,
)
from ._registry import question

A = "ps7_case"


@question(A, "q1", uses=("ended_deals",), summary="deals that ended")
def q1(ended_deals) -> None:
    frame = as_frame(ended_deals, "ended_deals", keys=["case_id"])
    expect_columns(frame, ["case_id", "years_served", "share_served"], "ended_deals")
    expect_row_count(
        frame,
        2,
        "ended_deals",
        more="Keep only cases with both an end year and a contract length (duration_years).",
    )
    expect_no_missing(frame, ["years_served", "share_served"], "ended_deals")
    expect(
        frame["share_served"].between(0, 1).all(),
        "`share_served` is years served divided by the contract length: a share between 0 and 1.",
    )


@question(A, "q2", uses=("writeoffs_gbp_m",), summary="the 2004 write-offs")
def q2(writeoffs_gbp_m) -> None:
    value = as_number(writeoffs_gbp_m, "writeoffs_gbp_m")
    if math.isclose(value, 350, rel_tol=1e-9):
        fail(
            "`writeoffs_gbp_m` adds every £ figure in the text, including the cost of bringing "
            "staff back in 2005, which was not a write-off."
        )
    if value > 1000:
        fail("`writeoffs_gbp_m` should be in millions of pounds (140, not 140_000_000).")
    expect_in_range(
        value, 100, 1000, "writeoffs_gbp_m", "Add up the write-offs in the outcome text."
    )


@question(
    A,
    "q3",
    uses=("annual_contract_value_gbp_m", "contract_to_spend"),
    summary="the contract against the IT budget",
)
def q3(annual_contract_value_gbp_m, contract_to_spend) -> None:
    annual = as_number(annual_contract_value_gbp_m, "annual_contract_value_gbp_m")
    if annual > 10_000:
        fail("`annual_contract_value_gbp_m` should be in millions of pounds per year.")
    if math.isclose(annual, 1700, rel_tol=1e-3):
        fail("£1,700m is the value of the whole contract; divide by its length in years.")
    ratio = as_number(contract_to_spend, "contract_to_spend")
    # Stated precision: ratios to 3 decimals, so a ratio rounded coarser is told so.
    places = rounded_places(ratio, annual / 200, 3)
    if places is not None and not math.isclose(ratio, annual / 200, abs_tol=5e-4):
        fail(f"`contract_to_spend` is {ratio:g}, which looks {rounding_advice(places, 3)}")
    expect(
        math.isclose(ratio, annual / 200, rel_tol=1e-4, abs_tol=precision_tolerance(3)),
        "`contract_to_spend` should be the annual contract value divided by the annual IT spend "
        "given in the case's notes (about £200m a year).",
    )


@question(A, "q4", uses=("backsourcing_per_person_gbp_k",), summary="the cost of coming home")
def q4(backsourcing_per_person_gbp_k) -> None:
    expect_in_range(
        backsourcing_per_person_gbp_k,
        10,
        1000,
        "backsourcing_per_person_gbp_k",
        "Divide the cost of bringing staff back (in £ thousands) by the number who came back.",
    )


@question(A, "q5", uses=("same_outcome",), summary="cases with the same outcome")
def q5(same_outcome) -> None:
    expect_answered(same_outcome, "same_outcome")
    if isinstance(same_outcome, str):
        fail("`same_outcome` should be a list of case ids, even if it holds one.")
    ids = [str(case) for case in same_outcome]
    if "sainsbury_accenture_2000" in ids:
        fail("Leave Sainsbury's own case out of `same_outcome`.")
    expect(len(ids) >= 1, "At least one other case shares Sainsbury's outcome category.")
