"""Model 2's widget: the location attractiveness index, compared with Kearney's GSLI ranks.

The model is :mod:`globalsourcing.models.location` and its server-free exhibit
:mod:`globalsourcing.exhibits.location`; display the widget as the last line of a cell.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as w
import pandas as pd

from globalsourcing import models
from globalsourcing.models.location import DEFAULT_INDICATORS, DEFAULT_WEIGHTS, INDICATORS, WEIGHT

from . import charts
from .base import ModelWidget
from .controls import LAYOUT, STYLE, control, declared_control


def location_widget(
    panel: pd.DataFrame | None = None, gsli_ranks: pd.DataFrame | None = None
) -> ModelWidget:
    """Model 2: location attractiveness index from World Bank indicators (needs ``wdi_panel``),
    compared with Kearney's published GSLI ranks (``gsli_ranks``)."""
    from globalsourcing.data import load

    panel = load("wdi_panel") if panel is None else panel
    gsli_ranks = load("gsli_ranks") if gsli_ranks is None else gsli_ranks
    editions = sorted({int(str(e)[:4]) for e in gsli_ranks["edition"]})
    compared = models.compare_with_gsli.parameters["edition"].opens_at
    options = sorted(INDICATORS)
    controls = {
        **{
            pillar: declared_control(
                replace(WEIGHT, label=f"Weight: {label}"), DEFAULT_WEIGHTS[pillar]
            )
            for pillar, label in (
                ("financial", "financial attractiveness"),
                ("people", "people skills and availability"),
                ("business", "business environment"),
            )
        },
        **{
            f"{p}_indicators": w.SelectMultiple(
                options=options,
                value=DEFAULT_INDICATORS[p],
                rows=4,
                description=f"{p.capitalize()} uses",
                style=STYLE,
                layout=LAYOUT,
            )
            for p in ("financial", "people", "business")
        },
        "year": control(models.location_index, "year"),
        "lookback": control(models.location_index, "lookback"),
        "edition": w.Dropdown(
            options=editions,
            value=compared if compared in editions else editions[-1],
            description="Compare with GSLI",
            style=STYLE,
        ),
    }

    def compute(v):
        weights = {p: v[p] for p in ("financial", "people", "business")}
        total = sum(weights.values())
        if total == 0:
            raise ValueError("Give at least one pillar a positive weight.")
        # Sliders cannot be kept summing to 1 by hand, so the widget rescales them.
        weights = {p: x / total for p, x in weights.items()}
        indicators = {p: tuple(v[f"{p}_indicators"]) for p in weights}
        frame = models.location_index(
            panel, weights=weights, indicators=indicators, year=v["year"], lookback=v["lookback"]
        )
        compared = models.compare_with_gsli(frame, gsli_ranks, v["edition"])
        published = compared.set_index("country_code")["published_rank"]
        top = frame.head(10)[
            ["rank", "country_name", "financial", "people", "business", "score", "oldest_year_used"]
        ].assign(gsli_rank=lambda f: frame.head(10)["country_code"].map(published).to_numpy())
        shares = ", ".join(f"{p} {x:.0%}" for p, x in weights.items())
        rho = compared.attrs["spearman"]
        agreement = (
            f"rank correlation with Kearney's {v['edition']} ranks {rho:+.2f} over "
            f"{int(compared['model_rank'].notna().sum())} countries"
            if rho == rho
            else f"too few countries to compare with Kearney's {v['edition']} ranks"
        )
        headline = (
            f"{frame.iloc[0]['country_name']} ranks first of {len(frame)} economies "
            f"(weights rescaled to {shares}); {len(frame.attrs['dropped'])} left out for "
            f"missing data; {agreement}."
        )
        return frame, top, headline, {"gsli_comparison": compared}

    return ModelWidget(
        "Location attractiveness index",
        controls,
        compute,
        chart=charts.pillar_bars,
        note="World Bank WDI (CC BY 4.0). GDP per capita stands in for wages. Weights are "
        "rescaled to add up to 1; the GSLI's published weights were 40/30/30.",
    )
