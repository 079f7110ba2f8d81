"""ps7_case: Sainsbury's and Accenture, a case analysis with data (optional)."""

from nbbuild import Assignment


def build() -> Assignment:
    a = Assignment(
        "ps7_case",
        title="Problem set 7 (optional): Sainsbury's and Accenture, renegotiate or bring it home?",
        minutes="45 to 60",
        precision=(
            "Answers are checked to these precisions: £ millions and £ thousands to 1 decimal, shares and ratios to 3 decimals, years exactly."
        ),
        datasets=["cases"],
    )
    a.header(
        """
        Read the case chapter on J Sainsbury and Accenture (2000 to 2005) first. The
        course's `cases` table records the key published facts of each case, with the
        source on every row; some of them sit in free text (`outcome`, `notes`). Here you
        pull the figures out with pandas, put them side by side, and then write the advice
        the case asks for. Every figure comes from press reports cited in the table; where
        a report says "about" or "more than", your result inherits that uncertainty.
        """
    )
    a.setup(
        """
        import re

        import numpy as np
        import pandas as pd

        from globalsourcing import check
        from globalsourcing.data import load

        cases = load("cases")
        sainsbury = cases.set_index("case_id").loc["sainsbury_accenture_2000"]
        print(sainsbury["outcome"])
        print(sainsbury["notes"])
        """
    )
    a.text(
        "q1_prompt",
        """
        ## Q1. Deals that ended

        Build `ended_deals`: the cases with both an `end_year` and a contract length
        (`duration_years`), with the columns `case_id`, `years_served` (`end_year -
        start_year`) and `share_served` (`years_served / duration_years`).
        """,
    )
    a.answer(
        "q1",
        "ended_deals",
        """
        ### BEGIN SOLUTION
        ended_deals = cases.dropna(subset=["end_year", "duration_years"]).assign(
            years_served=lambda d: d["end_year"] - d["start_year"],
            share_served=lambda d: (d["end_year"] - d["start_year"]) / d["duration_years"],
        )[["case_id", "client", "years_served", "share_served"]]
        ### END SOLUTION
        ended_deals
        """,
    )
    a.tests("q1", "ended_deals", 2)
    a.text(
        "q2_prompt",
        r"""
        ## Q2. The 2004 write-offs

        The Sainsbury's `outcome` text lists the write-offs announced in 2004 as amounts
        written "£...m of ...". Extract those amounts with a pandas string method (for
        example `str.extractall(r"£(\d+)m of")` on a Series) and set `writeoffs_gbp_m` to
        their sum in millions of pounds. The same text also gives the cost of bringing the
        staff back, which is not a write-off.
        """,
    )
    a.answer(
        "q2",
        "writeoffs",
        """
        ### BEGIN SOLUTION
        outcome = cases.loc[cases["case_id"] == "sainsbury_accenture_2000", "outcome"]
        writeoffs_gbp_m = int(outcome.str.extractall(r"£(\\d+)m of")[0].astype(int).sum())
        ### END SOLUTION
        writeoffs_gbp_m
        """,
    )
    a.tests("q2", "writeoffs", 2)
    a.text(
        "q3_prompt",
        """
        ## Q3. The contract against the IT budget

        Set `annual_contract_value_gbp_m` to the contract's value at signing spread evenly
        over its original length (`deal_value_low` is in billions of pounds), and
        `contract_to_spend` to that amount divided by the annual IT spend given in the
        row's `notes` (read the number from the text with `re` or pandas).
        """,
    )
    a.answer(
        "q3",
        "contract_vs_spend",
        """
        ### BEGIN SOLUTION
        annual_contract_value_gbp_m = sainsbury["deal_value_low"] * 1000 / sainsbury["duration_years"]
        it_spend_gbp_m = float(re.search(r"about £(\\d+)m a year", sainsbury["notes"]).group(1))
        contract_to_spend = annual_contract_value_gbp_m / it_spend_gbp_m
        ### END SOLUTION
        annual_contract_value_gbp_m, contract_to_spend
        """,
    )
    a.tests("q3", "contract_vs_spend", 2)
    a.text(
        "q4_prompt",
        """
        ## Q4. The cost of coming home

        Set `backsourcing_per_person_gbp_k` to the reported cost of moving the staff back
        in-house divided by the number of staff who came back, in thousands of pounds per
        person. Both figures are in the `outcome` text. Because the cost is reported as
        "more than" a figure, your result is a lower bound.
        """,
    )
    a.answer(
        "q4",
        "backsourcing",
        """
        ### BEGIN SOLUTION
        text = sainsbury["outcome"]
        cost_gbp_m = float(re.search(r"more than £(\\d+)m", text).group(1))
        staff_back = float(re.search(r"about (\\d+) staff", text).group(1))
        backsourcing_per_person_gbp_k = cost_gbp_m * 1000 / staff_back
        ### END SOLUTION
        backsourcing_per_person_gbp_k
        """,
    )
    a.tests("q4", "backsourcing", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. Who else ended this way?

        Set `same_outcome` to the list of the other `case_id`s whose `outcome_category` is
        the same as Sainsbury's.
        """,
    )
    a.answer(
        "q5",
        "same_outcome",
        """
        ### BEGIN SOLUTION
        same_outcome = cases.loc[
            (cases["outcome_category"] == sainsbury["outcome_category"])
            & (cases["case_id"] != "sainsbury_accenture_2000"),
            "case_id",
        ].tolist()
        ### END SOLUTION
        same_outcome
        """,
    )
    a.tests("q5", "same_outcome", 1)
    a.written(
        "q6",
        "advice",
        5,
        """
        It is spring 2005 and you advise Sainsbury's new IT director. Should the company
        renegotiate with Accenture, move to another supplier, or bring IT back in-house?
        In 200 to 300 words, use at least two of your figures, compare with the other case
        in `same_outcome`, and connect your advice to at least one of the course's lessons
        (for example contracts that align incentives, the capabilities a client must keep,
        or outsourcing selectively). Say what the table cannot tell you.
        """,
        """
        *Model answer (instructor copy).* I would bring the core of IT back in-house and
        outsource selectively afterwards. The deal cost about £243m a year at signing,
        roughly 1.2 times the £200m a year Sainsbury's had been spending on IT, so the
        transformation was meant to pay for itself through change that had not arrived:
        the 2004 write-offs came to £290m, more than a year of the old IT budget.
        Renegotiating would keep the arrangement under which the supply-chain systems had
        gone wrong, and a new supplier would need another long transition
        of knowledge that now sits mostly with Accenture's transferred staff. Bringing about
        470 people back cost more than £60m, at least £128k a person, which is large but
        smaller than one year of the write-offs. JPMorgan Chase, the other case that ended
        early and came back in-house, shows that such a return can be orderly when the
        client has its own IT leadership and plans for it. The course's synthesis of the
        research programme stresses that a client must keep the capabilities to specify,
        buy and monitor IT; Sainsbury's needs to rebuild them before it can outsource
        selected services again on shorter, detailed contracts. The table cannot tell us
        the contract's termination terms, what share of the problems lay with Sainsbury's
        own decisions, or how the company measured the payback it later reported, so this
        advice should be tested against those facts.
        """,
    )
    a.footer()
    return a
