"""ps1_market: how big is the outsourcing market, how fast does it grow, who says so."""

from nbbuild import Assignment


def build() -> Assignment:
    a = Assignment(
        "ps1_market",
        title="Problem set 1: How big is the outsourcing market?",
        minutes="60 to 80",
        precision=(
            "Answers are checked to these precisions: US$ billions to 1 decimal, growth rates and ratios to 3 decimals, counts exactly. Functions you write are called with other inputs and compared at full precision."
        ),
        datasets=["market_size"],
    )
    a.header(
        """
        Among the trends of the 2008 article are the size and growth of the IT outsourcing
        (ITO) and business process outsourcing (BPO) markets. Market sizes are estimates,
        and different firms measure different things. The course's `market_size` table
        collects published estimates, one row per figure, each with its originator, its
        scope and a reliability label. In this problem set you tidy the table, compute
        compound annual growth rates (CAGRs) and then judge conflicting figures by their
        definitions and provenance.

        Growth rates are fractions throughout: 0.08 means 8% a year. Write the code
        yourself rather than calling `globalsourcing.models`, whose market functions would
        do the exercise for you.
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

        Some rows give a range (`value_low_usd_bn` to `value_high_usd_bn`), others one value
        in both columns. First add to `market` a column `midpoint_usd_bn`, the mean of the
        low and high values (later questions use it). Then build `ito`: the rows whose
        `market` is `"ito"` and whose `geography` is `"World"`, with the columns `year`,
        `midpoint_usd_bn` and `originator`, sorted by year.
        """,
    )
    a.answer(
        "q1",
        "ito",
        """
        ### BEGIN SOLUTION
        market["midpoint_usd_bn"] = (market["value_low_usd_bn"] + market["value_high_usd_bn"]) / 2
        ito = (
            market.query("market == 'ito' and geography == 'World'")
            .sort_values("year")[["year", "midpoint_usd_bn", "originator"]]
            .reset_index(drop=True)
        )
        ### END SOLUTION
        ito
        """,
    )
    a.tests("q1", "ito", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. A CAGR function

        Write `cagr(start, end, years)`: the constant yearly growth rate `g` that turns
        `start` into `end` in `years` years, so that `start * (1 + g) ** years == end`.
        """,
    )
    a.answer(
        "q2",
        "cagr",
        """
        def cagr(start, end, years):
            ### BEGIN SOLUTION
            return (end / start) ** (1 / years) - 1
            ### END SOLUTION
        """,
    )
    a.tests("q2", "cagr", 2)
    a.text(
        "q3_prompt",
        """
        ## Q3. How fast did ITO grow between estimates?

        Build `ito_growth` with one row per pair of consecutive estimates in `ito`: the
        columns `from_year`, `to_year` and `cagr` (the growth of `midpoint_usd_bn` between
        them, per year). Hint: `shift()`.
        """,
    )
    a.answer(
        "q3",
        "ito_growth",
        """
        ### BEGIN SOLUTION
        ito_growth = pd.DataFrame(
            {
                "from_year": ito["year"].shift(),
                "to_year": ito["year"],
                "cagr": cagr(
                    ito["midpoint_usd_bn"].shift(),
                    ito["midpoint_usd_bn"],
                    ito["year"] - ito["year"].shift(),
                ),
            }
        ).dropna()
        ### END SOLUTION
        ito_growth
        """,
    )
    a.tests("q3", "ito_growth", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Check a forecast's arithmetic

        IDC's April 2003 release put worldwide IS outsourcing services at US$68 bn in 2002
        and forecast more than US$99 bn for 2007 (find both rows in `market`). Compute
        `idc_cagr`, the growth rate those two figures imply, and compare it with the 7.7% a
        year quoted in the row's notes.
        """,
    )
    a.answer(
        "q4",
        "idc_cagr",
        """
        ### BEGIN SOLUTION
        idc = market[(market["market"] == "is_outsourcing") & (market["geography"] == "World")]
        idc = idc.set_index("year")["midpoint_usd_bn"]
        idc_cagr = cagr(idc[2002], idc[2007], 2007 - 2002)
        ### END SOLUTION
        idc_cagr
        """,
    )
    a.tests("q4", "idc_cagr", 1)
    a.text(
        "q5_prompt",
        """
        ## Q5. How far apart are the unverified BPO claims?

        Several websites state a "global BPO market" without naming a source; the table
        flags them with `reliability == "unverified_claim"`. Build `bpo_claims` with one
        row per year and the columns `year`, `n` (how many claims), `low` and `high` (the
        smallest and largest midpoint) and `ratio` (`high / low`).
        """,
    )
    a.answer(
        "q5",
        "bpo_claims",
        """
        ### BEGIN SOLUTION
        claims = market[(market["market"] == "bpo") & (market["reliability"] == "unverified_claim")]
        bpo_claims = (
            claims.groupby("year")["midpoint_usd_bn"].agg(n="count", low="min", high="max").reset_index()
        )
        bpo_claims["ratio"] = bpo_claims["high"] / bpo_claims["low"]
        ### END SOLUTION
        bpo_claims
        """,
    )
    a.tests("q5", "bpo_claims", 3)
    a.text(
        "q6_prompt",
        """
        ## Q6. Same name, different market

        IDC put "BPO" at US$712 bn in 2001; Gartner put it at US$110 bn in 2002. Which is
        the best explanation? Set `answer_q6` to the letter.

        * **A.** The BPO market shrank by about 85% between 2001 and 2002.
        * **B.** IDC's definition spans ten business functions and is far wider than Gartner's.
        * **C.** IDC reports in euros and Gartner in US dollars.
        * **D.** Gartner's figure covers offshore BPO only.
        """,
    )
    a.answer(
        "q6",
        "definitions",
        """
        ### BEGIN SOLUTION
        answer_q6 = "B"
        ### END SOLUTION
        """,
    )
    a.tests("q6", "definitions", 1)
    a.written(
        "q7",
        "critique",
        4,
        """
        A slide in a supplier's pitch says: "The global BPO market is worth $470 bn (2023)
        and growing fast." In 150 to 250 words, tell the client's board how much weight to
        give that number. Use your results (the spread of the claims, the growth rates you
        computed, the definitions in the `scope` column) and the table's `reliability`
        labels. Say what you would want to know about any market-size figure before using
        it in a sourcing decision.
        """,
        """
        *Model answer (instructor copy).* Very little. The $470 bn figure is one of six
        unverified website claims for 2021-2023, none of which names its source, and it is
        about 1.55 times the other 2023 claim ($303 bn) in the same table. Published
        estimates differ this much mainly because they measure different things: IDC's
        broad ten-function BPO market was six times Gartner's narrower one in the same
        period. Growth claims deserve the same care. The course's ITO series grows
        quickly from a small base in 1989-1995 and then at roughly 5-11% a year between
        later estimates, and IDC's 2002-2007 forecast implies about 7.8% a year, close to
        the 7.7% it quoted. "Growing fast" needs a rate, a base year and a definition.
        Before using any market figure I would ask who produced it, what functions and
        which buyers it covers (worldwide or one country, outsourcing only or all
        services, onshore and offshore), whether it is an estimate or a forecast and when
        it was made, and whether a primary source can be checked. For a sourcing decision
        the market's size matters less than the depth of supply for the specific process
        being outsourced.
        """,
    )
    a.footer()
    return a
