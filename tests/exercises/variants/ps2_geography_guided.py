"""Variant submissions for ps2_geography_guided (supplier geography with the code given)."""

from . import Wrong

Q = {
    n: f"ps2_guided_q{n}_{slug}"
    for n, slug in enumerate(
        ["economies", "top10", "group_exports", "growth", "per_worker", "bpo_gap"], start=1
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Values read from the tables with pandas instead of typed.
    "read_from_the_tables": {
        Q[1]: 'n_reporting_2024 = reporting["country_code"].nunique()\nn_reporting_2005 = 156',
        Q[
            2
        ]: 'india_share_2024 = top10.set_index("country_code").loc["IND", "world_share"]\nindia_share_2010 = 0.168083',
        Q[4]: "fastest_group = growth.idxmax()\nindia_growth_2015 = 0.0984",
        Q[
            5
        ]: 'top_per_worker = latest_per_worker.loc[latest_per_worker["ict_per_worker_usd"].idxmax(), "country_code"]\nindia_per_worker_usd = latest_per_worker.set_index("country_code").loc["IND", "ict_per_worker_usd"]',
    },
    # Rounded to the precision the header states.
    "rounded_to_stated_precision": {
        Q[2]: "india_share_2024 = 0.141\nindia_share_2010 = 0.168",
        Q[3]: "cee_2024_bn = 66.8\nphilippines_2024_bn = 8.1",
        Q[4]: 'fastest_group = "CEE"\nindia_growth_2015 = 0.098',
        Q[5]: 'top_per_worker = "EST"\nindia_per_worker_usd = 292.0',
    },
    # Labels in other cases and with spaces; decorated letter.
    "decorated_labels": {
        Q[4]: 'fastest_group = " cee "\nindia_growth_2015 = 0.098411',
        Q[5]: 'top_per_worker = "est"\nindia_per_worker_usd = 292.1',
        Q[6]: 'answer_q6 = "B) BPO is recorded elsewhere"',
    },
    # numpy and pandas values.
    "numpy_values": {
        Q[1]: "n_reporting_2024 = np.int64(146)\nn_reporting_2005 = np.float64(156)",
        Q[
            3
        ]: 'cee_2024_bn = group_exports.loc[[2024], "CEE"]\nphilippines_2024_bn = np.float32(8.085)',
    },
    # Typed as pandas displays them, and a letter in brackets.
    "typed_from_the_outputs": {
        Q[2]: "india_share_2024 = 0.140706\nindia_share_2010 = 0.168083",
        Q[3]: "cee_2024_bn = 66.796707\nphilippines_2024_bn = 8.085429",
        Q[6]: 'answer_q6 = "(b)"',
    },
}

WRONG = [
    Wrong(
        "year_not_changed",
        {Q[1]: "n_reporting_2024 = 146\nn_reporting_2005 = 146"},
        # One slip in Q1: the later questions keep their points.
        loses=(T[1],),
        message="change YEAR and run the cell again",
    ),
    Wrong(
        "share_as_percentage",
        {Q[2]: "india_share_2024 = 14.07\nindia_share_2010 = 16.81"},
        loses=(T[2],),
        message="that looks like a percentage",
    ),
    Wrong(
        "dollars_not_billions",
        {Q[3]: "cee_2024_bn = 66.8e9\nphilippines_2024_bn = 8.1e9"},
        loses=(T[3],),
        message="exports in US$ billions",
    ),
    Wrong(
        "largest_not_fastest",
        {Q[4]: 'fastest_group = "India"\nindia_growth_2015 = 0.098411'},
        loses=(T[4],),
        message="not the group with the highest growth rate",
    ),
    Wrong(
        "start_not_changed",
        {Q[4]: 'fastest_group = "CEE"\nindia_growth_2015 = 0.088473'},
        loses=(T[4],),
        message="change START to 2015",
    ),
    Wrong(
        "rounded_too_coarsely",
        {Q[3]: "cee_2024_bn = 67\nphilippines_2024_bn = 8.085429"},
        loses=(T[3],),
        message="looks rounded to a whole number",
    ),
    Wrong(
        "pesos",
        {Q[6]: 'answer_q6 = "A"'},
        loses=(T[6],),
        message="where call-centre work is recorded",
    ),
]

FAIR_CASES = {
    "display precision": "rounded_to_stated_precision",
    "early slip": "year_not_changed",
    "answer format": "decorated_labels",
}
