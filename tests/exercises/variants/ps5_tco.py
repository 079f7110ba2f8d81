"""Variant submissions for ps5_tco (offshore total cost of ownership)."""

from . import Wrong

Q1, Q2, Q3, Q4, Q5 = (
    "ps5_q1_cost_function",
    "ps5_q2_cost_table",
    "ps5_q3_break_even_year",
    "ps5_q4_break_even_rate",
    "ps5_q5_sensitivity",
)
T1, T2, T3, T4, T5 = (f"{q}_tests" for q in (Q1, Q2, Q3, Q4, Q5))

ALTERNATIVES = {
    # Plain Python: loops and lists of records, a bisection search for the rate.
    "loops": {
        Q1: """
def offshore_annual_cost(fte, rate, productivity_loss, governance_pct):
    people = fte + fte * productivity_loss
    fees = people * rate
    governance = fees * governance_pct
    return fees + governance
""",
        Q2: """
rows = []
running = 0
for year in range(1, YEARS + 1):
    offshore = offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
    if year == 1:
        offshore += TRANSITION_COST
    onshore = FTE * ONSHORE_COST_PER_FTE
    running += onshore - offshore
    rows.append({"year": year, "onshore_cost": onshore, "offshore_cost": offshore,
                 "saving": onshore - offshore, "cumulative_saving": running})
cost_table = pd.DataFrame(rows)
""",
        Q3: """
break_even_year = None
for _, row in cost_table.iterrows():
    if row["cumulative_saving"] >= 0:
        break_even_year = int(row["year"])
        break
""",
        Q4: """
def five_year_saving(rate):
    annual = offshore_annual_cost(FTE, rate, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
    return YEARS * (FTE * ONSHORE_COST_PER_FTE - annual) - TRANSITION_COST

low, high = 0.0, 100_000.0
for _ in range(100):
    mid = (low + high) / 2
    if five_year_saving(mid) > 0:
        low = mid
    else:
        high = mid
break_even_rate = (low + high) / 2
""",
        Q5: """
records = []
for loss in [0.0, 0.15, 0.30, 0.45, 0.60]:
    for share in [0.05, 0.10, 0.15, 0.20]:
        annual = offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, loss, share)
        records.append((loss, share, YEARS * (FTE * ONSHORE_COST_PER_FTE - annual) - TRANSITION_COST))
long = pd.DataFrame(records, columns=["loss", "share", "saving"])
sensitivity = long.pivot(index="loss", columns="share", values="saving")
""",
    },
    # numpy arrays, year as the index, assign chains, a fine grid search for the rate.
    "numpy_index": {
        Q2: """
years = pd.Index(range(1, YEARS + 1), name="year")
cost_table = (
    pd.DataFrame(index=years)
    .assign(onshore_cost=float(FTE * ONSHORE_COST_PER_FTE))
    .assign(offshore_cost=lambda d: offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
            + TRANSITION_COST * (d.index == 1))
    .assign(saving=lambda d: d.onshore_cost - d.offshore_cost)
    .assign(cumulative_saving=lambda d: d.saving.cumsum())
)
""",
        Q3: """
break_even_year = int((cost_table["cumulative_saving"] >= 0).idxmax())
""",
        Q4: """
rates = np.arange(26_000, 52_000, 0.25)
savings = YEARS * (FTE * ONSHORE_COST_PER_FTE - offshore_annual_cost(FTE, rates, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)) - TRANSITION_COST
break_even_rate = float(rates[np.abs(savings).argmin()])
""",
        Q5: """
losses = np.array([0.0, 0.15, 0.30, 0.45, 0.60])
shares = np.array([0.05, 0.10, 0.15, 0.20])
grid = YEARS * (FTE * ONSHORE_COST_PER_FTE - offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, losses[:, None], shares[None, :])) - TRANSITION_COST
sensitivity = pd.DataFrame(grid, index=losses, columns=shares)
""",
    },
    # pandas idioms: query, itertools.product with pivot_table, unstack.
    "pandas_reshape": {
        Q2: """
cost_table = pd.DataFrame({"year": list(range(1, YEARS + 1))})
cost_table["onshore_cost"] = FTE * ONSHORE_COST_PER_FTE
cost_table["offshore_cost"] = offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
cost_table.loc[cost_table["year"] == 1, "offshore_cost"] += TRANSITION_COST
cost_table = cost_table.eval("saving = onshore_cost - offshore_cost")
cost_table["cumulative_saving"] = cost_table["saving"].expanding().sum()
cost_table = cost_table[["cumulative_saving", "saving", "year", "offshore_cost", "onshore_cost"]]
""",
        Q3: """
break_even_year = cost_table.query("cumulative_saving >= 0")["year"].iloc[0]
""",
        Q5: """
import itertools
grid = pd.DataFrame(itertools.product([0.0, 0.15, 0.30, 0.45, 0.60], [0.05, 0.10, 0.15, 0.20]),
                    columns=["productivity_loss", "governance_pct"])
grid["saving"] = grid.apply(
    lambda r: YEARS * (FTE * ONSHORE_COST_PER_FTE
                       - offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, r.productivity_loss, r.governance_pct))
    - TRANSITION_COST, axis=1)
sensitivity = grid.set_index(["productivity_loss", "governance_pct"])["saving"].unstack()
""",
    },
    # A long table pivoted with categorical axes, everything rounded to whole pounds (the
    # notebook shows sensitivity.round(0); Q4 asks for the nearest pound).
    "categorical_pivot_rounded": {
        Q2: """
years = pd.Series(range(1, YEARS + 1))
annual = offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
cost_table = pd.DataFrame({"year": years, "onshore_cost": float(FTE * ONSHORE_COST_PER_FTE)})
cost_table["offshore_cost"] = annual + TRANSITION_COST * (years == 1)
cost_table["saving"] = cost_table["onshore_cost"] - cost_table["offshore_cost"]
cost_table["cumulative_saving"] = cost_table["saving"].cumsum()
cost_table = cost_table.round(0)
""",
        Q4: """
needed = FTE * ONSHORE_COST_PER_FTE - TRANSITION_COST / YEARS
break_even_rate = round(needed / offshore_annual_cost(FTE, 1, PRODUCTIVITY_LOSS, GOVERNANCE_PCT))
""",
        Q5: """
records = [
    {"loss": loss, "share": share,
     "saving": YEARS * (FTE * ONSHORE_COST_PER_FTE - offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, loss, share)) - TRANSITION_COST}
    for loss in [0.0, 0.15, 0.3, 0.45, 0.6] for share in [0.05, 0.10, 0.15, 0.20]
]
long = pd.DataFrame(records)
long["share"] = pd.Categorical(long["share"], categories=[0.20, 0.15, 0.10, 0.05])
long["loss"] = pd.Categorical(long["loss"], categories=[0.0, 0.15, 0.3, 0.45, 0.6])
sensitivity = long.pivot_table(index="loss", columns="share", values="saving", observed=False)
sensitivity = sensitivity[[0.05, 0.10, 0.15, 0.20]].round(0)
""",
    },
    # A lambda for the cost function, query() for the break-even year, a bisection to the
    # nearest penny for the rate.
    "lambda_query_bisection": {
        Q1: "offshore_annual_cost = lambda fte, rate, productivity_loss, governance_pct: "
        "fte * rate * (1 + productivity_loss) * (1 + governance_pct)",
        Q3: 'break_even_year = cost_table.query("cumulative_saving >= 0")["year"].iloc[0]',
        Q4: """
def five_year_saving(rate):
    annual = offshore_annual_cost(FTE, rate, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
    return YEARS * (FTE * ONSHORE_COST_PER_FTE - annual) - TRANSITION_COST

low, high = 0.0, float(ONSHORE_COST_PER_FTE)
while high - low > 0.001:
    mid = (low + high) / 2
    low, high = (mid, high) if five_year_saving(mid) > 0 else (low, mid)
break_even_rate = (low + high) / 2
""",
    },
}

