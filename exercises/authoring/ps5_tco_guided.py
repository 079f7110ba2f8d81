"""ps5_tco_guided: the offshore total-cost-of-ownership problem set with the code given."""

from nbbuild import Assignment, coding_cell, coding_setup, coding_written

CODING = "ps5_tco"


def build() -> Assignment:
    a = Assignment(
        "ps5_tco_guided",
        title="Problem set 5, guided: What does offshoring really cost?",
        minutes="35 to 50",
        precision=(
            "Answers are checked to these precisions: costs, savings and rates to whole currency units (0 decimals), years and counts exactly."
        ),
        datasets=[],
        prefix="ps5_guided",
        guided=True,
    )
    a.header(
        """
        This is the guided version of problem set 5: the same case and questions as the
        coding version, with the code written for you. You change the case's assumptions,
        read what happens to the costs and judge the deal.

        A UK insurer runs its claims back office with 40 full-time staff. A supplier offers
        to do the same work from an offshore delivery centre at a much lower rate per
        person. The sales pitch compares the two rates; you compare the **total cost of
        ownership**, including the costs that such pitches leave out: the extra people
        offshore work needs (productivity loss), the client's own governance, and a one-off
        transition. The case's figures are illustrative assumptions, not survey data.
        """
    )
    a.setup(coding_setup(CODING))
    a.text(
        "q1_prompt",
        """
        ## Q1. The annual offshore cost

        The first cell defines `offshore_annual_cost(fte, rate, productivity_loss,
        governance_pct)`: the supplier needs `fte * (1 + productivity_loss)` people at
        `rate` each (the fees), and the client's governance costs `governance_pct` times the
        fees on top. The second cell prices the case. Store `annual_cost` for the case's
        assumptions, then set both hidden costs to zero in the second cell and store
        `hidden_costs_per_year`: how much the productivity loss and governance add to the
        yearly cost.
        """,
    )
    a.given("q1_given", coding_cell(CODING, "q1"))
    a.given(
        "q1_try",
        """
        LOSS, GOVERNANCE = PRODUCTIVITY_LOSS, GOVERNANCE_PCT  # change me, for example to 0.0, 0.0
        offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, LOSS, GOVERNANCE)
        """,
    )
    a.answer(
        "q1",
        "cost_function",
        """
        # Set annual_cost and hidden_costs_per_year (£ a year).
        ### BEGIN SOLUTION
        annual_cost = offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
        hidden_costs_per_year = annual_cost - offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, 0, 0)
        ### END SOLUTION
        """,
    )
    a.tests("q1", "cost_function", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. Five years, year by year

        The cell below builds `cost_table`, one row per contract year, with the onshore
        cost, the offshore cost (the transition cost in year 1 only), the `saving` and the
        running total `cumulative_saving`. Store `saving_year_1` (negative when year 1 costs
        more offshore) and `five_year_saving`, the cumulative saving after five years.
        """,
    )
    a.given("q2_given", coding_cell(CODING, "q2"))
    a.answer(
        "q2",
        "cost_table",
        """
        # Set saving_year_1 and five_year_saving (£).
        ### BEGIN SOLUTION
        saving_year_1 = cost_table["saving"].iloc[0]
        five_year_saving = cost_table["cumulative_saving"].iloc[-1]
        ### END SOLUTION
        """,
    )
    a.tests("q2", "cost_table", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. When does the deal pay back?

        The cell below rebuilds the table with inputs you can change and prints the first
        year in which the cumulative saving is zero or more (`None` when it never is within
        the contract). With the case's assumptions the deal pays back in year 3. Change
        `LOSS` to 0.45 (offshore needs 45% more people) and store the break-even year you
        get as `break_even_year_45`.
        """,
    )
    a.given(
        "q3_given",
        """
        RATE, LOSS, GOVERNANCE, TRANSITION = (  # change me
            OFFSHORE_RATE_PER_FTE,
            PRODUCTIVITY_LOSS,
            GOVERNANCE_PCT,
            TRANSITION_COST,
        )
        what_if = pd.DataFrame({"year": np.arange(1, YEARS + 1)})
        annual = offshore_annual_cost(FTE, RATE, LOSS, GOVERNANCE)
        what_if["saving"] = FTE * ONSHORE_COST_PER_FTE - annual - np.where(what_if["year"] == 1, TRANSITION, 0)
        what_if["cumulative_saving"] = what_if["saving"].cumsum()
        paid_back = what_if.loc[what_if["cumulative_saving"] >= 0, "year"]
        print("break-even year:", int(paid_back.min()) if len(paid_back) else None)
        what_if
        """,
    )
    a.answer(
        "q3",
        "break_even_year",
        """
        # Set break_even_year_45 (a year from 1 to 5, or None).
        ### BEGIN SOLUTION
        break_even_year_45 = 4
        ### END SOLUTION
        """,
    )
    a.tests("q3", "break_even_year", 1)
    a.text(
        "q4_prompt",
        """
        ## Q4. How high can the supplier's rate go?

        The cell below solves for `break_even_rate`, the supplier rate per FTE at which the
        cumulative saving after five years is exactly zero, keeping every other assumption.
        Store `rate_headroom`: by how many pounds per FTE the supplier's rate could rise
        above the offered £26,000 before the deal stops paying back. Check it with the Q3
        cell: set `RATE` to the break-even rate.
        """,
    )
    a.given("q4_given", coding_cell(CODING, "q4"))
    a.answer(
        "q4",
        "break_even_rate",
        """
        # Set rate_headroom (£ per FTE a year).
        ### BEGIN SOLUTION
        rate_headroom = break_even_rate - OFFSHORE_RATE_PER_FTE
        ### END SOLUTION
        """,
    )
    a.tests("q4", "break_even_rate", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. Sensitivity to hidden costs

        The cell below builds `sensitivity`: the cumulative saving after five years for
        productivity losses from 0 to 60% (rows) and governance shares from 5% to 20%
        (columns). Store `saving_45_20`, the saving with a 45% loss and 20% governance, and
        `n_losing`, the number of combinations in the table that lose money over five years.
        """,
    )
    a.given("q5_given", coding_cell(CODING, "q5"))
    a.answer(
        "q5",
        "sensitivity",
        """
        # Set saving_45_20 (£) and n_losing (a count of cells).
        ### BEGIN SOLUTION
        saving_45_20 = sensitivity.loc[0.45, 0.20]
        n_losing = int((sensitivity < 0).sum().sum())
        ### END SOLUTION
        """,
    )
    a.tests("q5", "sensitivity", 3)
    prompt, model = coding_written(CODING, "q6")
    a.written("q6", "recommendation", 4, prompt, model)
    a.footer()
    return a
