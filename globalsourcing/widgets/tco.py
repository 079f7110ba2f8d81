"""Model 1's widget: offshore total cost of ownership with hidden costs.

The model is :mod:`globalsourcing.models.tco` and its server-free exhibit
:mod:`globalsourcing.exhibits.tco`; display the widget as the last line of a cell.
"""

from __future__ import annotations

import math

from globalsourcing import models

from . import charts
from .base import ModelWidget
from .controls import control


def tco_widget() -> ModelWidget:
    """Model 1: offshore total cost of ownership with hidden costs."""
    controls = {
        "offshore_fee": control(models.offshore_tco, "offshore_fee"),
        "domestic_fee": control(models.offshore_tco, "domestic_fee"),
        "transition_offshore": control(models.offshore_tco, "transition_offshore"),
        "severance": control(models.offshore_tco, "severance"),
        "ramp_up_months_offshore": control(models.offshore_tco, "ramp_up_months_offshore"),
        "governance_offshore": control(models.offshore_tco, "governance_offshore"),
        "communication_offshore": control(models.offshore_tco, "communication_offshore"),
        "management_overrun": control(models.offshore_tco, "management_overrun"),
        "offshore_fee_growth": control(models.offshore_tco, "offshore_fee_growth"),
        "years": control(models.offshore_tco, "years"),
    }

    def compute(v):
        frame = models.offshore_tco(**v)
        summary = models.tco_break_even(frame)
        off = summary.iloc[2]
        when = (
            "it never breaks even within the horizon"
            if math.isnan(off["break_even_year"])
            else f"it breaks even in year {int(off['break_even_year'])}"
        )
        headline = (
            f"Offshore promises {off['headline_saving_pct']:.0f}% and delivers "
            f"{off['saving_pct']:.0f}% over {v['years']} years; {when}."
        )
        return frame, summary, headline

    return ModelWidget(
        "Offshore total cost of ownership",
        controls,
        compute,
        chart=lambda f: charts.cumulative_cost(
            f, title="Cumulative cost ($m, in-house = 10 a year)"
        ),
        note="Costs are shares of the in-house annual cost (10 = $10m, illustrative). "
        "Fee defaults sit in the 10-40% savings clients sought (Kern et al. 2002); "
        "hidden-cost sizes are illustrative.",
    )
