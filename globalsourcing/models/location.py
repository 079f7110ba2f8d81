"""Model 2: a location attractiveness index in the style of Kearney's Global Services Location Index.

The GSLI scores countries on three pillars: financial attractiveness, people skills and
availability, and business environment. Kearney's scores are copyrighted, so this model
rebuilds an index of the same shape from open World Bank indicators, lets the student choose
the pillar weights and the indicators behind each pillar, ranks the countries, and compares
the ranking with the ranks Kearney published.

Assumptions
-----------
- GDP per capita (current US$) stands in for wage levels: no open cross-country IT salary
  series exists, so a lower GDP per capita counts as financially more attractive.
- For each country and indicator the model takes the latest value available in the window
  ``year - lookback`` .. ``year`` (World Bank series have gaps; India, for example, has no
  internet-use figure after 2020 in this vintage). Countries still missing any chosen
  indicator are left out and listed in ``result.attrs["dropped"]``.
- Candidates are economies (not World Bank aggregates) with at least ``min_population``
  people, since the GSLI rates countries that can host sizeable service centres.
- Each indicator is winsorised at its 5th and 95th percentile across candidates, optionally
  log-transformed, min-max scaled to 0-1 and flipped where lower is better. A pillar is the
  mean of its indicators; the index is the weighted sum, scaled to 0-10 like the GSLI.

Sources of defaults
-------------------
- Weights 40/30/30 for financial attractiveness, people skills and availability, and business
  environment: Kearney's GSLI methodology as quoted for the 2007 edition (``gsli_pillars``).
- Indicators: World Bank, World Development Indicators (CC BY 4.0). The mapping of indicators
  to pillars is the course's own choice, not Kearney's (Kearney uses 40-50 metrics, some of
  them proprietary). The default set was chosen because its ranking agrees better with the
  published ranks than the alternatives tried; it needs ICT service exports, which the World
  Bank does not report for Viet Nam, so Viet Nam drops out unless that indicator is removed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import declared, number, relation, share, weights_sum_to_one, whole
from .params import frame as _require_frame

PILLARS = ("financial", "people", "business")
PILLAR_LABELS = {
    "financial": "Financial attractiveness",
    "people": "People skills and availability",
    "business": "Business environment",
}
DEFAULT_WEIGHTS = {"financial": 0.4, "people": 0.3, "business": 0.3}
#: One pillar's weight, as the widget's sliders and the exhibit's grid show it (the weights
#: are a dict, so they are declared here rather than on ``location_index``'s signature).
WEIGHT = share("Pillar weight", (0.0, 1.0, 0.05), grid=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8))

#: Pillar names in the ``gsli_pillars`` dataset.
GSLI_PILLAR_NAMES = {
    "financial_attractiveness": "financial",
    "people_skills_and_availability": "people",
    "business_environment": "business",
}


def gsli_weights(gsli_pillars: pd.DataFrame | None = None) -> dict[str, float]:
    """Kearney's published pillar weights from ``gsli_pillars``, as shares adding up to 1.

    Pillars without a published weight (digital resonance, added in 2019) are ignored.
    """
    if gsli_pillars is None:
        from globalsourcing.data import load

        gsli_pillars = load("gsli_pillars")
    _require_frame("gsli_weights", gsli_pillars, ["pillar", "weight_pct"], "gsli_pillars")
    rows = gsli_pillars[gsli_pillars["pillar"].isin(list(GSLI_PILLAR_NAMES))].dropna(
        subset=["weight_pct"]
    )
    if rows.empty:
        raise ValueError("The GSLI pillars table has no weights for the three classic pillars.")
    weights = {
        GSLI_PILLAR_NAMES[p]: float(w)
        for p, w in zip(rows["pillar"], rows["weight_pct"], strict=True)
    }
    total = sum(weights.values())
    return {p: weights.get(p, 0.0) / total for p in PILLARS}


#: WDI indicators a pillar may use: (lower is better, log-transform, label).
INDICATORS: dict[str, tuple[bool, bool, str]] = {
    "gdp_per_capita_usd": (True, True, "GDP per capita, US$ (wage-cost proxy)"),
    "cpi_inflation_pct": (True, False, "Consumer price inflation, %"),
    "labor_force": (False, True, "Labour force"),
    "tertiary_enrolment_gross_pct": (False, False, "Tertiary enrolment, % gross"),
    "unemployment_pct": (False, False, "Unemployment, % (slack in the labour market)"),
    "ict_service_exports_usd": (False, True, "ICT service exports, US$ (track record)"),
    "internet_users_pct": (False, False, "Internet users, % of population"),
    "fixed_broadband_per_100": (False, False, "Fixed broadband per 100 people"),
    "secure_servers_per_million": (False, True, "Secure internet servers per million"),
    "mobile_subs_per_100": (False, False, "Mobile subscriptions per 100 people"),
}
DEFAULT_INDICATORS: dict[str, tuple[str, ...]] = {
    "financial": ("gdp_per_capita_usd", "cpi_inflation_pct"),
    "people": ("labor_force", "ict_service_exports_usd"),
    "business": ("internet_users_pct", "secure_servers_per_million"),
}
PANEL_COLUMNS = ("country_code", "country_name", "is_aggregate", "year", "population")


@declared(
    year=whole("Reference year", 1960, 2100), lookback=whole("Years that may fill a gap", 0, 60)
)
def latest_available(
    panel: pd.DataFrame, columns: list[str], year: int, lookback: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Latest non-missing value of each column per country within ``year - lookback .. year``.

    Returns ``(values, years_used)``, both indexed by ``country_code``; a country with no
    value in the window has NaN in both.
    """
    years = panel["year"].to_numpy()
    inside = (years <= year) & (years >= year - lookback)
    codes, countries = pd.factorize(panel["country_code"].to_numpy(dtype=object)[inside])
    years = years[inside]
    values = np.full((len(countries), len(columns)), np.nan)
    used = np.full((len(countries), len(columns)), np.nan)
    for j, column in enumerate(columns):
        data = panel[column].to_numpy(dtype=float)[inside]
        rows = np.flatnonzero(~np.isnan(data))
        # Latest year per country: the largest year among its non-missing rows.
        latest = np.full(len(countries), -1, dtype=np.int64)
        np.maximum.at(latest, codes[rows], years[rows])
        has = latest >= 0
        pick = rows[years[rows] == latest[codes[rows]]]
        values[codes[pick], j] = data[pick]
        used[has, j] = latest[has]
    index = pd.Index(countries, name="country_code")
    return (
        pd.DataFrame(values, index=index, columns=columns),
        pd.DataFrame(used, index=index, columns=columns),
    )


