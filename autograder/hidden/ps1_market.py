"""Hidden tests for ps1_market: reference tables computed from market_size."""

from __future__ import annotations

import math

import pandas as pd

from globalsourcing.checks import as_frame, as_number, expect_frame_equal, expect_number, fail
from globalsourcing.data import load


def _market() -> pd.DataFrame:
    market = load("market_size")
    return market.assign(
        midpoint_usd_bn=(market["value_low_usd_bn"] + market["value_high_usd_bn"]) / 2
    )


def _ito() -> pd.DataFrame:
    market = _market()
    rows = market[(market["market"] == "ito") & (market["geography"] == "World")]
    return rows.sort_values("year")[["year", "midpoint_usd_bn", "originator"]].reset_index(
        drop=True
    )


def _growth(extra_year: int = 0) -> pd.DataFrame:
    ito = _ito()
    out = pd.DataFrame(
        {
            "from_year": ito["year"].shift(),
            "to_year": ito["year"],
            "start": ito["midpoint_usd_bn"].shift(),
            "end": ito["midpoint_usd_bn"],
        }
    ).dropna()
    years = out["to_year"] - out["from_year"] + extra_year
    out["cagr"] = (out["end"] / out["start"]) ** (1 / years) - 1
    return out[["from_year", "to_year", "cagr"]]


def q1(ito) -> None:
    expect_frame_equal(ito, _ito(), "ito", keys=["year"], values=["midpoint_usd_bn"])
    frame = as_frame(ito, "ito", keys=["year"])
    if set(frame["originator"]) != set(_ito()["originator"]):
        fail("`ito` has the right years and values but the originator column does not match.")


def q2(cagr) -> None:
    for start, end, years in [(76, 140, 6), (10.5, 235, 19), (200, 150, 3)]:
        got = as_number(cagr(start, end, years), "cagr(...)")
        if not math.isclose(got, (end / start) ** (1 / years) - 1, rel_tol=1e-9):
            fail("cagr gives a wrong result for other inputs (try a falling market as well).")


def q3(ito_growth) -> None:
    frame = as_frame(ito_growth, "ito_growth", keys=["from_year", "to_year"])
    try:
        expect_frame_equal(
            frame, _growth(extra_year=1), "ito_growth", keys=["from_year", "to_year"]
        )
    except AssertionError:
        pass
    else:
        fail(
            "The growth rates use one year too many: from 1995 to 2001 the market grows over "
            "6 years (2001 - 1995), not 7."
        )
    expect_frame_equal(frame, _growth(), "ito_growth", keys=["from_year", "to_year"])


def q4(idc_cagr) -> None:
    expect_number(
        idc_cagr,
        (99 / 68) ** (1 / 5) - 1,
        "idc_cagr",
        rel=1e-3,
        hints=[((99 / 68) ** (1 / 6) - 1, "From 2002 to 2007 there are 5 years of growth, not 6.")],
    )


def q5(bpo_claims) -> None:
    market = _market()
    claims = market[(market["market"] == "bpo") & (market["reliability"] == "unverified_claim")]
    reference = (
        claims.groupby("year")["midpoint_usd_bn"]
        .agg(n="count", low="min", high="max")
        .reset_index()
    )
    reference["ratio"] = reference["high"] / reference["low"]
    expect_frame_equal(bpo_claims, reference, "bpo_claims", keys=["year"])


def q6(answer_q6) -> None:
    if str(answer_q6).strip().upper() != "B":
        fail("`answer_q6` is not the best explanation; read the scope column of both rows.")
