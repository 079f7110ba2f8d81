"""Visible tests for ps2_geography: the World Bank panel, groups, shares and missing data."""

from __future__ import annotations

import pandas as pd

from ._compare import (
    as_frame,
    expect,
    expect_choice,
    expect_columns,
    expect_in_range,
    expect_no_missing,
    expect_row_count,
    expect_unique,
    fail,
)
from ._registry import question

A = "ps2_geography"
GROUPS = ["CEE", "India", "Philippines"]
COUNTRIES = ["BGR", "BLR", "CZE", "EST", "HUN", "IND", "LTU", "PHL", "POL", "ROU", "SRB", "UKR"]


@question(A, "q1", uses=("economies",), summary="economies without aggregates")
def q1(economies) -> None:
    frame = as_frame(economies, "economies")
    expect_columns(frame, ["country_code", "year", "is_aggregate"], "economies")
    count = frame["country_code"].nunique()
    if count == 265 or frame["is_aggregate"].any():
        fail(
            f"`economies` has {count} codes, including aggregates such as WLD (World) and "
            "regional or income groups. Did you drop the World Bank aggregates (is_aggregate)?"
        )
    expect(count == 217, f"`economies` should hold 217 economies; it has {count}. Keep every year.")


@question(A, "q2", uses=("top10_2024",), summary="the top ten exporters of 2024")
def q2(top10_2024) -> None:
    frame = as_frame(top10_2024, "top10_2024", keys=["country_code"])
    expect_columns(frame, ["country_code", "ict_exports_usd_bn", "world_share"], "top10_2024")
    expect_row_count(frame, 10, "top10_2024")
    expect_unique(frame, ["country_code"], "top10_2024")
    if "WLD" in set(frame["country_code"]):
        fail("`top10_2024` includes WLD, the World aggregate: rank the economies only.")
    expect_in_range(
        frame["ict_exports_usd_bn"].max(),
        100,
        1000,
        "the largest ict_exports_usd_bn",
        "The panel is in US dollars; divide by 1e9 for billions.",
    )
    expect(
        frame["world_share"].between(0, 1).all(),
        "`world_share` should be a share between 0 and 1 (of the WLD row's 2024 value).",
    )


@question(A, "q3", uses=("group_exports",), summary="exports of the three supplier groups")
def q3(group_exports) -> None:
    if not isinstance(group_exports, pd.DataFrame):
        fail(f"`group_exports` should be a wide DataFrame, not {type(group_exports).__name__}.")
    cols = sorted(map(str, group_exports.columns))
    expect(cols == GROUPS, f"The columns should be {GROUPS}; yours are {cols}.")
    years = sorted(int(y) for y in group_exports.index)
    if 2025 in years:
        fail(
            "`group_exports` includes 2025, for which the panel has no ICT data yet. A sum of "
            "only missing values is 0, not missing, so 2025 looks like a collapse: keep 2005-2024."
        )
    expect(
        years == list(range(2005, 2025)),
        f"The index should be the years 2005 to 2024; it is {years[:3]}...{years[-3:]}.",
    )
    expect(
        not group_exports.isna().any().any(),
        "`group_exports` has missing values; sum the members that report in each year.",
    )
    expect_in_range(
        group_exports["India"].max(),
        100,
        400,
        "India's largest value",
        "Values should be in US$ billions (divide by 1e9).",
    )


@question(A, "q4", uses=("growth",), summary="growth from 2010 to 2024")
def q4(growth) -> None:
    frame = as_frame(growth, "growth", keys=["group"])
    if "group" not in frame.columns:
        frame = frame.reset_index().rename(columns={"index": "group"})
    value_col = [c for c in frame.columns if c != "group"]
    expect(len(value_col) == 1, "`growth` should hold one growth rate per group.")
    groups = sorted(map(str, frame["group"]))
    expect(
        groups == GROUPS, f"`growth` should have one rate for each of {GROUPS}; it has {groups}."
    )
    rates = pd.to_numeric(frame[value_col[0]])
    if (rates > 1.5).any():
        fail("`growth` looks like percentages; give fractions (0.09 for 9% a year).")
    expect(rates.between(0, 0.5).all(), "Each group's ICT exports grew between 2010 and 2024.")


@question(A, "q5", uses=("latest_per_worker",), summary="latest exports per worker")
def q5(latest_per_worker) -> None:
    frame = as_frame(latest_per_worker, "latest_per_worker", keys=["country_code"])
    expect_columns(frame, ["country_code", "year", "ict_per_worker_usd"], "latest_per_worker")
    expect_row_count(
        frame,
        12,
        "latest_per_worker",
        fewer="Some countries lack recent values: take each country's latest year in which "
        "both series are available instead of one year for all.",
    )
    expect_unique(frame, ["country_code"], "latest_per_worker")
    found = sorted(frame["country_code"])
    expect(found == COUNTRIES, f"`latest_per_worker` should cover {COUNTRIES}; it has {found}.")
    expect_no_missing(frame, ["year", "ict_per_worker_usd"], "latest_per_worker")
    expect(
        (pd.to_numeric(frame["year"]) < 2025).all(),
        "A year with missing exports or labour force cannot be the latest available one.",
    )


@question(A, "q6", uses=("answer_q6",), summary="why the Philippines' figures differ")
def q6(answer_q6) -> None:
    expect_choice(answer_q6, "ABCD", "answer_q6")
