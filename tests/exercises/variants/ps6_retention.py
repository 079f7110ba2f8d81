"""Variant submissions for ps6_retention (knowledge retention simulation)."""

from . import Wrong

Q1, Q2, Q3, Q4, Q5 = (
    "ps6_q1_monthly_rate",
    "ps6_q2_simulation",
    "ps6_q3_runs",
    "ps6_q4_summary",
    "ps6_q5_best",
)
T1, T2, T3, T4, T5 = (f"{q}_tests" for q in (Q1, Q2, Q3, Q4, Q5))

ALTERNATIVES = {
    # numpy: a power with np.power, a vectorised-free loop into an array, a dict of frames.
    "numpy_arrays": {
        Q1: """
def monthly_attrition(annual):
    return 1 - np.power(1 - annual, 1 / 12)
""",
        Q2: """
def simulate_knowledge(months, annual_attrition, codified, relearn):
    m = monthly_attrition(annual_attrition)
    k = np.empty(months)
    level = 1.0
    for i in range(months):
        level = level * (1 - m * (1 - codified))
        level = level + relearn * (1 - level)
        k[i] = level
    return pd.DataFrame({"knowledge": k}, index=pd.RangeIndex(1, months + 1, name="month"))
""",
        Q3: """
frames = {}
for _, row in SCENARIOS.iterrows():
    run = simulate_knowledge(MONTHS, row["annual_attrition"], row["codified"], row["relearn"])
    run = run.reset_index() if "month" not in run.columns else run
    run["output"] = run["knowledge"] * (1 - row["effort"])
    frames[row["scenario"]] = run
runs = pd.concat(frames, names=["scenario", "row"]).reset_index(level="row", drop=True).reset_index()
""",
        Q4: """
summary = pd.DataFrame(
    {
        "final_knowledge": runs.sort_values("month").groupby("scenario")["knowledge"].last(),
        "mean_output": runs.groupby("scenario")["output"].mean(),
        "months_below_90": runs["knowledge"].lt(0.9).groupby(runs["scenario"]).sum(),
    }
)
""",
        Q5: "best_for_output = summary['mean_output'].idxmax()",
    },
    # Plain Python: math.exp/log, lists of dicts, manual aggregation.
    "plain_python": {
        Q1: """
import math

def monthly_attrition(annual):
    return 1 - math.exp(math.log(1 - annual) / 12)
""",
        Q2: """
def simulate_knowledge(months, annual_attrition, codified, relearn):
    rows, k = [], 1.0
    m = monthly_attrition(annual_attrition)
    for month in range(1, months + 1):
        lost = m * k * (1 - codified)
        k = k - lost
        k = k + relearn * (1 - k)
        rows.append({"month": month, "knowledge": k})
    return pd.DataFrame(rows)
""",
        Q3: """
records = []
for s in SCENARIOS.to_dict("records"):
    run = simulate_knowledge(MONTHS, s["annual_attrition"], s["codified"], s["relearn"])
    for month, k in zip(run["month"], run["knowledge"]):
        records.append({"scenario": s["scenario"], "month": month, "knowledge": k,
                        "output": k * (1 - s["effort"])})
runs = pd.DataFrame(records)
""",
        Q4: """
rows = []
for name, group in runs.groupby("scenario"):
    group = group.sort_values("month")
    rows.append({"scenario": name,
                 "final_knowledge": group["knowledge"].iloc[-1],
                 "months_below_90": float((group["knowledge"] < 0.9).sum()),
                 "mean_output": group["output"].sum() / len(group)})
summary = pd.DataFrame(rows)
""",
        Q5: "best_for_output = max(rows, key=lambda r: r['mean_output'])['scenario'].upper()",
    },
    # pandas: apply over scenario rows, merge, named aggregation with the index kept.
    "pandas_apply": {
        Q3: """
def run_row(row):
    out = simulate_knowledge(MONTHS, row.annual_attrition, row.codified, row.relearn)
    return out.assign(scenario=row.scenario)

runs = pd.concat([run_row(r) for r in SCENARIOS.itertuples()])
runs = runs.merge(SCENARIOS, on="scenario").eval("output = knowledge * (1 - effort)")
runs = runs.set_index(["scenario", "month"])
""",
        Q4: """
flat = runs.reset_index()
summary = flat.groupby("scenario").agg(
    final_knowledge=("knowledge", lambda k: k.iloc[-1]),
    mean_output=("output", "mean"),
    months_below_90=("knowledge", lambda k: (k < 0.9).sum()),
)
""",
        Q5: "best_for_output = summary.sort_values('mean_output', ascending=False).index[0]",
    },
    # The scenario as a categorical in the order SCENARIOS lists them (not alphabetical),
    # the summary rounded to the stated 3 decimals, the label in capitals.
    "categorical_scenarios_rounded": {
        Q3: """
parts = []
for row in SCENARIOS.itertuples():
    run = simulate_knowledge(MONTHS, row.annual_attrition, row.codified, row.relearn)
    parts.append(run.assign(scenario=row.scenario, output=run["knowledge"] * (1 - row.effort)))
runs = pd.concat(parts, ignore_index=True)
runs["scenario"] = pd.Categorical(runs["scenario"], categories=list(SCENARIOS["scenario"]))
""",
        Q4: """
summary = runs.groupby("scenario", observed=True).agg(
    final_knowledge=("knowledge", "last"),
    mean_output=("output", "mean"),
    months_below_90=("knowledge", lambda k: int((k < 0.9).sum())),
).round(3)
""",
        Q5: 'best_for_output = str(summary["mean_output"].idxmax()).upper()',
    },
    # groupby().apply returning a Series per scenario, the label with spaces around it.
    "groupby_apply": {
        Q4: """
def describe(run):
    run = run.sort_values("month")
    return pd.Series({
        "final_knowledge": run["knowledge"].iloc[-1],
        "mean_output": run["output"].mean(),
        "months_below_90": (run["knowledge"] < 0.9).sum(),
    })

summary = runs.groupby("scenario")[["month", "knowledge", "output"]].apply(describe)
""",
        Q5: 'best_for_output = " " + summary["mean_output"].idxmax() + " "',
    },
}

