"""Model 5's exhibit: a supplier team's knowledge after a wave of departures.

The model is :mod:`globalsourcing.models.knowledge` and its live widget
:mod:`globalsourcing.widgets.knowledge`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import altair as alt

from globalsourcing import models

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below


def knowledge_exhibit(title: str = "Knowledge retention after a wave of departures") -> Exhibit:
    """Model 5: knowledge stock over time; sliders for the two levers and the wave."""
    model = models.knowledge_retention
    kt_c = Control.of(model, "kt_effort", "kt")
    tm_c = Control.of(model, "directory", "tm")
    wave_c = Control.of(model, "wave_size", "wave")
    frame = grid_frame(
        model,
        {"kt_effort": kt_c.grid, "directory": tm_c.grid, "wave_size": wave_c.grid},
        months=model.parameters["months"].opens_at,
    )
    frame = frame.assign(
        kt=kt_c.column(frame["kt_effort"]),
        tm=tm_c.column(frame["directory"]),
        wave=wave_c.column(frame["wave_size"]),
        knowledge=frame["knowledge"].round(3),
        output=frame["output"].round(3),
    )[["month", "knowledge", "output", "kt", "tm", "wave"]]
    kt_p = kt_c.menu("Time on knowledge transfer, % ")
    tm_p = tm_c.slider("Who-knows-what directory, % complete ")
    wave_p = wave_c.menu("Wave of leavers, % ")
    wave_month = model.parameters["wave_month"].default
    chart = (
        alt.Chart(frame)
        .transform_filter(
            (alt.datum.kt == kt_p) & (alt.datum.tm == tm_p) & (alt.datum.wave == wave_p)
        )
        .transform_fold(["knowledge", "output"], as_=["measure", "value"])
        .mark_line()
        .encode(
            x=alt.X("month:Q", title=f"Month (wave in month {wave_month})"),
            y=alt.Y(
                "value:Q", scale=alt.Scale(domain=[0, 1]), title="Share of what the service needs"
            ),
            color=alt.Color("measure:N", title=None),
        )
        .add_params(kt_p, tm_p, wave_p)
        .properties(width=440, height=280)
    )
    return Exhibit(
        legend_below(chart),
        controls=(kt_c, tm_c, wave_c),
        title=title,
        source=(
            "Course model globalsourcing.models.knowledge_retention; levers after Oshri, Kotlarsky "
            "& Willcocks (2007) on expertise directories. All rates are illustrative assumptions."
        ),
        caption=(
            "Knowledge transfer softens the fall but costs output; a directory of who knows what "
            "speeds the climb back."
        ),
    )