WRONG = [
    Wrong(
        "additive_hidden_costs",
        {
            Q1: """
def offshore_annual_cost(fte, rate, productivity_loss, governance_pct):
    return fte * rate * (1 + productivity_loss + governance_pct)
"""
        },
        # Follow-through: Q2 and Q5 are right for the student's own cost function.
        loses=(T1,),
        message="adds the productivity loss and the governance share",
    ),
    Wrong(
        "transition_every_year",
        {
            Q2: """
years = np.arange(1, YEARS + 1)
annual = offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
cost_table = pd.DataFrame({"year": years, "onshore_cost": FTE * ONSHORE_COST_PER_FTE})
cost_table["offshore_cost"] = annual + TRANSITION_COST
cost_table["saving"] = cost_table["onshore_cost"] - cost_table["offshore_cost"]
cost_table["cumulative_saving"] = cost_table["saving"].cumsum()
"""
        },
        # The student's own table never breaks even: Q3 follows through (the prompt asks
        # for None then, and the reference Q3 code returns it), so only Q2 loses points.
        loses=(T2,),
        message="Year 1 should carry the one-off transition cost",
    ),
    Wrong(
        "zero_based_year",
        {Q3: 'break_even_year = int(cost_table.index[cost_table["cumulative_saving"] >= 0][0])'},
        loses=(T3,),
        message="first reaches zero or more in year 3, but `break_even_year` is 2",
    ),
    Wrong(
        "rate_ignores_transition",
        {
            Q4: "break_even_rate = FTE * ONSHORE_COST_PER_FTE / (FTE * (1 + PRODUCTIVITY_LOSS) * (1 + GOVERNANCE_PCT))"
        },
        loses=(T4,),
        message="ignores the one-off transition cost",
    ),
    Wrong(
        "transposed_sensitivity",
        {
            Q5: """
losses = [0.0, 0.15, 0.30, 0.45, 0.60]
shares = [0.05, 0.10, 0.15, 0.20]
sensitivity = pd.DataFrame(
    {loss: [YEARS * (FTE * ONSHORE_COST_PER_FTE - offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, loss, s)) - TRANSITION_COST
            for s in shares] for loss in losses},
    index=shares,
)
"""
        },
        loses=(T5,),
        message="transpose",
    ),
    Wrong(
        "ignores_governance",
        {
            Q1: """
def offshore_annual_cost(fte, rate, productivity_loss, governance_pct):
    return fte * (1 + productivity_loss) * rate
"""
        },
        loses=(T1,),
        message="it leaves governance_pct out",
    ),
    Wrong(
        "rate_rounded_to_hundreds",
        {
            Q4: """
annual_budget = FTE * ONSHORE_COST_PER_FTE - TRANSITION_COST / YEARS
break_even_rate = round(annual_budget / (FTE * (1 + PRODUCTIVITY_LOSS) * (1 + GOVERNANCE_PCT)), -2)
"""
        },
        loses=(T4,),
        message="looks rounded to the nearest 100",
    ),
]

# The cases of the fair-grading issue, by variant name (tests/exercises/test_fair_comparisons.py).
# Answer format here: no letter question: a lambda for the function, a numpy integer for the year.
FAIR_CASES = {
    "categorical key": "categorical_pivot_rounded",
    "display precision": "categorical_pivot_rounded",
    "early slip": "additive_hidden_costs",
    "answer format": "lambda_query_bisection",
}
