"""Hidden tests for ps3_location_index_guided: references from the coding variant's helpers."""

from __future__ import annotations

from globalsourcing.checks import expect_number, fail, read_choice
from globalsourcing.data import load

from . import ps3_location_index as coding

SCORE = coding.SCORE


def q1(ind_internet_pct, vnm_broadband) -> None:
    latest = coding._latest()
    expect_number(
        ind_internet_pct,
        float(latest.loc["IND", "internet_users_pct"]),
        "ind_internet_pct",
        decimals=1,
    )
    expect_number(
        vnm_broadband,
        float(latest.loc["VNM", "fixed_broadband_per_100"]),
        "vnm_broadband",
        decimals=1,
    )


def q2(scaled_five) -> None:
    expect_number(
        scaled_five,
        (5 - 2) / (11 - 2),
        "scaled_five",
        decimals=SCORE,
        hints=[(0.5, "That is the value for [2, 5, 8]; change the last number to 11.")],
    )


def q3(top_country, india_rank) -> None:
    scores = coding._scores()
    codes = [str(c) for c in scores.index]
    if read_choice(top_country, codes) != str(scores["index"].idxmax()):
        fail("`top_country` is not the country ranked first with the GSLI weights.")
    expect_number(india_rank, float(scores.loc["IND", "rank"]), "india_rank", rel=0, decimals=0)


def q4(n_ranked_2021, spearman_read) -> None:
    ranks = load("gsli_ranks")
    expect_number(
        n_ranked_2021, int((ranks["edition"] == 2021).sum()), "n_ranked_2021", rel=0, decimals=0
    )
    expect_number(
        spearman_read,
        coding._reference_spearman(),
        "spearman_read",
        decimals=SCORE,
        hints=[
            (
                coding._reference_spearman((1 / 3, 1 / 3, 1 / 3)),
                "That is the correlation with equal weights; set WEIGHTS back to 0.4, 0.3, 0.3.",
            )
        ],
    )


def q5(new_in_top3) -> None:
    scores = coding._scores()
    gsli = {str(c) for c in scores["index"].nlargest(3).index}
    equal = {str(c) for c in coding._top3(scores)}  # _top3 weights the pillars equally
    chosen = read_choice(new_in_top3, [str(c) for c in scores.index])
    if chosen in gsli:
        fail("`new_in_top3` is already in the top three with the GSLI weights.")
    if chosen not in equal - gsli:
        fail("`new_in_top3` is not the country that enters the top three with equal weights.")
