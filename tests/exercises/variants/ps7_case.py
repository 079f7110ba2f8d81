"""Variant submissions for ps7_case (Sainsbury's and Accenture)."""

from . import Wrong

Q = {
    n: f"ps7_q{n}_{slug}"
    for n, slug in enumerate(
        ["ended_deals", "writeoffs", "contract_vs_spend", "backsourcing", "same_outcome"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Boolean masks and Series.str.findall; typed numbers by hand from the printed text.
    "masks_and_findall": {
        Q[1]: """
mask = cases["end_year"].notna() & cases["duration_years"].notna()
ended_deals = cases.loc[mask, ["case_id", "start_year", "end_year", "duration_years"]].copy()
ended_deals["years_served"] = ended_deals["end_year"].astype(float) - ended_deals["start_year"]
ended_deals["share_served"] = ended_deals["years_served"] / ended_deals["duration_years"]
ended_deals = ended_deals.set_index("case_id")
""",
        Q[2]: """
amounts = cases.set_index("case_id").loc[["sainsbury_accenture_2000"], "outcome"].str.findall(r"£(\\d+)m of").explode()
writeoffs_gbp_m = pd.to_numeric(amounts).sum()
""",
        Q[4]: "backsourcing_per_person_gbp_k = 60 / 470 * 1000",
    },
    # re throughout, numpy arrays.
    "regex_numpy": {
        Q[2]: """
found = re.findall(r"£(\\d+)m of", sainsbury["outcome"])
writeoffs_gbp_m = float(np.sum(np.array(found, dtype=float)))
""",
        Q[3]: """
numbers = {
    "value_bn": float(sainsbury.deal_value_low),
    "years": float(sainsbury.duration_years),
    "spend_m": float(re.findall(r"£(\\d+)m", sainsbury.notes)[-1]),
}
annual_contract_value_gbp_m = numbers["value_bn"] / numbers["years"] * 1e3
contract_to_spend = annual_contract_value_gbp_m / numbers["spend_m"]
""",
        Q[5]: """
same_outcome = list(np.setdiff1d(
    cases.loc[cases.outcome_category.eq(sainsbury.outcome_category), "case_id"].to_numpy(),
    ["sainsbury_accenture_2000"],
))
""",
    },
    # query and groupby.
    "query_groupby": {
        Q[1]: """
ended_deals = (
    cases.query("end_year.notna() and duration_years.notna()", engine="python")
    .eval("share_served = (end_year - start_year) / duration_years")
    .assign(years_served=lambda d: (d.end_year - d.start_year).astype("float64"))
)
""",
        Q[5]: """
groups = cases.groupby("outcome_category")["case_id"].apply(list)
same_outcome = [c for c in groups[sainsbury.outcome_category] if c != "sainsbury_accenture_2000"]
""",
    },
    # Rounded to the stated precision (1 decimal for £m and £k, 3 for ratios); the case
    # ids as a tuple; case ids as a categorical key in Q1.
    "rounded_categorical_tuple": {
        Q[1]: """
ended_deals = cases.dropna(subset=["end_year", "duration_years"]).assign(
    years_served=lambda d: d["end_year"] - d["start_year"],
    share_served=lambda d: ((d["end_year"] - d["start_year"]) / d["duration_years"]).round(3),
)[["case_id", "years_served", "share_served"]]
ended_deals["case_id"] = pd.Categorical(ended_deals["case_id"], categories=sorted(cases["case_id"], reverse=True))
""",
        Q[3]: """
annual_contract_value_gbp_m = round(sainsbury["deal_value_low"] * 1000 / sainsbury["duration_years"], 1)
contract_to_spend = round(sainsbury["deal_value_low"] * 1000 / sainsbury["duration_years"] / 200, 3)
""",
        Q[4]: "backsourcing_per_person_gbp_k = round(60_000 / 470, 1)",
        Q[5]: """
same_outcome = tuple(cases.loc[(cases.outcome_category == sainsbury.outcome_category) & (cases.case_id != "sainsbury_accenture_2000"), "case_id"])
""",
    },
    # Answers as pandas and numpy objects: a one-element Series, a numpy float, a Series of ids.
    "pandas_objects": {
        Q[2]: r"""
writeoffs_gbp_m = cases.loc[cases.case_id == "sainsbury_accenture_2000", "outcome"].str.extractall(r"£(\d+)m of")[0].astype(float).sum()
""",
        Q[4]: "backsourcing_per_person_gbp_k = np.float64(60) * 1000 / np.float64(470)",
        Q[5]: """
same_outcome = cases.loc[(cases.outcome_category == sainsbury.outcome_category) & (cases.case_id != "sainsbury_accenture_2000"), "case_id"]
""",
    },
}

WRONG = [
    Wrong(
        "every_pound_figure",
        {
            Q[2]: """
writeoffs_gbp_m = sum(int(x) for x in re.findall(r"£(\\d+)m", sainsbury["outcome"]))
"""
        },
        loses=(T[2],),
        message="including the cost of bringing staff back",
    ),
    Wrong(
        "whole_contract_value",
        {
            Q[3]: """
annual_contract_value_gbp_m = sainsbury["deal_value_low"] * 1000
contract_to_spend = annual_contract_value_gbp_m / 200
"""
        },
        loses=(T[3],),
        message="value of the whole contract",
    ),
    Wrong(
        "staff_transferred_not_returned",
        {Q[4]: "backsourcing_per_person_gbp_k = 60_000 / 700"},
        loses=(T[4],),
        message="About 470 staff came back",
    ),
    Wrong(
        "includes_own_case",
        {
            Q[5]: """
same_outcome = cases.loc[cases["outcome_category"] == sainsbury["outcome_category"], "case_id"].tolist()
"""
        },
        loses=(T[5],),
        message="Leave Sainsbury's own case out",
    ),
    Wrong(
        "ratio_rounded_too_coarsely",
        {
            Q[3]: """
annual_contract_value_gbp_m = sainsbury["deal_value_low"] * 1000 / sainsbury["duration_years"]
contract_to_spend = round(annual_contract_value_gbp_m / 200, 2)
"""
        },
        loses=(T[3],),
        message="looks rounded to 2 decimals",
    ),
    # An early slip: the first question's share counts the end year too; Q2-Q5 keep theirs.
    Wrong(
        "share_counts_end_year",
        {
            Q[1]: """
ended_deals = cases.dropna(subset=["end_year", "duration_years"]).assign(
    years_served=lambda d: d["end_year"] - d["start_year"] + 1,
    share_served=lambda d: (d["end_year"] - d["start_year"] + 1) / d["duration_years"],
)[["case_id", "years_served", "share_served"]]
"""
        },
        loses=(T[1],),
        message="has wrong values",
    ),
]

# The cases of the fair-grading issue, by variant name (tests/exercises/test_fair_comparisons.py).
# Answer format here: no letter question: case ids as a tuple or a Series, numbers as numpy floats.
FAIR_CASES = {
    "categorical key": "rounded_categorical_tuple",
    "display precision": "rounded_categorical_tuple",
    "early slip": "share_counts_end_year",
    "answer format": "pandas_objects",
}
