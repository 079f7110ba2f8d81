"""ps4_decisions_guided: the sourcing-decisions problem set with the code given."""

from nbbuild import Assignment, coding_cell, coding_setup, coding_text, coding_written

CODING = "ps4_decisions"


def build() -> Assignment:
    a = Assignment(
        "ps4_decisions_guided",
        title="Problem set 4, guided: What makes sourcing decisions succeed?",
        minutes="40 to 55",
        precision=(
            "Answers are checked to these precisions: rates, interval bounds and gaps to 3 decimals, counts exactly."
        ),
        datasets=["sourcing_decisions (synthetic)"],
        prefix="ps4_guided",
        guided=True,
    )
    a.header(
        """
        This is the guided version of problem set 4: the same data and questions as the
        coding version, with the code written for you. You change a confidence level or a
        cut-off, read the rates and intervals, and say what they can and cannot show.

        Lacity and Willcocks (1998) compared sourcing decisions by how they were made and
        whether they achieved the savings expected; the abstract of that study reports the
        directions of its findings (selective outsourcing, joint decisions, internal and
        external bids, shorter and detailed contracts did better). The research
        programme's case data are not public. **`sourcing_decisions` is a synthetic data
        set**: a program generated its 2,400 decisions so that the outcomes follow those
        directions, with invented magnitudes (see `datasheet("sourcing_decisions")`).
        """
    )
    a.setup(coding_setup(CODING))
    a.text(
        "q1_prompt",
        r"""
        ## Q1. An interval for a success rate

        A rate from a few dozen decisions is uncertain. The first cell defines
        `wilson_interval(successes, n, z=1.96)`, the Wilson score interval `(low, high)`
        for the share `successes / n`; `z = 1.96` gives a 95% interval and `z = 2.576` a
        99% one. The second cell tries it. For 21 successes out of 30 decisions, store
        `low_95`, the lower bound of the 95% interval; then change `Z` to 2.576 and store
        `low_99`. Why is the 99% interval wider?
        """,
    )
    a.given("q1_given", coding_cell(CODING, "q1"))
    a.given(
        "q1_try",
        """
        SUCCESSES, N, Z = 21, 30, 1.96  # change me
        wilson_interval(SUCCESSES, N, Z)
        """,
    )
    a.answer(
        "q1",
        "wilson",
        """
        # Set low_95 and low_99 (fractions).
        ### BEGIN SOLUTION
        low_95 = wilson_interval(21, 30)[0]
        low_99 = wilson_interval(21, 30, z=2.576)[0]
        ### END SOLUTION
        """,
    )
    a.tests("q1", "wilson", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. Success by scope

        The cell below builds `scope_rates`: for each `scope`, the number of decisions
        `n`, the `successes` (decisions that achieved their expected savings), the `rate`
        and its Wilson interval. Store `selective_rate`, the success rate of selective
        outsourcing, and `total_outsourcing_high`, the upper bound of total outsourcing's
        interval. Do the two intervals overlap?
        """,
    )
    a.given("q2_given", coding_cell(CODING, "q2"))
    a.answer(
        "q2",
        "scope_rates",
        """
        # Set selective_rate and total_outsourcing_high (fractions).
        ### BEGIN SOLUTION
        selective_rate = scope_rates.set_index("scope").loc["selective", "rate"]
        total_outsourcing_high = scope_rates.set_index("scope").loc["total_outsourcing", "ci_high"]
        ### END SOLUTION
        """,
    )
    a.tests("q2", "scope_rates", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. Success by practice

        The cell below does the same for three practices, stacked into `practice_rates`
        (`factor`, `level`, `n`, `successes`, `rate`, `ci_low`, `ci_high`). Set
        `best_decision_makers` to the `level` of `decision_makers` with the highest rate
        (a label such as `"it_only"`), and `bid_gap` to the success rate of
        `internal_and_external` bids minus that of `external_only` bids.
        """,
    )
    a.given("q3_given", coding_cell(CODING, "q3"))
    a.answer(
        "q3",
        "practice_rates",
        """
        # Set best_decision_makers (a label) and bid_gap (a fraction).
        ### BEGIN SOLUTION
        best_decision_makers = "joint"
        rates = practice_rates.set_index(["factor", "level"])["rate"]
        bid_gap = rates["bid_process", "internal_and_external"] - rates["bid_process", "external_only"]
        ### END SOLUTION
        """,
    )
    a.tests("q3", "practice_rates", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Is it the scope or the contract length?

        Total-outsourcing deals tend to have longer contracts, and longer contracts do
        worse. The cell below keeps the two outsourcing scopes, calls a contract `"short"`
        when `contract_years` is at most `SHORT_UP_TO`, and shows the number of decisions
        and the success rate in each cell. Store `n_short_total`, how many
        total-outsourcing deals have short contracts with the cut-off at 3 years. Then
        change `SHORT_UP_TO` to 5 and store `selective_long_rate_5`, the success rate of
        selective deals with long contracts under that cut-off (set it back afterwards).
        """,
    )
    a.given(
        "q4_given",
        """
        SHORT_UP_TO = 3  # change me: the longest contract, in years, still called short
        deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])].copy()
        deals["length"] = np.where(deals["contract_years"] <= SHORT_UP_TO, "short", "long")
        print(pd.crosstab(deals["scope"], deals["length"]))
        length_by_scope = deals.pivot_table(
            index="scope", columns="length", values="savings_achieved", aggfunc="mean"
        )
        length_by_scope
        """,
    )
    a.answer(
        "q4",
        "length_by_scope",
        """
        # Set n_short_total (a count) and selective_long_rate_5 (a fraction).
        ### BEGIN SOLUTION
        n_short_total = 30
        selective_long_rate_5 = 0.601594
        ### END SOLUTION
        """,
    )
    a.tests("q4", "length_by_scope", 3)
    a.text(
        "q5_prompt",
        """
        ## Q5. The naive gap and the like-for-like gap

        The cell below computes `naive_gap`, selective's success rate minus total
        outsourcing's, and `gap_long`, the same difference among long contracts only (over
        3 years). Store `gap_shrinks_by`: how much smaller the like-for-like gap is than
        the naive one (`naive_gap - gap_long`, a share: 0.05 means five percentage points).
        """,
    )
    a.given("q5_given", coding_cell(CODING, "q5"))
    a.answer(
        "q5",
        "gaps",
        """
        # Set gap_shrinks_by (a fraction).
        ### BEGIN SOLUTION
        gap_shrinks_by = naive_gap - gap_long
        ### END SOLUTION
        """,
    )
    a.tests("q5", "gaps", 2)
    a.text("q6_prompt", coding_text(CODING, "q6_prompt"))
    a.answer(
        "q6",
        "synthetic",
        """
        # Set answer_q6 to a letter, for example "A".
        ### BEGIN SOLUTION
        answer_q6 = "C"
        ### END SOLUTION
        """,
    )
    a.tests("q6", "synthetic", 1)
    prompt, model = coding_written(CODING, "q7")
    a.written("q7", "memo", 4, prompt, model)
    a.footer()
    return a
