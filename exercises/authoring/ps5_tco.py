"""ps5_tco: offshore total cost of ownership, break-even and hidden costs."""

from nbbuild import Assignment, literals

from globalsourcing.checks import ps5_tco as checks


def build() -> Assignment:
    a = Assignment(
        "ps5_tco",
        title="Problem set 5: What does offshoring really cost?",
        minutes="60 to 75",
        precision=(
            "Answers are checked to these precisions: costs, savings and the break-even rate to whole currency units (0 decimals), years exactly. Functions you write are called with other inputs and compared at full precision."
        ),
        datasets=[],
    )
    a.header(
        """
        A UK insurer runs its claims back office with 40 full-time staff. A supplier offers
        to do the same work from an offshore delivery centre at a much lower rate per
        person. The sales pitch compares the two rates; you will compare the **total cost
        of ownership**, including the costs that such pitches leave out. The course's
        synthesis of the Lacity and Willcocks research programme stresses that offshore
        work needs more hands-on management than domestic outsourcing and that a client
        must keep capable people of its own to run a deal: both show up here as costs.

        You write all the code yourself. (The course library has a cost model in
        `globalsourcing.models`; do not call it here, because writing the cost function is
        the exercise.)
        """
    )
    a.setup(
        """
        import numpy as np
        import pandas as pd

        from globalsourcing import check

        # The case's assumptions (illustrative figures for this exercise, not survey data).
        FTE = $FTE  # onshore staff doing the work today
        ONSHORE_COST_PER_FTE = $ONSHORE_COST_PER_FTE  # £ a year per person, fully loaded (pay, on-costs, space, IT)
        OFFSHORE_RATE_PER_FTE = $OFFSHORE_RATE_PER_FTE  # £ a year the supplier charges per offshore person
        PRODUCTIVITY_LOSS = $PRODUCTIVITY_LOSS  # offshore needs 20% more people for the same work
        GOVERNANCE_PCT = $GOVERNANCE_PCT  # retained management and travel, as a share of supplier fees
        TRANSITION_COST = $TRANSITION_COST  # one-off in year 1: knowledge transfer, parallel running, severance
        YEARS = $YEARS  # contract length
        """,
        **literals(checks),
    )
    a.text(
        "q1_prompt",
        """
        ## Q1. The annual offshore cost

        Write a function `offshore_annual_cost(fte, rate, productivity_loss, governance_pct)`
        that returns the yearly cost of doing the work of `fte` onshore people offshore:

        * the supplier needs `fte * (1 + productivity_loss)` people to do the same work,
          and charges `rate` for each of them (these are the supplier fees);
        * the client's own governance (retained managers, travel, quality checks) costs
          `governance_pct` times the supplier fees, on top of the fees.

        Shares are fractions: `0.1` means 10%. Example: 10 people at 1,000 with no hidden
        costs cost 10,000 a year.
        """,
    )
    a.answer(
        "q1",
        "cost_function",
        """
        def offshore_annual_cost(fte, rate, productivity_loss, governance_pct):
            ### BEGIN SOLUTION
            fees = fte * (1 + productivity_loss) * rate
            return fees * (1 + governance_pct)
            ### END SOLUTION
        """,
    )
    a.tests("q1", "cost_function", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. Five years, year by year

        Build a DataFrame `cost_table` with one row per contract year (1 to `YEARS`) and the
        columns `year`, `onshore_cost` (staying as you are), `offshore_cost` (your Q1 function
        with the case's assumptions, plus `TRANSITION_COST` in year 1 only), `saving`
        (onshore minus offshore) and `cumulative_saving` (the running total of `saving`).
        """,
    )
    a.answer(
        "q2",
        "cost_table",
        """
        ### BEGIN SOLUTION
        years = np.arange(1, YEARS + 1)
        annual = offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, PRODUCTIVITY_LOSS, GOVERNANCE_PCT)
        cost_table = pd.DataFrame({"year": years, "onshore_cost": FTE * ONSHORE_COST_PER_FTE})
        cost_table["offshore_cost"] = annual + np.where(years == 1, TRANSITION_COST, 0)
        cost_table["saving"] = cost_table["onshore_cost"] - cost_table["offshore_cost"]
        cost_table["cumulative_saving"] = cost_table["saving"].cumsum()
        ### END SOLUTION
        cost_table
        """,
    )
    a.tests("q2", "cost_table", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. When does the deal pay back?

        Set `break_even_year` to the first contract year in which `cumulative_saving` is
        zero or more (an integer from 1 to 5), or to `None` if that never happens within
        the contract. Read it from your table with pandas rather than typing it in.
        """,
    )
    a.answer(
        "q3",
        "break_even_year",
        """
        ### BEGIN SOLUTION
        paid_back = cost_table.loc[cost_table["cumulative_saving"] >= 0, "year"]
        break_even_year = int(paid_back.min()) if len(paid_back) else None
        ### END SOLUTION
        break_even_year
        """,
    )
    a.tests("q3", "break_even_year", 1)
    a.text(
        "q4_prompt",
        """
        ## Q4. How high can the supplier's rate go?

        Keep every other assumption. Find `break_even_rate`: the supplier rate per FTE at
        which the cumulative saving after `YEARS` years is exactly zero. A closed-form
        answer from the algebra of Q1 and Q2 is best; a numerical search is fine if it is
        accurate to the nearest pound.
        """,
    )
    a.answer(
        "q4",
        "break_even_rate",
        """
        ### BEGIN SOLUTION
        # YEARS * (onshore - fte * (1 + loss) * rate * (1 + gov)) - transition = 0, solved for rate
        annual_budget = FTE * ONSHORE_COST_PER_FTE - TRANSITION_COST / YEARS
        break_even_rate = annual_budget / (FTE * (1 + PRODUCTIVITY_LOSS) * (1 + GOVERNANCE_PCT))
        ### END SOLUTION
        break_even_rate
        """,
    )
    a.tests("q4", "break_even_rate", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. Sensitivity to hidden costs

        Hidden costs are uncertain before the deal starts. Build `sensitivity`, a wide
        DataFrame of the cumulative saving after `YEARS` years, with the productivity
        losses `[0.0, 0.15, 0.30, 0.45, 0.60]` as the index (rows, in that order) and the
        governance shares `[0.05, 0.10, 0.15, 0.20]` as the columns. Keep the baseline rate
        and transition cost.
        """,
    )
    a.answer(
        "q5",
        "sensitivity",
        """
        ### BEGIN SOLUTION
        losses = [0.0, 0.15, 0.3, 0.45, 0.6]
        shares = [0.05, 0.10, 0.15, 0.20]
        sensitivity = pd.DataFrame(
            {
                share: [
                    YEARS
                    * (
                        FTE * ONSHORE_COST_PER_FTE
                        - offshore_annual_cost(FTE, OFFSHORE_RATE_PER_FTE, loss, share)
                    )
                    - TRANSITION_COST
                    for loss in losses
                ]
                for share in shares
            },
            index=losses,
        )
        ### END SOLUTION
        sensitivity.round(0)
        """,
    )
    a.tests("q5", "sensitivity", 3)
    a.written(
        "q6",
        "recommendation",
        4,
        """
        Write a recommendation of 150 to 250 words to the insurer's finance director.
        Should the insurer sign? Use your numbers: say under which combinations of hidden
        costs the deal still pays back within five years and which would sink it. Then name
        two things the insurer should do to keep the hidden costs low, and tie each to a
        lesson of the course (for example the retained capabilities a client keeps, or the
        extra management that offshore work needs).
        """,
        """
        *Model answer (instructor copy).* On the baseline assumptions the deal pays back in
        year 3 and saves about £1.9 million over five years, but the margin depends on the
        hidden costs. The sensitivity table shows that the deal still pays back with a
        productivity loss of up to 30% at any governance share up to 20%. At a 45% loss it
        fails once governance reaches 20% of fees, and at a 60% loss it survives only if
        governance stays near 5%. A supplier rate above about £33,300 per FTE also erases
        the saving. I recommend signing with conditions: a priced pilot that measures the
        real productivity gap before the full transfer; a retained team with
        contract-monitoring and informed-buying skills, budgeted as governance from day one,
        because the course's synthesis of the research shows that deals run without these
        capabilities drift; and a contract that ties part of the supplier's fee to
        productivity targets, so the supplier carries some of the learning-curve risk. The
        transition should be fixed-price. Offshore work needs more hands-on management than
        domestic outsourcing, so the insurer should budget for governance at the upper end
        of the range in the first year.
        """,
    )
    a.footer()
    return a
