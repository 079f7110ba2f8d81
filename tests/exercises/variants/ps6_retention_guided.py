"""Variant submissions for ps6_retention_guided (the retention model with the code given)."""

from . import Wrong

Q = {
    n: f"ps6_guided_q{n}_{slug}"
    for n, slug in enumerate(["monthly_rate", "simulation", "runs", "summary", "best"], start=1)
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Typed as the outputs show them.
    "typed_from_the_outputs": {
        Q[1]: "monthly_25 = 0.023688\nmonthly_15 = 0.013452",
        Q[2]: "final_baseline = 0.756236\nfinal_codified_80 = 0.9284",
        Q[3]: "knowledge_12_documentation = 0.902339\noutput_12_documentation = 0.830152",
        Q[4]: "months_below_90_baseline = 30\nmean_output_documentation = 0.815552",
    },
    # Rounded to the precision the header states.
    "rounded_to_stated_precision": {
        Q[1]: "monthly_25 = 0.024\nmonthly_15 = 0.013",
        Q[2]: "final_baseline = 0.756\nfinal_codified_80 = 0.928",
        Q[3]: "knowledge_12_documentation = 0.902\noutput_12_documentation = 0.830",
        Q[4]: "months_below_90_baseline = 30.0\nmean_output_documentation = 0.816",
    },
    # Values read from the given tables with other pandas calls.
    "read_from_the_tables": {
        Q[
            2
        ]: 'final_baseline = run["knowledge"].iloc[-1]\nfinal_codified_80 = simulate_knowledge(MONTHS, 0.25, 0.8, 0.05).knowledge.to_numpy()[-1]',
        Q[
            3
        ]: 'doc = runs.query("scenario == \'documentation\' and month == 12")\nknowledge_12_documentation = doc["knowledge"]\noutput_12_documentation = float(doc["output"].iloc[0])',
        Q[
            4
        ]: 'months_below_90_baseline = int(summary.loc[summary["scenario"] == "baseline", "months_below_90"].iloc[0])\nmean_output_documentation = summary.set_index("scenario").at["documentation", "mean_output"]',
    },
    # Labels in another case and with spaces.
    "decorated_label": {
        Q[5]: 'best_without_pay = " Directory "',
    },
    # numpy values and arithmetic typed in.
    "numpy_values": {
        Q[
            1
        ]: "monthly_25 = 1 - 0.75 ** (1 / 12)\nmonthly_15 = np.float64(1 - np.power(0.85, 1 / 12))",
        Q[
            4
        ]: "months_below_90_baseline = np.int64(30)\nmean_output_documentation = np.array([0.8156])",
        Q[5]: 'best_without_pay = "DIRECTORY"',
    },
}

WRONG = [
    Wrong(
        "a_twelfth",
        {Q[1]: "monthly_25 = 0.25 / 12\nmonthly_15 = 0.013452"},
        # One slip in Q1: the later questions keep their points.
        loses=(T[1],),
        message="That is a twelfth of the annual rate",
    ),
    Wrong(
        "codified_not_changed",
        {Q[2]: "final_baseline = 0.756236\nfinal_codified_80 = 0.756236"},
        loses=(T[2],),
        message="change CODIFIED to 0.8",
    ),
    Wrong(
        "knowledge_for_output",
        {Q[3]: "knowledge_12_documentation = 0.902339\noutput_12_documentation = 0.902339"},
        loses=(T[3],),
        message="That is the knowledge",
    ),
    Wrong(
        "final_for_mean",
        {Q[4]: "months_below_90_baseline = 30\nmean_output_documentation = 0.835174"},
        loses=(T[4],),
        message="store the mean output",
    ),
    Wrong(
        "retention_bonus",
        {Q[5]: 'best_without_pay = "retention_bonus"'},
        loses=(T[5],),
        message="the retention bonus changes pay",
    ),
    Wrong(
        "rounded_too_coarsely",
        {Q[2]: "final_baseline = 0.76\nfinal_codified_80 = 0.9284"},
        loses=(T[2],),
        message="looks rounded to 2 decimals",
    ),
]

FAIR_CASES = {
    "display precision": "rounded_to_stated_precision",
    "early slip": "a_twelfth",
    "answer format": "decorated_label",
}
