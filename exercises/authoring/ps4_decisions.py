"""ps4_decisions: what makes sourcing decisions succeed, in a synthetic data set."""

import math

from nbbuild import Assignment


def _wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = successes / n
    denominator = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
    return centre - half, centre + half


def reference() -> dict:
    """The results the model answer and the rubric quote, computed from the synthetic data."""
    import numpy as np

    from globalsourcing.data import load

    decisions = load("sourcing_decisions")

    def rate(frame):
        n, k = len(frame), int(frame["savings_achieved"].sum())
        low, high = _wilson(k, n)
        return {"n": n, "k": k, "rate": k / n, "low": low, "high": high}

    def r3(x):
        return f"{x:.3f}"

    def pct(x):
        return f"{100 * x:.0f}%"

    def by(column, level):
        return rate(decisions[decisions[column] == level])

    scope = {s: by("scope", s) for s in ["selective", "total_insourcing", "total_outsourcing"]}
    deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])]
    length = np.where(deals["contract_years"] <= 3, "short", "long")
    cell = {
        (s, ln): deals[(deals["scope"] == s) & (length == ln)]
        for s in ["selective", "total_outsourcing"]
        for ln in ["short", "long"]
    }
    cell_rate = {key: frame["savings_achieved"].mean() for key, frame in cell.items()}
    naive = scope["selective"]["rate"] - scope["total_outsourcing"]["rate"]
    gap_long = cell_rate["selective", "long"] - cell_rate["total_outsourcing", "long"]
    sel, out, ins = scope["selective"], scope["total_outsourcing"], scope["total_insourcing"]
    return {
        "sel_rate": r3(sel["rate"]),
        "sel_ci": f"{r3(sel['low'])}-{r3(sel['high'])}",
        "sel_n": f"{sel['n']:,}",
        "ins_rate": r3(ins["rate"]),
        "ins_k": ins["k"],
        "ins_n": f"{ins['n']:,}",
        "ins_ci": f"{r3(ins['low'])}-{r3(ins['high'])}",
        "out_rate": r3(out["rate"]),
        "out_ci": f"{r3(out['low'])}-{r3(out['high'])}",
        "out_n": f"{out['n']:,}",
        "joint": r3(by("decision_makers", "joint")["rate"]),
        "business_only": r3(by("decision_makers", "business_only")["rate"]),
        "it_only": r3(by("decision_makers", "it_only")["rate"]),
        "both_bids": r3(by("bid_process", "internal_and_external")["rate"]),
        "external_bids": r3(by("bid_process", "external_only")["rate"]),
        "detailed": r3(by("contract_type", "detailed_fee_for_service")["rate"]),
        "loose": r3(by("contract_type", "loose_fee_for_service")["rate"]),
        "sel_long": r3(cell_rate["selective", "long"]),
        "out_long": r3(cell_rate["total_outsourcing", "long"]),
        "sel_short": r3(cell_rate["selective", "short"]),
        "out_short": r3(cell_rate["total_outsourcing", "short"]),
        "out_short_n": len(cell["total_outsourcing", "short"]),
        "naive_gap": r3(naive),
        "gap_long": r3(gap_long),
        "total_gap_points": f"{100 * (ins['rate'] - out['rate']):.1f}",
        # the model answer's rounded percentages and points
        "sel_pct": pct(sel["rate"]),
        "sel_ci_pct": f"{100 * sel['low']:.0f}-{pct(sel['high'])}",
        "out_pct": pct(out["rate"]),
        "out_ci_pct": f"{100 * out['low']:.0f}-{pct(out['high'])}",
        "naive_points": f"{100 * naive:.1f}",
        "long_points": f"{100 * gap_long:.0f}",
        "overlap": "overlap" if sel["low"] <= out["high"] else "do not overlap",
    }


RUBRIC_REFERENCE = """\
Reference results (synthetic `sourcing_decisions`, seed 20080222): success rate by scope
selective {sel_rate} (Wilson 95% interval {sel_ci}, n = {sel_n}), total insourcing {ins_rate}
({ins_k}/{ins_n}; {ins_ci}), total outsourcing {out_rate} ({out_ci}, n = {out_n}); joint
decisions {joint} against {business_only} (business only) and {it_only} (IT only); internal
and external bids {both_bids} against {external_bids}; detailed fee-for-service {detailed}
against loose {loose}. Long contracts: selective {sel_long}, total outsourcing {out_long};
short: {sel_short} and {out_short} (only {out_short_n} short total-outsourcing deals).
`naive_gap` {naive_gap}, `gap_long` {gap_long}. Q6: C. The two total scopes share one
built-in effect (the 1998 abstract ranks neither above the other); the {total_gap_points}-point
gap between them comes from the draw and from the longer contracts of total outsourcing."""


