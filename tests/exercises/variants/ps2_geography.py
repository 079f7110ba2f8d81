"""Variant submissions for ps2_geography (the WDI panel)."""

from . import Wrong

Q = {
    n: f"ps2_q{n}_{slug}"
    for n, slug in enumerate(
        ["economies", "top10", "group_exports", "growth", "per_worker", "bpo_gap"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}
GROWTH_SOLUTION = """
growth = (group_exports.loc[2024] / group_exports.loc[2010]) ** (1 / (2024 - 2010)) - 1
growth.index.name = "group"
"""

ALTERNATIVES = {
    # query strings, sort_values/head, groupby + unstack, idxmax on years.
    "query_and_groupby": {
        Q[1]: "economies = panel.query('is_aggregate == False').copy()",
        Q[2]: """
y2024 = panel.query("year == 2024").set_index("country_code")
world = y2024.at["WLD", "ict_service_exports_usd"]
top = y2024[~y2024["is_aggregate"]].sort_values("ict_service_exports_usd", ascending=False).head(10)
top10_2024 = pd.DataFrame({
    "country_name": top["country_name"],
    "ict_exports_usd_bn": top["ict_service_exports_usd"] / 1_000_000_000,
    "world_share": top["ict_service_exports_usd"] / world,
})
""",
        Q[3]: """
sub = panel[panel.country_code.isin(list(GROUP_OF))]
sub = sub[(sub.year >= 2005) & (sub.year <= 2024)]
group_exports = (sub.groupby([sub.year, sub.country_code.map(GROUP_OF).rename("group")])
                 ["ict_service_exports_usd"].sum().unstack() / 1e9)
""",
        Q[5]: """
rows = []
for code in GROUP_OF:
    one = panel[(panel.country_code == code) & panel.ict_service_exports_usd.notna() & panel.labor_force.notna()]
    last = one.loc[one.year.idxmax()]
    rows.append({"country_code": code, "year": last.year,
                 "ict_per_worker_usd": last.ict_service_exports_usd / last.labor_force})
latest_per_worker = pd.DataFrame(rows)
""",
    },
    # merge with a mapping table, crosstab, numpy power.
    "merge_mapping": {
        Q[3]: """
mapping = pd.DataFrame({"country_code": list(GROUP_OF), "group": list(GROUP_OF.values())})
joined = panel.merge(mapping, on="country_code", how="inner")
joined = joined[joined.year.between(2005, 2024)]
group_exports = pd.crosstab(joined.year, joined.group, values=joined.ict_service_exports_usd / 1e9, aggfunc="sum")
""",
        Q[4]: """
start, end = group_exports.loc[2010], group_exports.loc[2024]
growth = pd.DataFrame({"group": start.index, "cagr": np.power(end.values / start.values, 1 / 14) - 1})
""",
        Q[5]: """
both = panel[panel["country_code"].isin(GROUP_OF.keys())]
both = both[both[["ict_service_exports_usd", "labor_force"]].notna().all(axis=1)]
idx = both.groupby("country_code")["year"].idxmax()
latest_per_worker = both.loc[idx].set_index("country_code")[["year"]]
latest_per_worker["ict_per_worker_usd"] = (both.loc[idx, "ict_service_exports_usd"] / both.loc[idx, "labor_force"]).to_numpy()
""",
        Q[6]: "answer_q6 = 'b'",
    },
    # Boolean masks with .loc, a dict comprehension, groupby().last() on sorted data.
    "masks_and_last": {
        Q[1]: "economies = panel.loc[panel.is_aggregate.eq(False)]",
        Q[4]: """
growth = pd.Series({g: (group_exports.at[2024, g] / group_exports.at[2010, g]) ** (1 / 14) - 1
                    for g in group_exports.columns})
""",
        Q[5]: """
have = panel.loc[panel.country_code.isin(GROUP_OF), ["country_code", "year", "ict_service_exports_usd", "labor_force"]].dropna()
last = have.sort_values(["country_code", "year"]).groupby("country_code").last()
latest_per_worker = last.assign(ict_per_worker_usd=last.ict_service_exports_usd / last.labor_force)[["year", "ict_per_worker_usd"]]
""",
    },
    # Groups as a categorical in the order the prompt lists them; growth as a dict.
    "categorical_groups": {
        Q[3]: """
members = panel[panel["country_code"].isin(GROUP_OF) & panel["year"].between(2005, 2024)].copy()
members["group"] = pd.Categorical(members["country_code"].map(GROUP_OF), categories=["India", "Philippines", "CEE"])
group_exports = members.groupby(["year", "group"], observed=True)["ict_service_exports_usd"].sum().unstack() / 1e9
""",
        Q[4]: """
growth = {g: (group_exports.loc[2024, g] / group_exports.loc[2010, g]) ** (1 / 14) - 1 for g in group_exports.columns}
""",
        Q[6]: 'answer_q6 = "B) BPO is recorded as other business services"',
    },
    # Rounded to the notebook's own display precision (1 decimal for US$ bn) and to the
    # stated 3 decimals for shares and rates.
    "rounded_for_display": {
        Q[2]: """
world_2024 = panel.loc[(panel["country_code"] == "WLD") & (panel["year"] == 2024), "ict_service_exports_usd"].iloc[0]
top10_2024 = economies[economies["year"] == 2024].nlargest(10, "ict_service_exports_usd")
top10_2024 = top10_2024.assign(
    ict_exports_usd_bn=(top10_2024["ict_service_exports_usd"] / 1e9).round(1),
    world_share=(top10_2024["ict_service_exports_usd"] / world_2024).round(3),
)[["country_code", "country_name", "ict_exports_usd_bn", "world_share"]]
""",
        Q[3]: """
members = panel[panel["country_code"].isin(GROUP_OF) & panel["year"].between(2005, 2024)]
group_exports = members.assign(group=members["country_code"].map(GROUP_OF)).pivot_table(
    index="year", columns="group", values="ict_service_exports_usd", aggfunc="sum"
).div(1e9).round(1)
""",
        Q[4]: """
exact = members.assign(group=members["country_code"].map(GROUP_OF)).groupby(["group", "year"])["ict_service_exports_usd"].sum()
growth = ((exact.xs(2024, level="year") / exact.xs(2010, level="year")) ** (1 / 14) - 1).round(3)
""",
        Q[6]: 'answer_q6 = "(b)"',
    },
}

WRONG = [
    Wrong(
        "kept_aggregates",
        {Q[1]: "economies = panel.copy()"},
        # Follow-through: Q2 is right for the student's own economies.
        loses=(T[1],),
        message="Did you drop the World Bank aggregates",
    ),
    Wrong(
        "included_2025",
        {
            Q[3]: """
members = panel[panel["country_code"].isin(GROUP_OF) & (panel["year"] >= 2005)]
group_exports = members.assign(group=members["country_code"].map(GROUP_OF)).pivot_table(
    index="year", columns="group", values="ict_service_exports_usd", aggfunc="sum").div(1e9)
"""
        },
        loses=(T[3],),
        message="A sum of only missing values is 0",
    ),
    Wrong(
        "fifteen_years",
        {Q[4]: "growth = (group_exports.loc[2024] / group_exports.loc[2010]) ** (1 / 15) - 1"},
        loses=(T[4],),
        message="14 years of growth, not 15",
    ),
    Wrong(
        "same_year_for_all",
        {
            Q[5]: """
y = panel[panel["country_code"].isin(GROUP_OF) & (panel["year"] == 2024)].dropna(subset=["ict_service_exports_usd", "labor_force"])
latest_per_worker = y.assign(ict_per_worker_usd=y["ict_service_exports_usd"] / y["labor_force"])[["country_code", "year", "ict_per_worker_usd"]]
"""
        },
        loses=(T[5],),
        message="latest year in which both series are available",
    ),
    Wrong(
        "rounded_growth_too_coarsely",
        {Q[4]: GROWTH_SOLUTION + "growth = growth.round(2)\n"},
        loses=(T[4],),
        message="look rounded to 2 decimals",
    ),
    Wrong(
        "dropped_countries_too",
        {
            Q[
                1
            ]: "economies = panel[~panel['is_aggregate']].dropna(subset=['ict_service_exports_usd'])"
        },
        loses=(T[1],),
        message="dropped some economies",
    ),
]

# The cases of the fair-grading issue, by variant name (tests/exercises/test_fair_comparisons.py).
# Answer format here: the letter written "B) ..." and "(b)"; growth as a dict.
FAIR_CASES = {
    "categorical key": "categorical_groups",
    "display precision": "rounded_for_display",
    "early slip": "kept_aggregates",
    "answer format": "categorical_groups",
}
