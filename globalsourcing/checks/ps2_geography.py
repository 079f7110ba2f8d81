"""Visible tests for ps2_geography: the World Bank panel, groups, shares and missing data."""

from __future__ import annotations

import pandas as pd

from globalsourcing.country_groups import CEE

from ._compare import (
    as_frame,
    expect,
    expect_answered,
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
# India, the Philippines and the book's ten CEE economies (globalsourcing.country_groups):
# the notebook's GROUP_OF, which the hidden tests import from here.
GROUP_OF = {"IND": "India", "PHL": "Philippines", **dict.fromkeys(CEE, "CEE")}
GROUPS = sorted(set(GROUP_OF.values()))
COUNTRIES = sorted(GROUP_OF)


@question(A, "q1", uses=("economies",), summary="economies without aggregates")
def q1(economies) -> None:
    frame = as_frame(economies, "economies", keys=["country_code", "year"])
    expect_columns(frame, ["country_code", "year", "is_aggregate"], "economies")
    count = frame["country_code"].nunique()
    if count == 265 or frame["is_aggregate"].any():
        fail(
            f"`economies` has {count} codes, including aggregates such as WLD (World) and "
            "regional or income groups. Did you drop the World Bank aggregates (is_aggregate)?"
        )
    if count < 217:
        fail(
            f"`economies` holds {count} economies, but the panel has 217: you dropped some "
            "economies as well as the aggregates. Filter on is_aggregate only."
        )
    expect(count == 217, f"`economies` should hold 217 economies; it has {count}.")


def _has_world_row(economies) -> bool:
    """True when the student's own Q1 table still holds the WLD aggregate."""
    try:
        return "WLD" in set(economies["country_code"])
    except Exception:
        return False


@question(A, "q2", uses=("top10_2024", "economies"), summary="the top ten exporters of 2024")
def q2(top10_2024, economies) -> None:
    frame = as_frame(top10_2024, "top10_2024", keys=["country_code"])
    expect_columns(
        frame, ["country_code", "country_name", "ict_exports_usd_bn", "world_share"], "top10_2024"
    )
    expect_row_count(frame, 10, "top10_2024")
    expect_unique(frame, ["country_code"], "top10_2024")
    if "WLD" in set(frame["country_code"]) and not _has_world_row(economies):
        fail("`top10_2024` includes WLD, the World aggregate: rank the economies only.")
    expect_in_range(
        frame["ict_exports_usd_bn"].max(),
        100,
        5000,
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


def growth_by_group(growth) -> pd.DataFrame:
    """The student's growth rates as a table with the columns 'group' and 'cagr'.

    The prompt asks for a Series indexed by group; a dict, a one-column DataFrame indexed
    by group or a DataFrame with a 'group' column and one value column say the same.
    """
    expect_answered(growth, "growth")
    if isinstance(growth, dict):
        growth = pd.Series(growth)
    if isinstance(growth, pd.DataFrame) and "group" in growth.columns:
        growth = growth.set_index("group")
    if isinstance(growth, pd.DataFrame) and growth.shape[1] == 1:
        growth = growth.iloc[:, 0]
    if not isinstance(growth, pd.Series):
        fail(
            "`growth` should be a pandas Series indexed by group (one growth rate per group), "
            f"not {type(growth).__name__}."
        )
    return pd.DataFrame(
        {"group": [str(g) for g in growth.index], "cagr": pd.to_numeric(growth, errors="coerce")}
    ).reset_index(drop=True)


@question(A, "q4", uses=("growth", "group_exports"), summary="growth from 2010 to 2024")
def q4(growth, group_exports) -> None:
    frame = growth_by_group(growth)
    groups = sorted(frame["group"])
    expect(
        groups == GROUPS,
        f"`growth` should have one rate for each of {GROUPS} (its index); it has {groups}.",
    )
    rates = frame["cagr"]
    if rates.isna().any():
        fail("`growth` has missing values; every group reports in 2010 and 2024.")
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
