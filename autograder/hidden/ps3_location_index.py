"""Hidden tests for ps3_location_index: the reference index from the WDI panel."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from globalsourcing.checks import as_number, expect_frame_equal, expect_number, fail
from globalsourcing.data import load

INDICATORS = [
    "gdp_per_capita_usd",
    "labor_force",
    "tertiary_enrolment_gross_pct",
    "internet_users_pct",
    "fixed_broadband_per_100",
]


def _minmax(values: pd.Series) -> pd.Series:
    return (values - values.min()) / (values.max() - values.min())


def _latest() -> pd.DataFrame:
    panel, ranks = load("wdi_panel"), load("gsli_ranks")
    rows = panel[
        panel["country_code"].isin(ranks["country_code"]) & panel["year"].between(2018, 2023)
    ]
    return rows.sort_values("year").groupby("country_code")[INDICATORS].last()


def _scores(weights=(0.4, 0.3, 0.3)) -> pd.DataFrame:
    latest = _latest()
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


def q1(latest) -> None:
    expect_frame_equal(latest, _latest().reset_index(), "latest", keys=["country_code"])


def q2(minmax) -> None:
    values = pd.Series([10.0, -5.0, 3.5, 7.0], index=list("abcd"))
    got = minmax(values)
    if not np.allclose(got.to_numpy(dtype=float), _minmax(values).to_numpy()):
        fail("minmax is wrong for other inputs (try negative values and an unsorted Series).")
    if list(got.index) != list("abcd"):
        fail("minmax should keep the Series' index so that results line up with the countries.")


def q3(scores) -> None:
    expect_frame_equal(scores, _scores().reset_index(), "scores", keys=["country_code"])


def q4(spearman_2021) -> None:
    ranks = load("gsli_ranks")
    published = ranks[ranks["edition"] == 2021].set_index("country_code")["rank"]
    ours = _scores().loc[published.index]
    want = ours["index"].rank(ascending=False).corr(published)
    got = as_number(spearman_2021, "spearman_2021")
    if math.isclose(got, -want, rel_tol=1e-3):
        fail(
            "`spearman_2021` has the wrong sign: compare ranks with ranks (rank 1 is best in "
            "both), not index scores with ranks."
        )
    not_reranked = ours["rank"].corr(published)
    expect_number(
        got,
        want,
        "spearman_2021",
        rel=1e-3,
        hints=[
            (not_reranked, "Re-rank your index within the ten countries that have a 2021 rank.")
        ],
    )


def q5(top3_equal) -> None:
    want = _scores(weights=(1 / 3, 1 / 3, 1 / 3))["index"].nlargest(3).index.tolist()
    got = [str(code) for code in top3_equal]
    if got != want:
        if sorted(got) == sorted(want):
            fail("`top3_equal` has the right countries in the wrong order (best first).")
        fail("`top3_equal` is not the top three under equal weights.")
