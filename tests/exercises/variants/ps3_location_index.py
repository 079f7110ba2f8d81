"""Variant submissions for ps3_location_index (an attractiveness index)."""

from . import Wrong

Q = {
    n: f"ps3_q{n}_{slug}"
    for n, slug in enumerate(["latest", "minmax", "scores", "spearman", "equal_weights"], start=1)
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

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
}

WRONG = [
    Wrong(
        "one_year_for_all",
        {
            Q[1]: """
latest = panel[panel["country_code"].isin(CANDIDATES) & (panel["year"] == 2023)].set_index("country_code")[INDICATORS]
"""
        },
        loses=(T[1], T[3], T[4], T[5]),
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
        loses=(T[3], T[4], T[5]),
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
]
