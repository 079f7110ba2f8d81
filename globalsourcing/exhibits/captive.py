"""Model 7's exhibit: present value of the captive, BOT, third-party and hybrid options.

The model is :mod:`globalsourcing.models.captive` and its live widget
:mod:`globalsourcing.widgets.captive`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from globalsourcing import models

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below


def captive_exhibit(
    title: str = "Captive, build-operate-transfer, third party or hybrid?",
) -> Exhibit:
    """Model 7: present value of each option's cost; sliders for wage inflation, set-up, sale."""
    model = models.captive_economics
    infl_c = Control.of(model, "offshore_wage_inflation", "infl")
    setup_c = Control.of(model, "captive_setup", "setup")
    sell_c = Control.of(model, "sell_year", "sell", scale=1)
    declared = model.parameters

    def ranking(**kw) -> pd.DataFrame:
        return models.captive_ranking(model(**kw))

    frame = grid_frame(
        ranking,
        {
            "offshore_wage_inflation": infl_c.grid,
            "captive_setup": setup_c.grid,
            "sell_year": sell_c.grid,
        },
    )
    frame = frame.assign(
        infl=infl_c.column(frame["offshore_wage_inflation"]),
        setup=setup_c.column(frame["captive_setup"]),
        pv_cost=frame["pv_cost"].round(1),
        saving=frame["saving_vs_onshore_pct"].round(1),
        sell=sell_c.column(frame["sell_year"]),
    )[["option", "pv_cost", "saving", "infl", "setup", "sell"]]
    infl = infl_c.menu("Offshore wage inflation, % a year ")
    setup = setup_c.menu("Captive set-up, % of a year's cost ")
    # Year 0 means the captive is never sold (the declaration's label says so).
    sell = sell_c.menu(
        "Sell the captive in year ", labels=[str(y) if y else "never" for y in sell_c.stops]
    )
    chart = (
        alt.Chart(frame)
        .transform_filter(
            (alt.datum.infl == infl) & (alt.datum.setup == setup) & (alt.datum.sell == sell)
        )
        .mark_bar()
        .encode(
            x=alt.X(
                "pv_cost:Q",
                title=(
                    f"Present value of cost over {declared['years'].default} years "
                    f"(onshore = {declared['baseline_cost'].default:g} a year)"
                ),
            ),
            y=alt.Y("option:N", sort="x", title=None),
            color=alt.Color("option:N", legend=None),
            tooltip=["option", "pv_cost", alt.Tooltip("saving:Q", title="% below onshore")],
        )
        .add_params(infl, setup, sell)
        .properties(width=440, height=220)
    )
    return Exhibit(
        legend_below(chart),
        controls=(infl_c, setup_c, sell_c),
        title=title,
        source=(
            "Course model globalsourcing.models.captive_economics. Sale price about "
            f"{declared['sale_multiple'].default:g} times revenue, from the GECIS (2004) and Citigroup-TCS (2008) sales as reported in the "
            "press; other costs are illustrative."
        ),
        caption=(
            "Shortest bar is cheapest. The model's supplier fee is "
            f"{declared['supplier_fee'].default:.0%} of the onshore cost a year and a captive "
            f"runs at {declared['captive_run_cost'].default:.0%}, each plus governance (its "
            "declared defaults). Fast offshore wage inflation narrows every offshore lead."
        ),
    )
