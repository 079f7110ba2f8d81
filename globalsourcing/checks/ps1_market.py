"""Visible tests for ps1_market: market size estimates, growth rates and their definitions."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._compare import (
    as_frame,
    as_number,
    expect,
    expect_callable,
    expect_choice,
    expect_columns,
    expect_in_range,
    expect_no_missing,
    expect_row_count,
    expect_unique,
    fail,
)
from ._registry import question

A = "ps1_market"


def _percent_hint(value: float, name: str) -> None:
    if value > 1.5:
        fail(
            f"`{name}` is {value:.4g}: that looks like a percentage. Give growth rates as "
            "fractions (0.08 for 8%)."
        )


@question(A, "q1", uses=("ito",), summary="the world IT outsourcing estimates")
def q1(ito) -> None:
    frame = as_frame(ito, "ito", keys=["year"])
    expect_columns(frame, ["year", "midpoint_usd_bn", "originator"], "ito")
    expect_row_count(
        frame,
        5,
        "ito",
        {
            6: "Keep only the rows whose market is 'ito'; 'ito_bpo' mixes in BPO spending.",
            66: "Filter the table: keep only the world IT outsourcing ('ito') estimates.",
        },
    )
    expect_unique(frame, ["year"], "ito")
    expect(
        pd.to_numeric(frame["year"]).is_monotonic_increasing,
        '`ito` is not sorted by year, oldest first: sort it with .sort_values("year").',
    )
    expect_no_missing(frame, ["midpoint_usd_bn"], "ito")
    by_year = frame.set_index(pd.to_numeric(frame["year"]))["midpoint_usd_bn"]
    expect(
        math.isclose(float(by_year.get(1989, float("nan"))), 10.5, rel_tol=1e-6),
        "The 1989 estimate is the range 9 to 12 (US$ bn); its midpoint should be 10.5.",
    )


@question(A, "q2", uses=("cagr",), summary="the CAGR function")
def q2(cagr) -> None:
    fn = expect_callable(cagr, "cagr")
    value = as_number(fn(100, 121, 2), "cagr(100, 121, 2)")
    _percent_hint(value, "cagr(100, 121, 2)")
    if math.isclose(value, 0.105, rel_tol=1e-6):
        fail(
            "cagr(100, 121, 2) is 0.105, the simple average of 21% over two years. A compound "
            "rate g satisfies start * (1 + g) ** years == end."
        )
    expect(
        math.isclose(value, 0.1, rel_tol=1e-6),
        f"cagr(100, 121, 2) should be 0.1 (10% a year, because 100 * 1.1 * 1.1 = 121); yours is {value:.6g}.",
    )


def _rows(value, default: int) -> int:
    """How many rows the student's earlier table has (``default`` when it is no table)."""
    return len(value) if isinstance(value, pd.DataFrame | pd.Series) and len(value) else default


def _is_total_growth(frame: pd.DataFrame, ito) -> bool:
    """True when the rates are end / start - 1 of the student's own consecutive estimates."""
    try:
        sizes = as_frame(ito, "ito", keys=["year"]).sort_values("year")["midpoint_usd_bn"]
        total = (sizes / sizes.shift() - 1).dropna().to_numpy(dtype=float)
        rates = frame.sort_values("to_year")["cagr"].to_numpy(dtype=float)
    except Exception:
        return False
    return len(total) == len(rates) and bool(np.allclose(rates, total, rtol=1e-6))


def _gives_percentages(cagr) -> bool:
    """True when the student's own `cagr` returns percentages (Q2 already says so)."""
    try:
        return float(cagr(100, 121, 2)) > 1.5
    except Exception:
        return False


@question(A, "q3", uses=("ito_growth", "ito", "cagr"), summary="growth between the ITO estimates")
def q3(ito_growth, ito, cagr) -> None:
    frame = as_frame(ito_growth, "ito_growth", keys=["from_year", "to_year"])
    expect_columns(frame, ["from_year", "to_year", "cagr"], "ito_growth")
    # Follow-through: one row per consecutive pair of the student's own `ito`.
    pairs = _rows(ito, 5) - 1
    expect_row_count(
        frame,
        pairs,
        "ito_growth",
        {
            pairs + 1: "The first estimate has no earlier one to grow from: drop that row "
            "(its cagr is NaN)."
        },
    )
    expect_no_missing(frame, ["from_year", "to_year", "cagr"], "ito_growth")
    expect(
        (pd.to_numeric(frame["to_year"]) > pd.to_numeric(frame["from_year"])).all(),
        "Each row should run from an earlier estimate (from_year) to the next one (to_year).",
    )
    if _is_total_growth(frame, ito):
        fail(
            "`ito_growth['cagr']` is the total growth between two estimates (what "
            ".pct_change() gives), not the growth per year: spread it over the years between "
            "the estimates with your cagr function."
        )
    if not _gives_percentages(cagr):  # follow-through: a Q2 slip costs only Q2's points
        _percent_hint(float(frame["cagr"].max()), "ito_growth['cagr'].max()")


@question(A, "q4", uses=("idc_cagr", "cagr"), summary="IDC's implied growth rate")
def q4(idc_cagr, cagr) -> None:
    value = as_number(idc_cagr, "idc_cagr")
    if _gives_percentages(cagr):  # follow-through: right for the student's own cagr
        expect(
            math.isclose(value, float(cagr(68, 99, 5)), rel_tol=1e-3),
            "`idc_cagr` is not what your own cagr gives for the two IDC figures over 5 years.",
        )
        return
    _percent_hint(value, "idc_cagr")
    expect_in_range(value, 0.0, 0.2, "idc_cagr", "IDC forecast growth, not decline or doubling.")


@question(A, "q5", uses=("bpo_claims",), summary="the spread of unverified BPO claims")
def q5(bpo_claims) -> None:
    frame = as_frame(bpo_claims, "bpo_claims", keys=["year"])
    expect_columns(frame, ["year", "n", "low", "high", "ratio"], "bpo_claims")
    expect_row_count(
        frame,
        3,
        "bpo_claims",
        more="Use only the BPO claims flagged 'unverified_claim' in the reliability column.",
    )
    total = as_number(pd.to_numeric(frame["n"]).sum(), "bpo_claims['n'].sum()")
    expect(
        total == 6, f"The unverified BPO claims are six rows in all; your counts add to {total:g}."
    )
    expect(
        (frame["ratio"] >= 1).all(),
        "`ratio` should be high divided by low, so it is at least 1 in every year.",
    )


@question(A, "q6", uses=("answer_q6",), summary="why the BPO estimates differ")
def q6(answer_q6) -> None:
    expect_choice(answer_q6, "ABCD", "answer_q6")
