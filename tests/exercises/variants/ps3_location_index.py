"""Variant submissions for ps3_location_index (an attractiveness index)."""

from . import Wrong

Q = {
    n: f"ps3_q{n}_{slug}"
    for n, slug in enumerate(["latest", "minmax", "scores", "spearman", "equal_weights"], start=1)
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}
SCORES_WITH_FLOAT_RANKS = """
scores = pd.DataFrame({
    "financial": 1 - minmax(np.log(latest["gdp_per_capita_usd"])),
    "people": (minmax(np.log(latest["labor_force"])) + minmax(latest["tertiary_enrolment_gross_pct"])) / 2,
    "business": (minmax(latest["internet_users_pct"]) + minmax(latest["fixed_broadband_per_100"])) / 2,
})
scores["index"] = 0.4 * scores["financial"] + 0.3 * scores["people"] + 0.3 * scores["business"]
scores["rank"] = scores["index"].rank(ascending=False)
"""

ALTERNATIVES = {
    # Long format: melt, dropna, keep the last year per country and indicator, pivot back.
    "melt_pivot": {
        Q[1]: """
long = panel[panel.country_code.isin(CANDIDATES) & panel.year.between(2018, 2023)].melt(
    id_vars=["country_code", "year"], value_vars=INDICATORS, var_name="indicator"
).dropna(subset=["value"])
last = long.sort_values("year").drop_duplicates(["country_code", "indicator"], keep="last")
latest = last.pivot(index="country_code", columns="indicator", values="value")[INDICATORS]
""",
        Q[3]: """
logged = latest.assign(gdp_per_capita_usd=np.log(latest.gdp_per_capita_usd), labor_force=np.log(latest.labor_force))
scaled = logged.apply(minmax)
scores = pd.DataFrame({
    "financial": 1 - scaled["gdp_per_capita_usd"],
    "people": scaled[["labor_force", "tertiary_enrolment_gross_pct"]].mean(axis=1),
    "business": scaled[["internet_users_pct", "fixed_broadband_per_100"]].mean(axis=1),
})
scores["index"] = scores.mul({"financial": 0.4, "people": 0.3, "business": 0.3}).sum(axis=1)
scores["rank"] = scores["index"].rank(ascending=False, method="min")
""",
        Q[
            5
        ]: "top3_equal = list(scores[['financial', 'people', 'business']].sum(axis=1).nlargest(3).index)",
    },
    # Explicit loops over countries and indicators; numpy for scaling.
    "loops_numpy": {
        Q[1]: """
rows = {}
for code in CANDIDATES:
    one = panel[(panel.country_code == code) & (panel.year >= 2018) & (panel.year <= 2023)].sort_values("year")
    rows[code] = {name: one[name].dropna().iloc[-1] for name in INDICATORS}
latest = pd.DataFrame.from_dict(rows, orient="index")
latest.index.name = "country_code"
""",
        Q[2]: """
def minmax(values):
    lo, hi = np.nanmin(values.to_numpy()), np.nanmax(values.to_numpy())
    return pd.Series((values.to_numpy() - lo) / (hi - lo), index=values.index)
""",
        Q[4]: """
edition = gsli_ranks.query("edition == 2021")
merged = edition.merge(scores.reset_index(), on="country_code")
merged["our_rank"] = merged["index"].rank(ascending=False)
spearman_2021 = float(np.corrcoef(merged["our_rank"], merged["rank_x"] if "rank_x" in merged else merged["rank"])[0, 1])
""",
    },
    # Chained assign and eval, reset_index so country_code is a column.
    "assign_chain": {
        Q[3]: """
scores = (
    latest.reset_index()
    .assign(
        financial=lambda d: 1 - minmax(np.log(d.gdp_per_capita_usd)),
        people=lambda d: 0.5 * minmax(np.log(d.labor_force)) + 0.5 * minmax(d.tertiary_enrolment_gross_pct),
        business=lambda d: 0.5 * minmax(d.internet_users_pct) + 0.5 * minmax(d.fixed_broadband_per_100),
    )
    .eval("index = 0.4 * financial + 0.3 * people + 0.3 * business")
    .assign(rank=lambda d: d["index"].rank(ascending=False).astype("int64"))
    [["country_code", "financial", "people", "business", "index", "rank"]]
    .set_index("country_code")
)
""",
        Q[4]: """
pub = gsli_ranks.loc[gsli_ranks.edition.eq(2021), ["country_code", "rank"]].set_index("country_code")
pub["ours"] = scores["index"].reindex(pub.index).rank(ascending=False)
spearman_2021 = pub["rank"].corr(pub["ours"])
""",
    },
    # Country codes as a categorical index, Series.corr(method="spearman") (scipy), the
    # top three as a numpy array.
    "categorical_codes_spearman": {
        Q[1]: """
window = panel[panel["country_code"].isin(CANDIDATES) & panel["year"].between(2018, 2023)].copy()
window["country_code"] = pd.Categorical(window["country_code"], categories=sorted(CANDIDATES, reverse=True))
latest = window.sort_values("year").groupby("country_code", observed=True)[INDICATORS].last()
""",
        Q[4]: """
published = gsli_ranks[gsli_ranks["edition"] == 2021].set_index("country_code")["rank"]
index_2021 = scores["index"].rename(index=str).loc[published.index]
spearman_2021 = (-index_2021).corr(published, method="spearman")
""",
        Q[5]: """
equal = scores[["financial", "people", "business"]].mean(axis=1)
top3_equal = equal.sort_values(ascending=False).index[:3].astype(str).to_numpy()
""",
    },
    # Rounded to the notebook's own display precision: latest.round(1), scores.round(3).
    "rounded_for_display": {
        Q[1]: """
window = panel[panel["country_code"].isin(CANDIDATES) & panel["year"].between(2018, 2023)]
latest = window.sort_values("year").groupby("country_code")[INDICATORS].last().round(1)
""",
        Q[3]: SCORES_WITH_FLOAT_RANKS + "scores = scores.round(3)\n",
        Q[4]: """
published = gsli_ranks[gsli_ranks["edition"] == 2021].set_index("country_code")["rank"]
spearman_2021 = round(scores.loc[published.index, "index"].rank(ascending=False).corr(published), 3)
""",
        Q[
            5
        ]: "top3_equal = tuple(scores[['financial', 'people', 'business']].mean(axis=1).nlargest(3).index)",
    },
}