def _scale(values: np.ndarray, lower_is_better: bool, log: bool) -> np.ndarray:
    """Winsorise at the 5th/95th percentile, optionally log, min-max to 0-1, flip if needed."""
    low, high = np.quantile(values, [0.05, 0.95])
    clipped = np.clip(values, low, high)
    if log:
        clipped = np.log10(np.clip(clipped, 1e-9, None))
    span = clipped.max() - clipped.min()
    scaled = (clipped - clipped.min()) / span if span > 0 else np.full_like(clipped, 0.5)
    return 1 - scaled if lower_is_better else scaled


@declared(
    year=whole("Reference year", 1960, 2100, control=(2008, 2024, 1)),
    lookback=whole("Fill gaps from up to N years back", 0, 60, control=(0, 10, 1)),
    min_population=number("Smallest population considered", 0),
)
def location_index(
    panel: pd.DataFrame,
    weights: dict[str, float] | None = None,
    indicators: dict[str, tuple[str, ...] | list[str]] | None = None,
    year: int = 2023,
    lookback: int = 5,
    min_population: float = 5_000_000,
) -> pd.DataFrame:
    """Score and rank countries on three weighted pillars built from WDI indicators.

    Parameters
    ----------
    panel : the ``wdi_panel`` dataset (one row per economy and year) with columns
        ``country_code, country_name, is_aggregate, year, population`` and the chosen indicators.
    weights : pillar weights ``{"financial", "people", "business"}``, each >= 0, adding up to 1.
    indicators : which columns feed each pillar (see ``INDICATORS`` for the choices); every
        pillar with a positive weight needs at least one.
    year : the reference year; ``lookback`` : how many earlier years may fill a gap.
    min_population : smallest economy considered.

    Returns
    -------
    DataFrame sorted by rank: ``country_code, country_name, financial, people, business``
    (weighted pillar points; they add up to ``score``), ``score`` (0-10), ``rank``, and
    ``oldest_year_used`` (the oldest data year behind the country's score).
    ``attrs["dropped"]`` lists candidates left out for missing data.
    """
    weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
    unknown = sorted(set(weights) - set(PILLARS))
    relation("location_index", "weights", not unknown, f"weights of the pillars {list(PILLARS)}",
             unknown)  # fmt: skip
    weights_sum_to_one("location_index", weights)
    weights = {p: float(weights.get(p, 0.0)) for p in PILLARS}
    chosen = {p: tuple((indicators or DEFAULT_INDICATORS).get(p, ())) for p in PILLARS}
    for pillar, names in chosen.items():
        for name in names:
            if name not in INDICATORS:
                raise ValueError(
                    f"Indicator {name!r} (pillar {pillar!r}) is not one the model knows; "
                    f"choose from {sorted(INDICATORS)}."
                )
        if weights[pillar] > 0 and not names:
            raise ValueError(f"Pillar {pillar!r} has weight {weights[pillar]} but no indicators.")
    columns = sorted({name for names in chosen.values() for name in names})
    _require_frame("location_index", panel, [*PANEL_COLUMNS, *columns], "panel")

    # Work on the needed columns only, without the dataset's metadata, which pandas would
    # otherwise copy at every step (it dominated the run time).
    keep = ~panel["is_aggregate"].astype(bool).to_numpy()
    economies = pd.DataFrame(
        {
            "country_code": panel["country_code"].to_numpy(dtype=object)[keep],
            "year": panel["year"].to_numpy()[keep],
            **{
                c: panel[c].to_numpy(dtype=float)[keep]
                for c in dict.fromkeys([*columns, "population"])
            },
        }
    )
    values, years_used = latest_available(economies, [*columns, "population"], year, lookback)
    values = values[values["population"] >= min_population]
    complete = values[columns].notna().all(axis=1)
    dropped = sorted(values.index[~complete])
    values = values[complete]
    if len(values) < 2:
        raise ValueError(
            f"Only {len(values)} economies have all of {columns} in {year - lookback}-{year}; "
            "widen the lookback, lower min_population or choose other indicators."
        )

    scaled = {
        name: _scale(values[name].to_numpy(dtype=float), *INDICATORS[name][:2]) for name in columns
    }
    last_name = panel[["country_code", "country_name"]].drop_duplicates("country_code", keep="last")
    names = dict(
        zip(
            last_name["country_code"].to_numpy(dtype=object),
            last_name["country_name"].to_numpy(dtype=object),
            strict=True,
        )
    )
    result = pd.DataFrame(
        {
            "country_code": values.index.to_numpy(),
            "country_name": [names[c] for c in values.index],
        }
    )
    for pillar in PILLARS:
        if chosen[pillar]:
            points = np.mean([scaled[name] for name in chosen[pillar]], axis=0)
        else:
            points = np.zeros(len(result))
        result[pillar] = points * weights[pillar] * 10
    result["score"] = result[list(PILLARS)].sum(axis=1)
    result["rank"] = result["score"].rank(ascending=False, method="min").astype(int)
    result["oldest_year_used"] = (
        years_used.loc[values.index, columns].min(axis=1).astype(int).to_numpy()
    )
    result = result.sort_values(["rank", "country_name"]).reset_index(drop=True)
    result.attrs["dropped"] = dropped
    result.attrs["indicators"] = chosen
    return result


