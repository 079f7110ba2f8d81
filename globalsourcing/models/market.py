"""Model 6: market growth: compound growth, scenario bands and how far the estimates disagree.

Market-size figures for ITO, BPO and offshore services come from many originators (analyst
firms, industry associations, academics), each with its own definition of the market. This
model works on the curated ``market_size`` table. It computes the compound annual growth
rate (CAGR) each originator's figures imply, measures how far estimates for the same segment
and year disagree, and projects a segment forward from its latest estimate under low,
central and high growth scenarios.

Assumptions
-----------
- Where a figure is a range, its midpoint is the point estimate and the range is kept as
  ``low``/``high``.
- Growth is compound at a constant yearly rate within each scenario; the central scenario
  is the midpoint of the low and high rates unless given.
- The projection starts from the latest estimate of the segment (the midpoint of all
  estimates for that year when several originators report it).
- Mixing originators mixes definitions: the projection inherits whatever scope the base
  estimate has.

Sources of defaults
-------------------
Scenario growth rates per segment (``DEFAULT_GROWTH``), as reported in the course brief:
- ITO 6-9% a year: LSE Outsourcing Unit (Willcocks, Griffiths & Kotlarsky 2009).
- BPO 10-15% a year: LSE Outsourcing Unit 2009; the same range as Feeny, Willcocks & Lacity's
  2003 Templeton briefing.
- Offshore ITO and BPO about 20% a year: LSE Outsourcing Unit 2009; Oshri, Kotlarsky &
  Willcocks (2008), citing Willcocks & Lacity (2006). The 16-24% band around it is an
  illustrative assumption.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import choice, declared, number, relation, whole
from .params import frame as _require_frame

_GROWTH = {"low": -0.5, "high": 1.0, "open_low": True, "open_high": True, "optional": True}

#: (low, high) yearly growth per segment (``market`` codes of the ``market_size`` table);
#: see the module docstring for the sources.
DEFAULT_GROWTH = {
    "ito": (0.06, 0.09),
    "bpo": (0.10, 0.15),
    "offshore_ito_bpo": (0.16, 0.24),
    "offshore_ito": (0.16, 0.24),
}
SEGMENT_LABELS = {
    "ito": "IT outsourcing (ITO)",
    "bpo": "Business process outsourcing (BPO)",
    "offshore_ito_bpo": "Offshore ITO and BPO",
    "offshore_ito": "Offshore IT outsourcing",
}
REQUIRED = ("segment", "year", "originator", "low", "high")
MARKET_SIZE_COLUMNS = (
    "market",
    "geography",
    "year",
    "value_low_usd_bn",
    "value_high_usd_bn",
    "originator",
)


@declared(include_unverified=choice("Include unverified claims", (False, True)))
def market_table(
    market_size: pd.DataFrame | None = None,
    geography: str = "World",
    include_unverified: bool = False,
) -> pd.DataFrame:
    """The curated ``market_size`` dataset in the shape the other functions read.

    Keeps one geography, renames ``market`` to ``segment`` and the US$ bn range to
    ``low``/``high``, and drops rows whose ``reliability`` is ``unverified_claim`` unless
    ``include_unverified`` (those aggregator figures are there for source criticism, not as
    facts). Keeps ``estimate_type`` and ``reliability`` when present.
    """
    if market_size is None:
        from globalsourcing.data import load

        market_size = load("market_size")
    _require_frame("market_table", market_size, MARKET_SIZE_COLUMNS, "market_size")
    rows = market_size[market_size["geography"] == geography]
    if not include_unverified and "reliability" in rows.columns:
        rows = rows[rows["reliability"] != "unverified_claim"]
    if rows.empty:
        raise ValueError(f"No market estimates for geography {geography!r}.")
    keep = {
        "market": "segment",
        "year": "year",
        "originator": "originator",
        "value_low_usd_bn": "low",
        "value_high_usd_bn": "high",
    }
    extra = [c for c in ("estimate_type", "reliability") if c in rows.columns]
    out = rows[list(keep) + extra].rename(columns=keep)
    return out.astype({"year": int, "low": float, "high": float}).reset_index(drop=True)


def cagr(start_value, end_value, years):
    """Compound annual growth rate from ``start_value`` to ``end_value`` over ``years`` years."""
    start = np.asarray(start_value, dtype=float)
    end = np.asarray(end_value, dtype=float)
    span = np.asarray(years, dtype=float)
    if (start <= 0).any() or (end <= 0).any():
        raise ValueError("Market values must be positive to compute a growth rate.")
    if (span <= 0).any():
        raise ValueError("The number of years between two estimates must be positive.")
    rate = (end / start) ** (1 / span) - 1
    return float(rate) if rate.ndim == 0 else rate


def _segment(market: pd.DataFrame, segment: str) -> pd.DataFrame:
    _require_frame("market functions", market, REQUIRED, "market")
    rows = market[market["segment"] == segment]
    if rows.empty:
        raise ValueError(
            f"No estimates for segment {segment!r}; segments in the table: "
            f"{sorted(market['segment'].unique())}."
        )
    rows = rows.dropna(subset=["low", "high"]).copy()
    rows["mid"] = (rows["low"] + rows["high"]) / 2
    return rows.sort_values(["year", "originator"])


def implied_growth(market: pd.DataFrame, segment: str) -> pd.DataFrame:
    """CAGR implied by each originator's first and last estimate for the segment.

    Returns ``originator, from_year, to_year, from_value, to_value, cagr`` for every
    originator with estimates in at least two different years.
    """
    rows = _segment(market, segment)
    out = []
    for originator, part in rows.groupby("originator"):
        by_year = part.groupby("year")["mid"].mean()
        if len(by_year) < 2:
            continue
        out.append(
            {
                "originator": originator,
                "from_year": int(by_year.index[0]),
                "to_year": int(by_year.index[-1]),
                "from_value": float(by_year.iloc[0]),
                "to_value": float(by_year.iloc[-1]),
                "cagr": cagr(
                    by_year.iloc[0], by_year.iloc[-1], by_year.index[-1] - by_year.index[0]
                ),
            }
        )
    return pd.DataFrame(
        out, columns=["originator", "from_year", "to_year", "from_value", "to_value", "cagr"]
    )


def estimate_spread(market: pd.DataFrame, segment: str) -> pd.DataFrame:
    """How far estimates for the same segment and year disagree.

    Returns ``year, estimates, originators, low, high, spread_ratio`` (highest over lowest
    figure; 1 means full agreement).
    """
    rows = _segment(market, segment)
    grouped = rows.groupby("year")
    out = pd.DataFrame(
        {
            "estimates": grouped.size(),
            "originators": grouped["originator"].nunique(),
            "low": grouped["low"].min(),
            "high": grouped["high"].max(),
        }
    )
    out["spread_ratio"] = out["high"] / out["low"]
    return out.reset_index()


@declared(
    # The exhibit and the widget show eight years ahead (the function's default is 5).
    horizon=whole("Years ahead", 1, 50, control=(1, 15, 1), start=8),
    # The exhibit's own-rate line runs low = high = one of these (percent steps of 2).
    low_growth=number(
        "Low scenario growth",
        **_GROWTH,
        control=(0.0, 0.4, 0.01),
        grid=tuple(g / 100 for g in range(0, 31, 2)),
    ),
    high_growth=number("High scenario growth", **_GROWTH, control=(0.0, 0.4, 0.01)),
    central_growth=number("Central growth a year", **_GROWTH),
    base_year=whole("Base year", 1960, 2100, optional=True),
)
def project_market(
    market: pd.DataFrame,
    segment: str = "bpo",
    horizon: int = 5,
    low_growth: float | None = None,
    high_growth: float | None = None,
    central_growth: float | None = None,
    base_year: int | None = None,
) -> pd.DataFrame:
    """Project the segment ``horizon`` years beyond its base estimate under three scenarios.

    Growth rates default to ``DEFAULT_GROWTH`` for the segment, or, for a segment without
    a default, to the lowest and highest CAGR its originators imply. ``base_year`` defaults
    to the latest year with an estimate of that year's market (``estimate_type`` "estimate"
    where the column exists, so a forecast is not projected onward), else the latest year.

    Returns ``year, kind`` ("estimate" for the base year and earlier estimates' midpoints,
    "projection" after it), ``low, central, high`` (same unit as the table).
    """
    rows = _segment(market, segment)
    default = DEFAULT_GROWTH.get(segment)
    if default is None and (low_growth is None or high_growth is None):
        implied = implied_growth(market, segment)["cagr"]
        if implied.empty:
            raise ValueError(
                f"Segment {segment!r} has no default growth range and no originator with two "
                "estimates; pass low_growth and high_growth."
            )
        default = (float(implied.min()), float(implied.max()))
    low_growth = default[0] if low_growth is None else low_growth
    high_growth = default[1] if high_growth is None else high_growth
    central_growth = (low_growth + high_growth) / 2 if central_growth is None else central_growth
    relation(
        "project_market", "high_growth", low_growth <= high_growth,
        f"at least low_growth ({low_growth}): scenarios run low <= central <= high", high_growth,
    )  # fmt: skip
    relation(
        "project_market", "central_growth", low_growth <= central_growth <= high_growth,
        f"between low_growth ({low_growth}) and high_growth ({high_growth})", central_growth,
    )  # fmt: skip
    by_year = rows.groupby("year").agg(
        low=("low", "min"), high=("high", "max"), mid=("mid", "mean")
    )
    if base_year is None:
        measured = rows[rows["estimate_type"] == "estimate"] if "estimate_type" in rows else rows
        base_year = int((measured if not measured.empty else rows)["year"].max())
    if base_year not in by_year.index:
        raise ValueError(
            f"No {segment} estimate for base year {base_year}; years: {list(by_year.index)}."
        )
    base = by_year.loc[base_year]
    relation("project_market", "market", base["mid"] > 0,
             f"a positive {segment} estimate in {base_year}", base["mid"])  # fmt: skip
    steps = np.arange(1, horizon + 1)
    history = by_year.loc[:base_year]
    past = pd.DataFrame(
        {
            "year": history.index.astype(int),
            "kind": "estimate",
            "low": history["low"].to_numpy(),
            "central": history["mid"].to_numpy(),
            "high": history["high"].to_numpy(),
        }
    )
    future = pd.DataFrame(
        {
            "year": base_year + steps,
            "kind": "projection",
            "low": base["mid"] * (1 + low_growth) ** steps,
            "central": base["mid"] * (1 + central_growth) ** steps,
            "high": base["mid"] * (1 + high_growth) ** steps,
        }
    )
    return pd.concat([past, future], ignore_index=True)
