"""Model 4's widget: contract incentives and the winner's curse.

The model is :mod:`globalsourcing.models.contracts` and its server-free exhibit
:mod:`globalsourcing.exhibits.contracts`; display the widget as the last line of a cell.
"""

from __future__ import annotations

import ipywidgets as w

from globalsourcing import models

from . import charts
from .base import ModelWidget
from .controls import STYLE, control


def contracts_widget() -> ModelWidget:
    """Model 4: contract incentives and the winner's curse (seeded simulation)."""
    controls = {
        "sought_saving": control(models.simulate_contracts, "sought_saving"),
        "n_bidders": control(models.simulate_contracts, "n_bidders"),
        "cost_uncertainty": control(models.simulate_contracts, "cost_uncertainty"),
        "estimate_error": control(models.simulate_contracts, "estimate_error"),
        "markup": control(models.simulate_contracts, "markup"),
        "underbid": control(models.simulate_contracts, "underbid"),
        "client_share": control(models.simulate_contracts, "client_share"),
        "seed": w.IntText(
            value=models.simulate_contracts.parameters["seed"].default,
            description=models.simulate_contracts.parameters["seed"].label,
            style=STYLE,
        ),
    }

    def compute(v):
        draws = models.simulate_contracts(**v)
        summary = models.contract_summary(draws)
        fp = summary.iloc[0]
        headline = (
            f"Under fixed price the winner loses money in {fp['distress_rate']:.0%} of deals "
            f"(winner's curse in {fp['winners_curse_rate']:.0%})."
        )
        return draws, summary, headline

    return ModelWidget(
        "Contract incentives and the winner's curse",
        controls,
        compute,
        chart=charts.margin_histogram,
        note="Costs are an index (in-house = 100). Clients typically sought 10-40% savings "
        "(Kern et al. 2002); the other defaults are illustrative.",
    )
