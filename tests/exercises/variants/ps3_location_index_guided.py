"""Variant submissions for ps3_location_index_guided (the index with the code given)."""

from . import Wrong

Q = {
    n: f"ps3_guided_q{n}_{slug}"
    for n, slug in enumerate(["latest", "minmax", "scores", "spearman", "equal_weights"], start=1)
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Typed as the outputs show them, and lower-case codes.
    "typed_from_the_outputs": {
        Q[1]: "ind_internet_pct = 43.4054\nvnm_broadband = 22.680668",
        Q[2]: "scaled_five = 0.333333",
        Q[3]: 'top_country = "chn"\nindia_rank = 4',
        Q[4]: "n_ranked_2021 = 10\nspearman_read = 0.248485",
        Q[5]: 'new_in_top3 = "chl"',
    },
    # Rounded to the precision the header states.
    "rounded_to_stated_precision": {
        Q[
            1
        ]: 'ind_internet_pct = latest.round(1).loc["IND", "internet_users_pct"]\nvnm_broadband = 22.7',
        Q[2]: "scaled_five = 0.333",
        Q[4]: "n_ranked_2021 = 10.0\nspearman_read = 0.248",
    },
    # Values read from the tables with other pandas calls.
    "read_from_the_tables": {
        Q[
            1
        ]: 'ind_internet_pct = latest.at["IND", "internet_users_pct"]\nvnm_broadband = latest.fixed_broadband_per_100["VNM"]',
        Q[3]: 'top_country = scores["index"].idxmax()\nindia_rank = int(scores.loc["IND", "rank"])',
        Q[4]: "n_ranked_2021 = published.shape[0]\nspearman_read = ours.corr(published)",
    },
    # Codes with spaces and in another case.
    "decorated_labels": {
        Q[3]: 'top_country = " CHN "\nindia_rank = 4.0',
        Q[5]: 'new_in_top3 = "Chl"',
    },
    # numpy values and arithmetic typed in.
    "numpy_values": {
        Q[2]: "scaled_five = np.float64(1 / 3)",
        Q[3]: 'top_country = "CHN"\nindia_rank = np.int64(4)',
        Q[4]: "n_ranked_2021 = np.int32(10)\nspearman_read = np.array([spearman_2021])",
    },
}

WRONG = [
    Wrong(
        "values_not_changed",
        {Q[2]: "scaled_five = 0.5"},
        # One slip in an early question: the later questions keep their points.
        loses=(T[2],),
        message="change the last number to 11",
    ),
    Wrong(
        "swapped_indicators",
        {Q[1]: "ind_internet_pct = 22.680668\nvnm_broadband = 43.4054"},
        loses=(T[1],),
        message="ind_internet_pct",
    ),
    Wrong(
        "last_place",
        {Q[3]: 'top_country = "MYS"\nindia_rank = 4'},
        loses=(T[3],),
        message="not the country ranked first",
    ),
    Wrong(
        "equal_weights_left_in",
        {Q[4]: "n_ranked_2021 = 10\nspearman_read = 0.006061"},
        loses=(T[4],),
        message="set WEIGHTS back",
    ),
    Wrong(
        "already_in_the_top3",
        {Q[5]: 'new_in_top3 = "BRA"'},
        loses=(T[5],),
        message="already in the top three",
    ),
    Wrong(
        "rounded_too_coarsely",
        {Q[4]: "n_ranked_2021 = 10\nspearman_read = 0.2"},
        loses=(T[4],),
        message="looks rounded to 1 decimal",
    ),
]

FAIR_CASES = {
    "display precision": "rounded_to_stated_precision",
    "early slip": "values_not_changed",
    "answer format": "decorated_labels",
}
