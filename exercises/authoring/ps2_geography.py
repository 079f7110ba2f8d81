"""ps2_geography: where the supply is, from the World Bank panel."""

from nbbuild import Assignment


def reference() -> dict:
    """The reference results the model answer and the rubric quote, computed from the panel."""
    from globalsourcing.country_groups import CEE, CEE_NAMES
    from globalsourcing.data import load

    panel = load("wdi_panel")
    group_of = {"IND": "India", "PHL": "Philippines", **dict.fromkeys(CEE, "CEE")}
    economies = panel[~panel["is_aggregate"]]
    world = panel.loc[(panel["country_code"] == "WLD") & (panel["year"] == 2024)]
    world_2024 = world["ict_service_exports_usd"].iloc[0]
    top = economies[economies["year"] == 2024].nlargest(10, "ict_service_exports_usd")
    members = panel[panel["country_code"].isin(group_of) & panel["year"].between(2005, 2024)]
    groups = (
        members.assign(group=members["country_code"].map(group_of))
        .pivot_table(index="year", columns="group", values="ict_service_exports_usd", aggfunc="sum")
        .div(1e9)
    )
    growth = (groups.loc[2024] / groups.loc[2010]) ** (1 / (2024 - 2010)) - 1
    both = panel[panel["country_code"].isin(group_of)].dropna(
        subset=["ict_service_exports_usd", "labor_force"]
    )
    latest = both.sort_values("year").groupby("country_code").tail(1).set_index("country_code")
    per_worker = latest["ict_service_exports_usd"] / latest["labor_force"]
    cee_rows = members[members["country_code"].isin(CEE)]
    gaps = cee_rows[cee_rows["ict_service_exports_usd"].isna()]
    first_full = int(gaps["year"].max()) + 1 if len(gaps) else 2005
    late = [CEE_NAMES[c] for c in sorted(gaps["country_code"].unique(), key=list(CEE).index)]
    short_labour = latest.loc[[c for c in CEE if latest.loc[c, "year"] < 2024]]
    top_cee = per_worker.loc[list(CEE)].sort_values(ascending=False).head(3)

    def name(code):
        return top.set_index("country_code").loc[code, "country_name"]

    def bn(value):
        return f"{value:.1f}"

    return {
        "economies": economies["country_code"].nunique(),
        "aggregates": panel.loc[panel["is_aggregate"], "country_code"].nunique(),
        "first": name(top.iloc[0]["country_code"]),
        "first_bn": bn(top.iloc[0]["ict_service_exports_usd"] / 1e9),
        "first_share": f"{100 * top.iloc[0]['ict_service_exports_usd'] / world_2024:.1f}%",
        "india_bn": bn(groups.loc[2024, "India"]),
        "india_share": f"{100 * groups.loc[2024, 'India'] * 1e9 / world_2024:.1f}%",
        "india_2010": bn(groups.loc[2010, "India"]),
        "phl_2010": bn(groups.loc[2010, "Philippines"]),
        "phl_2024": bn(groups.loc[2024, "Philippines"]),
        "cee_2010": bn(groups.loc[2010, "CEE"]),
        "cee_2024": bn(groups.loc[2024, "CEE"]),
        "india_cagr": f"{100 * growth['India']:.1f}%",
        "phl_cagr": f"{100 * growth['Philippines']:.1f}%",
        "cee_cagr": f"{100 * growth['CEE']:.1f}%",
        "phl_pw": f"{round(per_worker['PHL'], -1):,.0f}",
        "ind_pw": f"{round(per_worker['IND'], -1):,.0f}",
        "max_pw_name": CEE_NAMES[per_worker.loc[list(CEE)].idxmax()],
        "max_pw": f"{round(per_worker.loc[list(CEE)].max(), -1):,.0f}",
        "top_cee": ", ".join(CEE_NAMES[c] for c in top_cee.index),
        "ratio_low": f"{(top_cee / per_worker['IND']).min():.0f}",
        "ratio_high": f"{(top_cee / per_worker['IND']).max():.0f}",
        "late_members": " and ".join([", ".join(late[:-1]), late[-1]] if len(late) > 1 else late),
        "first_full_year": first_full,
        "short_labour": " and ".join(
            f"{CEE_NAMES[c]} ({int(y)})" for c, y in short_labour["year"].items()
        ),
    }


