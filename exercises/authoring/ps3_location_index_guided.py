"""ps3_location_index_guided: the location-index problem set with the code given."""

from nbbuild import Assignment, coding_cell, coding_setup, coding_written

CODING = "ps3_location_index"


def build() -> Assignment:
    a = Assignment(
        "ps3_location_index_guided",
        title="Problem set 3, guided: A location attractiveness index of your own",
        minutes="40 to 55",
        precision=(
            "Answers are checked to these precisions: indicator values to 1 decimal, scaled values and the correlation to 3 decimals, ranks and counts exactly."
        ),
        datasets=["wdi_panel", "gsli_ranks"],
        prefix="ps3_guided",
        guided=True,
    )
    a.header(
        """
        This is the guided version of problem set 3: the same data and questions as the
        coding version, with the code written for you. You change the weights of the index,
        read the ranks and judge how far such an index can be trusted.

        Consultancies rank offshore locations with composite indices. Kearney's Global
        Services Location Index (GSLI) is the best known: in its 2000s editions it weighted
        financial attractiveness 40%, people skills and availability 30% and the business
        environment 30% (`load("gsli_pillars")`). Its scores are not public, but its ranks
        were published (`gsli_ranks`). The notebook builds a GSLI-style index from open
        World Bank indicators for the fifteen countries in `gsli_ranks`. Its proxies are
        rough (GDP per capita for cost, for example), so treat it as an exercise in how such
        indices are made, not as a ranking to act on.
        """
    )
    a.setup(coding_setup(CODING))
    a.text(
        "q1_prompt",
        """
        ## Q1. The latest available value of each indicator

        Countries report late and unevenly. The cell below keeps, for each candidate
        country and indicator, the latest non-missing value in 2018 to 2023 (different
        indicators may come from different years). Store `ind_internet_pct`, India's
        `internet_users_pct`, and `vnm_broadband`, Vietnam's `fixed_broadband_per_100`.
        """,
    )
    a.given("q1_given", coding_cell(CODING, "q1"))
    a.answer(
        "q1",
        "latest",
        """
        # Set ind_internet_pct and vnm_broadband (as the table shows them).
        ### BEGIN SOLUTION
        ind_internet_pct = latest.loc["IND", "internet_users_pct"]
        vnm_broadband = latest.loc["VNM", "fixed_broadband_per_100"]
        ### END SOLUTION
        """,
    )
    a.tests("q1", "latest", 3)
    a.text(
        "q2_prompt",
        """
        ## Q2. Min-max scaling

        The first cell defines `minmax(values)`: it rescales a Series so that the smallest
        value becomes 0 and the largest 1. The second tries it on three numbers. Change the
        last number from 8 to 11 and store `scaled_five`, the value 5 becomes. Why does one
        extreme country move every other country's score?
        """,
    )
    a.given("q2_given", coding_cell(CODING, "q2"))
    a.given(
        "q2_try",
        """
        VALUES = [2, 5, 8]  # change me
        minmax(pd.Series(VALUES))
        """,
    )
    a.answer(
        "q2",
        "minmax",
        """
        # Set scaled_five (between 0 and 1).
        ### BEGIN SOLUTION
        scaled_five = (5 - 2) / (11 - 2)
        ### END SOLUTION
        """,
    )
    a.tests("q2", "minmax", 1)
    a.text(
        "q3_prompt",
        """
        ## Q3. Pillars, index and rank

        The cell below builds `scores`: a financial pillar (`1 - minmax(log(GDP per
        capita))`, cheaper is better), a people pillar (labour force and tertiary
        enrolment), a business pillar (internet users and broadband), the weighted `index`
        and the `rank` (1 = best). Store `top_country`, the country code ranked first, and
        `india_rank` with the GSLI weights 0.4, 0.3 and 0.3.
        """,
    )
    a.given(
        "q3_given",
        """
        WEIGHTS = {"financial": 0.4, "people": 0.3, "business": 0.3}  # change me (add up to 1)

        scores = pd.DataFrame(
            {
                "financial": 1 - minmax(np.log(latest["gdp_per_capita_usd"])),
                "people": (minmax(np.log(latest["labor_force"])) + minmax(latest["tertiary_enrolment_gross_pct"])) / 2,
                "business": (minmax(latest["internet_users_pct"]) + minmax(latest["fixed_broadband_per_100"])) / 2,
            }
        )
        scores["index"] = sum(weight * scores[pillar] for pillar, weight in WEIGHTS.items())
        scores["rank"] = scores["index"].rank(ascending=False).astype(int)
        scores.sort_values("rank").round(3)
        """,
    )
    a.answer(
        "q3",
        "scores",
        """
        # Set top_country (a country code such as "BRA") and india_rank (a whole number).
        ### BEGIN SOLUTION
        top_country = "CHN"
        india_rank = 4
        ### END SOLUTION
        """,
    )
    a.tests("q3", "scores", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Does the index agree with the published 2021 ranks?

        The cell below takes the countries with a rank in the 2021 edition of `gsli_ranks`
        (ranks 6 to 10 of that edition were inferred from the order of a press release; see
        its `rank_status`), ranks the index within them and computes the Spearman rank
        correlation with the published ranks (1 would be perfect agreement, 0 none). Store
        `n_ranked_2021`, how many countries it compares, and `spearman_read`, the
        correlation, with the GSLI weights.
        """,
    )
    a.given("q4_given", coding_cell(CODING, "q4"))
    a.answer(
        "q4",
        "spearman",
        """
        # Set n_ranked_2021 (a count) and spearman_read (between -1 and 1).
        ### BEGIN SOLUTION
        n_ranked_2021 = len(published)
        spearman_read = spearman_2021
        ### END SOLUTION
        """,
    )
    a.tests("q4", "spearman", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. How much do the weights matter?

        Change `WEIGHTS` in the Q3 cell to equal weights (one third each) and run it again.
        One country enters the top three and one leaves. Set `new_in_top3` to the code of
        the country that enters. Then set the weights back to 0.4, 0.3 and 0.3 and run the
        cells again.
        """,
    )
    a.answer(
        "q5",
        "equal_weights",
        """
        # Set new_in_top3 (a country code).
        ### BEGIN SOLUTION
        new_in_top3 = "CHL"
        ### END SOLUTION
        """,
    )
    a.tests("q5", "equal_weights", 2)
    prompt, model = coding_written(CODING, "q6")
    a.written("q6", "critique", 4, prompt, model)
    a.footer()
    return a
