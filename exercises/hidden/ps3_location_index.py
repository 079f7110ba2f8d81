"""Hidden tests for ps3_location_index: the reference index from the WDI panel."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from globalsourcing.checks import (
    as_frame,
    as_number,
    expect_frame_equal,
    expect_number,
    expect_one_of,
    fail,
    reference,
)
from globalsourcing.checks.ps3_location_index import INDICATORS
from globalsourcing.data import load

# The precision the header states: indicator values to 1 decimal, scores and the
# correlation to 3 decimals, ranks exactly.
VALUE, SCORE = 1, 3
SCORE_DECIMALS = {"financial": SCORE, "people": SCORE, "business": SCORE, "index": SCORE, "rank": 0}


LATEST_ADVICE = "Take each indicator's own latest value in 2018-2023: sort by year, then groupby(...).last() skips missing values."

SCORES_ADVICE = "Check each pillar against the prompt: natural logs for GDP per capita and labour force, 1 - minmax for financial, the mean of two scaled indicators for people and for business."


def _minmax(values: pd.Series) -> pd.Series:
    return (values - values.min()) / (values.max() - values.min())


@reference
def _latest() -> pd.DataFrame:
    panel, ranks = load("wdi_panel"), load("gsli_ranks")
    rows = panel[
        panel["country_code"].isin(ranks["country_code"]) & panel["year"].between(2018, 2023)
    ]
    return rows.sort_values("year").groupby("country_code")[INDICATORS].last()


@reference
def _scores(weights=(0.4, 0.3, 0.3), latest: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reference scores, or those that follow from the student's own `latest`."""
    latest = _latest() if latest is None else latest
    scores = pd.DataFrame(
        {
            "financial": 1 - _minmax(np.log(latest["gdp_per_capita_usd"])),
            "people": (
                _minmax(np.log(latest["labor_force"]))
                + _minmax(latest["tertiary_enrolment_gross_pct"])
            )
            / 2,
            "business": (
                _minmax(latest["internet_users_pct"]) + _minmax(latest["fixed_broadband_per_100"])
            )
            / 2,
        }
    )
    scores["index"] = scores[["financial", "people", "business"]].to_numpy() @ np.array(weights)
    scores["rank"] = scores["index"].rank(ascending=False)
    return scores


def _by_country(value, name: str) -> pd.DataFrame:
    frame = as_frame(value, name, keys=["country_code"])
    return frame.assign(country_code=frame["country_code"].astype(str)).set_index("country_code")


def q1(latest) -> None:
    expect_frame_equal(
        latest,
        _latest().reset_index(),
        "latest",
        keys=["country_code"],
        advice=LATEST_ADVICE,
        decimals=VALUE,
    )


def q2(minmax) -> None:
    values = pd.Series([10.0, -5.0, 3.5, 7.0], index=list("abcd"))
    got = minmax(values)
    if not np.allclose(got.to_numpy(dtype=float), _minmax(values).to_numpy()):
        fail("minmax is wrong for other inputs (try negative values and an unsorted Series).")
    if list(got.index) != list("abcd"):
        fail("minmax should keep the Series' index so that results line up with the countries.")


def q3(scores, latest) -> None:
    """Right for the reference indicators, or for the student's own `latest`."""
    expect_one_of(
        lambda: expect_frame_equal(
            scores,
            _scores().reset_index(),
            "scores",
            keys=["country_code"],
            advice=SCORES_ADVICE,
            decimals=SCORE_DECIMALS,
        ),
        lambda: expect_frame_equal(
            scores,
            _scores(latest=_by_country(latest, "latest")[INDICATORS].astype(float)).reset_index(),
            "scores",
            keys=["country_code"],
            advice=SCORES_ADVICE,
            decimals=SCORE_DECIMALS,
        ),
    )


@reference
def _published_2021() -> pd.Series:
    """The GSLI 2021 rank of each country that has one."""
    ranks = load("gsli_ranks")
    return ranks[ranks["edition"] == 2021].set_index("country_code")["rank"]


def _spearman(index: pd.Series) -> float:
    published = _published_2021()
    return float(index.loc[published.index].rank(ascending=False).corr(published))


@reference
def _reference_spearman(weights=(0.4, 0.3, 0.3)) -> float:
    """The correlation of the reference index under ``weights`` with the 2021 ranks."""
    return _spearman(_scores(weights)["index"])


def q4(spearman_2021, scores) -> None:
    """Right for the reference index, or for the index in the student's own `scores`."""
    published = _published_2021()
    ours = _scores().loc[published.index]
    want = _reference_spearman()
    got = as_number(spearman_2021, "spearman_2021")
    if math.isclose(got, -want, rel_tol=1e-3) and not math.isclose(got, want, rel_tol=1e-3):
        fail(
            "`spearman_2021` has the wrong sign: compare ranks with ranks (rank 1 is best in "
            "both), not index scores with ranks."
        )
    not_reranked = ours["rank"].corr(published)
    expect_one_of(
        lambda: expect_number(
            got,
            want,
            "spearman_2021",
            decimals=SCORE,
            hints=[
                (
                    not_reranked,
                    "Re-rank your index within the ten countries that have a 2021 rank.",
                )
            ],
        ),
        lambda: expect_number(
            got,
            _spearman(_by_country(scores, "scores")["index"].astype(float)),
            "spearman_2021",
            decimals=SCORE,
        ),
    )


def _top3(pillars: pd.DataFrame) -> list[str]:
    return pillars[["financial", "people", "business"]].mean(axis=1).nlargest(3).index.tolist()


def q5(top3_equal, scores) -> None:
    """Right for the reference pillars, or for the pillars in the student's own `scores`."""
    got = [str(code) for code in top3_equal]
    want = _top3(_scores())
    try:
        pillars = _by_country(scores, "scores")[["financial", "people", "business"]]
        own = _top3(pillars.astype(float))
    except Exception:
        own = want
    if got in (want, own):
        return
    if sorted(got) in (sorted(want), sorted(own)):
        fail("`top3_equal` has the right countries in the wrong order (best first).")
    fail("`top3_equal` is not the top three under equal weights.")
