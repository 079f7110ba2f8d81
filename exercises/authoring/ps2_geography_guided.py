"""ps2_geography_guided: the supplier-geography problem set with the code given."""

from nbbuild import Assignment, coding_cell, coding_setup, coding_text, coding_written

CODING = "ps2_geography"


def build() -> Assignment:
    a = Assignment(
        "ps2_geography_guided",
        title="Problem set 2, guided: Where are the suppliers?",
        minutes="40 to 55",
        precision=(
            "Answers are checked to these precisions: US$ billions to 1 decimal, shares and growth rates to 3 decimals, exports per worker to whole US dollars, counts exactly."
        ),
        datasets=["wdi_panel", "philippines_itbpm"],
        prefix="ps2_guided",
        guided=True,
    )
    a.header(
        """
        This is the guided version of problem set 2: the same data and questions as the
        coding version, with the pandas code written for you. You run it, change a year or
        a period, read the results and judge them.

        One group of the 2008 article's trends concerns suppliers located around the world.
        Here you look at India, the Philippines and Central and Eastern Europe (CEE) in
        World Bank data on exports of ICT services (balance-of-payments item
        BX.GSR.CCIS.CD, current US dollars). Source: World Bank, World Development
        Indicators (CC BY 4.0); see `datasheet("wdi_panel")` for the vintages.
        """
    )
    a.setup(coding_setup(CODING))
    a.text(
        "q1_prompt",
        """
        ## Q1. Economies, not aggregates

        The panel mixes economies with World Bank aggregates (the World, regions, income
        groups), flagged by `is_aggregate`. The first cell keeps the economies; the second
        counts how many of them report ICT service exports in one year. Store
        `n_reporting_2024`, the count for 2024, then change `YEAR` to 2005 and store
        `n_reporting_2005`.
        """,
    )
    a.given("q1_given", coding_cell(CODING, "q1"))
    a.given(
        "q1_year",
        """
        YEAR = 2024  # change me: any year from 2005 to 2024
        reporting = economies[(economies["year"] == YEAR) & economies["ict_service_exports_usd"].notna()]
        print(YEAR, ":", reporting["country_code"].nunique(), "economies report ICT service exports")
        """,
    )
    a.answer(
        "q1",
        "economies",
        """
        # Set n_reporting_2024 and n_reporting_2005 (counts).
        ### BEGIN SOLUTION
        n_reporting_2024 = 146
        n_reporting_2005 = 156
        ### END SOLUTION
        """,
    )
    a.tests("q1", "economies", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. The top ten exporters of ICT services

        The cell below lists the ten economies that exported the most ICT services in
        `YEAR`, with their exports in US$ billions and their share of the `WLD` (World)
        aggregate of the same year. Store `india_share_2024`, India's `world_share` in
        2024; then change `YEAR` to 2010 and store `india_share_2010`.
        """,
    )
    a.given(
        "q2_given",
        """
        YEAR = 2024  # change me
        world = panel.loc[
            (panel["country_code"] == "WLD") & (panel["year"] == YEAR), "ict_service_exports_usd"
        ].iloc[0]
        top10 = (
            economies[economies["year"] == YEAR]
            .nlargest(10, "ict_service_exports_usd")
            .assign(
                ict_exports_usd_bn=lambda d: d["ict_service_exports_usd"] / 1e9,
                world_share=lambda d: d["ict_service_exports_usd"] / world,
            )[["country_code", "country_name", "ict_exports_usd_bn", "world_share"]]
        )
        top10
        """,
    )
    a.answer(
        "q2",
        "top10",
        """
        # Set india_share_2024 and india_share_2010 (fractions of the world total).
        ### BEGIN SOLUTION
        india_share_2024 = 0.140706
        india_share_2010 = 0.168083
        ### END SOLUTION
        """,
    )
    a.tests("q2", "top10", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. Three supplier groups over time

        The cell below adds up ICT service exports by group (`GROUP_OF` maps each country
        code to its group) for 2005 to 2024, in US$ billions. For CEE it adds the members
        that report in each year. Store `cee_2024_bn` and `philippines_2024_bn`, the 2024
        values of the two groups. Look at which CEE members are missing in the last years
        before you trust the total.
        """,
    )
    a.given("q3_given", coding_cell(CODING, "q3"))
    a.answer(
        "q3",
        "group_exports",
        """
        # Set cee_2024_bn and philippines_2024_bn (US$ billions).
        ### BEGIN SOLUTION
        cee_2024_bn = group_exports.loc[2024, "CEE"]
        philippines_2024_bn = group_exports.loc[2024, "Philippines"]
        ### END SOLUTION
        """,
    )
    a.tests("q3", "group_exports", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Growth from 2010 to 2024

        The cell below computes each group's compound annual growth rate between `START`
        and `END`. Set `fastest_group` to the name of the group that grew fastest from 2010
        to 2024 (`"India"`, `"Philippines"` or `"CEE"`). Then change `START` to 2015 and
        store India's growth rate from 2015 to 2024 as `india_growth_2015`.
        """,
    )
    a.given(
        "q4_given",
        """
        START, END = 2010, 2024  # change me
        growth = (group_exports.loc[END] / group_exports.loc[START]) ** (1 / (END - START)) - 1
        growth
        """,
    )
    a.answer(
        "q4",
        "growth",
        """
        # Set fastest_group (a group name) and india_growth_2015 (a fraction).
        ### BEGIN SOLUTION
        fastest_group = "CEE"
        india_growth_2015 = 0.098411
        ### END SOLUTION
        """,
    )
    a.tests("q4", "growth", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. Exports per worker, in the latest year available

        Size favours big countries; per worker, the picture changes. The cell below finds,
        for each of the twelve countries in `GROUP_OF`, the latest year in which both ICT
        exports and the labour force are available, and divides one by the other. Set
        `top_per_worker` to the country code with the highest exports per worker and
        `india_per_worker_usd` to India's value in US dollars.
        """,
    )
    a.given("q5_given", coding_cell(CODING, "q5"))
    a.answer(
        "q5",
        "per_worker",
        """
        # Set top_per_worker (a country code such as "IND") and india_per_worker_usd (US$).
        ### BEGIN SOLUTION
        top_per_worker = "EST"
        india_per_worker_usd = 292
        ### END SOLUTION
        """,
    )
    a.tests("q5", "per_worker", 3)
    a.text("q6_prompt", coding_text(CODING, "q6_prompt"))
    a.answer(
        "q6",
        "bpo_gap",
        """
        # Set answer_q6 to a letter, for example "A".
        ### BEGIN SOLUTION
        answer_q6 = "B"
        ### END SOLUTION
        """,
    )
    a.tests("q6", "bpo_gap", 1)
    prompt, model = coding_written(CODING, "q7")
    a.written("q7", "comparison", 4, prompt, model)
    a.footer()
    return a
