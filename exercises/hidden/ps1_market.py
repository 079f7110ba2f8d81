"""Hidden tests for ps1_market: reference tables computed from market_size."""

from __future__ import annotations

import math

import pandas as pd

from globalsourcing.checks import (
    as_frame,
    as_number,
    expect_frame_equal,
    expect_number,
    expect_one_of,
    fail,
    read_choice,
    reference,
)
from globalsourcing.data import load

# The precision each question states: US$ bn to 1 decimal, growth rates and ratios to 3.
BN, RATE = 1, 3


MIDPOINT_ADVICE = (
    "midpoint_usd_bn is (value_low_usd_bn + value_high_usd_bn) / 2 of each world ITO row."
)

CLAIMS_ADVICE = "n counts each year's unverified BPO claims; low and high are their smallest and largest midpoint_usd_bn; ratio is high / low."


def _true_cagr(start, end, years):
    return (end / start) ** (1 / years) - 1


@reference
def _market() -> pd.DataFrame:
    market = load("market_size")
    return market.assign(
        midpoint_usd_bn=(market["value_low_usd_bn"] + market["value_high_usd_bn"]) / 2
    )


@reference
def _ito() -> pd.DataFrame:
    market = _market()
    rows = market[(market["market"] == "ito") & (market["geography"] == "World")]
    return rows.sort_values("year")[["year", "midpoint_usd_bn", "originator"]].reset_index(
        drop=True
    )


@reference
def _growth(extra_year: int = 0, ito: pd.DataFrame | None = None, rate=_true_cagr) -> pd.DataFrame:
    """Growth between consecutive estimates of ``ito`` (the reference table by default)."""
    ito = _ito() if ito is None else ito
    out = pd.DataFrame(
        {
            "from_year": ito["year"].shift(),
            "to_year": ito["year"],
            "start": ito["midpoint_usd_bn"].shift(),
            "end": ito["midpoint_usd_bn"],
        }
    ).dropna()
    years = out["to_year"] - out["from_year"] + extra_year
    out["cagr"] = [
        float(rate(float(a), float(b), float(n)))
        for a, b, n in zip(out["start"], out["end"], years, strict=True)
    ]
    return out[["from_year", "to_year", "cagr"]]


def _students_ito(ito) -> pd.DataFrame:
    frame = as_frame(ito, "ito", keys=["year"])
    frame = frame.assign(year=pd.to_numeric(frame["year"]))
    return frame.sort_values("year")[["year", "midpoint_usd_bn"]].reset_index(drop=True)


def q1(ito) -> None:
    expect_frame_equal(
        ito,
        _ito(),
        "ito",
        keys=["year"],
        values=["midpoint_usd_bn"],
        advice=MIDPOINT_ADVICE,
        decimals=BN,
    )
    frame = as_frame(ito, "ito", keys=["year"])
    if set(frame["originator"]) != set(_ito()["originator"]):
        fail("`ito` has the right years and values but the originator column does not match.")


def q2(cagr) -> None:
    for start, end, years in [(76, 140, 6), (10.5, 235, 19), (200, 150, 3)]:
        got = as_number(cagr(start, end, years), "cagr(...)")
        if not math.isclose(got, (end / start) ** (1 / years) - 1, rel_tol=1e-9):
            fail("cagr gives a wrong result for other inputs (try a falling market as well).")


def q3(ito_growth, ito, cagr) -> None:
    """Right for the reference estimates, or for the student's own `ito` and `cagr`."""
    frame = as_frame(ito_growth, "ito_growth", keys=["from_year", "to_year"])
    keys = ["from_year", "to_year"]
    one_too_many = [lambda: _growth(extra_year=1)]
    one_too_many.append(lambda: _growth(extra_year=1, ito=_students_ito(ito)))
    for expected in one_too_many:
        try:
            expect_frame_equal(frame, expected(), "ito_growth", keys=keys, decimals=RATE)
        except Exception:
            continue
        fail(
            "The growth rates use one year too many: from 1995 to 2001 the market grows over "
            "6 years (2001 - 1995), not 7."
        )
    expect_one_of(
        lambda: expect_frame_equal(frame, _growth(), "ito_growth", keys=keys, decimals=RATE),
        lambda: expect_frame_equal(
            frame, _growth(ito=_students_ito(ito)), "ito_growth", keys=keys, decimals=RATE
        ),
        lambda: expect_frame_equal(
            frame,
            _growth(ito=_students_ito(ito), rate=cagr),
            "ito_growth",
            keys=keys,
            decimals=RATE,
        ),
    )


def q4(idc_cagr, cagr) -> None:
    """Right for the two IDC figures, or what the student's own `cagr` gives for them."""
    expect_one_of(
        lambda: expect_number(
            idc_cagr,
            _true_cagr(68, 99, 5),
            "idc_cagr",
            decimals=RATE,
            hints=[
                (_true_cagr(68, 99, 6), "From 2002 to 2007 there are 5 years of growth, not 6.")
            ],
        ),
        lambda: expect_number(idc_cagr, float(cagr(68, 99, 5)), "idc_cagr", decimals=RATE),
    )


@reference
def _claims() -> pd.DataFrame:
    """Q5's reference: each year's unverified BPO claims, their range and its ratio."""
    market = _market()
    claims = market[(market["market"] == "bpo") & (market["reliability"] == "unverified_claim")]
    table = (
        claims.groupby("year")["midpoint_usd_bn"]
        .agg(n="count", low="min", high="max")
        .reset_index()
    )
    table["ratio"] = table["high"] / table["low"]
    return table


def q5(bpo_claims) -> None:
    expect_frame_equal(
        bpo_claims,
        _claims(),
        "bpo_claims",
        keys=["year"],
        advice=CLAIMS_ADVICE,
        decimals={"n": 0, "low": BN, "high": BN, "ratio": RATE},
    )


def q6(answer_q6) -> None:
    if read_choice(answer_q6, "ABCD") != "B":
        fail("`answer_q6` is not the best explanation; read the scope column of both rows.")