#: Names the GSLI press releases use that differ from the World Bank's.
GSLI_NAME_TO_CODE = {
    "Vietnam": "VNM",
    "United States": "USA",
    "United Kingdom": "GBR",
    "Egypt": "EGY",
    "Turkey": "TUR",
    "Russia": "RUS",
    "Czech Republic": "CZE",
    "Slovakia": "SVK",
    "South Korea": "KOR",
}


# The widget and the exhibit compare with the 2021 edition, the latest in ``gsli_ranks``.
@declared(edition=whole("GSLI edition (year)", 1900, 2100, start=2021))
def compare_with_gsli(index: pd.DataFrame, gsli_ranks: pd.DataFrame, edition: int) -> pd.DataFrame:
    """Put the model's ranks beside the ranks Kearney published in one GSLI edition.

    ``gsli_ranks`` needs ``edition, rank`` and either ``country_code`` or ``country``.
    Returns one row per published country: ``country_code, country_name, published_rank,
    model_rank`` (rank among all scored countries; NaN if the country was not scored) and
    ``model_rank_within`` (rank among the published countries the model scored).
    ``attrs["spearman"]`` is the rank correlation over the countries both lists contain
    (NaN if fewer than three).
    """
    _require_frame("compare_with_gsli", index, ["country_code", "country_name", "rank"], "index")
    _require_frame("compare_with_gsli", gsli_ranks, ["edition", "rank"], "gsli_ranks")
    published = gsli_ranks[gsli_ranks["edition"].astype(str).str[:4] == str(edition)].copy()
    if published.empty:
        editions = sorted(gsli_ranks["edition"].astype(str).str[:4].unique())
        raise ValueError(f"No published GSLI ranks for edition {edition}; available: {editions}.")
    if "country_code" not in published.columns:
        _require_frame("compare_with_gsli", published, ["country"], "gsli_ranks")
        by_name = dict(zip(index["country_name"], index["country_code"], strict=True))
        published["country_code"] = published["country"].map(
            lambda n: GSLI_NAME_TO_CODE.get(n, by_name.get(n))
        )
    names = published["country"] if "country" in published.columns else published["country_code"]
    model_rank = dict(zip(index["country_code"], index["rank"], strict=True))
    merged = pd.DataFrame(
        {
            "country_code": published["country_code"].to_numpy(dtype=object),
            "country_name": names.to_numpy(dtype=object),
            "published_rank": published["rank"].to_numpy(),
            "model_rank": [model_rank.get(c, np.nan) for c in published["country_code"]],
        }
    )
    merged["model_rank_within"] = merged["model_rank"].rank(method="min")
    merged = merged.sort_values("published_rank").reset_index(drop=True)
    both = merged.dropna(subset=["model_rank"])
    if len(both) >= 3:
        a = both["published_rank"].rank().to_numpy()
        b = both["model_rank"].rank().to_numpy()
        rho = float(np.corrcoef(a, b)[0, 1]) if a.std() > 0 and b.std() > 0 else float("nan")
    else:
        rho = float("nan")
    merged.attrs["spearman"] = rho
    return merged
