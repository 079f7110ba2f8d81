"""ps6_retention_guided: the knowledge-retention simulation with the code given."""

from nbbuild import Assignment, coding_cell, coding_setup, coding_written

CODING = "ps6_retention"


def build() -> Assignment:
    a = Assignment(
        "ps6_retention_guided",
        title="Problem set 6, guided: Keeping knowledge when people leave",
        minutes="35 to 50",
        precision=(
            "Answers are checked to these precisions: rates, knowledge, output and their averages to 3 decimals, months exactly."
        ),
        datasets=[],
        prefix="ps6_guided",
        guided=True,
    )
    a.header(
        """
        This is the guided version of problem set 6: the same model and questions as the
        coding version, with the code written for you. You change attrition and the share
        of knowledge written down, read what happens to the team's knowledge and output,
        and advise the client and the supplier.

        Knowledge retention is one of the five enduring challenges that Lacity, Willcocks
        and Rottman (2008) name for global sourcing. An offshore supplier's team runs a
        client's accounts-payable process; staff turnover is high, and every leaver takes
        some client-specific know-how along. The model is deliberately simple and its
        numbers are illustrative assumptions, not measurements.
        """
    )
    a.setup(coding_setup(CODING))
    a.text(
        "q1_prompt",
        """
        ## Q1. From annual to monthly attrition

        HR reports attrition per year; the model runs per month. The first cell defines
        `monthly_attrition(annual)`, the monthly leaving rate `m` with
        `(1 - m) ** 12 == 1 - annual`; the second tries it. Store `monthly_25`, the monthly
        rate for 25% a year, then change `ANNUAL` to 0.15 and store `monthly_15`. Why is
        the monthly rate a little more than a twelfth of the annual one?
        """,
    )
    a.given("q1_given", coding_cell(CODING, "q1"))
    a.given(
        "q1_try",
        """
        ANNUAL = 0.25  # change me
        print("monthly:", monthly_attrition(ANNUAL), " a twelfth:", ANNUAL / 12)
        """,
    )
    a.answer(
        "q1",
        "monthly_rate",
        """
        # Set monthly_25 and monthly_15 (fractions).
        ### BEGIN SOLUTION
        monthly_25 = monthly_attrition(0.25)
        monthly_15 = monthly_attrition(0.15)
        ### END SOLUTION
        """,
    )
    a.tests("q1", "monthly_rate", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. The simulation

        The team's knowledge `k` starts at 1.0. Each month the leavers take
        `m * k * (1 - codified)` with them, then the team relearns `relearn * (1 - k)`. The
        first cell defines `simulate_knowledge(months, annual_attrition, codified,
        relearn)`; the second runs it for 36 months. Store `final_baseline`, the knowledge
        in month 36 with the baseline inputs (25% attrition, 20% codified, 5% relearned a
        month). Then change `CODIFIED` to 0.8 and store `final_codified_80`.
        """,
    )
    a.given("q2_given", coding_cell(CODING, "q2"))
    a.given(
        "q2_try",
        """
        ANNUAL, CODIFIED, RELEARN = 0.25, 0.2, 0.05  # change me
        run = simulate_knowledge(MONTHS, ANNUAL, CODIFIED, RELEARN)
        run.tail(3)
        """,
    )
    a.answer(
        "q2",
        "simulation",
        """
        # Set final_baseline and final_codified_80 (knowledge, between 0 and 1).
        ### BEGIN SOLUTION
        final_baseline = simulate_knowledge(36, 0.25, 0.2, 0.05)["knowledge"].iloc[-1]
        final_codified_80 = simulate_knowledge(36, 0.25, 0.8, 0.05)["knowledge"].iloc[-1]
        ### END SOLUTION
        """,
    )
    a.tests("q2", "simulation", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. Four scenarios

        The cell below runs the model for each row of `SCENARIOS` and stacks the runs into
        `runs`, with `output = knowledge * (1 - effort)`: time spent on a lever is time not
        spent processing invoices. Store `knowledge_12_documentation` and
        `output_12_documentation`, the documentation scenario's knowledge and output in
        month 12. Why do they differ?
        """,
    )
    a.given("q3_given", coding_cell(CODING, "q3"))
    a.given(
        "q3_month",
        """
        MONTH = 12  # change me
        runs[runs["month"] == MONTH]
        """,
    )
    a.answer(
        "q3",
        "runs",
        """
        # Set knowledge_12_documentation and output_12_documentation (between 0 and 1).
        ### BEGIN SOLUTION
        month_12 = runs[(runs["month"] == 12) & (runs["scenario"] == "documentation")]
        knowledge_12_documentation = month_12["knowledge"].item()
        output_12_documentation = month_12["output"].item()
        ### END SOLUTION
        """,
    )
    a.tests("q3", "runs", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Compare the scenarios

        The cell below summarises `runs` into `summary`: per scenario, the knowledge in the
        last month, the mean output over all months and the number of months with
        knowledge below 0.9. Store `months_below_90_baseline` and
        `mean_output_documentation`.
        """,
    )
    a.given("q4_given", coding_cell(CODING, "q4"))
    a.answer(
        "q4",
        "summary",
        """
        # Set months_below_90_baseline (months) and mean_output_documentation (0 to 1).
        ### BEGIN SOLUTION
        by_scenario = summary.set_index("scenario")
        months_below_90_baseline = by_scenario.loc["baseline", "months_below_90"]
        mean_output_documentation = by_scenario.loc["documentation", "mean_output"]
        ### END SOLUTION
        """,
    )
    a.tests("q4", "summary", 3)
    a.text(
        "q5_prompt",
        """
        ## Q5. Which lever gives the most output?

        The cell below names the scenario with the highest mean output. A retention bonus
        changes pay, which the model does not cost. Set `best_without_pay` to the name of
        the scenario with the highest mean output among the levers that do not change pay
        (`"documentation"` or `"directory"`).
        """,
    )
    a.given("q5_given", coding_cell(CODING, "q5"))
    a.answer(
        "q5",
        "best",
        """
        # Set best_without_pay (a scenario name).
        ### BEGIN SOLUTION
        best_without_pay = "directory"
        ### END SOLUTION
        """,
    )
    a.tests("q5", "best", 1)
    prompt, model = coding_written(CODING, "q6")
    a.written("q6", "recommendation", 4, prompt, model)
    a.footer()
    return a
