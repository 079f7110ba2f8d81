"""Variant submissions for ps5_tco_guided (the offshore cost case with the code given)."""

from . import Wrong

Q = {
    n: f"ps5_guided_q{n}_{slug}"
    for n, slug in enumerate(
        ["cost_function", "cost_table", "break_even_year", "break_even_rate", "sensitivity"],
        start=1,
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Typed as the outputs show them.
    "typed_from_the_outputs": {
        Q[1]: "annual_cost = 1372800.0\nhidden_costs_per_year = 332800",
        Q[2]: "saving_year_1 = -892800\nfive_year_saving = 1936000.0",
        Q[3]: "break_even_year_45 = 4",
        Q[4]: "rate_headroom = 7333.333333",
        Q[5]: "saving_45_20 = -248000\nn_losing = 4",
    },
    # Rounded to whole pounds, as the header states.
    "rounded_to_stated_precision": {
        Q[4]: "rate_headroom = 7333",
        Q[5]: "saving_45_20 = round(sensitivity.loc[0.45, 0.2])\nn_losing = 4",
    },
    # Arithmetic typed in the cell.
    "arithmetic": {
        Q[
            1
        ]: "annual_cost = 40 * 1.2 * 26_000 * 1.1\nhidden_costs_per_year = annual_cost - 40 * 26_000",
        Q[4]: "rate_headroom = (40 * 52_000 - 1_600_000 / 5) / (40 * 1.2 * 1.1) - 26_000",
    },
    # numpy values and the table read another way; the year as a float.
    "numpy_values": {
        Q[
            2
        ]: 'saving_year_1 = cost_table.loc[cost_table["year"] == 1, "saving"]\nfive_year_saving = np.float64(cost_table["saving"].sum())',
        Q[3]: "break_even_year_45 = 4.0",
        Q[
            5
        ]: "saving_45_20 = sensitivity.iloc[3, 3]\nn_losing = np.int64((sensitivity.to_numpy() < 0).sum())",
    },
    # Values read with other pandas calls.
    "other_calls": {
        Q[
            2
        ]: 'saving_year_1 = cost_table.set_index("year").at[1, "saving"]\nfive_year_saving = cost_table["cumulative_saving"].max()',
        Q[
            5
        ]: "saving_45_20 = sensitivity.at[0.45, 0.2]\nn_losing = int(sensitivity.lt(0).to_numpy().sum())",
    },
}

WRONG = [
    Wrong(
        "hidden_costs_not_isolated",
        {Q[1]: "annual_cost = 1372800\nhidden_costs_per_year = 1040000"},
        # One slip in Q1: the later questions keep their points.
        loses=(T[1],),
        message="That is the cost without hidden costs",
    ),
    Wrong(
        "year_5_alone",
        {Q[2]: "saving_year_1 = -892800\nfive_year_saving = 707200"},
        loses=(T[2],),
        message="That is the saving of year 5 alone",
    ),
    Wrong(
        "loss_not_changed",
        {Q[3]: "break_even_year_45 = 3"},
        loses=(T[3],),
        message="change LOSS to 0.45",
    ),
    Wrong(
        "break_even_rate_itself",
        {Q[4]: "rate_headroom = break_even_rate"},
        loses=(T[4],),
        message="not the break-even rate itself",
    ),
    Wrong(
        "rounded_to_thousands",
        {Q[4]: "rate_headroom = 7000"},
        loses=(T[4],),
        message="looks rounded to the nearest 1,000",
    ),
    Wrong(
        "never_pays_back",
        {Q[3]: "break_even_year_45 = None"},
        loses=(T[3],),
        message="does pay back",
    ),
]

FAIR_CASES = {
    "display precision": "rounded_to_stated_precision",
    "early slip": "hidden_costs_not_isolated",
    "answer format": "numpy_values",
}
