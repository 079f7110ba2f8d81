"""Model 2's exhibit: the location index's top countries for chosen pillar weights.

The model is :mod:`globalsourcing.models.location` and its live widget
:mod:`globalsourcing.widgets.location`; :mod:`globalsourcing.exhibits.catalog` lists every
model's exhibit.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from globalsourcing import models
from globalsourcing.models.location import DEFAULT_WEIGHTS, PILLAR_LABELS, WEIGHT

from . import Exhibit
from .controls import Control
from .exhibit import legend_below


def location_index_exhibit(
    panel: pd.DataFrame | None = None,
    gsli_ranks: pd.DataFrame | None = None,
    top: int = 12,
    title: str = "A location attractiveness index from World Bank indicators",
) -> Exhibit:
    """Model 2: top countries for chosen pillar weights, with Kearney's published rank (the
    edition ``compare_with_gsli`` opens on, 2021)."""
    from globalsourcing.data import load

    panel = load("wdi_panel") if panel is None else panel
    gsli_ranks = load("gsli_ranks") if gsli_ranks is None else gsli_ranks
    year = models.compare_with_gsli.parameters["edition"].opens_at
    edition = gsli_ranks[gsli_ranks["edition"].astype(str).str[:4] == str(year)]
    # Kearney named ranks 6-10 of 2021 only as a group; their order in the dataset is the
    # press release's listing (rank_status inferred_from_order), so the tooltip says so.
    published = {
        row.country_code: (
            "ranks 6-10 (order not published)"
            if row.rank_status == "inferred_from_order"
            else f"rank {int(row.rank)}"
        )
        for row in edition.itertuples()
    }
    # The weights are a dict, declared once as WEIGHT (a grid of whole percents) and opening
    # on DEFAULT_WEIGHTS; the business environment keeps at least the grid's smallest weight.
    fin_c = Control(
        "fin", WEIGHT, "location_index(weights['financial'])", DEFAULT_WEIGHTS["financial"]
    )
    ppl_c = Control("ppl", WEIGHT, "location_index(weights['people'])", DEFAULT_WEIGHTS["people"])
    floor = fin_c.stops[0]
    index = models.location_index.parameters
    weights_text = "/".join(f"{w * 100:.0f}" for w in DEFAULT_WEIGHTS.values())
    frames = []
    for fin in fin_c.stops:
        for ppl in (p for p in ppl_c.stops if fin + p <= 100 - floor):
            weights = {
                "financial": fin / 100,
                "people": ppl / 100,
                "business": (100 - fin - ppl) / 100,
            }
            ranked = models.location_index(panel, weights=weights).head(top)
            frames.append(ranked.assign(fin=fin, ppl=ppl))
    frame = pd.concat(frames, ignore_index=True)
    frame["gsli"] = frame["country_code"].map(published).fillna("not in the published top 10")
    frame = (
        frame[
            ["country_name", "financial", "people", "business", "score", "rank", "gsli"]
            + ["fin", "ppl"]
        ]
        .round(3)
        .rename(columns=PILLAR_LABELS)
    )
    fin = fin_c.slider("Financial attractiveness weight, % ")
    ppl = ppl_c.slider("People skills and availability weight, % ")
    chart = (
        alt.Chart(frame)
        .transform_filter((alt.datum.fin == fin) & (alt.datum.ppl == ppl))
        .transform_fold(list(PILLAR_LABELS.values()), as_=["pillar", "points"])
        .mark_bar()
        .encode(
            x=alt.X("points:Q", stack="zero", title="Index points (0-10)"),
            y=alt.Y("country_name:N", sort=alt.SortField("score", order="descending"), title=None),
            color=alt.Color("pillar:N", title="Pillar"),
            tooltip=[
                alt.Tooltip("country_name:N", title="Country"),
                alt.Tooltip("rank:Q", title="Model rank"),
                alt.Tooltip("gsli:N", title=f"Kearney GSLI {year}"),
                alt.Tooltip("score:Q", format=".2f"),
            ],
        )
        .add_params(fin, ppl)
        .properties(
            width=440,
            height=320,
            # The weights in force, always adding up to 100%.
            title=alt.Title(
                alt.expr(
                    "['Weights: financial ' + fin + '%, people ' + ppl + '%,', "
                    "'business environment ' + (100 - fin - ppl) + '%']"
                ),
                fontSize=12,
                fontWeight="normal",
                anchor="start",
            ),
        )
    )
    return Exhibit(
        legend_below(chart),
        # Valid by construction: moving one slider past 90% in total pushes the other down.
        capped_sum=(("fin", "ppl"), 100 - floor),
        controls=(fin_c, ppl_c),
        title=title,
        source=(
            "World Bank, World Development Indicators (CC BY 4.0), latest value in the "
            f"{index['lookback'].default} years to {index['year'].default}; course model "
            f"globalsourcing.models.location_index. Default weights {weights_text} from "
            f"Kearney's GSLI methodology; published GSLI {year} ranks as compiled in the "
            "gsli_ranks dataset."
        ),
        caption=(
            "The index uses open proxies (GDP per capita for wage costs), so it cannot reproduce "
            "Kearney's proprietary scores; compare the tooltip's published rank with the model's. "
            "The two sliders are coupled: raising one lowers the other when needed, so the "
            "business environment always keeps at least 10% and the weights add up to 100%."
        ),
    )