RUBRIC_REFERENCE = """\
Reference results (World Bank WDI, ICT service exports, current US$; CEE is the book's ten
economies, `globalsourcing.country_groups.CEE`): {economies} economies after dropping
{aggregates} aggregates; 2024 top ten led by {first} (US${first_bn} bn, {first_share} of the
world) and India (US${india_bn} bn, {india_share}); group exports 2010 to 2024: India
{india_2010} to {india_bn}, Philippines {phl_2010} to {phl_2024}, CEE {cee_2010} to {cee_2024}
US$ bn; CAGRs {india_cagr}, {phl_cagr} and {cee_cagr}; exports per worker in the latest year
with both series range from about US${phl_pw} (Philippines) and US${ind_pw} (India) to about
US${max_pw} ({max_pw_name}); CEE exports lack {late_members} before {first_full_year}; the
latest year with a labour force is earlier for {short_labour}. Q6: B."""


def rubric_reference() -> str:
    """The rubric's reference paragraph (written into instructor/rubrics by build_source.py)."""
    return RUBRIC_REFERENCE.format(**reference())


def build() -> Assignment:
    ref = reference()
    a = Assignment(
        "ps2_geography",
        title="Problem set 2: Where are the suppliers?",
        minutes="90 to 120",
        precision=(
            "Answers are checked to these precisions: US$ billions to 1 decimal, shares and growth rates to 3 decimals, exports per worker to whole US dollars, years exactly."
        ),
        datasets=["wdi_panel", "philippines_itbpm"],
    )
    a.header(
        """
        One group of the 2008 article's trends concerns suppliers located around the world.
        The course's synthesis of the authors' research expects India to stay the leading
        destination while the Philippines, Central and Eastern Europe (CEE) and others
        grow. Here you test that picture against World Bank data on exports of ICT
        services (balance-of-payments item BX.GSR.CCIS.CD, current US dollars), and learn
        the chores that real panel data demand: dropping aggregates, grouping countries,
        computing shares and coping with missing years.

        Source: World Bank, World Development Indicators (CC BY 4.0); see
        `datasheet("wdi_panel")` for the vintages.
        """
    )
    a.setup(
        """
        import numpy as np
        import pandas as pd

        from globalsourcing import check
        from globalsourcing.data import load

        panel = load("wdi_panel")
        from globalsourcing.country_groups import CEE  # the book's ten CEE economies

        GROUP_OF = {"IND": "India", "PHL": "Philippines", **dict.fromkeys(CEE, "CEE")}
        panel.head()
        """
    )
    a.text(
        "q1_prompt",
        """
        ## Q1. Economies, not aggregates

        The panel mixes 217 economies with 48 World Bank aggregates (the World, regions,
        income groups), flagged by `is_aggregate`. Build `economies`: every row (all years)
        of the economies only.
        """,
    )
    a.answer(
        "q1",
        "economies",
        """
        ### BEGIN SOLUTION
        economies = panel[~panel["is_aggregate"]]
        ### END SOLUTION
        economies["country_code"].nunique()
        """,
    )
    a.tests("q1", "economies", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. The top ten exporters of ICT services in 2024

        Build `top10_2024` with the ten economies that exported the most ICT services in
        2024 and the columns `country_code`, `country_name`, `ict_exports_usd_bn` (in
        billions of US dollars) and `world_share`: the economy's exports divided by the
        2024 value of the `WLD` (World) aggregate row. The aggregate you dropped in Q1 is
        the right denominator here.
        """,
    )
    a.answer(
        "q2",
        "top10",
        """
        ### BEGIN SOLUTION
        world_2024 = panel.loc[
            (panel["country_code"] == "WLD") & (panel["year"] == 2024), "ict_service_exports_usd"
        ].iloc[0]
        top10_2024 = (
            economies[economies["year"] == 2024]
            .nlargest(10, "ict_service_exports_usd")
            .assign(
                ict_exports_usd_bn=lambda d: d["ict_service_exports_usd"] / 1e9,
                world_share=lambda d: d["ict_service_exports_usd"] / world_2024,
            )[["country_code", "country_name", "ict_exports_usd_bn", "world_share"]]
        )
        ### END SOLUTION
        top10_2024
        """,
    )
    a.tests("q2", "top10", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. Three supplier groups over time

        Using `GROUP_OF` (country code to group), build `group_exports`: a wide DataFrame
        with the years 2005 to 2024 as the index, the groups `"India"`, `"Philippines"` and
        `"CEE"` as columns, and ICT service exports in US$ billions. For CEE, add up the
        members that report in each year (a member with a missing value adds nothing).
        Look at which CEE members are missing in some years before you trust the total.
        """,
    )
    a.answer(
        "q3",
        "group_exports",
        """
        ### BEGIN SOLUTION
        members = panel[panel["country_code"].isin(GROUP_OF) & panel["year"].between(2005, 2024)]
        group_exports = (
            members.assign(group=members["country_code"].map(GROUP_OF))
            .pivot_table(
                index="year", columns="group", values="ict_service_exports_usd", aggfunc="sum"
            )
            .div(1e9)
        )
        ### END SOLUTION
        group_exports.round(1).tail()
        """,
    )
    a.tests("q3", "group_exports", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Growth from 2010 to 2024

        Compute `growth`: the compound annual growth rate of each group's exports from 2010
        to 2024 (a pandas Series indexed by group, as fractions). Write the formula
        yourself: `(end / start) ** (1 / years) - 1`.
        """,
    )
    a.answer(
        "q4",
        "growth",
        """
        ### BEGIN SOLUTION
        growth = (group_exports.loc[2024] / group_exports.loc[2010]) ** (1 / (2024 - 2010)) - 1
        growth.index.name = "group"
        ### END SOLUTION
        growth
        """,
    )
    a.tests("q4", "growth", 2)
    a.text(
        "q5_prompt",
        """
        ## Q5. Exports per worker, in the latest year available

        Size favours big countries; per worker, the picture changes. For each of the twelve
        countries in `GROUP_OF`, find the latest year in which **both**
        `ict_service_exports_usd` and `labor_force` are available, and build
        `latest_per_worker` with the columns `country_code`, `year` and
        `ict_per_worker_usd` (exports divided by the labour force, in US dollars).
        """,
    )
    a.answer(
        "q5",
        "per_worker",
        """
        ### BEGIN SOLUTION
        both = panel[panel["country_code"].isin(GROUP_OF)].dropna(
            subset=["ict_service_exports_usd", "labor_force"]
        )
        latest = both.sort_values("year").groupby("country_code").tail(1)
        latest_per_worker = latest.assign(
            ict_per_worker_usd=latest["ict_service_exports_usd"] / latest["labor_force"]
        )[["country_code", "year", "ict_per_worker_usd"]]
        ### END SOLUTION
        latest_per_worker.sort_values("ict_per_worker_usd", ascending=False)
        """,
    )
    a.tests("q5", "per_worker", 3)
    a.text(
        "q6_prompt",
        """
        ## Q6. Two numbers for the Philippines

        The World Bank records Philippine ICT service exports of about US$7 bn in 2023,
        while the industry association IBPAP reported IT-BPM revenue of US$35.5 bn for the
        same year (`load("philippines_itbpm")`). What explains most of the gap? Set
        `answer_q6` to the letter.

        * **A.** IBPAP counts revenue in pesos and the World Bank in US dollars.
        * **B.** Call-centre and back-office (BPO) work is mostly recorded as other business
          services in balance-of-payments statistics, not as ICT services.
        * **C.** The World Bank figure covers only the first half of the year.
        * **D.** Most IT-BPM revenue comes from Philippine clients, not exports.
        """,
    )
    a.answer(
        "q6",
        "bpo_gap",
        """
        ### BEGIN SOLUTION
        answer_q6 = "B"
        ### END SOLUTION
        """,
    )
    a.tests("q6", "bpo_gap", 1)
    a.written(
        "q7",
        "comparison",
        4,
        """
        A European bank is choosing where to put a new IT and back-office delivery centre.
        In 150 to 250 words, compare India, the Philippines and CEE using your results
        (size, growth, exports per worker). Then name two limits of this data for the
        decision: what it measures, what it misses (think of Q6, of current US dollars, and
        of the missing CEE values in Q3 and Q5), and what else the bank would need to know.
        """,
        f"""
        *Model answer (instructor copy).* India is in a class of its own on scale: about
        US${ref["india_bn"]} bn of ICT service exports in 2024, {ref["india_share"]} of the
        world total, growing at about {ref["india_cagr"]} a year since 2010. The Philippines
        is far smaller in these statistics (about US${ref["phl_2024"]} bn) and grew at
        {ref["phl_cagr"]} a year. CEE as a group exported about US${ref["cee_2024"]} bn in 2024
        and grew fastest, {ref["cee_cagr"]} a year. Its leading members per worker
        ({ref["top_cee"]}) export {ref["ratio_low"]} to {ref["ratio_high"]} times more per worker
        than India, which reflects smaller, higher-paid workforces rather than a better deal
        for the bank. For a European bank CEE adds nearness, time zone and EU law; India adds
        depth of supply; the Philippines' strength, voice and back-office work, hardly shows
        here because BPO is mostly recorded outside ICT services. Limits: the series measure
        exports in current US dollars, so exchange-rate swings and inflation move them, and
        they say nothing about wages, attrition, skills or risk. The CEE total also lacks
        {ref["late_members"]} before {ref["first_full_year"]}, so its early levels are
        understated and only later years compare like for like; and the latest per-worker
        figure is older for {ref["short_labour"]}, whose labour force stops there. The bank would need cost and talent data for specific
        cities, the supplier landscape for its processes, and a view of political and
        continuity risk.
        """,
    )
    a.footer()
    return a
