"""Variant submissions for ps1_market (market size and growth)."""

from . import Wrong

Q = {
    n: f"ps1_q{n}_{slug}"
    for n, slug in enumerate(
        ["ito", "cagr", "ito_growth", "idc_cagr", "bpo_claims", "definitions"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

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
}

WRONG = [
    Wrong(
        "cagr_as_percent",
        {
            Q[
                2
            ]: "def cagr(start, end, years):\n    return ((end / start) ** (1 / years) - 1) * 100\n"
        },
        loses=(T[2], T[3], T[4]),
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
        loses=(T[1], T[3]),
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
]
