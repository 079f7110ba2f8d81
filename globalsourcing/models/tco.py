"""Model 1: offshore total cost of ownership, with the hidden costs that eat the labour arbitrage.

Compares three ways of running one back-office function over a horizon of years: keep it
in-house, outsource it to a domestic supplier, or outsource it offshore. The supplier's fee
is cheaper than the in-house cost (the arbitrage), but moving the work costs money: choosing
a supplier, transition, layoffs and retention bonuses, output lost while the new team ramps
up, and, every year, governance, contract management and (offshore) communication and
cultural bridging. The model adds them up year by year and finds the break-even year.

Assumptions
-----------
- Every cost is expressed as a share of the function's annual in-house cost (``baseline_cost``),
  so the model is scale-free; the default baseline of 10 ($m a year) is illustrative.
- One-off costs (selection, transition, severance and retention) fall in year 1.
- Output lost during ramp-up is valued at the in-house cost of the lost share of work and is
  spread over the ramp-up months (it can spill into year 2).
- In-house cost, domestic fees, governance and communication grow at ``cost_growth``; the
  offshore fee grows at ``offshore_fee_growth`` (offshore wage inflation erodes the arbitrage).
- No discounting, no taxes, no exit costs, no change in service quality.

Sources of defaults
-------------------
- Supplier fees: clients in the winner's-curse study typically sought savings of 10-40%
  (Kern, Willcocks & van Heck 2002). The default domestic fee (85% of in-house cost, a 15%
  saving) and offshore fee (60%, a 40% saving) sit inside that range; the split between
  domestic and offshore is an illustrative assumption.
- Hidden costs: Deloitte (2005) found that about half of the large clients it studied named
  hidden costs as their top problem, 57% absorbed costs they believed were in the contract,
  and 62% found that managing the deal took more effort than estimated. Those are shares of
  clients, not sizes of costs: every hidden-cost default below is an illustrative assumption,
  and ``management_overrun`` lets a student apply the Deloitte finding as a governance overrun.
- Offshore needs more hands-on management than domestic outsourcing (Rottman & Lacity 2004,
  2006), hence the higher default governance share offshore (the size is illustrative).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import declared, number, share, whole
from .params import frame as _require_frame

_GROWTH = {"low": -0.5, "high": 1.0, "open_low": True, "open_high": True}

OPTIONS = ("In-house", "Domestic outsourcing", "Offshore outsourcing")
COST_COLUMNS = ("service_fee", "one_off", "ramp_up", "governance", "communication")


def _ramp_share_by_year(months: float, years: int) -> np.ndarray:
    """Fraction of each year (1..years) that lies inside the first ``months`` of the deal."""
    starts = np.arange(years) * 12.0
    overlap = np.clip(months - starts, 0.0, 12.0)
    return overlap / 12.0


@declared(
    baseline_cost=number("Annual in-house cost", 0, open_low=True),
    years=whole("Horizon, years", 1, 30, control=(1, 15, 1)),
    domestic_fee=share("Domestic fee (share of in-house)", (0.5, 1.1, 0.05), high=2),
    offshore_fee=share("Offshore fee (share of in-house)", (0.3, 1.0, 0.05), high=2,
                       grid=(0.4, 0.5, 0.6, 0.7, 0.8, 0.9)),
    cost_growth=number("In-house cost growth a year", **_GROWTH),
    offshore_fee_growth=number("Offshore wage inflation a year", **_GROWTH, control=(0, 0.2, 0.01)),
    selection_cost=share("Supplier selection (one-off)"),
    transition_domestic=share("Domestic transition (one-off)", high=2),
    transition_offshore=share("Offshore transition (one-off)", (0.0, 0.6, 0.05), high=2,
                              grid=(0.05, 0.15, 0.3)),
    severance=share("Layoffs and retention (one-off)", (0.0, 0.5, 0.05), high=2),
    ramp_up_loss=share("Output lost during ramp-up"),
    ramp_up_months_domestic=number("Domestic ramp-up, months", 0, 60),
    ramp_up_months_offshore=number("Offshore ramp-up, months", 0, 60, control=(0, 24, 1)),
    governance_domestic=share("Domestic governance a year"),
    governance_offshore=share("Offshore governance a year", (0.0, 0.3, 0.01)),
    communication_offshore=share("Communication and culture a year", (0.0, 0.2, 0.01)),
    management_overrun=number("Management overrun", 0, 10, control=(0.0, 1.0, 0.1),
                                grid=(0.0, 0.5, 1.0)),
)  # fmt: skip
def offshore_tco(
    baseline_cost: float = 10.0,
    years: int = 7,
    domestic_fee: float = 0.85,
    offshore_fee: float = 0.60,
    cost_growth: float = 0.03,
    offshore_fee_growth: float = 0.06,
    selection_cost: float = 0.03,
    transition_domestic: float = 0.05,
    transition_offshore: float = 0.15,
    severance: float = 0.15,
    ramp_up_loss: float = 0.30,
    ramp_up_months_domestic: float = 3.0,
    ramp_up_months_offshore: float = 9.0,
    governance_domestic: float = 0.04,
    governance_offshore: float = 0.08,
    communication_offshore: float = 0.05,
    management_overrun: float = 0.0,
) -> pd.DataFrame:
    """Yearly cost of the three sourcing options, broken down by cost item.

    Parameters (shares are of the annual in-house cost unless stated)
    -----------------------------------------------------------------
    baseline_cost : annual in-house cost of the function (any currency unit; default 10 = $10m).
    years : horizon in years (1-30).
    domestic_fee, offshore_fee : supplier's annual fee as a share of in-house cost.
    cost_growth : yearly growth of in-house cost, domestic fees and management costs.
    offshore_fee_growth : yearly growth of the offshore fee (offshore wage inflation).
    selection_cost : one-off cost of choosing a supplier (search, bids, due diligence, legal).
    transition_domestic, transition_offshore : one-off cost of moving the work.
    severance : one-off cost of layoffs and of retention bonuses for staff kept through transition.
    ramp_up_loss : share of output lost while the new team ramps up.
    ramp_up_months_domestic, ramp_up_months_offshore : length of the ramp-up.
    governance_domestic, governance_offshore : yearly cost of governance and contract management.
    communication_offshore : yearly cost of communication, travel and cultural bridging offshore.
    management_overrun : extra governance effort beyond plan (0.5 = 50% more than budgeted).

    Returns
    -------
    DataFrame with one row per option and year: ``option, year, service_fee, one_off, ramp_up,
    governance, communication, hidden_cost, total, cumulative, cumulative_saving`` (saving
    against in-house, so positive means cheaper than keeping the work).
    """
    year = np.arange(1, years + 1)
    onshore_index = baseline_cost * (1 + cost_growth) ** (year - 1)
    offshore_index = baseline_cost * (1 + offshore_fee_growth) ** (year - 1)
    first_year = (year == 1).astype(float)
    zeros = np.zeros(years)
    overrun = 1.0 + management_overrun

    columns = {
        "service_fee": [onshore_index, domestic_fee * onshore_index, offshore_fee * offshore_index],
        "one_off": [
            zeros,
            (selection_cost + transition_domestic + severance) * baseline_cost * first_year,
            (selection_cost + transition_offshore + severance) * baseline_cost * first_year,
        ],
        "ramp_up": [
            zeros,
            ramp_up_loss * baseline_cost * _ramp_share_by_year(ramp_up_months_domestic, years),
            ramp_up_loss * baseline_cost * _ramp_share_by_year(ramp_up_months_offshore, years),
        ],
        "governance": [
            zeros,
            governance_domestic * overrun * onshore_index,
            governance_offshore * overrun * onshore_index,
        ],
        "communication": [zeros, zeros, communication_offshore * onshore_index],
    }
    frame = pd.DataFrame(
        {
            "option": np.repeat(OPTIONS, years),
            "year": np.tile(year, len(OPTIONS)),
            **{name: np.concatenate(parts) for name, parts in columns.items()},
        }
    )
    frame["hidden_cost"] = frame[["one_off", "ramp_up", "governance", "communication"]].sum(axis=1)
    frame["total"] = frame["service_fee"] + frame["hidden_cost"]
    frame["cumulative"] = frame.groupby("option", sort=False)["total"].cumsum()
    in_house = frame.loc[frame["option"] == OPTIONS[0], "cumulative"].to_numpy()
    frame["cumulative_saving"] = np.tile(in_house, len(OPTIONS)) - frame["cumulative"]
    return frame


def tco_break_even(frame: pd.DataFrame) -> pd.DataFrame:
    """Summarise an :func:`offshore_tco` result: one row per option.

    Columns: ``option, total_cost, saving, saving_pct`` (over the whole horizon, against
    in-house), ``headline_saving_pct`` (the saving the year-1 fee alone promises),
    ``hidden_share`` (hidden costs as a share of the option's total) and ``break_even_year``
    (first year in which cumulative cost is no higher than in-house; NaN if never within
    the horizon; 0 for in-house itself).
    """
    _require_frame(
        "tco_break_even",
        frame,
        ["option", "year", "service_fee", "hidden_cost", "total", "cumulative_saving"],
        "frame",
    )
    rows = []
    in_house_total = frame.loc[frame["option"] == OPTIONS[0], "total"].sum()
    in_house_year1 = frame.loc[
        (frame["option"] == OPTIONS[0]) & (frame["year"] == 1), "total"
    ].sum()
    for option, part in frame.groupby("option", sort=False):
        total = part["total"].sum()
        fee1 = part.loc[part["year"] == 1, "service_fee"].sum()
        even = part.loc[part["cumulative_saving"] >= -1e-9, "year"]
        rows.append(
            {
                "option": option,
                "total_cost": total,
                "saving": in_house_total - total,
                "saving_pct": 100 * (in_house_total - total) / in_house_total,
                "headline_saving_pct": 100 * (in_house_year1 - fee1) / in_house_year1,
                "hidden_share": part["hidden_cost"].sum() / total if total else 0.0,
                "break_even_year": 0.0
                if option == OPTIONS[0]
                else (float(even.iloc[0]) if len(even) else float("nan")),
            }
        )
    return pd.DataFrame(rows)
