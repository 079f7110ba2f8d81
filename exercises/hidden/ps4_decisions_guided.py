"""Hidden tests for ps4_decisions_guided: references from the coding variant's helpers."""

from __future__ import annotations

import numpy as np

from globalsourcing.checks import expect_number, fail, read_choice, reference

from . import ps4_decisions as coding

RATE = coding.RATE


@reference
def _cells(short_up_to: int):
    """Success rate and count per (scope, length) for a cut-off."""
    decisions = coding._decisions()
    deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])]
    length = np.where(deals["contract_years"] <= short_up_to, "short", "long")
    return deals.groupby(["scope", length])["savings_achieved"].agg(["mean", "size"])


def q1(low_95, low_99) -> None:
    expect_number(low_95, coding._wilson(21, 30)[0], "low_95", decimals=RATE)
    expect_number(
        low_99,
        coding._wilson(21, 30, z=2.576)[0],
        "low_99",
        decimals=RATE,
        hints=[(coding._wilson(21, 30)[0], "That is the 95% bound; change Z to 2.576.")],
    )


def q2(selective_rate, total_outsourcing_high) -> None:
    rates = coding._reference_rates("scope").set_index("scope")
    expect_number(selective_rate, rates.loc["selective", "rate"], "selective_rate", decimals=RATE)
    expect_number(
        total_outsourcing_high,
        rates.loc["total_outsourcing", "ci_high"],
        "total_outsourcing_high",
        decimals=RATE,
        hints=[
            (
                rates.loc["total_outsourcing", "ci_low"],
                "That is the lower bound; store the upper one (ci_high).",
            )
        ],
    )


def q3(best_decision_makers, bid_gap) -> None:
    makers = coding._reference_rates("decision_makers").set_index("decision_makers")["rate"]
    if read_choice(best_decision_makers, list(makers.index)) != makers.idxmax():
        fail("`best_decision_makers` is not the level of decision_makers with the highest rate.")
    bids = coding._reference_rates("bid_process").set_index("bid_process")["rate"]
    gap = bids["internal_and_external"] - bids["external_only"]
    expect_number(
        bid_gap,
        gap,
        "bid_gap",
        decimals=RATE,
        hints=[
            (-gap, "Subtract external_only's rate from internal_and_external's, not the reverse.")
        ],
    )


def q4(n_short_total, selective_long_rate_5) -> None:
    at_3, at_5 = _cells(3), _cells(5)
    expect_number(
        n_short_total,
        at_3.loc[("total_outsourcing", "short"), "size"],
        "n_short_total",
        rel=0,
        decimals=0,
    )
    expect_number(
        selective_long_rate_5,
        at_5.loc[("selective", "long"), "mean"],
        "selective_long_rate_5",
        decimals=RATE,
        hints=[
            (
                at_3.loc[("selective", "long"), "mean"],
                "That is the rate with the cut-off at 3 years; set SHORT_UP_TO to 5.",
            )
        ],
    )


def q5(gap_shrinks_by) -> None:
    scope = coding._reference_rates("scope").set_index("scope")["rate"]
    naive = scope["selective"] - scope["total_outsourcing"]
    cells = _cells(3)["mean"]
    long = cells["selective", "long"] - cells["total_outsourcing", "long"]
    expect_number(
        gap_shrinks_by,
        naive - long,
        "gap_shrinks_by",
        decimals=RATE,
        hints=[(long, "That is gap_long itself; store naive_gap - gap_long.")],
    )


def q6(answer_q6) -> None:
    coding.q6(answer_q6)