WRONG = [
    Wrong(
        "one_year_for_all",
        {
            Q[1]: """
latest = panel[panel["country_code"].isin(CANDIDATES) & (panel["year"] == 2023)].set_index("country_code")[INDICATORS]
""",
            # The student's Q3 keeps float ranks, so their own code runs on the gaps.
            Q[3]: SCORES_WITH_FLOAT_RANKS,
        },
        # Follow-through: Q3-Q5 are right for the student's own (gappy) latest values.
        loses=(T[1],),
        message="India's internet users stop in 2020",
    ),
    Wrong(
        "cost_not_inverted",
        {
            Q[3]: """
scores = pd.DataFrame({
    "financial": minmax(np.log(latest["gdp_per_capita_usd"])),
    "people": (minmax(np.log(latest["labor_force"])) + minmax(latest["tertiary_enrolment_gross_pct"])) / 2,
    "business": (minmax(latest["internet_users_pct"]) + minmax(latest["fixed_broadband_per_100"])) / 2,
})
scores["index"] = 0.4 * scores["financial"] + 0.3 * scores["people"] + 0.3 * scores["business"]
scores["rank"] = scores["index"].rank(ascending=False)
"""
        },
        # Follow-through: Q4 and Q5 use the student's own scores.
        loses=(T[3],),
        message="lower cost is more attractive",
    ),
    Wrong(
        "score_against_rank",
        {
            Q[4]: """
published = gsli_ranks[gsli_ranks["edition"] == 2021].set_index("country_code")["rank"]
spearman_2021 = scores.loc[published.index, "index"].rank().corr(published)
"""
        },
        loses=(T[4],),
        message="wrong sign",
    ),
    Wrong(
        "top3_worst_first",
        {
            Q[
                5
            ]: "top3_equal = scores[['financial', 'people', 'business']].mean(axis=1).nlargest(3).index[::-1].tolist()"
        },
        loses=(T[5],),
        message="right countries in the wrong order",
    ),
    # An early slip with a complete table: the earliest year in the window, not the latest.
    Wrong(
        "earliest_year",
        {
            Q[1]: """
window = panel[panel["country_code"].isin(CANDIDATES) & panel["year"].between(2018, 2023)]
latest = window.sort_values("year").groupby("country_code")[INDICATORS].first()
"""
        },
        loses=(T[1],),
        message="has wrong values",
    ),
]

# The cases of the fair-grading issue, by variant name (tests/exercises/test_fair_comparisons.py).
# Answer format here: no letter question: the top three as a numpy array or a tuple.
FAIR_CASES = {
    "categorical key": "categorical_codes_spearman",
    "display precision": "rounded_for_display",
    "early slip": "earliest_year",
    "answer format": "categorical_codes_spearman",
}
