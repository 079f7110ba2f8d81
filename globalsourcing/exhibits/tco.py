"""Model 1's exhibit: cumulative cost of in-house, domestic and offshore delivery.

The model is :mod:`globalsourcing.models.tco` and its live widget
:mod:`globalsourcing.widgets.tco`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import altair as alt

from globalsourcing import models
from globalsourcing.models.tco import OPTIONS

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below


def tco_exhibit(title: str = "Offshore total cost of ownership with hidden costs") -> Exhibit:
    """Model 1: cumulative cost of in-house, domestic and offshore, with three sliders."""
    model = models.offshore_tco
    fee_c = Control.of(model, "offshore_fee", "fee")
    overrun_c = Control.of(model, "management_overrun", "overrun")
    transition_c = Control.of(model, "transition_offshore", "transition")
    frame = grid_frame(
        model,
        {
            "offshore_fee": fee_c.grid,
            "management_overrun": overrun_c.grid,
            "transition_offshore": transition_c.grid,
        },
    )
    frame = frame.assign(
        fee=fee_c.column(frame["offshore_fee"]),
        overrun=overrun_c.column(frame["management_overrun"]),
        transition=transition_c.column(frame["transition_offshore"]),
        cumulative=frame["cumulative"].round(2),
    )[["option", "year", "cumulative", "fee", "overrun", "transition"]]
    fee = fee_c.slider("Offshore fee, % of in-house cost ")
    overrun = overrun_c.slider("Management effort above plan, % ")
    transition = transition_c.menu("Offshore transition, % of a year ")
    baseline = model.parameters["baseline_cost"].default
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y(
                "cumulative:Q", title=f"Cumulative cost ($m; in-house costs {baseline:g} in year 1)"
            ),
            color=alt.Color("option:N", title="Option", scale=alt.Scale(domain=list(OPTIONS))),
            tooltip=["option", "year", alt.Tooltip("cumulative:Q", format=",.1f")],
        )
        .add_params(fee, overrun, transition)
        .transform_filter(
            (alt.datum.fee == fee)
            & (alt.datum.overrun == overrun)
            & (alt.datum.transition == transition)
        )
        .properties(width=440, height=300)
    )
    return Exhibit(
        legend_below(chart),
        title=title,
        controls=(fee_c, overrun_c, transition_c),
        source=(
            "Course model globalsourcing.models.offshore_tco. Fee range follows the 10-40% "
            "savings clients sought (Kern, Willcocks & van Heck 2002); the overrun slider applies "
            "Deloitte's (2005) finding that most clients spent more effort managing deals than "
            "planned. Hidden-cost sizes are illustrative."
        ),
        caption=(
            "Where the offshore line crosses below in-house is the break-even year. Raise the fee "
            "or the management overrun and watch the promised saving shrink."
        ),
    )
