"""Variant submissions for ps1_market (market size and growth)."""

from . import Wrong

Q = {
    n: f"ps1_q{n}_{slug}"
    for n, slug in enumerate(
        ["ito", "cagr", "ito_growth", "idc_cagr", "bpo_claims", "definitions"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}
UNSORTED_ITO = """
market["midpoint_usd_bn"] = (market["value_low_usd_bn"] + market["value_high_usd_bn"]) / 2
ito = market.query("market == 'ito' and geography == 'World'").sort_values("year", ascending=False)
ito = ito[["year", "midpoint_usd_bn", "originator"]]
"""
SORTING_GROWTH = """
size = ito.sort_values("year").set_index("year")["midpoint_usd_bn"]
years = size.index.to_series()
ito_growth = pd.DataFrame(
    {"from_year": years.shift(), "to_year": years, "cagr": cagr(size.shift(), size, years.diff())}
).dropna()
"""

ALTERNATIVES = {
    # Boolean masks, numpy power, a loop over consecutive pairs, pivot_table.
    "masks_and_loops": {
        Q[1]: """
market["midpoint_usd_bn"] = market[["value_low_usd_bn", "value_high_usd_bn"]].mean(axis=1)
mask = market["market"].eq("ito") & market["geography"].eq("World")
ito = market.loc[mask, ["year", "midpoint_usd_bn", "originator"]].sort_values("year")
""",
        Q[2]: """
def cagr(start, end, years):
    return np.power(end / start, 1.0 / years) - 1.0
""",
        Q[3]: """
pairs = []
rows = list(ito.itertuples(index=False))
for before, after in zip(rows[:-1], rows[1:]):
    pairs.append({"from_year": before.year, "to_year": after.year,
                  "cagr": cagr(before.midpoint_usd_bn, after.midpoint_usd_bn, after.year - before.year)})
ito_growth = pd.DataFrame(pairs)
""",
        Q[5]: """
claims = market[market["reliability"] == "unverified_claim"]
bpo_claims = claims.pivot_table(index="year", values="midpoint_usd_bn", aggfunc=["count", "min", "max"])
bpo_claims.columns = ["n", "low", "high"]
bpo_claims["ratio"] = bpo_claims["high"] / bpo_claims["low"]
""",
        Q[6]: "answer_q6 = 'b'",
    },
    # Index-based: year as the index, diff() for the spans, a Series for the growth table.
    "indexed_series": {
        Q[1]: """
market = market.assign(midpoint_usd_bn=lambda d: d.value_low_usd_bn / 2 + d.value_high_usd_bn / 2)
ito = market[(market.market == "ito") & (market.geography == "World")].set_index("year")[["midpoint_usd_bn", "originator"]]
""",
        Q[3]: """
size = ito["midpoint_usd_bn"]
years = pd.Series(size.index, index=size.index)
rates = cagr(size.shift(), size, years.diff())
ito_growth = pd.DataFrame({"from_year": years.shift().values, "to_year": years.values, "cagr": rates.values}).dropna()
ito_growth = ito_growth.set_index(["from_year", "to_year"])["cagr"]
""",
        Q[4]: """
world_idc = market.query("market == 'is_outsourcing' and geography == 'World'").sort_values("year")
first, last = world_idc.iloc[0], world_idc.iloc[-1]
idc_cagr = cagr(first.midpoint_usd_bn, last.midpoint_usd_bn, last.year - first.year)
""",
    },
    # Plain arithmetic with explicit lookups and named aggregation with as_index=False.
    "lookups_and_named_agg": {
        Q[2]: """
def cagr(start, end, years):
    growth_factor = end / start
    return growth_factor ** (1 / years) - 1
""",
        Q[4]: """
v2002 = market.loc[(market.market == "is_outsourcing") & (market.geography == "World") & (market.year == 2002), "value_low_usd_bn"].item()
v2007 = market.loc[(market.market == "is_outsourcing") & (market.geography == "World") & (market.year == 2007), "value_low_usd_bn"].item()
idc_cagr = float(cagr(v2002, v2007, 5))
""",
        Q[5]: """
bpo_claims = (
    market.query("market == 'bpo' and reliability == 'unverified_claim'")
    .groupby("year", as_index=False)
    .agg(n=("estimate_id", "size"), low=("midpoint_usd_bn", "min"), high=("midpoint_usd_bn", "max"))
    .assign(ratio=lambda d: d.high / d.low)
)
""",
    },
    # Categorical keys: years as an ordered categorical (newest first) in the growth table
    # and the claims table; the letter written the way the prompt shows it.
    "categorical_years": {
        Q[3]: """
size = ito.set_index("year")["midpoint_usd_bn"]
ito_growth = pd.DataFrame({"from_year": size.index[:-1], "to_year": size.index[1:]})
ito_growth["cagr"] = [cagr(size[a], size[b], b - a) for a, b in zip(ito_growth.from_year, ito_growth.to_year)]
order = sorted(ito_growth["to_year"], reverse=True)
ito_growth["to_year"] = pd.Categorical(ito_growth["to_year"], categories=order, ordered=True)
""",
        Q[5]: """
claims = market[(market["market"] == "bpo") & (market["reliability"] == "unverified_claim")]
claims = claims.assign(year=pd.Categorical(claims["year"], categories=sorted(claims["year"].unique(), reverse=True)))
bpo_claims = claims.groupby("year", observed=True)["midpoint_usd_bn"].agg(n="count", low="min", high="max").reset_index()
bpo_claims["ratio"] = bpo_claims["high"] / bpo_claims["low"]
""",
        Q[6]: 'answer_q6 = "(B)"',
    },
    # Rounded at the precision the header states (1 decimal for US$ bn, 3 for rates).
    "rounded_to_stated_precision": {
        Q[3]: """
ito_growth = pd.DataFrame({
    "from_year": ito["year"].shift(),
    "to_year": ito["year"],
    "cagr": cagr(ito["midpoint_usd_bn"].shift(), ito["midpoint_usd_bn"], ito["year"].diff()).round(3),
}).dropna()
""",
        Q[4]: """
idc = market[(market["market"] == "is_outsourcing") & (market["geography"] == "World")].set_index("year")
idc_cagr = round(cagr(idc.loc[2002, "midpoint_usd_bn"], idc.loc[2007, "midpoint_usd_bn"], 5), 3)
""",
        Q[5]: """
claims = market[(market["market"] == "bpo") & (market["reliability"] == "unverified_claim")]
bpo_claims = claims.groupby("year")["midpoint_usd_bn"].agg(n="count", low="min", high="max").round(1)
bpo_claims["ratio"] = (bpo_claims["high"] / bpo_claims["low"]).round(3)
""",
        Q[6]: 'answer_q6 = "B. IDC counts ten functions"',
    },
}

WRONG = [
    Wrong(
        "cagr_as_percent",
        {
            Q[
                2
            ]: "def cagr(start, end, years):\n    return ((end / start) ** (1 / years) - 1) * 100\n"
        },
        # Follow-through: Q3 and Q4 use the student's own cagr and keep their points.
        loses=(T[2],),
        message="that looks like a percentage",
    ),
    Wrong(
        "ito_with_ito_bpo",
        {
            Q[1]: """
market["midpoint_usd_bn"] = (market["value_low_usd_bn"] + market["value_high_usd_bn"]) / 2
ito = market[market["market"].isin(["ito", "ito_bpo"])][["year", "midpoint_usd_bn", "originator"]]
"""
        },
        # Follow-through: Q3's growth table is right for the student's own ito.
        loses=(T[1],),
        message="'ito_bpo' mixes in BPO spending",
    ),
    Wrong(
        "one_year_too_many",
        {
            Q[3]: """
ito_growth = pd.DataFrame({
    "from_year": ito["year"].shift(),
    "to_year": ito["year"],
    "cagr": cagr(ito["midpoint_usd_bn"].shift(), ito["midpoint_usd_bn"], ito["year"] - ito["year"].shift() + 1),
}).dropna()
"""
        },
        loses=(T[3],),
        message="6 years (2001 - 1995), not 7",
    ),
    Wrong(
        "all_bpo_rows",
        {
            Q[5]: """
claims = market[market["market"] == "bpo"]
bpo_claims = claims.groupby("year")["midpoint_usd_bn"].agg(n="count", low="min", high="max").reset_index()
bpo_claims["ratio"] = bpo_claims["high"] / bpo_claims["low"]
"""
        },
        loses=(T[5],),
        message="unverified_claim",
    ),
    Wrong(
        "growth_not_annualised",
        {
            Q[3]: """
ito_growth = pd.DataFrame({
    "from_year": ito["year"].shift(),
    "to_year": ito["year"],
    "cagr": ito["midpoint_usd_bn"].pct_change(),
}).dropna()
"""
        },
        loses=(T[3],),
        message="total growth between two estimates",
    ),
    Wrong(
        "rounded_too_coarsely",
        {
            Q[4]: """
idc = market[(market["market"] == "is_outsourcing") & (market["geography"] == "World")].set_index("year")
idc_cagr = round(cagr(idc.loc[2002, "midpoint_usd_bn"], idc.loc[2007, "midpoint_usd_bn"], 5), 2)
"""
        },
        loses=(T[4],),
        message="looks rounded to 2 decimals",
    ),
    # Q3 sorts for itself, so only Q1's stated requirement is missed.
    Wrong(
        "unsorted_ito",
        {Q[1]: UNSORTED_ITO, Q[3]: SORTING_GROWTH},
        loses=(T[1],),
        message="not sorted by year",
    ),
]

# The cases of the fair-grading issue, by variant name (tests/exercises/test_fair_comparisons.py).
# Answer format here: the letter written "(B)" and "B. ...".
FAIR_CASES = {
    "categorical key": "categorical_years",
    "display precision": "rounded_to_stated_precision",
    "early slip": "cagr_as_percent",
    "answer format": "categorical_years",
}
