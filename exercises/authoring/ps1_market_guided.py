"""ps1_market_guided: the market-size problem set with the code given (non-coding track)."""

from nbbuild import Assignment, coding_cell, coding_written

CODING = "ps1_market"


def build() -> Assignment:
    a = Assignment(
        "ps1_market_guided",
        title="Problem set 1, guided: How big is the outsourcing market?",
        minutes="35 to 50",
        precision=(
            "Answers are checked to these precisions: US$ billions to 1 decimal, growth rates and ratios to 3 decimals, counts and years exactly."
        ),
        datasets=["market_size"],
        prefix="ps1_guided",
        guided=True,
    )
    a.header(
        """
        This is the guided version of problem set 1: the same data and the same questions
        as the coding version, with the pandas code written for you. You run it, change
        its inputs, read the results and judge them.

        Among the trends of the 2008 article are the size and growth of the IT outsourcing
        (ITO) and business process outsourcing (BPO) markets. Market sizes are estimates,
        and different firms measure different things. The course's `market_size` table
        collects published estimates, one row per figure, each with its originator, its
        scope and a reliability label. Growth rates are compound annual growth rates
        (CAGRs), stored as fractions: 0.08 means 8% a year.
        """
    )
    a.setup(
        """
        import numpy as np
        import pandas as pd

        from globalsourcing import check
        from globalsourcing.data import load

        market = load("market_size")
        market.head()
        """
    )
    a.text(
        "q1_prompt",
        """
        ## Q1. The world ITO estimates

        Some rows give a range (`value_low_usd_bn` to `value_high_usd_bn`), others one
        value in both columns. The cell below adds the midpoint of each range and keeps the
        rows of one market and one geography, sorted by year. Run it as it is (world ITO),
        then try `MARKET = "ito_bpo"` to see what that label covers, and set it back.

        Store `n_ito_estimates`, the number of world ITO estimates, and `ito_2008_bn`, the
        midpoint of the 2008 estimate in US$ billions.
        """,
    )
    a.given(
        "q1_given",
        """
        MARKET = "ito"  # change me: "ito_bpo", "bpo", "is_outsourcing"
        GEOGRAPHY = "World"

        market["midpoint_usd_bn"] = (market["value_low_usd_bn"] + market["value_high_usd_bn"]) / 2
        rows = market[(market["market"] == MARKET) & (market["geography"] == GEOGRAPHY)]
        ito = rows.sort_values("year")[["year", "midpoint_usd_bn", "originator", "value_low_usd_bn", "value_high_usd_bn"]]
        ito
        """,
    )
    a.answer(
        "q1",
        "ito",
        """
        # Set n_ito_estimates (a count) and ito_2008_bn (US$ billions).
        ### BEGIN SOLUTION
        n_ito_estimates = len(ito)
        ito_2008_bn = ito.loc[ito["year"] == 2008, "midpoint_usd_bn"].item()
        ### END SOLUTION
        """,
    )
    a.tests("q1", "ito", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. A CAGR function

        `cagr(start, end, years)` is the constant yearly growth rate `g` that turns `start`
        into `end` in `years` years, so that `start * (1 + g) ** years == end`. The first
        cell defines it; the second tries it. Change the inputs of the second cell to a
        market that grows from US$76 bn to US$140 bn in 6 years, and store the rate it
        gives as `example_cagr`. Compare it with the simple average, the total growth
        divided by 6: why is the compound rate lower?
        """,
    )
    a.given("q2_given", coding_cell(CODING, "q2"))
    a.given(
        "q2_try",
        """
        START, END, YEARS = 100, 121, 2  # change me
        print("compound rate:", cagr(START, END, YEARS))
        print("simple average:", (END / START - 1) / YEARS)
        """,
    )
    a.answer(
        "q2",
        "cagr",
        """
        # Set example_cagr (a fraction, 0.1 for 10% a year).
        ### BEGIN SOLUTION
        example_cagr = cagr(76, 140, 6)
        ### END SOLUTION
        """,
    )
    a.tests("q2", "cagr", 2)
    a.text(
        "q3_prompt",
        """
        ## Q3. How fast did ITO grow between estimates?

        The cell below builds `ito_growth`, one row per pair of consecutive estimates, with
        the growth per year between them. Store `fastest_to_year`, the `to_year` of the
        period with the fastest growth, and `latest_cagr`, the growth rate per year of the
        most recent period. Think about why the earliest period grows so fast.
        """,
    )
    a.given("q3_given", coding_cell(CODING, "q3"))
    a.answer(
        "q3",
        "ito_growth",
        """
        # Set fastest_to_year (a year) and latest_cagr (a fraction).
        ### BEGIN SOLUTION
        fastest_to_year = int(ito_growth.loc[ito_growth["cagr"].idxmax(), "to_year"])
        latest_cagr = ito_growth.sort_values("to_year")["cagr"].iloc[-1]
        ### END SOLUTION
        """,
    )
    a.tests("q3", "ito_growth", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Check a forecast's arithmetic

        IDC's April 2003 release put worldwide IS outsourcing services at US$68 bn in 2002
        and forecast more than US$99 bn for 2007. The cell below finds both rows in
        `market` and computes the growth rate they imply (`idc_cagr`). Store it as `idc_implied_cagr` and
        compare it with the 7.7% a year quoted in the row's notes.
        """,
    )
    a.given("q4_given", coding_cell(CODING, "q4"))
    a.answer(
        "q4",
        "idc_cagr",
        """
        # Set idc_implied_cagr (a fraction).
        ### BEGIN SOLUTION
        idc_implied_cagr = idc_cagr
        ### END SOLUTION
        """,
    )
    a.tests("q4", "idc_cagr", 1)
    a.text(
        "q5_prompt",
        """
        ## Q5. How far apart are the unverified BPO claims?

        Several websites state a "global BPO market" without naming a source; the table
        flags them with `reliability == "unverified_claim"`. The cell below counts the BPO
        figures of one reliability label per year, with the smallest (`low`) and largest
        (`high`) midpoint and their `ratio`. Store `max_claims_ratio`, the largest ratio
        among the unverified claims. Then change `RELIABILITY` to `"academic"` and store
        `n_academic`, the number of academic BPO estimates in all years (set it back
        afterwards).
        """,
    )
    a.given(
        "q5_given",
        """
        RELIABILITY = "unverified_claim"  # change me: "academic", "originator_release", "secondary_report"

        claims = market[(market["market"] == "bpo") & (market["reliability"] == RELIABILITY)]
        bpo_claims = claims.groupby("year")["midpoint_usd_bn"].agg(n="count", low="min", high="max").reset_index()
        bpo_claims["ratio"] = bpo_claims["high"] / bpo_claims["low"]
        bpo_claims
        """,
    )
    a.answer(
        "q5",
        "bpo_claims",
        """
        # Set max_claims_ratio (a ratio) and n_academic (a count).
        ### BEGIN SOLUTION
        max_claims_ratio = bpo_claims["ratio"].max()
        n_academic = 3
        ### END SOLUTION
        """,
    )
    a.tests("q5", "bpo_claims", 3)
    a.text(
        "q6_prompt",
        """
        ## Q6. Same name, different market

        IDC put "BPO" at US$712 bn in 2001; Gartner put it at US$110 bn in 2002 (look at
        the `scope` column of both rows). Which is the best explanation? Set `answer_q6`
        to the letter.

        * **A.** The BPO market shrank by about 85% between 2001 and 2002.
        * **B.** IDC's definition spans ten business functions and is far wider than Gartner's.
        * **C.** IDC reports in euros and Gartner in US dollars.
        * **D.** Gartner's figure covers offshore BPO only.
        """,
    )
    a.given(
        "q6_given",
        """
        pd.set_option("display.max_colwidth", None)
        market.loc[market["midpoint_usd_bn"].isin([712, 110]), ["year", "originator", "scope"]]
        """,
    )
    a.answer(
        "q6",
        "definitions",
        """
        # Set answer_q6 to a letter, for example "A".
        ### BEGIN SOLUTION
        answer_q6 = "B"
        ### END SOLUTION
        """,
    )
    a.tests("q6", "definitions", 1)
    prompt, model = coding_written(CODING, "q7")
    a.written("q7", "critique", 4, prompt, model)
    a.footer()
    return a
