"""Variant submissions for ps4_decisions (success rates in synthetic decisions)."""

from . import Wrong

Q = {
    n: f"ps4_q{n}_{slug}"
    for n, slug in enumerate(
        ["wilson", "scope_rates", "practice_rates", "length_by_scope", "gaps", "synthetic"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # numpy throughout: vectorised interval, value_counts and crosstab.
    "numpy_vectorised": {
        Q[1]: """
def wilson_interval(successes, n, z=1.96):
    p = np.asarray(successes, dtype=float) / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return float(c - h), float(c + h)
""",
        Q[2]: """
n = decisions["scope"].value_counts()
wins = decisions.loc[decisions["savings_achieved"], "scope"].value_counts()
scope_rates = pd.DataFrame({"n": n, "successes": wins}).fillna(0)
scope_rates["rate"] = scope_rates["successes"] / scope_rates["n"]
scope_rates[["ci_low", "ci_high"]] = [wilson_interval(s, k) for s, k in zip(scope_rates["successes"], scope_rates["n"])]
scope_rates.index.name = "scope"

def rates_by(frame, column):
    counts = frame.groupby(column)["savings_achieved"].agg(["size", "sum"])
    counts.columns = ["n", "successes"]
    counts["rate"] = counts["successes"] / counts["n"]
    counts[["ci_low", "ci_high"]] = [wilson_interval(s, k) for s, k in zip(counts["successes"], counts["n"])]
    return counts.reset_index()
""",
        Q[4]: """
deals = decisions.query("scope in ['selective', 'total_outsourcing']")
length = pd.Series(np.where(deals["contract_years"].to_numpy() <= 3, "short", "long"), index=deals.index)
length_by_scope = pd.crosstab(deals["scope"], length, values=deals["savings_achieved"].astype(int), aggfunc="mean")
""",
        Q[5]: """
rate = scope_rates["rate"]
naive_gap = rate.at["selective"] - rate.at["total_outsourcing"]
gap_long = np.subtract(*length_by_scope.loc[["selective", "total_outsourcing"], "long"].to_numpy())
""",
    },
    # melt-based long table and a groupby over two keys.
    "melt_long": {
        Q[3]: """
long = decisions.melt(
    id_vars=["savings_achieved"],
    value_vars=["decision_makers", "bid_process", "contract_type"],
    var_name="factor",
    value_name="level",
).dropna(subset=["level"])
practice_rates = long.groupby(["factor", "level"])["savings_achieved"].agg(n="count", successes="sum").reset_index()
practice_rates["rate"] = practice_rates["successes"] / practice_rates["n"]
intervals = practice_rates.apply(lambda r: pd.Series(wilson_interval(r["successes"], r["n"]), index=["ci_low", "ci_high"]), axis=1)
practice_rates = practice_rates.join(intervals)
""",
        Q[4]: """
deals = decisions[decisions.scope != "total_insourcing"].assign(
    length=lambda d: d.contract_years.gt(3).map({True: "long", False: "short"})
)
length_by_scope = deals.groupby(["scope", "length"])["savings_achieved"].mean().unstack("length")
""",
        Q[5]: """
naive_gap = float(scope_rates.loc[scope_rates.scope == "selective", "rate"].iloc[0]
                  - scope_rates.loc[scope_rates.scope == "total_outsourcing", "rate"].iloc[0])
gap_long = length_by_scope["long"].diff().abs().iloc[-1]
""",
        Q[6]: "answer_q6 = ' c '",
    },
    # Loops and a hand-built list of records.
    "records_loop": {
        Q[2]: """
records = []
for scope, group in decisions.groupby("scope"):
    k, s = len(group), int(group["savings_achieved"].sum())
    low, high = wilson_interval(s, k)
    records.append(dict(scope=scope, n=k, successes=s, rate=s / k, ci_low=low, ci_high=high))
scope_rates = pd.DataFrame(records).set_index("scope")

def rates_by(frame, column):
    rows = []
    for level, group in frame.groupby(column):
        k, s = len(group), int(group["savings_achieved"].sum())
        low, high = wilson_interval(s, k)
        rows.append({column: level, "n": k, "successes": s, "rate": s / k, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows)
""",
        Q[5]: """
naive_gap = scope_rates.loc["selective", "rate"] - scope_rates.loc["total_outsourcing", "rate"]
gap_long = length_by_scope["long"]["selective"] - length_by_scope["long"]["total_outsourcing"]
""",
    },
    # pd.cut + pd.crosstab (categorical column labels), an interval as a numpy array.
    "categorical_cut_crosstab": {
        Q[1]: """
def wilson_interval(successes, n, z=1.96):
    p = successes / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return np.array([centre - half, centre + half])
""",
        Q[4]: """
deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])]
length = pd.cut(deals["contract_years"], bins=[0, 3, np.inf], labels=["short", "long"])
length_by_scope = pd.crosstab(deals["scope"], length, values=deals["savings_achieved"], aggfunc="mean")
""",
        Q[6]: 'answer_q6 = "(C)"',
    },
    # An interval as a dict, rates and gaps rounded to the stated 3 decimals.
    "dict_interval_rounded": {
        Q[1]: """
def wilson_interval(successes, n, z=1.96):
    p = successes / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return {"low": centre - half, "high": centre + half}
""",
        Q[2]: """
def rates_by(frame, column):
    out = frame.groupby(column)["savings_achieved"].agg(n="size", successes="sum").reset_index()
    out["rate"] = (out["successes"] / out["n"]).round(3)
    bounds = [wilson_interval(s, n) for s, n in zip(out["successes"], out["n"])]
    out["ci_low"] = [round(b["low"], 3) for b in bounds]
    out["ci_high"] = [round(b["high"], 3) for b in bounds]
    return out


scope_rates = rates_by(decisions, "scope")
""",
        Q[5]: """
by_scope = scope_rates.set_index("scope")["rate"]
naive_gap = round(by_scope["selective"] - by_scope["total_outsourcing"], 3)
gap_long = round(length_by_scope.loc["selective", "long"] - length_by_scope.loc["total_outsourcing", "long"], 3)
""",
        Q[6]: 'answer_q6 = "C. The data are synthetic"',
    },
}

WRONG = [
    Wrong(
        "normal_approximation",
        {
            Q[1]: """
def wilson_interval(successes, n, z=1.96):
    p = successes / n
    half = z * math.sqrt(p * (1 - p) / n)
    return p - half, p + half
"""
        },
        # Follow-through: Q2 and Q3 are right for the student's own interval function.
        loses=(T[1],),
        message="that is the normal approximation",
    ),
    Wrong(
        "missing_contract_as_level",
        {
            Q[3]: """
practice_rates = pd.concat(
    [
        rates_by(decisions.fillna({factor: "none"}), factor).rename(columns={factor: "level"}).assign(factor=factor)
        for factor in ["decision_makers", "bid_process", "contract_type"]
    ],
    ignore_index=True,
)
"""
        },
        loses=(T[3],),
        message="leave the missing contract_type out",
    ),
    Wrong(
        "transposed_length_table",
        {
            Q[4]: """
deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])].copy()
deals["length"] = np.where(deals["contract_years"] <= 3, "short", "long")
length_by_scope = deals.pivot_table(index="length", columns="scope", values="savings_achieved", aggfunc="mean")
"""
        },
        # A table in the other orientation costs Q4 only: the reference Q5 code reads the
        # long-contract rates from the decisions, so it does not fail on the student's table.
        loses=(T[4],),
        message="transpose",
    ),
    Wrong(
        "short_instead_of_long",
        {
            Q[5]: """
by_scope = scope_rates.set_index("scope")["rate"]
naive_gap = by_scope["selective"] - by_scope["total_outsourcing"]
gap_long = length_by_scope.loc["selective", "short"] - length_by_scope.loc["total_outsourcing", "short"]
"""
        },
        loses=(T[5],),
        message="gap within short contracts",
    ),
    Wrong(
        "ignores_z",
        {
            Q[1]: """
def wilson_interval(successes, n, z=1.96):
    p = successes / n
    centre = (p + 1.96**2 / (2 * n)) / (1 + 1.96**2 / n)
    half = 1.96 * math.sqrt(p * (1 - p) / n + 1.96**2 / (4 * n**2)) / (1 + 1.96**2 / n)
    return centre - half, centre + half
"""
        },
        loses=(T[1],),
        message="called with another z",
    ),
    Wrong(
        "gap_rounded_too_coarsely",
        {
            Q[5]: """
by_scope = scope_rates.set_index("scope")["rate"]
naive_gap = round(by_scope["selective"] - by_scope["total_outsourcing"], 2)
gap_long = length_by_scope.loc["selective", "long"] - length_by_scope.loc["total_outsourcing", "long"]
"""
        },
        loses=(T[5],),
        message="looks rounded to 2 decimals",
    ),
]

# The cases of the fair-grading issue, by variant name (tests/exercises/test_fair_comparisons.py).
# Answer format here: the letter written "(C)" and "C. ..."; the interval as an array or a dict.
FAIR_CASES = {
    "categorical key": "categorical_cut_crosstab",
    "display precision": "dict_interval_rounded",
    "early slip": "normal_approximation",
    "answer format": "categorical_cut_crosstab",
}
