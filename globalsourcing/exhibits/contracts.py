"""Model 4's exhibit: supplier margins by contract type and the winner's curse.

The model is :mod:`globalsourcing.models.contracts` and its live widget
:mod:`globalsourcing.widgets.contracts`; :mod:`globalsourcing.exhibits.catalog` lists every
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


def contracts_exhibit(
    title: str = "Contract type, demanded savings and the winner's curse",
) -> Exhibit:
    """Model 4: supplier margin by contract type; sliders for savings, bidders and under-bidding."""
    model = models.simulate_contracts
    saving_c = Control.of(model, "sought_saving", "saving")
    bidders_c = Control.of(model, "n_bidders", "bidders", scale=1)
    cut_c = Control.of(model, "underbid", "cut")
    deals = model.parameters["n_deals"].default
    width = 0.04
    edges = np.round(np.arange(-0.6, 0.32, width), 2)

    def binned(sought_saving: float, n_bidders: int, underbid: float) -> pd.DataFrame:
        draws = model(sought_saving=sought_saving, n_bidders=n_bidders, underbid=underbid)
        margin = draws["supplier_margin"].clip(edges[0], edges[-1] - 1e-9)
        counts = (
            draws.assign(bin=pd.cut(margin, edges, right=False, labels=edges[:-1]))
            .groupby(["contract", "bin"], observed=True)
            .size()
            .rename("share")
            .reset_index()
        )
        counts["share"] = (counts["share"] / deals).round(4)
        counts["bin"] = counts["bin"].astype(float)
        summary = models.contract_summary(draws)[["contract", "distress_rate"]]
        return counts.merge(summary, on="contract").round({"distress_rate": 3})

    frame = grid_frame(
        binned,
        {"sought_saving": saving_c.grid, "n_bidders": bidders_c.grid, "underbid": cut_c.grid},
    )
    frame = frame.assign(
        saving=saving_c.column(frame["sought_saving"]),
        bidders=bidders_c.column(frame["n_bidders"]),
        cut=cut_c.column(frame["underbid"]),
    ).drop(columns=["sought_saving", "n_bidders", "underbid"])
    saving = saving_c.slider("Saving the client demands, % ")
    n = bidders_c.menu("Bidders ")
    cut = cut_c.menu("Deliberate under-bid, % ")
    base = alt.Chart(frame).transform_filter(
        (alt.datum.saving == saving) & (alt.datum.bidders == n) & (alt.datum.cut == cut)
    )
    color = alt.Color("contract:N", title="Contract")
    bars = (
        base.transform_calculate(bin_end=f"datum.bin + {width}")
        .mark_bar(opacity=0.5)
        .encode(
            x=alt.X(
                "bin:Q",
                title="Supplier margin (share of price; below 0 = loss)",
                scale=alt.Scale(domain=[-0.6, 0.3]),
            ),
            x2="bin_end:Q",
            y=alt.Y(
                "share:Q",
                stack=None,
                scale=alt.Scale(type="sqrt"),
                title="Share of deals (square-root scale)",
                axis=alt.Axis(format="%"),
            ),
            y2=alt.datum(0),
            color=color,
            tooltip=["contract:N", alt.Tooltip("share:Q", format=".1%")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="black").encode(x="x:Q")
    distress = (
        base.transform_aggregate(distress="max(distress_rate)", groupby=["contract"])
        .mark_bar()
        .encode(
            x=alt.X(
                "distress:Q",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
                title="Deals in which the winning supplier loses money",
            ),
            y=alt.Y("contract:N", title=None),
            color=alt.Color("contract:N", legend=None),
            tooltip=["contract:N", alt.Tooltip("distress:Q", format=".0%")],
        )
        .properties(width=440, height=90)
    )
    chart = alt.vconcat(
        alt.layer(bars, zero).properties(width=440, height=260), distress
    ).add_params(saving, n, cut)
    return Exhibit(
        legend_below(chart),
        controls=(saving_c, bidders_c, cut_c),
        title=title,
        source=(
            "Course model globalsourcing.models.simulate_contracts (seeded simulation of "
            f"{deals:,} tenders per setting). Clients sought 10-40% savings (Kern, Willcocks & van Heck "
            "2002); cost uncertainty, estimate error, markup and under-bids are illustrative."
        ),
        caption=(
            "Mass left of zero is deals where the winning supplier loses money. Under fixed price "
            "it grows as the client squeezes harder, more bidders compete or suppliers buy the "
            "deal; time and materials moves the same risk to the client's bill."
        ),
    )
