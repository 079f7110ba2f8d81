"""ps3_location_index: build a location attractiveness index and compare it with GSLI ranks."""

from nbbuild import Assignment, commented_list

from globalsourcing.checks import ps3_location_index as checks


def build() -> Assignment:
    a = Assignment(
        "ps3_location_index",
        title="Problem set 3: A location attractiveness index of your own",
        minutes="90 to 120",
        precision=(
            "Answers are checked to these precisions: indicator values (`latest`) to 1 decimal, pillar scores, the index and the correlation to 3 decimals, ranks exactly. Functions you write are called with other inputs and compared at full precision."
        ),
        datasets=["wdi_panel", "gsli_ranks"],
    )
    a.header(
        """
        Consultancies rank offshore locations with composite indices. Kearney's Global
        Services Location Index (GSLI) is the best known: in its 2000s editions it weighted
        financial attractiveness 40%, people skills and availability 30% and the business
        environment 30% (`load("gsli_pillars")`). Its scores are not public, but its ranks
        were published (`gsli_ranks`). You will build a GSLI-style index from open World
        Bank indicators for the fifteen countries that appear in `gsli_ranks`, see how far
        it agrees with the published ranks and how much it depends on the weights.

        Your index uses rough proxies (GDP per capita for cost, for example), so treat it
        as an exercise in how such indices are made, not as a ranking to act on. Build it
        step by step yourself: `globalsourcing.models` has a ready-made location index, and
        calling it would skip the exercise.
        """
    )
    a.setup(
        """
        import numpy as np
        import pandas as pd

        from globalsourcing import check
        from globalsourcing.data import load

        panel = load("wdi_panel")
        gsli_ranks = load("gsli_ranks")
        CANDIDATES = sorted(gsli_ranks["country_code"].unique())
        INDICATORS = $INDICATORS
        CANDIDATES
        """,
        INDICATORS=commented_list(checks.INDICATOR_NOTES),
    )
    a.text(
        "q1_prompt",
        """
        ## Q1. The latest available value of each indicator

        Countries report late and unevenly. Build `latest`: one row per candidate country
        (`country_code`) and one column per indicator in `INDICATORS`, holding the latest
        non-missing value in the years 2018 to 2023. Different indicators may come from
        different years. Hint: sort by year, then `groupby(...).last()` skips missing
        values column by column.
        """,
    )
    a.answer(
        "q1",
        "latest",
        """
        ### BEGIN SOLUTION
        window = panel[panel["country_code"].isin(CANDIDATES) & panel["year"].between(2018, 2023)]
        latest = window.sort_values("year").groupby("country_code")[INDICATORS].last()
        ### END SOLUTION
        latest.round(1)
        """,
    )
    a.tests("q1", "latest", 3)
    a.text(
        "q2_prompt",
        """
        ## Q2. Min-max scaling

        Write `minmax(values)`: it takes a pandas Series and returns a Series with the same
        index, rescaled so that the smallest value becomes 0 and the largest 1.
        """,
    )
    a.answer(
        "q2",
        "minmax",
        """
        def minmax(values):
            ### BEGIN SOLUTION
            return (values - values.min()) / (values.max() - values.min())
            ### END SOLUTION
        """,
    )
    a.tests("q2", "minmax", 1)
    a.text(
        "q3_prompt",
        """
        ## Q3. Pillars, index and rank

        Build `scores`, one row per country (`country_code` as index or column) with:

        * `financial` = `1 - minmax(log(gdp_per_capita_usd))` (cheaper is better);
        * `people` = the mean of `minmax(log(labor_force))` and `minmax(tertiary_enrolment_gross_pct)`;
        * `business` = the mean of `minmax(internet_users_pct)` and `minmax(fixed_broadband_per_100)`;
        * `index` = `0.4 * financial + 0.3 * people + 0.3 * business`;
        * `rank` = 1 for the highest index, 2 for the next, and so on.

        Use natural logarithms (`np.log`).
        """,
    )
    a.answer(
        "q3",
        "scores",
        """
        ### BEGIN SOLUTION
        scores = pd.DataFrame(
            {
                "financial": 1 - minmax(np.log(latest["gdp_per_capita_usd"])),
                "people": (
                    minmax(np.log(latest["labor_force"]))
                    + minmax(latest["tertiary_enrolment_gross_pct"])
                )
                / 2,
                "business": (
                    minmax(latest["internet_users_pct"]) + minmax(latest["fixed_broadband_per_100"])
                )
                / 2,
            }
        )
        scores["index"] = 0.4 * scores["financial"] + 0.3 * scores["people"] + 0.3 * scores["business"]
        scores["rank"] = scores["index"].rank(ascending=False).astype(int)
        ### END SOLUTION
        scores.sort_values("rank").round(3)
        """,
    )
    a.tests("q3", "scores", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Does your index agree with the published 2021 ranks?

        Take the countries with a rank in the 2021 edition of `gsli_ranks` (ranks 6 to 10 of
        that edition were inferred from the order of a press release; see its
        `rank_status`). Rank your `index` **within those countries** (1 = best) and compute
        `spearman_2021`: the Spearman rank correlation between your ranks and the published
        ones, that is the ordinary (Pearson) correlation of the two rank columns,
        `ranks_a.corr(ranks_b)`; `ranks_a.corr(ranks_b, method="spearman")` gives the same.
        """,
    )
    a.answer(
        "q4",
        "spearman",
        """
        ### BEGIN SOLUTION
        published = gsli_ranks[gsli_ranks["edition"] == 2021].set_index("country_code")["rank"]
        ours = scores.loc[published.index, "index"].rank(ascending=False)
        spearman_2021 = ours.corr(published)
        ### END SOLUTION
        spearman_2021
        """,
    )
    a.tests("q4", "spearman", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. How much do the weights matter?

        Recompute the index with equal weights (one third each) and set `top3_equal` to the
        list of the three best country codes, best first.
        """,
    )
    a.answer(
        "q5",
        "equal_weights",
        """
        ### BEGIN SOLUTION
        equal = scores[["financial", "people", "business"]].mean(axis=1)
        top3_equal = equal.sort_values(ascending=False).index[:3].tolist()
        ### END SOLUTION
        top3_equal
        """,
    )
    a.tests("q5", "equal_weights", 2)
    a.written(
        "q6",
        "critique",
        4,
        """
        In 150 to 250 words, explain why your index and the published GSLI ranks disagree
        where they do. Discuss at least two design choices (the proxies, the weights, the
        years, what is left out) with evidence from your tables, and say what a client
        choosing an offshore location should take, and not take, from any such index.
        """,
        """
        *Model answer (instructor copy).* My index agrees only weakly with the 2021 ranks
        (a rank correlation of about 0.25). China comes first in both, but India, first in
        every published edition, is fourth in mine: it scores 1 on cost but 0 on the
        business environment, because its internet and broadband figures are the lowest of
        the group and the index has no measure of the depth of its IT-services industry.
        GDP per capita is a crude cost proxy: it punishes the United States and the United
        Kingdom, which rank in the published top ten for their skills and markets, and it
        says nothing about wages in IT or back-office work. The people pillar uses the
        size of the labour force and enrolment, not the number of graduates with relevant
        skills or language ability, and the latest-available rule mixes years. Weights
        matter too: with equal weights Vietnam drops out of the top three and Chile
        enters, because cost counts for less. The published index uses about fifty
        metrics, including a digital pillar whose weight is not public, so some
        disagreement is expected. A client should use an index to draw up a long list and
        to see which factors drive attractiveness, then test the short list on its own
        process: costs for the specific roles, talent depth in specific cities, supplier
        capability, risk and time-zone fit.
        """,
    )
    a.footer()
    return a
