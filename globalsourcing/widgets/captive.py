"""Model 7's widget: captive-centre economics against BOT, third party and hybrid.

The model is :mod:`globalsourcing.models.captive` and its server-free exhibit
:mod:`globalsourcing.exhibits.captive`; display the widget as the last line of a cell.
"""

from __future__ import annotations

from globalsourcing import models

from . import charts
from .base import ModelWidget
from .controls import control


def captive_widget() -> ModelWidget:
    """Model 7: captive-centre economics, BOT, third party, hybrid, and selling the captive."""
    controls = {
        "supplier_fee": control(models.captive_economics, "supplier_fee"),
        "captive_run_cost": control(models.captive_economics, "captive_run_cost"),
        "captive_setup": control(models.captive_economics, "captive_setup"),
        "offshore_wage_inflation": control(models.captive_economics, "offshore_wage_inflation"),
        "transfer_year": control(models.captive_economics, "transfer_year"),
        "hybrid_share": control(models.captive_economics, "hybrid_share"),
        "sell_year": control(models.captive_economics, "sell_year"),
        "sale_multiple": control(models.captive_economics, "sale_multiple"),
        "discount_rate": control(models.captive_economics, "discount_rate"),
        "years": control(models.captive_economics, "years"),
    }

    def compute(v):
        frame = models.captive_economics(**v)
        ranking = models.captive_ranking(frame)
        best = ranking.iloc[0]
        headline = (
            f"Cheapest over {v['years']} years: {best['option']} "
            f"({best['saving_vs_onshore_pct']:.0f}% below staying onshore, present value)."
        )
        return frame, ranking, headline

    return ModelWidget(
        "Captive-centre economics",
        controls,
        compute,
        chart=lambda f: charts.cumulative_cost(
            f, value="cumulative_pv", title="Present value of cost so far"
        ),
        note="Index: onshore in-house = 100 a year. Sale multiple about 1.9x revenue from the "
        "GECIS (2004) and Citigroup-TCS (2008) sales; other defaults illustrative.",
    )
