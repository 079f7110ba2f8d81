"""Model 8's exhibit: renewal probability fitted on the synthetic sourcing decisions.

The model is :mod:`globalsourcing.models.sustainability` and its live widget
:mod:`globalsourcing.widgets.sustainability`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from globalsourcing import models

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below


def sustainability_exhibit(
    decisions: pd.DataFrame | None = None,
    title: str = "Renewal probability, fitted on synthetic sourcing decisions",
) -> Exhibit:
    """Model 8: fitted renewal probability against satisfaction, by value sharing."""
    from globalsourcing.data import load

    decisions = load("sourcing_decisions") if decisions is None else decisions
    fitted = models.fit_renewal_model(decisions)
    sw_c = Control.of(models.renewal_curve, "switching_costs", "sw", scale=10)
    sharing = models.renewal_curve.parameters["value_sharing"].grid

    def curve(switching_costs: float, value_sharing: float) -> pd.DataFrame:
        return models.renewal_curve(
            fitted, switching_costs=switching_costs, value_sharing=value_sharing
        )

    frame = grid_frame(curve, {"switching_costs": sw_c.grid, "value_sharing": sharing})
    frame = frame.assign(
        sw=sw_c.column(frame["switching_costs"]),
        sharing=np.where(
            frame["value_sharing"] > 0, "gain-sharing or partnership", "other contracts"
        ),
        probability=frame["probability"].round(4),
        satisfaction=frame["driver_value"].round(2),
    )[["satisfaction", "probability", "sharing", "sw"]]
    sw = sw_c.slider("Switching costs: log10 of deal size in $m, x10 ")
    chart = (
        alt.Chart(frame)
        .transform_filter(alt.datum.sw == sw)
        .mark_line()
        .encode(
            x=alt.X("satisfaction:Q", title="Client satisfaction (1-5)"),
            y=alt.Y(
                "probability:Q",
                scale=alt.Scale(domain=[0, 1]),
                title="Renewal probability",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("sharing:N", title="Contract"),
            tooltip=["satisfaction", alt.Tooltip("probability:Q", format=".0%"), "sharing"],
        )
        .add_params(sw)
        .properties(width=440, height=280)
    )
    return Exhibit(
        legend_below(chart),
        controls=(sw_c,),
        title=title,
        source=(
            f"SYNTHETIC data: the course's sourcing_decisions dataset ({fitted.n} outsourced "
            "deals, invented numbers following published directions); logistic regression "
            "globalsourcing.models.fit_renewal_model."
        ),
        caption=(
            "The curves show what the synthetic generator built in, not how real deals behave: "
            "satisfaction drives renewal there, while contract type and deal size were given "
            "almost no effect, so the two lines nearly coincide and the slider moves them little. "
            f"Slider value {sw_c.start} means a deal of about "
            f"${10**sw_c.default:.0f}m a year (10^{sw_c.default:g})."
        ),
    )
