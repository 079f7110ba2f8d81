"""ps7_case_guided: the Sainsbury's and Accenture case analysis with the code given."""

from nbbuild import Assignment, coding_cell, coding_setup, coding_written

CODING = "ps7_case"
SAINSBURY = 'cases.loc[cases["case_id"] == "sainsbury_accenture_2000", "outcome"]'


def build() -> Assignment:
    a = Assignment(
        "ps7_case_guided",
        title=(
            "Problem set 7 (optional), guided: Sainsbury's and Accenture, renegotiate or bring it home?"
        ),
        minutes="35 to 50",
        precision=(
            "Answers are checked to these precisions: £ millions and £ thousands to 1 decimal, shares and ratios to 3 decimals, years and counts exactly."
        ),
        datasets=["cases"],
        prefix="ps7_guided",
        guided=True,
    )
    a.header(
        """
        This is the guided version of problem set 7: the same case, data and questions as
        the coding version, with the code written for you. You change a pattern or an
        assumption, read the figures and then write the advice the case asks for.

        Read the case chapter on J Sainsbury and Accenture (2000 to 2005) first. The
        course's `cases` table records the key published facts of each case, with the
        source on every row; some of them sit in free text (`outcome`, `notes`). Every
        figure comes from press reports cited in the table; where a report says "about" or
        "more than", your result inherits that uncertainty.
        """
    )
    a.setup(coding_setup(CODING))
    a.text(
        "q1_prompt",
        """
        ## Q1. Deals that ended

        The cell below keeps the cases with both an `end_year` and a contract length
        (`duration_years`) and computes how many years each deal ran and what share of its
        planned length that was. Store `sainsbury_share_served` (a fraction) and
        `jpmorgan_years_served` (years).
        """,
    )
    a.given("q1_given", coding_cell(CODING, "q1"))
    a.answer(
        "q1",
        "ended_deals",
        """
        # Set sainsbury_share_served (a fraction) and jpmorgan_years_served (years).
        ### BEGIN SOLUTION
        sainsbury_share_served = ended_deals.set_index("case_id").loc["sainsbury_accenture_2000", "share_served"]
        jpmorgan_years_served = ended_deals.set_index("case_id").loc["jpmorgan_ibm_2002", "years_served"]
        ### END SOLUTION
        """,
    )
    a.tests("q1", "ended_deals", 2)
    a.text(
        "q2_prompt",
        r"""
        ## Q2. The 2004 write-offs

        The Sainsbury's `outcome` text lists the write-offs announced in 2004 as amounts
        written "£...m of ...". The cell below pulls out every amount that matches
        `PATTERN` and adds them up. Store `writeoffs_total`, the sum of the write-offs in £
        millions. Then change `PATTERN` to `r"£(\d+)m"` (any amount in millions) and store
        `n_amounts_all`, how many amounts it finds: which one is not a write-off?
        """,
    )
    a.given(
        "q2_given",
        f"""
        PATTERN = r"£(\\d+)m of"  # change me
        outcome = {SAINSBURY}
        amounts = outcome.str.extractall(PATTERN)[0].astype(int)
        print("amounts found:", amounts.tolist(), "sum:", amounts.sum())
        """,
    )
    a.answer(
        "q2",
        "writeoffs",
        """
        # Set writeoffs_total (£ millions) and n_amounts_all (a count).
        ### BEGIN SOLUTION
        writeoffs_total = 290
        n_amounts_all = 4
        ### END SOLUTION
        """,
    )
    a.tests("q2", "writeoffs", 2)
    a.text(
        "q3_prompt",
        """
        ## Q3. The contract against the IT budget

        The cell below spreads the contract's value at signing (`deal_value_low`, in £
        billions) evenly over `DURATION` years and divides it by the annual IT spend given
        in the row's `notes`. Store `contract_to_spend_ratio` for the original seven-year
        length. The contract was later extended to 2010: change `DURATION` to 10 and store
        `ratio_if_ten_years`.
        """,
    )
    a.given(
        "q3_given",
        """
        DURATION = sainsbury["duration_years"]  # change me
        annual_value_gbp_m = sainsbury["deal_value_low"] * 1000 / DURATION
        it_spend_gbp_m = float(re.search(r"about £(\\d+)m a year", sainsbury["notes"]).group(1))
        print("contract per year (£m):", annual_value_gbp_m, " IT spend (£m):", it_spend_gbp_m)
        print("ratio:", annual_value_gbp_m / it_spend_gbp_m)
        """,
    )
    a.answer(
        "q3",
        "contract_vs_spend",
        """
        # Set contract_to_spend_ratio and ratio_if_ten_years (ratios).
        ### BEGIN SOLUTION
        contract_to_spend_ratio = 1700 / 7 / 200
        ratio_if_ten_years = 1700 / 10 / 200
        ### END SOLUTION
        """,
    )
    a.tests("q3", "contract_vs_spend", 2)
    a.text(
        "q4_prompt",
        """
        ## Q4. The cost of coming home

        The cell below divides the reported cost of moving the staff back in-house by the
        number of staff who came back, in £ thousands per person (a lower bound, because the
        cost is reported as "more than" a figure). Store `cost_per_person_gbp_k`. About 700
        to 800 people had transferred to Accenture in 2000: change `STAFF` to 800 and store
        `cost_per_person_if_800`.
        """,
    )
    a.given(
        "q4_given",
        """
        text = sainsbury["outcome"]
        cost_gbp_m = float(re.search(r"more than £(\\d+)m", text).group(1))
        STAFF = float(re.search(r"about (\\d+) staff", text).group(1))  # change me
        print("£k per person:", cost_gbp_m * 1000 / STAFF)
        """,
    )
    a.answer(
        "q4",
        "backsourcing",
        """
        # Set cost_per_person_gbp_k and cost_per_person_if_800 (£ thousands per person).
        ### BEGIN SOLUTION
        cost_per_person_gbp_k = 60_000 / 470
        cost_per_person_if_800 = 60_000 / 800
        ### END SOLUTION
        """,
    )
    a.tests("q4", "backsourcing", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. Who else ended this way?

        The cell below lists the other cases whose `outcome_category` is the same as
        Sainsbury's. Which case is it? Set `answer_q5` to the letter.

        * **A.** Kodak and IBM (1989)
        * **B.** BAE Systems and Xchanging (2001)
        * **C.** JPMorgan Chase and IBM (2002)
        * **D.** GECIS and Genpact (2004)
        """,
    )
    a.given("q5_given", coding_cell(CODING, "q5"))
    a.answer(
        "q5",
        "same_outcome",
        """
        # Set answer_q5 to a letter, for example "A".
        ### BEGIN SOLUTION
        answer_q5 = "C"
        ### END SOLUTION
        """,
    )
    a.tests("q5", "same_outcome", 1)
    prompt, model = coding_written(CODING, "q6")
    a.written("q6", "advice", 5, prompt, model)
    a.footer()
    return a
