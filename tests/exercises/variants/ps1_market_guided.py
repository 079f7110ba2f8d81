"""Variant submissions for ps1_market_guided (the market-size questions with the code given)."""

from . import Wrong

Q = {
    n: f"ps1_guided_q{n}_{slug}"
    for n, slug in enumerate(
        ["ito", "cagr", "ito_growth", "idc_cagr", "bpo_claims", "definitions"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Numbers typed as pandas displays them (six significant digits).
    "typed_from_the_outputs": {
        Q[1]: "n_ito_estimates = 5\nito_2008_bn = 235.0",
        Q[2]: "example_cagr = 0.107182",
        Q[3]: "fastest_to_year = 1995\nlatest_cagr = 0.055227",
        Q[4]: "idc_implied_cagr = 0.078045",
        Q[5]: "max_claims_ratio = 1.553103\nn_academic = 3",
        Q[6]: 'answer_q6 = "B"',
    },
    # Rounded to the precision the header states.
    "rounded_to_stated_precision": {
        Q[1]: "n_ito_estimates = 5\nito_2008_bn = 235",
        Q[2]: "example_cagr = 0.107",
        Q[3]: "fastest_to_year = 1995.0\nlatest_cagr = 0.055",
        Q[4]: "idc_implied_cagr = round(idc_cagr, 3)",
        Q[5]: "max_claims_ratio = 1.553\nn_academic = 3",
        Q[6]: 'answer_q6 = "B. IDC counts ten functions"',
    },
    # numpy and pandas values: a one-value Series, numpy scalars.
    "numpy_and_pandas_values": {
        Q[
            1
        ]: 'n_ito_estimates = np.int64(ito.shape[0])\nito_2008_bn = ito.loc[ito["year"] == 2008, "midpoint_usd_bn"]',
        Q[
            3
        ]: 'fastest_to_year = ito_growth.sort_values("cagr")["to_year"].iloc[-1]\nlatest_cagr = np.float64(ito_growth["cagr"].iloc[-1])',
        Q[5]: 'max_claims_ratio = bpo_claims["ratio"].nlargest(1)\nn_academic = np.int32(3)',
    },
    # Decorated letters and arithmetic typed in the cell.
    "decorated_letter": {
        Q[2]: "example_cagr = (140 / 76) ** (1 / 6) - 1",
        Q[4]: "idc_implied_cagr = (99 / 68) ** (1 / 5) - 1",
        Q[5]: "max_claims_ratio = 470 / 302.62\nn_academic = 3",
        Q[6]: 'answer_q6 = "(B)"',
    },
    # Lower-case letter and values read from the tables with other pandas calls.
    "read_with_other_calls": {
        Q[
            1
        ]: 'n_ito_estimates = ito["year"].nunique()\nito_2008_bn = ito.set_index("year").at[2008, "midpoint_usd_bn"]',
        Q[
            3
        ]: 'fastest_to_year = int(ito_growth.set_index("to_year")["cagr"].idxmax())\nlatest_cagr = ito_growth["cagr"].to_list()[-1]',
        Q[6]: "answer_q6 = 'b'",
    },
}

WRONG = [
    Wrong(
        "counted_ito_bpo",
        {Q[1]: "n_ito_estimates = 6\nito_2008_bn = 235.0"},
        # One slip in Q1: the later questions keep their points.
        loses=(T[1],),
        message="'ito_bpo' mixes in BPO spending",
    ),
    Wrong(
        "simple_average",
        {Q[2]: "example_cagr = (140 / 76 - 1) / 6"},
        loses=(T[2],),
        message="That is the simple average",
    ),
    Wrong(
        "from_year_of_the_fastest_period",
        {Q[3]: "fastest_to_year = 1989\nlatest_cagr = 0.055227"},
        loses=(T[3],),
        message="Store the to_year of that row",
    ),
    Wrong(
        "rounded_too_coarsely",
        {Q[3]: "fastest_to_year = 1995\nlatest_cagr = 0.06"},
        loses=(T[3],),
        message="looks rounded to 2 decimals",
    ),
    Wrong(
        "percentage",
        {Q[4]: "idc_implied_cagr = 7.8"},
        loses=(T[4],),
        message="that looks like a percentage",
    ),
    Wrong(
        "range_end_not_midpoint",
        {Q[1]: "n_ito_estimates = 5\nito_2008_bn = 250"},
        loses=(T[1],),
        message="store its midpoint",
    ),
    Wrong(
        "academic_filter_not_changed",
        {Q[5]: 'max_claims_ratio = bpo_claims["ratio"].max()\nn_academic = bpo_claims["n"].sum()'},
        loses=(T[5],),
        message="`n_academic` is 6",
    ),
    Wrong(
        "shrinking_market",
        {Q[6]: 'answer_q6 = "A"'},
        loses=(T[6],),
        message="read the scope column",
    ),
]

# Guided answers are single values, so there is no table key to be categorical.
FAIR_CASES = {
    "display precision": "rounded_to_stated_precision",
    "early slip": "counted_ito_bpo",
    "answer format": "decorated_letter",
}