def rubric_reference() -> str:
    """The rubric's reference paragraph (written into instructor/rubrics by build_source.py)."""
    return RUBRIC_REFERENCE.format(**reference())


def build() -> Assignment:
    ref = reference()
    a = Assignment(
        "ps4_decisions",
        title="Problem set 4: What makes sourcing decisions succeed?",
        minutes="90 to 120",
        precision=(
            "Answers are checked to these precisions: rates, interval bounds and gaps to 3 decimals, counts exactly. Functions you write are called with other inputs and compared at full precision."
        ),
        datasets=["sourcing_decisions (synthetic)"],
    )
    a.header(
        """
        Lacity and Willcocks (1998) compared sourcing decisions by how they were made and
        whether they achieved the savings expected. The abstract of that study reports the
        directions of its findings: selective outsourcing did better than total outsourcing
        or total insourcing, joint decisions by senior business and IT managers did better
        than decisions by either group alone, inviting internal and external bids did better
        than comparing external bids with current costs, and shorter, detailed contracts did
        better than long or loose ones.

        The research programme's case data are not public. **`sourcing_decisions` is a
        synthetic data set**: a program generated its 2,400 decisions so that the outcomes
        follow those directions, with invented magnitudes (see `datasheet("sourcing_decisions")`).
        You will measure success rates with confidence intervals, look for confounding and
        then say what such an analysis can and cannot show.
        """
    )
    a.setup(
        """
        import math

        import numpy as np
        import pandas as pd

        from globalsourcing import check
        from globalsourcing.data import load

        decisions = load("sourcing_decisions")  # SYNTHETIC data: for practice, not evidence
        decisions.head()
        """
    )
    a.text(
        "q1_prompt",
        r"""
        ## Q1. An interval for a success rate

        A rate from a few dozen decisions is uncertain. Write
        `wilson_interval(successes, n, z=1.96)` returning the pair `(low, high)` of the
        Wilson score interval for the share `p = successes / n`:

        $$\text{centre} = \frac{p + z^2 / (2n)}{1 + z^2/n}, \qquad
        \text{half} = \frac{z \sqrt{p(1-p)/n + z^2/(4n^2)}}{1 + z^2/n}$$

        and the interval is `(centre - half, centre + half)`. Unlike the textbook
        `p ± z·sqrt(p(1-p)/n)`, it stays sensible for rates near 0 or 1.
        """,
    )
    a.answer(
        "q1",
        "wilson",
        """
        def wilson_interval(successes, n, z=1.96):
            ### BEGIN SOLUTION
            p = successes / n
            denominator = 1 + z**2 / n
            centre = (p + z**2 / (2 * n)) / denominator
            half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
            return centre - half, centre + half
            ### END SOLUTION
        """,
    )
    a.tests("q1", "wilson", 2)
    a.text(
        "q2_prompt",
        """
        ## Q2. Success by scope

        Build `scope_rates` with one row per `scope` and the columns `scope`, `n` (number of
        decisions), `successes` (how many achieved their expected savings,
        `savings_achieved`), `rate` (`successes / n`), `ci_low` and `ci_high` (your Wilson
        interval).
        """,
    )
    a.answer(
        "q2",
        "scope_rates",
        """
        ### BEGIN SOLUTION
        def rates_by(frame, column):
            out = frame.groupby(column)["savings_achieved"].agg(n="size", successes="sum").reset_index()
            out["rate"] = out["successes"] / out["n"]
            bounds = [wilson_interval(s, n) for s, n in zip(out["successes"], out["n"], strict=True)]
            out["ci_low"] = [low for low, _ in bounds]
            out["ci_high"] = [high for _, high in bounds]
            return out


        scope_rates = rates_by(decisions, "scope")
        ### END SOLUTION
        scope_rates
        """,
    )
    a.tests("q2", "scope_rates", 3)
    a.text(
        "q3_prompt",
        """
        ## Q3. Success by practice

        Do the same for three practices and stack the results into one long table
        `practice_rates` with the columns `factor` (`"decision_makers"`, `"bid_process"` or
        `"contract_type"`), `level` (the value, such as `"joint"`), `n`, `successes`, `rate`,
        `ci_low` and `ci_high`. Decisions to keep work in-house have no contract, so their
        `contract_type` is missing: leave them out of the contract-type rows.
        """,
    )
    a.answer(
        "q3",
        "practice_rates",
        """
        ### BEGIN SOLUTION
        practice_rates = pd.concat(
            [
                rates_by(decisions, factor).rename(columns={factor: "level"}).assign(factor=factor)
                for factor in ["decision_makers", "bid_process", "contract_type"]
            ],
            ignore_index=True,
        )
        ### END SOLUTION
        practice_rates
        """,
    )
    a.tests("q3", "practice_rates", 3)
    a.text(
        "q4_prompt",
        """
        ## Q4. Is it the scope or the contract length?

        In this data set, total-outsourcing deals tend to have longer contracts, and longer
        contracts do worse. Keep the two outsourcing scopes (`"selective"` and
        `"total_outsourcing"`), call a contract `"short"` when `contract_years <= 3` and
        `"long"` otherwise, and build `length_by_scope`: a wide DataFrame of success rates
        with the scopes as rows and `"short"` and `"long"` as columns. Also look at how many
        decisions fall in each cell (you do not have to store that).
        """,
    )
    a.answer(
        "q4",
        "length_by_scope",
        """
        ### BEGIN SOLUTION
        deals = decisions[decisions["scope"].isin(["selective", "total_outsourcing"])].copy()
        deals["length"] = np.where(deals["contract_years"] <= 3, "short", "long")
        length_by_scope = deals.pivot_table(
            index="scope", columns="length", values="savings_achieved", aggfunc="mean"
        )
        print(pd.crosstab(deals["scope"], deals["length"]))
        ### END SOLUTION
        length_by_scope
        """,
    )
    a.tests("q4", "length_by_scope", 3)
    a.text(
        "q5_prompt",
        """
        ## Q5. The naive gap and the like-for-like gap

        Set `naive_gap` to selective's success rate minus total outsourcing's (from
        `scope_rates`), and `gap_long` to the same difference among long contracts only
        (the `"long"` cells of `length_by_scope`, or the same rates computed again from
        `decisions`). Both are shares: 0.05 means five percentage points.
        """,
    )
    a.answer(
        "q5",
        "gaps",
        """
        ### BEGIN SOLUTION
        by_scope = scope_rates.set_index("scope")["rate"]
        naive_gap = by_scope["selective"] - by_scope["total_outsourcing"]
        # Long contracts only, from the decisions themselves (contract_years above 3).
        long_rates = decisions[decisions["contract_years"] > 3].groupby("scope")["savings_achieved"].mean()
        gap_long = long_rates["selective"] - long_rates["total_outsourcing"]
        ### END SOLUTION
        naive_gap, gap_long
        """,
    )
    a.tests("q5", "gaps", 2)
    a.text(
        "q6_prompt",
        """
        ## Q6. What can this analysis show?

        Your tables agree with the directions reported for the 1998 study. Why does that
        not confirm the study's findings? Set `answer_q6` to the letter of the best answer.

        * **A.** The samples are too small for any of the differences to be significant.
        * **B.** The confidence intervals of all groups overlap.
        * **C.** The data are synthetic: a program built those directions into the outcomes,
          so recovering them shows that the analysis works, not that outsourcing behaves so.
        * **D.** Success should be measured by satisfaction, not by savings achieved.
        """,
    )
    a.answer(
        "q6",
        "synthetic",
        """
        ### BEGIN SOLUTION
        answer_q6 = "C"
        ### END SOLUTION
        """,
    )
    a.tests("q6", "synthetic", 1)
    a.written(
        "q7",
        "memo",
        4,
        """
        In 150 to 250 words, write a memo to a CIO who asks "should we outsource selectively
        rather than totally?" Report what the synthetic data show (with rates and intervals),
        explain what the contract-length comparison adds, and say what the CIO would need
        from real decisions (data, design) to trust a similar analysis. Say clearly that
        the numbers come from a synthetic teaching data set.
        """,
        f"""
        *Model answer (instructor copy).* In this synthetic teaching data set,
        {ref["sel_pct"]} of selective-outsourcing decisions achieved their expected savings
        (95% interval about {ref["sel_ci_pct"]}) against {ref["out_pct"]} for total
        outsourcing (about {ref["out_ci_pct"]}); the intervals {ref["overlap"]}. Part of that
        {ref["naive_points"]}-point gap comes from contract length: total-outsourcing deals
        here mostly have long contracts, which do worse, and among long contracts the gap
        shrinks to about {ref["long_points"]} points. Only {ref["out_short_n"]}
        total-outsourcing deals have short contracts, so the short-contract comparison is too
        noisy to lean on. Because the data were generated to follow the directions reported
        by Lacity and Willcocks (1998), these numbers prove nothing about real outsourcing:
        they show the kind of analysis to run. With real decisions the CIO would need a
        clear, pre-agreed success measure (expected versus achieved savings, measured the
        same way for every deal), enough decisions of each kind, the other practices
        recorded (who decided, how bids were invited, contract detail and length) so that
        their effects can be separated from scope, and awareness that organisations
        choosing total outsourcing may differ in ways no table records. The 1998 study's
        direction, and this exercise, both suggest the CIO should treat scope and contract
        design as one decision.
        """,
    )
    a.footer()
    return a
