"""ps6_retention: knowledge retention at an offshore supplier, a small simulation."""

from nbbuild import Assignment, literal

from globalsourcing.checks import ps6_retention as checks


def build() -> Assignment:
    a = Assignment(
        "ps6_retention",
        title="Problem set 6: Keeping knowledge when people leave",
        minutes="60 to 75",
        precision=(
            "Answers are checked to these precisions: knowledge, output and their averages to 3 decimals, months exactly. Functions you write are called with other inputs and compared at full precision."
        ),
        datasets=[],
    )
    a.header(
        """
        Knowledge retention is one of the five enduring challenges that Lacity, Willcocks
        and Rottman (2008) name for global sourcing. An offshore supplier's team runs a
        client's accounts-payable process. Staff turnover in the delivery centre is high,
        and every leaver takes some client-specific know-how along. You will build a small
        month-by-month model of the team's knowledge, compare four ways of protecting it
        and advise the client and the supplier.

        The model is deliberately simple and its numbers are illustrative assumptions, not
        measurements. Write your own code: `globalsourcing.models` has a richer retention
        model, but calling it would skip the exercise.
        """
    )
    a.setup(
        """
        import numpy as np
        import pandas as pd

        from globalsourcing import check

        MONTHS = $MONTHS
        # Four ways to run the team (illustrative assumptions):
        # annual_attrition: share of the team leaving in a year
        # codified: share of a leaver's knowledge already written down, so it stays
        # relearn: share of the missing knowledge the team rebuilds each month
        # effort: share of working time the lever itself takes (documenting, keeping a directory)
        SCENARIOS = pd.DataFrame($SCENARIOS)
        SCENARIOS
        """,
        MONTHS=literal(checks.MONTHS),
        SCENARIOS=literal(checks.SCENARIO_INPUTS),
    )
    a.text(
        "q1_prompt",
        """
        ## Q1. From annual to monthly attrition

        HR reports attrition per year; the model runs per month. Write
        `monthly_attrition(annual)` returning the monthly leaving rate `m` such that a person
        stays for all twelve months with probability `1 - annual`, that is
        `(1 - m) ** 12 == 1 - annual`.
        """,
    )
    a.answer(
        "q1",
        "monthly_rate",
        """
        def monthly_attrition(annual):
            ### BEGIN SOLUTION
            return 1 - (1 - annual) ** (1 / 12)
            ### END SOLUTION
        """,
    )
    a.tests("q1", "monthly_rate", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. The simulation

        The team's knowledge `k` starts at 1.0 (everything the service needs). In each month,
        first the leavers go: `k` falls by `m * k * (1 - codified)`, where `m` is the
        monthly attrition. Then the team relearns: `k` rises by `relearn * (1 - k)`.

        Write `simulate_knowledge(months, annual_attrition, codified, relearn)` returning a
        DataFrame with the columns `month` (1 to `months`) and `knowledge` (the level at the
        end of each month).
        """,
    )
    a.answer(
        "q2",
        "simulation",
        """
        def simulate_knowledge(months, annual_attrition, codified, relearn):
            ### BEGIN SOLUTION
            leave = monthly_attrition(annual_attrition)
            level, levels = 1.0, []
            for _ in range(months):
                level -= leave * level * (1 - codified)
                level += relearn * (1 - level)
                levels.append(level)
            return pd.DataFrame({"month": np.arange(1, months + 1), "knowledge": levels})
            ### END SOLUTION
        """,
    )
    a.tests("q2", "simulation", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. Four scenarios

        Run your simulation for `MONTHS` months for each row of `SCENARIOS` and stack the
        results into one long DataFrame `runs` with the columns `scenario`, `month`,
        `knowledge` and `output`, where `output = knowledge * (1 - effort)`: time spent on
        a lever is time not spent processing invoices.
        """,
    )
    a.answer(
        "q3",
        "runs",
        """
        ### BEGIN SOLUTION
        parts = []
        for row in SCENARIOS.itertuples():
            run = simulate_knowledge(MONTHS, row.annual_attrition, row.codified, row.relearn)
            parts.append(run.assign(scenario=row.scenario))
        runs = pd.concat(parts, ignore_index=True).merge(SCENARIOS[["scenario", "effort"]])
        runs["output"] = runs["knowledge"] * (1 - runs["effort"])
        ### END SOLUTION
        runs.head()
        """,
    )
    a.tests("q3", "runs", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Compare the scenarios

        Summarise `runs` into `summary`, one row per scenario with the columns
        `scenario`, `final_knowledge` (knowledge in the last month), `mean_output` (average
        output over all months) and `months_below_90` (how many months knowledge is below
        0.9).
        """,
    )
    a.answer(
        "q4",
        "summary",
        """
        ### BEGIN SOLUTION
        summary = (
            runs.sort_values("month")
            .groupby("scenario", as_index=False)
            .agg(
                final_knowledge=("knowledge", "last"),
                mean_output=("output", "mean"),
                months_below_90=("knowledge", lambda k: int((k < 0.9).sum())),
            )
        )
        ### END SOLUTION
        summary
        """,
    )
    a.tests("q4", "summary", 3)
    a.text(
        "q5_prompt",
        """
        ## Q5. Which lever gives the most output?

        Set `best_for_output` to the name of the scenario with the highest `mean_output`,
        taken from `summary` with pandas (a string such as `"baseline"`).
        """,
    )
    a.answer(
        "q5",
        "best",
        """
        ### BEGIN SOLUTION
        best_for_output = summary.loc[summary["mean_output"].idxmax(), "scenario"]
        ### END SOLUTION
        best_for_output
        """,
    )
    a.tests("q5", "best", 1)
    a.written(
        "q6",
        "recommendation",
        4,
        """
        In 150 to 250 words, advise the client's head of finance operations and the
        supplier's delivery manager. Which lever, or combination, would you fund, and who
        should pay for it? Use at least two numbers from `summary`. Name one cost or risk the
        model leaves out (for example what a retention bonus costs, or whether a directory
        is kept up to date), and connect your advice to knowledge retention as one of the
        enduring challenges of outsourcing.
        """,
        """
        *Model answer (instructor copy).* Raising pay to cut attrition from 25% to 15% gives
        the highest mean output (about 0.90 against 0.83 at baseline) and the fewest months
        below 90% knowledge (22 against 30), but the model leaves out what the bonus costs,
        and the supplier would pass that cost on. Among the levers that do not change pay, an
        expertise directory does best: it lifts mean output to about 0.86 for 3% of the
        team's time, whereas documentation raises final knowledge (0.84) but costs so much
        time that its mean output (0.82) falls below the baseline. I would fund a directory
        now, paid by the supplier as part of its delivery method, and tie a share of the
        supplier's fee to attrition and knowledge-continuity measures so that a retention
        bonus pays off for the supplier too. The client should also keep its own people
        who know the process well enough to judge the supplier's work, because knowledge
        retention is a problem on both sides of the deal. The model's weak spot is the
        directory itself: its benefit assumes people keep it current, which the
        authors' related research on "who knows what" systems at offshore suppliers shows
        takes deliberate management.
        """,
    )
    a.footer()
    return a
