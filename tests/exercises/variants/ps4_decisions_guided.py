"""Variant submissions for ps4_decisions_guided (success rates with the code given)."""

from . import Wrong

Q = {
    n: f"ps4_guided_q{n}_{slug}"
    for n, slug in enumerate(
        ["wilson", "scope_rates", "practice_rates", "length_by_scope", "gaps", "synthetic"],
        start=1,
    )
}
T = {n: f"{gid}_tests" for n, gid in Q.items()}

ALTERNATIVES = {
    # Typed as the outputs show them.
    "typed_from_the_outputs": {
        Q[1]: "low_95 = 0.521239\nlow_99 = 0.465408",
        Q[2]: "selective_rate = 0.682764\ntotal_outsourcing_high = 0.568955",
        Q[3]: 'best_decision_makers = "joint"\nbid_gap = 0.658922 - 0.586858',
        Q[4]: "n_short_total = 30\nselective_long_rate_5 = 0.601594",
        Q[5]: "gap_shrinks_by = 0.036",
    },
    # Rounded to the precision the header states.
    "rounded_to_stated_precision": {
        Q[1]: "low_95 = 0.521\nlow_99 = 0.465",
        Q[2]: "selective_rate = 0.683\ntotal_outsourcing_high = 0.569",
        Q[3]: 'best_decision_makers = "joint"\nbid_gap = 0.072',
        Q[4]: "n_short_total = 30.0\nselective_long_rate_5 = 0.602",
    },
    # Values read from the given tables with other pandas calls.
    "read_from_the_tables": {
        Q[
            2
        ]: 'selective_rate = scope_rates.loc[scope_rates["scope"] == "selective", "rate"]\ntotal_outsourcing_high = scope_rates.query("scope == \'total_outsourcing\'")["ci_high"].iloc[0]',
        Q[
            3
        ]: 'makers = practice_rates[practice_rates["factor"] == "decision_makers"]\nbest_decision_makers = makers.loc[makers["rate"].idxmax(), "level"]\nbid_gap = 0.0721',
        Q[5]: "gap_shrinks_by = float(naive_gap - gap_long)",
    },
    # Labels and letters with decoration.
    "decorated_answers": {
        Q[3]: 'best_decision_makers = " Joint "\nbid_gap = 0.072064',
        Q[6]: 'answer_q6 = "C. The data are synthetic"',
    },
    # numpy values and the pair's bound read by position.
    "numpy_values": {
        Q[
            1
        ]: "low_95 = np.float64(wilson_interval(21, 30)[0])\nlow_99 = np.array(wilson_interval(21, 30, 2.576))[:1]",
        Q[4]: "n_short_total = np.int64(30)\nselective_long_rate_5 = np.float32(0.6016)",
        Q[6]: 'answer_q6 = "(c)"',
    },
}

WRONG = [
    Wrong(
        "z_not_changed",
        {Q[1]: "low_95 = 0.521239\nlow_99 = 0.521239"},
        # One slip in Q1: the later questions keep their points.
        loses=(T[1],),
        message="change Z to 2.576",
    ),
    Wrong(
        "lower_bound_for_upper",
        {Q[2]: "selective_rate = 0.682764\ntotal_outsourcing_high = 0.486319"},
        loses=(T[2],),
        message="store the upper one",
    ),
    Wrong(
        "gap_reversed",
        {Q[3]: 'best_decision_makers = "joint"\nbid_gap = 0.586858 - 0.658922'},
        loses=(T[3],),
        message="not the reverse",
    ),
    Wrong(
        "cut_off_not_changed",
        {Q[4]: "n_short_total = 30\nselective_long_rate_5 = 0.644737"},
        loses=(T[4],),
        message="set SHORT_UP_TO to 5",
    ),
    Wrong(
        "gap_long_itself",
        {Q[5]: "gap_shrinks_by = gap_long"},
        loses=(T[5],),
        message="That is gap_long itself",
    ),
    Wrong(
        "rate_as_percentage",
        {Q[2]: "selective_rate = 68.3\ntotal_outsourcing_high = 0.568955"},
        loses=(T[2],),
        message="that looks like a percentage",
    ),
    Wrong(
        "intervals_overlap",
        {Q[6]: 'answer_q6 = "B"'},
        loses=(T[6],),
        message="reread the dataset's datasheet",
    ),
]

FAIR_CASES = {
    "display precision": "rounded_to_stated_precision",
    "early slip": "z_not_changed",
    "answer format": "decorated_answers",
}