WRONG = [
    Wrong(
        "attrition_divided_by_12",
        {Q1: "def monthly_attrition(annual):\n    return annual / 12\n"},
        # Follow-through: Q2-Q4 are right for the student's own monthly rate.
        loses=(T1,),
        message="Dividing by 12 ignores that each month's leavers come from a smaller group",
    ),
    Wrong(
        "relearn_before_leaving",
        {
            Q2: """
def simulate_knowledge(months, annual_attrition, codified, relearn):
    leave = monthly_attrition(annual_attrition)
    level, levels = 1.0, []
    for _ in range(months):
        level += relearn * (1 - level)
        level -= leave * level * (1 - codified)
        levels.append(level)
    return pd.DataFrame({"month": np.arange(1, months + 1), "knowledge": levels})
"""
        },
        # Follow-through: Q3 and Q4 are right for the student's own simulation.
        loses=(T2,),
        message="relearns before the month's leavers go",
    ),
    Wrong(
        "output_ignores_effort",
        {
            Q3: """
parts = []
for row in SCENARIOS.itertuples():
    run = simulate_knowledge(MONTHS, row.annual_attrition, row.codified, row.relearn)
    parts.append(run.assign(scenario=row.scenario, output=run["knowledge"]))
runs = pd.concat(parts, ignore_index=True)
"""
        },
        # Follow-through: Q4's mean output is right for the student's own runs.
        loses=(T3,),
        message="output equals knowledge everywhere",
    ),
    Wrong(
        "share_not_count",
        {
            Q4: """
summary = runs.groupby("scenario", as_index=False).agg(
    final_knowledge=("knowledge", "last"),
    mean_output=("output", "mean"),
    months_below_90=("knowledge", lambda k: (k < 0.9).mean()),
)
"""
        },
        loses=(T4,),
        message="should count months (a whole number), not give a share",
    ),
    Wrong(
        "summary_rounded_too_coarsely",
        {
            Q4: """
summary = runs.sort_values("month").groupby("scenario", as_index=False).agg(
    final_knowledge=("knowledge", "last"),
    mean_output=("output", "mean"),
    months_below_90=("knowledge", lambda k: int((k < 0.9).sum())),
).round(2)
"""
        },
        loses=(T4,),
        message="look rounded to 2 decimals",
    ),
]

# The cases of the fair-grading issue, by variant name (tests/exercises/test_fair_comparisons.py).
# Answer format here: the scenario label in capitals or with spaces around it.
FAIR_CASES = {
    "categorical key": "categorical_scenarios_rounded",
    "display precision": "categorical_scenarios_rounded",
    "early slip": "attrition_divided_by_12",
    "answer format": "groupby_apply",
}
