"""Model 7: captive-centre economics: captive, build-operate-transfer, third party, hybrid.

A firm moving a back-office function offshore can build its own centre (a captive), hire a
third-party supplier, have a supplier build and run a centre and hand it over later
(build-operate-transfer, BOT), or split the work (hybrid). It can also build a captive and
sell it later to a supplier that then serves it under contract, as GE did with GECIS (later
Genpact) and Citigroup with its Indian captive (sold to TCS). The model gives each option's
yearly cash cost over the horizon, discounts it, and ranks the options.

Assumptions
-----------
- Costs are an index: the function costs ``baseline_cost`` a year onshore in-house (default
  100). Onshore costs grow at ``onshore_growth``, offshore costs at ``offshore_wage_inflation``.
- Captive: one-off set-up ``captive_setup`` in year 1; running cost ``captive_run_cost``; in
  year 1 the onshore team still carries ``ramp_overlap`` of the work; governance of the centre
  costs ``governance_captive`` a year.
- Third party: fee ``supplier_fee``, one-off transition ``transition_cost`` in year 1,
  governance ``governance_supplier``.
- BOT: the operator charges ``bot_fee`` until ``transfer_year``, the firm then pays
  ``transfer_price`` and runs the centre as a captive (no set-up cost; the ramp-up is the
  operator's).
- Hybrid: ``hybrid_share`` of the work in a captive, the rest with a third party; set-up
  and transition scale with the share of work.
- Sale: when ``sell_year`` > 0 a further option builds a captive and sells it at the end of
  that year for ``sale_multiple`` times its annual running cost (its revenue from the parent),
  then buys the service back at ``post_sale_fee`` times that running cost.
- Cash costs are discounted at ``discount_rate`` (end-of-year convention); no taxes.

Sources of defaults
-------------------
- ``sale_multiple`` = 1.9: GE's 2004 sale of 60% of GECIS valued it at about $800m on about
  $400-420m of revenue, and TCS paid $505m for 96% of Citigroup's captive, which expected
  about $278m of revenue in 2008; both come to roughly 1.9-2 times revenue (press reports
  compiled in the course's research brief; see the Genpact and Citigroup cases).
- ``post_sale_fee`` = 1.0: Citigroup's services contract with TCS ($2.5bn over 9.5 years,
  about $263m a year) was close to the captive's expected revenue.
- ``supplier_fee`` = 0.6: a 40% saving, the top of the 10-40% savings clients sought
  (Kern, Willcocks & van Heck 2002).
- All other defaults (set-up, running cost, inflation, governance, BOT terms, discount rate)
  are illustrative assumptions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import declared, number, relation, share, whole
from .params import frame as _require_frame

_RATE = {"low": -0.5, "high": 1.0, "open_low": True, "open_high": True}

OPTIONS = (
    "In-house onshore",
    "Third-party supplier",
    "Captive",
    "Build-operate-transfer",
    "Hybrid",
)
SOLD = "Captive, then sold"


@declared(
    baseline_cost=number("Annual onshore in-house cost", 0, open_low=True),
    years=whole("Horizon, years", 1, 30, control=(3, 15, 1)),
    discount_rate=number("Discount rate", **_RATE, control=(0.0, 0.2, 0.01)),
    onshore_growth=number("Onshore cost growth a year", **_RATE),
    offshore_wage_inflation=number("Offshore wage inflation", **_RATE, control=(0.0, 0.2, 0.01),
                                   grid=(0.04, 0.08, 0.12, 0.16)),
    supplier_fee=share("Third-party fee", (0.3, 1.0, 0.05), high=2),
    transition_cost=share("Transition to a supplier (one-off)", high=2),
    governance_supplier=share("Governing the supplier a year"),
    captive_run_cost=share("Captive running cost", (0.2, 1.0, 0.05), high=2),
    captive_setup=share("Captive set-up (one-off)", (0.0, 1.5, 0.05), high=3,
                        grid=(0.2, 0.4, 0.8)),
    ramp_overlap=share("Set-up year overlap with onshore"),
    governance_captive=share("Governing the captive a year"),
    bot_fee=share("Build-operate-transfer fee", high=2),
    transfer_year=whole("BOT transfer in year", 0, 30, control=(1, 10, 1)),
    transfer_price=share("BOT transfer price", high=3),
    hybrid_share=share("Hybrid: share in captive", (0.0, 1.0, 0.1)),
    sell_year=whole("Sell the captive in year (0 = never)", 0, 30, control=(0, 10, 1),
                    grid=(0, 3, 5, 7)),
    sale_multiple=number("Sale price / annual revenue", 0, 20, control=(0.0, 4.0, 0.1)),
    post_sale_fee=number("Fee after the sale / captive running cost", 0, 5),
)  # fmt: skip
def captive_economics(
    baseline_cost: float = 100.0,
    years: int = 10,
    discount_rate: float = 0.08,
    onshore_growth: float = 0.03,
    offshore_wage_inflation: float = 0.08,
    supplier_fee: float = 0.60,
    transition_cost: float = 0.15,
    governance_supplier: float = 0.06,
    captive_run_cost: float = 0.45,
    captive_setup: float = 0.40,
    ramp_overlap: float = 0.5,
    governance_captive: float = 0.05,
    bot_fee: float = 0.65,
    transfer_year: int = 3,
    transfer_price: float = 0.30,
    hybrid_share: float = 0.5,
    sell_year: int = 5,
    sale_multiple: float = 1.9,
    post_sale_fee: float = 1.0,
) -> pd.DataFrame:
    """Yearly cash cost and discounted cumulative cost of each sourcing option.

    All cost parameters are shares of ``baseline_cost`` (the onshore in-house cost) except
    ``sale_multiple`` and ``post_sale_fee`` (multiples of the captive's running cost).

    Returns
    -------
    DataFrame, one row per option and year: ``option, year, cost`` (cash out), ``proceeds``
    (cash in from a sale), ``net``, ``discounted`` and ``cumulative_pv`` (present value of
    net cost so far). Options: the five in ``OPTIONS`` plus ``"Captive, then sold"`` when
    ``sell_year`` > 0.
    """
    relation(
        "captive_economics", "sell_year", sell_year <= years,
        f"within the horizon of {years} years (or 0 for no sale)", sell_year,
    )  # fmt: skip

    year = np.arange(1, years + 1)
    first = (year == 1).astype(float)
    onshore = baseline_cost * (1 + onshore_growth) ** (year - 1)
    offshore = baseline_cost * (1 + offshore_wage_inflation) ** (year - 1)
    zeros = np.zeros(years)

    supplier = (
        supplier_fee * offshore
        + governance_supplier * onshore
        + transition_cost * baseline_cost * first
    )
    captive_run = captive_run_cost * offshore
    captive = (
        captive_run
        + governance_captive * onshore
        + captive_setup * baseline_cost * first
        + ramp_overlap * onshore * first
    )
    operated = year <= transfer_year
    bot = np.where(
        operated,
        bot_fee * offshore + governance_supplier * onshore,
        captive_run + governance_captive * onshore,
    )
    bot = bot + transfer_price * baseline_cost * (year == transfer_year)
    hybrid = hybrid_share * captive + (1 - hybrid_share) * supplier

    costs = {
        OPTIONS[0]: onshore,
        OPTIONS[1]: supplier,
        OPTIONS[2]: captive,
        OPTIONS[3]: bot,
        OPTIONS[4]: hybrid,
    }
    proceeds = dict.fromkeys(costs, zeros)
    if sell_year > 0:
        owned = year <= sell_year
        costs[SOLD] = np.where(
            owned, captive, post_sale_fee * captive_run + governance_supplier * onshore
        )
        proceeds[SOLD] = sale_multiple * captive_run * (year == sell_year)

    discount = (1 + discount_rate) ** -year
    names = list(costs)
    frame = pd.DataFrame(
        {
            "option": np.repeat(names, years),
            "year": np.tile(year, len(names)),
            "cost": np.concatenate([costs[n] for n in names]),
            "proceeds": np.concatenate([proceeds[n] for n in names]),
        }
    )
    frame["net"] = frame["cost"] - frame["proceeds"]
    frame["discounted"] = frame["net"] * np.tile(discount, len(names))
    frame["cumulative_pv"] = frame.groupby("option", sort=False)["discounted"].cumsum()
    return frame


def captive_ranking(frame: pd.DataFrame) -> pd.DataFrame:
    """Present value of each option's net cost over the horizon, cheapest first.

    Columns: ``option, pv_cost, saving_vs_onshore_pct, rank``.
    """
    _require_frame("captive_ranking", frame, ["option", "discounted"], "frame")
    pv = frame.groupby("option", sort=False)["discounted"].sum()
    onshore = pv.get(OPTIONS[0], np.nan)
    out = pv.rename("pv_cost").reset_index()
    out["saving_vs_onshore_pct"] = 100 * (onshore - out["pv_cost"]) / onshore
    out["rank"] = out["pv_cost"].rank(method="min").astype(int)
    return out.sort_values("rank").reset_index(drop=True)
