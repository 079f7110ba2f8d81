"""Visible tests for ps3_location_index: an attractiveness index and the published ranks."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._compare import (
    as_frame,
    as_number,
    expect,
    expect_answered,
    expect_callable,
    expect_columns,
    expect_in_range,
    expect_no_missing,
    expect_row_count,
    fail,
)
from ._registry import question

A = "ps3_location_index"
# The index's indicators and the pillar each feeds, written once: the notebook's setup
# cell lists INDICATORS from here at build time (the notes become its comments), and the
# hidden tests read the same list.
INDICATOR_NOTES = {
    "gdp_per_capita_usd": "financial: a cost proxy (lower is more attractive)",
    "labor_force": "people: size of the workforce",
    "tertiary_enrolment_gross_pct": "people: skills pipeline",
    "internet_users_pct": "business environment: digital reach",
    "fixed_broadband_per_100": "business environment: infrastructure",
}
INDICATORS = list(INDICATOR_NOTES)


def _has_missing(latest) -> bool:
    try:
        return bool(
            as_frame(latest, "latest", keys=["country_code"])[INDICATORS].isna().any().any()
        )
    except Exception:
        return False


@question(A, "q1", uses=("latest",), summary="latest available values")
def q1(latest) -> None:
    frame = as_frame(latest, "latest", keys=["country_code"])
    expect_columns(frame, ["country_code", *INDICATORS], "latest")
    expect_row_count(
        frame, 15, "latest", more="Keep one row per candidate country (group by country_code)."
    )
    expect_no_missing(
        frame,
        INDICATORS,
        "latest",
        "Some countries have not reported recent years (India's internet users stop in 2020): "
        "take each indicator's latest value available in 2018-2023, not one year for all.",
    )


@question(A, "q2", uses=("minmax",), summary="min-max scaling")
def q2(minmax) -> None:
    fn = expect_callable(minmax, "minmax")
    got = fn(pd.Series([2.0, 4.0, 6.0]))
    if not isinstance(got, pd.Series):
        fail(f"minmax should return a pandas Series, not {type(got).__name__}.")
    expect(
        np.allclose(got.to_numpy(dtype=float), [0.0, 0.5, 1.0]),
        f"minmax(pd.Series([2, 4, 6])) should be [0, 0.5, 1]; yours is {got.round(4).tolist()}.",
    )


@question(A, "q3", uses=("scores", "latest"), summary="pillar scores, index and rank")
def q3(scores, latest) -> None:
    frame = as_frame(scores, "scores", keys=["country_code"])
    columns = ["financial", "people", "business", "index", "rank"]
    expect_columns(frame, ["country_code", *columns], "scores")
    expect_row_count(frame, 15, "scores")
    # Follow-through: gaps in the student's own `latest` (Q1's points) leave gaps here.
    gaps_in_latest = _has_missing(latest)
    if not gaps_in_latest:
        expect_no_missing(frame, columns, "scores")
    for pillar in ["financial", "people", "business"]:
        expect(
            frame[pillar].dropna().between(-1e-9, 1 + 1e-9).all(),
            f"Pillar '{pillar}' should lie between 0 and 1 after min-max scaling.",
        )
    combined = 0.4 * frame["financial"] + 0.3 * frame["people"] + 0.3 * frame["business"]
    # Pillars and index rounded to the stated 3 decimals still add up within 0.001.
    expect(
        np.allclose(combined, frame["index"], rtol=0, atol=1.1e-3, equal_nan=True),
        "'index' should be 0.4 * financial + 0.3 * people + 0.3 * business.",
    )
    best = frame.loc[frame["index"].idxmax(), "rank"]
    if as_number(best, "the best country's rank") != 1:
        fail("Rank 1 should go to the highest index (rank(ascending=False)).")
    ranks = pd.to_numeric(frame["rank"]).dropna().tolist()
    expect(
        sorted(ranks) == list(range(1, len(ranks) + 1)) and (gaps_in_latest or len(ranks) == 15),
        "'rank' should run from 1 to 15 without gaps.",
    )
    india = (
        frame.set_index("country_code").loc["IND", "financial"]
        if "IND" in set(frame["country_code"])
        else None
    )
    expect(
        india is not None and math.isclose(float(india), 1.0, abs_tol=1e-9),
        "India has the lowest GDP per capita of the candidates, so its financial score should be "
        "1: lower cost is more attractive (use 1 - minmax of the log).",
    )


@question(A, "q4", uses=("spearman_2021", "scores"), summary="agreement with the 2021 ranks")
def q4(spearman_2021, scores) -> None:
    expect_in_range(
        spearman_2021,
        -1,
        1,
        "spearman_2021",
        "A correlation lies between -1 and 1.",
    )


@question(A, "q5", uses=("top3_equal", "scores"), summary="top three with equal weights")
def q5(top3_equal, scores) -> None:
    expect_answered(top3_equal, "top3_equal")
    if isinstance(top3_equal, str):
        fail("`top3_equal` should be a list of three country codes, not one string.")
    codes = list(top3_equal)
    expect(len(codes) == 3, f"`top3_equal` should hold three country codes; it has {len(codes)}.")
    expect(
        all(isinstance(c, str) and len(c) == 3 for c in codes),
        f"`top3_equal` should hold ISO3 country codes such as 'IND'; it holds {codes}.",
    )
