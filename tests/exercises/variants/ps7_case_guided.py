"""Variant submissions for ps7_case_guided (the Sainsbury's case with the code given)."""

from . import Wrong

Q = {
    n: f"ps7_guided_q{n}_{slug}"
    for n, slug in enumerate(
        ["ended_deals", "writeoffs", "contract_vs_spend", "backsourcing", "same_outcome"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Typed as the outputs show them.
    "typed_from_the_outputs": {
        Q[1]: "sainsbury_share_served = 0.714286\njpmorgan_years_served = 2.0",
        Q[3]: "contract_to_spend_ratio = 1.214286\nratio_if_ten_years = 0.85",
        Q[4]: "cost_per_person_gbp_k = 127.659574\ncost_per_person_if_800 = 75.0",
    },
    # Rounded to the precision the header states.
    "rounded_to_stated_precision": {
        Q[1]: "sainsbury_share_served = 0.714\njpmorgan_years_served = 2",
        Q[3]: "contract_to_spend_ratio = 1.214\nratio_if_ten_years = 0.850",
        Q[4]: "cost_per_person_gbp_k = 127.7\ncost_per_person_if_800 = 75",
    },
    # Values read from the given tables and variables.
    "read_from_the_cells": {
        Q[
            1
        ]: 'sainsbury_share_served = ended_deals.loc[ended_deals["case_id"] == "sainsbury_accenture_2000", "share_served"]\njpmorgan_years_served = int(ended_deals["years_served"].min())',
        Q[
            2
        ]: 'writeoffs_total = 140 + 120 + 30\nn_amounts_all = len(re.findall(r"£(\\d+)m", sainsbury["outcome"]))',
        Q[
            4
        ]: "cost_per_person_gbp_k = cost_gbp_m * 1000 / 470\ncost_per_person_if_800 = cost_gbp_m * 1000 / 800",
    },
    # Letters with decoration.
    "decorated_letter": {
        Q[5]: 'answer_q5 = "C) JPMorgan Chase"',
    },
    # numpy values and a lower-case letter in brackets.
    "numpy_values": {
        Q[2]: "writeoffs_total = np.int64(290)\nn_amounts_all = np.float64(4)",
        Q[
            3
        ]: "contract_to_spend_ratio = np.float64(1700 / 7 / 200)\nratio_if_ten_years = np.array([0.85])",
        Q[5]: 'answer_q5 = "(c)"',
    },
}

WRONG = [
    Wrong(
        "years_not_share",
        {Q[1]: "sainsbury_share_served = 5\njpmorgan_years_served = 2"},
        # One slip in Q1: the later questions keep their points.
        loses=(T[1],),
        message="(not years)",
    ),
    Wrong(
        "staff_cost_counted_as_writeoff",
        {Q[2]: "writeoffs_total = 350\nn_amounts_all = 4"},
        loses=(T[2],),
        message="includes the cost of bringing the staff back",
    ),
    Wrong(
        "duration_not_changed",
        {Q[3]: "contract_to_spend_ratio = 1.214286\nratio_if_ten_years = 1.214286"},
        loses=(T[3],),
        message="change DURATION to 10",
    ),
    Wrong(
        "staff_not_changed",
        {Q[4]: "cost_per_person_gbp_k = 127.66\ncost_per_person_if_800 = 127.66"},
        loses=(T[4],),
        message="set STAFF to 800",
    ),
    Wrong(
        "ratio_rounded_too_coarsely",
        {Q[3]: "contract_to_spend_ratio = 1.2\nratio_if_ten_years = 0.85"},
        loses=(T[3],),
        message="looks rounded to 1 decimal",
    ),
    Wrong(
        "kodak",
        {Q[5]: 'answer_q5 = "A"'},
        loses=(T[5],),
        message="outcome category matches",
    ),
]

FAIR_CASES = {
    "display precision": "rounded_to_stated_precision",
    "early slip": "years_not_share",
    "answer format": "decorated_letter",
}
