"""Model 3's widget: the sourcing decision matrix for a back-office portfolio.

The model is :mod:`globalsourcing.models.decision_matrix` and its server-free exhibit
:mod:`globalsourcing.exhibits.decision_matrix`; display the widget as the last line of a cell.
"""

from __future__ import annotations

import pandas as pd

from globalsourcing import models

from . import charts
from .base import ModelWidget
from .controls import control


def decision_matrix_widget(activities: pd.DataFrame | None = None) -> ModelWidget:
    """Model 3: the sourcing decision matrix for a back-office portfolio."""
    activities = models.DEFAULT_PORTFOLIO if activities is None else activities
    controls = {
        "contribution_threshold": control(models.decision_matrix, "contribution_threshold"),
        "market_threshold": control(models.decision_matrix, "market_threshold"),
        "margin": control(models.decision_matrix, "margin"),
    }

    def compute(v):
        frame = models.decision_matrix(activities, **v)
        mix = models.portfolio_mix(frame)
        headline = ", ".join(
            f"{r['activities']} {r['recommendation'].lower()}" for _, r in mix.iterrows()
        )
        table = frame[["activity", "recommendation", "borderline"]]
        return frame, table, f"Recommendations: {headline}."

    return ModelWidget(
        "Sourcing decision matrix",
        controls,
        compute,
        chart=charts.matrix_scatter,
        note="Scores are illustrative judgements for a generic firm. Pass your own DataFrame "
        "(activity, business_contribution, market_comparison) to score your portfolio.",
    )
