"""Model 8's widget: renewal probability fitted on the synthetic sourcing decisions.

The model is :mod:`globalsourcing.models.sustainability` and its server-free exhibit
:mod:`globalsourcing.exhibits.sustainability`; display the widget as the last line of a cell.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from globalsourcing import models

from . import charts
from .base import ModelWidget
from .controls import STYLE, control


def sustainability_widget(decisions: pd.DataFrame | None = None) -> ModelWidget:
    """Model 8: renewal probability, fitted on the SYNTHETIC ``sourcing_decisions`` data."""
    if decisions is None:
        from globalsourcing.data import load

        decisions = load("sourcing_decisions")
    fitted = models.fit_renewal_model(decisions)
    controls = {
        "satisfaction": control(models.renewal_curve, "satisfaction"),
        "value_sharing": control(models.renewal_curve, "value_sharing"),
        "switching_costs": control(models.renewal_curve, "switching_costs"),
        "vary": w.Dropdown(
            options=list(models.renewal_curve.parameters["vary"].choices),
            value=models.renewal_curve.parameters["vary"].default,
            description=models.renewal_curve.parameters["vary"].label,
            style=STYLE,
        ),
    }

    def compute(v):
        curve = models.renewal_curve(fitted, **v)
        headline = (
            f"Renewal probability at this setting: {curve.attrs['at_setting']:.0%} "
            f"(fitted on {fitted.n} synthetic deals)."
        )
        return curve, fitted.table(), headline

    widget = ModelWidget(
        "Relationship sustainability: who renews?",
        controls,
        compute,
        chart=lambda f: charts.renewal_line(f, "driver value"),
        note="Fitted on SYNTHETIC data whose directions follow published findings; the "
        "coefficients describe the generator, not real deals.",
    )
    widget.model = fitted
    return widget
