"""The nine model exhibits: each model evaluated over a grid of its inputs, filtered in the page.

Every builder returns an :class:`~globalsourcing.exhibits.Exhibit` whose sliders and
dropdowns are Vega-Lite parameters, so it works in the static book with no kernel. Chapters
embed them as the last line of a ``remove-input`` cell, e.g.::

    from globalsourcing.exhibits import catalog
    catalog.tco_exhibit()

Pass ``title=`` to number an exhibit the chapter's way. Sliders move in whole-number steps
(percentages, years) so the browser's filter compares integers, never rounded floats.
Every slider and menu is a :class:`~globalsourcing.exhibits.controls.Control`: its values, its
range and the value it opens on come from the model's parameter declaration, never from here.
"""

from __future__ import annotations

import inspect

import altair as alt
import numpy as np
import pandas as pd

from globalsourcing import models
from globalsourcing.models.location import DEFAULT_WEIGHTS, PILLAR_LABELS, WEIGHT
from globalsourcing.models.market import DEFAULT_GROWTH, SEGMENT_LABELS
from globalsourcing.models.tco import OPTIONS

from . import Exhibit, grid_frame
from .controls import Control


def _pct(values) -> list[int]:
    return [int(round(v * 100)) for v in values]


def _slider(name: str, value: int, lo: int, hi: int, step: int, label: str) -> alt.Parameter:
    return alt.param(
        name=name, value=value, bind=alt.binding_range(min=lo, max=hi, step=step, name=label)
    )


def _fit_column(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Put legends under the plot so chart and legend fit the book's text column."""
    return chart.configure_legend(orient="bottom", direction="horizontal", labelLimit=320)


def tco_exhibit(title: str = "Offshore total cost of ownership with hidden costs") -> Exhibit:
    """Model 1: cumulative cost of in-house, domestic and offshore, with three sliders."""
    model = models.offshore_tco
    fee_c = Control.of(model, "offshore_fee", "fee")
    overrun_c = Control.of(model, "management_overrun", "overrun")
    transition_c = Control.of(model, "transition_offshore", "transition")
    frame = grid_frame(
        model,
        {
            "offshore_fee": fee_c.grid,
            "management_overrun": overrun_c.grid,
            "transition_offshore": transition_c.grid,
        },
    )
    frame = frame.assign(
        fee=fee_c.column(frame["offshore_fee"]),
        overrun=overrun_c.column(frame["management_overrun"]),
        transition=transition_c.column(frame["transition_offshore"]),
        cumulative=frame["cumulative"].round(2),
    )[["option", "year", "cumulative", "fee", "overrun", "transition"]]
    fee = fee_c.slider("Offshore fee, % of in-house cost ")
    overrun = overrun_c.slider("Management effort above plan, % ")
    transition = transition_c.menu("Offshore transition, % of a year ")
    baseline = model.parameters["baseline_cost"].default
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y(
                "cumulative:Q", title=f"Cumulative cost ($m; in-house costs {baseline:g} in year 1)"
            ),
            color=alt.Color("option:N", title="Option", scale=alt.Scale(domain=list(OPTIONS))),
            tooltip=["option", "year", alt.Tooltip("cumulative:Q", format=",.1f")],
        )
        .add_params(fee, overrun, transition)
        .transform_filter(
            (alt.datum.fee == fee)
            & (alt.datum.overrun == overrun)
            & (alt.datum.transition == transition)
        )
        .properties(width=440, height=300)
    )
    return Exhibit(
        _fit_column(chart),
        title=title,
        controls=(fee_c, overrun_c, transition_c),
        source=(
            "Course model globalsourcing.models.offshore_tco. Fee range follows the 10-40% "
            "savings clients sought (Kern, Willcocks & van Heck 2002); the overrun slider applies "
            "Deloitte's (2005) finding that most clients spent more effort managing deals than "
            "planned. Hidden-cost sizes are illustrative."
        ),
        caption=(
            "Where the offshore line crosses below in-house is the break-even year. Raise the fee "
            "or the management overrun and watch the promised saving shrink."
        ),
    )


def location_index_exhibit(
    panel: pd.DataFrame | None = None,
    gsli_ranks: pd.DataFrame | None = None,
    top: int = 12,
    title: str = "A location attractiveness index from World Bank indicators",
) -> Exhibit:
    """Model 2: top countries for chosen pillar weights, with Kearney's published rank (the
    edition ``compare_with_gsli`` opens on, 2021)."""
    from globalsourcing.data import load

    panel = load("wdi_panel") if panel is None else panel
    gsli_ranks = load("gsli_ranks") if gsli_ranks is None else gsli_ranks
    year = models.compare_with_gsli.parameters["edition"].opens_at
    edition = gsli_ranks[gsli_ranks["edition"].astype(str).str[:4] == str(year)]
    # Kearney named ranks 6-10 of 2021 only as a group; their order in the dataset is the
    # press release's listing (rank_status inferred_from_order), so the tooltip says so.
    published = {
        row.country_code: (
            "ranks 6-10 (order not published)"
            if row.rank_status == "inferred_from_order"
            else f"rank {int(row.rank)}"
        )
        for row in edition.itertuples()
    }
    # The weights are a dict, declared once as WEIGHT (a grid of whole percents) and opening
    # on DEFAULT_WEIGHTS; the business environment keeps at least the grid's smallest weight.
    fin_c = Control(
        "fin", WEIGHT, "location_index(weights['financial'])", DEFAULT_WEIGHTS["financial"]
    )
    ppl_c = Control("ppl", WEIGHT, "location_index(weights['people'])", DEFAULT_WEIGHTS["people"])
    floor = fin_c.stops[0]
    index = models.location_index.parameters
    weights_text = "/".join(f"{w * 100:.0f}" for w in DEFAULT_WEIGHTS.values())
    frames = []
    for fin in fin_c.stops:
        for ppl in (p for p in ppl_c.stops if fin + p <= 100 - floor):
            weights = {
                "financial": fin / 100,
                "people": ppl / 100,
                "business": (100 - fin - ppl) / 100,
            }
            ranked = models.location_index(panel, weights=weights).head(top)
            frames.append(ranked.assign(fin=fin, ppl=ppl))
    frame = pd.concat(frames, ignore_index=True)
    frame["gsli"] = frame["country_code"].map(published).fillna("not in the published top 10")
    frame = (
        frame[
            ["country_name", "financial", "people", "business", "score", "rank", "gsli"]
            + ["fin", "ppl"]
        ]
        .round(3)
        .rename(columns=PILLAR_LABELS)
    )
    fin = fin_c.slider("Financial attractiveness weight, % ")
    ppl = ppl_c.slider("People skills and availability weight, % ")
    chart = (
        alt.Chart(frame)
        .transform_filter((alt.datum.fin == fin) & (alt.datum.ppl == ppl))
        .transform_fold(list(PILLAR_LABELS.values()), as_=["pillar", "points"])
        .mark_bar()
        .encode(
            x=alt.X("points:Q", stack="zero", title="Index points (0-10)"),
            y=alt.Y("country_name:N", sort=alt.SortField("score", order="descending"), title=None),
            color=alt.Color("pillar:N", title="Pillar"),
            tooltip=[
                alt.Tooltip("country_name:N", title="Country"),
                alt.Tooltip("rank:Q", title="Model rank"),
                alt.Tooltip("gsli:N", title=f"Kearney GSLI {year}"),
                alt.Tooltip("score:Q", format=".2f"),
            ],
        )
        .add_params(fin, ppl)
        .properties(
            width=440,
            height=320,
            # The weights in force, always adding up to 100%.
            title=alt.Title(
                alt.expr(
                    "['Weights: financial ' + fin + '%, people ' + ppl + '%,', "
                    "'business environment ' + (100 - fin - ppl) + '%']"
                ),
                fontSize=12,
                fontWeight="normal",
                anchor="start",
            ),
        )
    )
    return Exhibit(
        _fit_column(chart),
        # Valid by construction: moving one slider past 90% in total pushes the other down.
        capped_sum=(("fin", "ppl"), 100 - floor),
        controls=(fin_c, ppl_c),
        title=title,
        source=(
            "World Bank, World Development Indicators (CC BY 4.0), latest value in the "
            f"{index['lookback'].default} years to {index['year'].default}; course model "
            f"globalsourcing.models.location_index. Default weights {weights_text} from "
            f"Kearney's GSLI methodology; published GSLI {year} ranks as compiled in the "
            "gsli_ranks dataset."
        ),
        caption=(
            "The index uses open proxies (GDP per capita for wage costs), so it cannot reproduce "
            "Kearney's proprietary scores; compare the tooltip's published rank with the model's. "
            "The two sliders are coupled: raising one lowers the other when needed, so the "
            "business environment always keeps at least 10% and the weights add up to 100%."
        ),
    )


def decision_matrix_exhibit(
    activities: pd.DataFrame | None = None,
    title: str = "Sourcing decision matrix for a back-office portfolio",
) -> Exhibit:
    """Model 3: activities placed on the two axes; sliders move the dividing lines."""
    ct_c = Control.of(models.decision_matrix, "contribution_threshold", "ct")
    mt_c = Control.of(models.decision_matrix, "market_threshold", "mt")
    frame = grid_frame(
        models.decision_matrix,
        {"contribution_threshold": ct_c.grid, "market_threshold": mt_c.grid},
        activities=activities,
    )
    frame = frame.assign(
        ct=ct_c.column(frame["contribution_threshold"]),
        mt=mt_c.column(frame["market_threshold"]),
    )[["activity", "business_contribution", "market_comparison", "recommendation", "ct", "mt"]]
    ct = ct_c.slider("Differentiator from score, % ")
    mt = mt_c.slider("Market better from score, % ")
    points = (
        alt.Chart(frame)
        .transform_filter((alt.datum.ct == ct) & (alt.datum.mt == mt))
        .mark_circle(size=160)
        .encode(
            x=alt.X(
                "business_contribution:Q",
                scale=alt.Scale(domain=[0, 1]),
                title="Business contribution: commodity (0) to differentiator (1)",
            ),
            y=alt.Y(
                "market_comparison:Q",
                scale=alt.Scale(domain=[0, 1]),
                title="Market comparison: in-house better (0) to market better (1)",
            ),
            color=alt.Color("recommendation:N", title="Recommendation"),
            tooltip=["activity:N", "recommendation:N"],
        )
    )
    one = alt.Chart(pd.DataFrame({"x": [0]}))
    vline = one.transform_calculate(v="ct / 100").mark_rule(strokeDash=[4, 4]).encode(x="v:Q")
    hline = one.transform_calculate(v="mt / 100").mark_rule(strokeDash=[4, 4]).encode(y="v:Q")
    chart = alt.layer(points, vline, hline).add_params(ct, mt).properties(width=440, height=360)
    return Exhibit(
        _fit_column(chart),
        controls=(ct_c, mt_c),
        title=title,
        source=(
            "Course model globalsourcing.models.decision_matrix, the course's synthesis of the "
            "selective-sourcing framework (Lacity & Willcocks 2009, ch. 13; Lacity & Willcocks "
            "1998). Activity scores are illustrative judgements, not data."
        ),
        caption="Hover over a point for the activity and its recommendation.",
    )


def contracts_exhibit(
    title: str = "Contract type, demanded savings and the winner's curse",
) -> Exhibit:
    """Model 4: supplier margin by contract type; sliders for savings, bidders and under-bidding."""
    model = models.simulate_contracts
    saving_c = Control.of(model, "sought_saving", "saving")
    bidders_c = Control.of(model, "n_bidders", "bidders", scale=1)
    cut_c = Control.of(model, "underbid", "cut")
    deals = model.parameters["n_deals"].default
    width = 0.04
    edges = np.round(np.arange(-0.6, 0.32, width), 2)

    def binned(sought_saving: float, n_bidders: int, underbid: float) -> pd.DataFrame:
        draws = model(sought_saving=sought_saving, n_bidders=n_bidders, underbid=underbid)
        margin = draws["supplier_margin"].clip(edges[0], edges[-1] - 1e-9)
        counts = (
            draws.assign(bin=pd.cut(margin, edges, right=False, labels=edges[:-1]))
            .groupby(["contract", "bin"], observed=True)
            .size()
            .rename("share")
            .reset_index()
        )
        counts["share"] = (counts["share"] / deals).round(4)
        counts["bin"] = counts["bin"].astype(float)
        summary = models.contract_summary(draws)[["contract", "distress_rate"]]
        return counts.merge(summary, on="contract").round({"distress_rate": 3})

    frame = grid_frame(
        binned,
        {"sought_saving": saving_c.grid, "n_bidders": bidders_c.grid, "underbid": cut_c.grid},
    )
    frame = frame.assign(
        saving=saving_c.column(frame["sought_saving"]),
        bidders=bidders_c.column(frame["n_bidders"]),
        cut=cut_c.column(frame["underbid"]),
    ).drop(columns=["sought_saving", "n_bidders", "underbid"])
    saving = saving_c.slider("Saving the client demands, % ")
    n = bidders_c.menu("Bidders ")
    cut = cut_c.menu("Deliberate under-bid, % ")
    base = alt.Chart(frame).transform_filter(
        (alt.datum.saving == saving) & (alt.datum.bidders == n) & (alt.datum.cut == cut)
    )
    color = alt.Color("contract:N", title="Contract")
    bars = (
        base.transform_calculate(bin_end=f"datum.bin + {width}")
        .mark_bar(opacity=0.5)
        .encode(
            x=alt.X(
                "bin:Q",
                title="Supplier margin (share of price; below 0 = loss)",
                scale=alt.Scale(domain=[-0.6, 0.3]),
            ),
            x2="bin_end:Q",
            y=alt.Y(
                "share:Q",
                stack=None,
                scale=alt.Scale(type="sqrt"),
                title="Share of deals (square-root scale)",
                axis=alt.Axis(format="%"),
            ),
            y2=alt.datum(0),
            color=color,
            tooltip=["contract:N", alt.Tooltip("share:Q", format=".1%")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="black").encode(x="x:Q")
    distress = (
        base.transform_aggregate(distress="max(distress_rate)", groupby=["contract"])
        .mark_bar()
        .encode(
            x=alt.X(
                "distress:Q",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
                title="Deals in which the winning supplier loses money",
            ),
            y=alt.Y("contract:N", title=None),
            color=alt.Color("contract:N", legend=None),
            tooltip=["contract:N", alt.Tooltip("distress:Q", format=".0%")],
        )
        .properties(width=440, height=90)
    )
    chart = alt.vconcat(
        alt.layer(bars, zero).properties(width=440, height=260), distress
    ).add_params(saving, n, cut)
    return Exhibit(
        _fit_column(chart),
        controls=(saving_c, bidders_c, cut_c),
        title=title,
        source=(
            "Course model globalsourcing.models.simulate_contracts (seeded simulation of "
            f"{deals:,} tenders per setting). Clients sought 10-40% savings (Kern, Willcocks & van Heck "
            "2002); cost uncertainty, estimate error, markup and under-bids are illustrative."
        ),
        caption=(
            "Mass left of zero is deals where the winning supplier loses money. Under fixed price "
            "it grows as the client squeezes harder, more bidders compete or suppliers buy the "
            "deal; time and materials moves the same risk to the client's bill."
        ),
    )


def knowledge_exhibit(title: str = "Knowledge retention after a wave of departures") -> Exhibit:
    """Model 5: knowledge stock over time; sliders for the two levers and the wave."""
    model = models.knowledge_retention
    kt_c = Control.of(model, "kt_effort", "kt")
    tm_c = Control.of(model, "directory", "tm")
    wave_c = Control.of(model, "wave_size", "wave")
    frame = grid_frame(
        model,
        {"kt_effort": kt_c.grid, "directory": tm_c.grid, "wave_size": wave_c.grid},
        months=model.parameters["months"].opens_at,
    )
    frame = frame.assign(
        kt=kt_c.column(frame["kt_effort"]),
        tm=tm_c.column(frame["directory"]),
        wave=wave_c.column(frame["wave_size"]),
        knowledge=frame["knowledge"].round(3),
        output=frame["output"].round(3),
    )[["month", "knowledge", "output", "kt", "tm", "wave"]]
    kt_p = kt_c.menu("Time on knowledge transfer, % ")
    tm_p = tm_c.slider("Who-knows-what directory, % complete ")
    wave_p = wave_c.menu("Wave of leavers, % ")
    wave_month = model.parameters["wave_month"].default
    chart = (
        alt.Chart(frame)
        .transform_filter(
            (alt.datum.kt == kt_p) & (alt.datum.tm == tm_p) & (alt.datum.wave == wave_p)
        )
        .transform_fold(["knowledge", "output"], as_=["measure", "value"])
        .mark_line()
        .encode(
            x=alt.X("month:Q", title=f"Month (wave in month {wave_month})"),
            y=alt.Y(
                "value:Q", scale=alt.Scale(domain=[0, 1]), title="Share of what the service needs"
            ),
            color=alt.Color("measure:N", title=None),
        )
        .add_params(kt_p, tm_p, wave_p)
        .properties(width=440, height=280)
    )
    return Exhibit(
        _fit_column(chart),
        controls=(kt_c, tm_c, wave_c),
        title=title,
        source=(
            "Course model globalsourcing.models.knowledge_retention; levers after Oshri, Kotlarsky "
            "& Willcocks (2007) on expertise directories. All rates are illustrative assumptions."
        ),
        caption=(
            "Knowledge transfer softens the fall but costs output; a directory of who knows what "
            "speeds the climb back."
        ),
    )


def market_exhibit(
    market_size: pd.DataFrame | None = None,
    title: str = "ITO, BPO and offshore market estimates and projections",
) -> Exhibit:
    """Model 6: estimates by originator, the sourced growth band, and a growth slider."""
    table = models.market_table(market_size)
    model = models.project_market
    segments = list(DEFAULT_GROWTH)
    first = inspect.signature(model).parameters["segment"].default
    horizon = model.parameters["horizon"].opens_at
    # The line opens on the model's own low growth for its default segment.
    growth_c = Control.of(model, "low_growth", "g", default=DEFAULT_GROWTH[first][0])

    def own_path(segment: str, growth: float) -> pd.DataFrame:
        path = model(table, segment, horizon=horizon, low_growth=growth, high_growth=growth)
        base = path[path["kind"] == "estimate"]["year"].max()
        return path[path["year"] >= base][["year", "central"]]

    mine = grid_frame(own_path, {"segment": segments, "growth": growth_c.grid})
    mine["g"] = growth_c.column(mine["growth"])
    mine = mine.drop(columns="growth").round(2)
    band = pd.concat(
        [model(table, s, horizon=horizon).assign(segment=s) for s in segments],
        ignore_index=True,
    ).round(2)
    # Start the band at the base estimate so it joins the last point.
    base_year = band[band["kind"] == "projection"].groupby("segment")["year"].min() - 1
    band = band[band["year"] >= band["segment"].map(base_year)]
    points = table[table["segment"].isin(segments)][
        ["segment", "year", "originator", "low", "high"]
    ].assign(mid=lambda f: (f["low"] + f["high"]) / 2)
    seg = alt.param(
        name="segment",
        value=first,
        bind=alt.binding_select(
            options=segments, labels=[SEGMENT_LABELS[s] for s in segments], name="Segment "
        ),
    )
    growth = growth_c.slider("Your growth assumption, % a year ")
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d"))
    est = (
        alt.Chart(points)
        .transform_filter(alt.datum.segment == seg)
        .mark_point(filled=True, size=70)
        .encode(
            x=x,
            y=alt.Y("mid:Q", title="US$ bn"),
            color=alt.Color("originator:N", title="Originator"),
            tooltip=["originator", "year", "low", "high"],
        )
    )
    ranges = (
        alt.Chart(points)
        .transform_filter(alt.datum.segment == seg)
        .mark_rule()
        .encode(x=x, y="low:Q", y2="high:Q", color="originator:N")
    )
    area = (
        alt.Chart(band)
        .transform_filter(alt.datum.segment == seg)
        .mark_area(opacity=0.2, color="gray")
        .encode(x=x, y="low:Q", y2="high:Q")
    )
    line = (
        alt.Chart(mine)
        .transform_filter((alt.datum.segment == seg) & (alt.datum.g == growth))
        .mark_line(color="black", strokeDash=[5, 3])
        .encode(x=x, y="central:Q")
    )
    chart = (
        alt.layer(area, ranges, est, line).add_params(seg, growth).properties(width=440, height=320)
    )
    return Exhibit(
        _fit_column(chart),
        controls=(growth_c,),
        title=title,
        source=(
            "Curated market_size dataset (one citation per estimate; unverified aggregator "
            "claims left out). Grey band: growth ranges reported by the LSE Outsourcing Unit "
            "(2009) and Oshri, Kotlarsky & Willcocks (2008); dashed line: your own rate."
        ),
        caption=(
            "Points are estimates coloured by originator; vertical lines are reported ranges. "
            "Where several originators report the same year, the gap between them is "
            "disagreement about what the market is, not only how big it is."
        ),
    )


def captive_exhibit(
    title: str = "Captive, build-operate-transfer, third party or hybrid?",
) -> Exhibit:
    """Model 7: present value of each option's cost; sliders for wage inflation, set-up, sale."""
    model = models.captive_economics
    infl_c = Control.of(model, "offshore_wage_inflation", "infl")
    setup_c = Control.of(model, "captive_setup", "setup")
    sell_c = Control.of(model, "sell_year", "sell", scale=1)
    declared = model.parameters

    def ranking(**kw) -> pd.DataFrame:
        return models.captive_ranking(model(**kw))

    frame = grid_frame(
        ranking,
        {
            "offshore_wage_inflation": infl_c.grid,
            "captive_setup": setup_c.grid,
            "sell_year": sell_c.grid,
        },
    )
    frame = frame.assign(
        infl=infl_c.column(frame["offshore_wage_inflation"]),
        setup=setup_c.column(frame["captive_setup"]),
        pv_cost=frame["pv_cost"].round(1),
        saving=frame["saving_vs_onshore_pct"].round(1),
        sell=sell_c.column(frame["sell_year"]),
    )[["option", "pv_cost", "saving", "infl", "setup", "sell"]]
    infl = infl_c.menu("Offshore wage inflation, % a year ")
    setup = setup_c.menu("Captive set-up, % of a year's cost ")
    # Year 0 means the captive is never sold (the declaration's label says so).
    sell = sell_c.menu(
        "Sell the captive in year ", labels=[str(y) if y else "never" for y in sell_c.stops]
    )
    chart = (
        alt.Chart(frame)
        .transform_filter(
            (alt.datum.infl == infl) & (alt.datum.setup == setup) & (alt.datum.sell == sell)
        )
        .mark_bar()
        .encode(
            x=alt.X(
                "pv_cost:Q",
                title=(
                    f"Present value of cost over {declared['years'].default} years "
                    f"(onshore = {declared['baseline_cost'].default:g} a year)"
                ),
            ),
            y=alt.Y("option:N", sort="x", title=None),
            color=alt.Color("option:N", legend=None),
            tooltip=["option", "pv_cost", alt.Tooltip("saving:Q", title="% below onshore")],
        )
        .add_params(infl, setup, sell)
        .properties(width=440, height=220)
    )
    return Exhibit(
        _fit_column(chart),
        controls=(infl_c, setup_c, sell_c),
        title=title,
        source=(
            "Course model globalsourcing.models.captive_economics. Sale price about "
            f"{declared['sale_multiple'].default:g} times revenue, from the GECIS (2004) and Citigroup-TCS (2008) sales as reported in the "
            "press; other costs are illustrative."
        ),
        caption=(
            "Shortest bar is cheapest. The model's supplier fee is "
            f"{declared['supplier_fee'].default:.0%} of the onshore cost a year and a captive "
            f"runs at {declared['captive_run_cost'].default:.0%}, each plus governance (its "
            "declared defaults). Fast offshore wage inflation narrows every offshore lead."
        ),
    )


def sustainability_exhibit(
    decisions: pd.DataFrame | None = None,
    title: str = "Renewal probability, fitted on synthetic sourcing decisions",
) -> Exhibit:
    """Model 8: fitted renewal probability against satisfaction, by value sharing."""
    from globalsourcing.data import load

    decisions = load("sourcing_decisions") if decisions is None else decisions
    fitted = models.fit_renewal_model(decisions)
    sw_c = Control.of(models.renewal_curve, "switching_costs", "sw", scale=10)
    sharing = models.renewal_curve.parameters["value_sharing"].grid

    def curve(switching_costs: float, value_sharing: float) -> pd.DataFrame:
        return models.renewal_curve(
            fitted, switching_costs=switching_costs, value_sharing=value_sharing
        )

    frame = grid_frame(curve, {"switching_costs": sw_c.grid, "value_sharing": sharing})
    frame = frame.assign(
        sw=sw_c.column(frame["switching_costs"]),
        sharing=np.where(
            frame["value_sharing"] > 0, "gain-sharing or partnership", "other contracts"
        ),
        probability=frame["probability"].round(4),
        satisfaction=frame["driver_value"].round(2),
    )[["satisfaction", "probability", "sharing", "sw"]]
    sw = sw_c.slider("Switching costs: log10 of deal size in $m, x10 ")
    chart = (
        alt.Chart(frame)
        .transform_filter(alt.datum.sw == sw)
        .mark_line()
        .encode(
            x=alt.X("satisfaction:Q", title="Client satisfaction (1-5)"),
            y=alt.Y(
                "probability:Q",
                scale=alt.Scale(domain=[0, 1]),
                title="Renewal probability",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("sharing:N", title="Contract"),
            tooltip=["satisfaction", alt.Tooltip("probability:Q", format=".0%"), "sharing"],
        )
        .add_params(sw)
        .properties(width=440, height=280)
    )
    return Exhibit(
        _fit_column(chart),
        controls=(sw_c,),
        title=title,
        source=(
            f"SYNTHETIC data: the course's sourcing_decisions dataset ({fitted.n} outsourced "
            "deals, invented numbers following published directions); logistic regression "
            "globalsourcing.models.fit_renewal_model."
        ),
        caption=(
            "The curves show what the synthetic generator built in, not how real deals behave: "
            "satisfaction drives renewal there, while contract type and deal size were given "
            "almost no effect, so the two lines nearly coincide and the slider moves them little. "
            f"Slider value {sw_c.start} means a deal of about "
            f"${10**sw_c.default:.0f}m a year (10^{sw_c.default:g})."
        ),
    )


def service_credits_exhibit(
    title: str = "A service-credit regime and the effort it buys",
) -> Exhibit:
    """Model 9: expected credits and effort cost by effort level; the credit schedule below."""
    model = models.effort_incentive
    r_c = Control.of(model, "at_risk", "r")
    pool_c = Control.of(model, "pool", "pool")
    eb_c = Control.of(model, "earn_back", "eb")
    cost_c = Control.of(model, "effort_cost", "effort_cost", scale=1)
    steps = model.parameters["steps"].opens_at
    levels = model.parameters["n_levels"].opens_at
    months = model.parameters["earn_back_months"].opens_at

    def curve(at_risk: float, pool: float, earn_back: float) -> pd.DataFrame:
        frame = model(at_risk=at_risk, pool=pool, earn_back=earn_back, steps=steps)
        return frame[["effort", "expected_credit"]]

    frame = grid_frame(curve, {"at_risk": r_c.grid, "pool": pool_c.grid, "earn_back": eb_c.grid})
    frame = pd.DataFrame(
        {
            "r": r_c.column(frame["at_risk"]),
            "pool": pool_c.column(frame["pool"]),
            "eb": eb_c.column(frame["earn_back"]),
            "effort": (frame["effort"] * 100).round().astype(int),
            "credit": frame["expected_credit"].round(2),
        }
    )
    schedule = grid_frame(
        models.credit_schedule, {"at_risk": r_c.grid, "pool": pool_c.grid}, n_levels=levels
    )
    schedule = pd.DataFrame(
        {
            "r": r_c.column(schedule["at_risk"]),
            "pool": pool_c.column(schedule["pool"]),
            "misses": schedule["misses"],
            "month_credit": schedule["credit"].round(2),
        }
    )
    r = r_c.slider("At-risk amount, % of monthly charge ")
    pool = pool_c.slider("Allocation pool, % of the at-risk amount ")
    eb = eb_c.menu(f"Share of a credit earned back after {months} good months, % ")
    effort_cost = cost_c.slider("Cost of full extra effort, % of charge ")
    series = ["Expected credits", "Cost of extra effort", "Total (credits + effort)"]
    base = (
        alt.Chart(frame)
        .transform_filter(
            (alt.datum.r == r) & (alt.datum.pool == pool) & (alt.datum.eb == eb)
        )
        .transform_calculate(
            cost=f"{effort_cost.name} * pow(datum.effort / 100, 2)",
        )
        .transform_calculate(**{
            series[0]: "datum.credit",
            series[1]: "datum.cost",
            series[2]: "datum.credit + datum.cost",
        })
    )  # fmt: skip
    x = alt.X("effort:Q", title="Supplier's extra effort (% of the most it could do)")
    lines = (
        base.transform_fold(series, as_=["measure", "value"])
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("value:Q", title="Expected monthly cost to the supplier, % of charge"),
            color=alt.Color("measure:N", title=None, sort=series),
            tooltip=[
                alt.Tooltip("measure:N", title="Line"),
                alt.Tooltip("effort:Q", title="Effort, %"),
                alt.Tooltip("value:Q", title="% of charge", format=".2f"),
            ],
        )
    )
    best = (
        base.transform_joinaggregate(lowest=f"min({series[2]})")
        .transform_filter(f"datum['{series[2]}'] == datum.lowest")
        .mark_rule(color="black", strokeDash=[4, 3])
        .encode(
            x=x,
            tooltip=[
                alt.Tooltip("effort:Q", title="Supplier's cheapest effort, %"),
                alt.Tooltip("credit:Q", title="Expected credits there, % of charge",
                            format=".2f"),
            ],
        )
    )  # fmt: skip
    bars = (
        alt.Chart(schedule)
        .transform_filter((alt.datum.r == r) & (alt.datum.pool == pool))
        .mark_bar(color="#2a5d8f")
        .encode(
            x=alt.X("misses:O", title=f"Critical service levels missed in the month (of {levels})",
                    axis=alt.Axis(labelAngle=0)),
            y=alt.Y("month_credit:Q", title="Credit, % of charge"),
            tooltip=[
                alt.Tooltip("misses:O", title="Levels missed"),
                alt.Tooltip("month_credit:Q", title="Credit, % of charge", format=".2f"),
            ],
        )
        .properties(width=440, height=120)
    )  # fmt: skip
    chart = alt.vconcat(alt.layer(lines, best).properties(width=440, height=260), bars).add_params(
        r, pool, eb, effort_cost
    )
    return Exhibit(
        _fit_column(chart),
        controls=(r_c, pool_c, eb_c, cost_c),
        title=title,
        source=(
            "Course model globalsourcing.models.effort_incentive and credit_schedule "
            "(illustrative: five critical service levels, monthly charge = 100, miss chance per "
            "level falling from 25% with no extra effort to 2% with full effort). The 12% "
            "starting at-risk amount follows practice a sourcing adviser reported in 2010; every "
            "other number is an assumption for teaching."
        ),
        caption=(
            "The dashed rule marks the effort that keeps the supplier's own expected cost lowest. "
            "A bigger at-risk amount or pool moves it right; earn-back and dearer effort move it "
            "left. The bars are the credit schedule: each miss costs the at-risk amount times "
            "the pool divided by five, and the month's total never exceeds the at-risk amount."
        ),
    )


#: Name used by the relationship-sustainability chapter.
relationship_sustainability = sustainability_exhibit

#: Every model's exhibit builder, in the order of the models gallery.
EXHIBITS = {
    "tco": tco_exhibit,
    "location_index": location_index_exhibit,
    "decision_matrix": decision_matrix_exhibit,
    "contracts": contracts_exhibit,
    "knowledge": knowledge_exhibit,
    "market": market_exhibit,
    "captive": captive_exhibit,
    "sustainability": sustainability_exhibit,
    "service_credits": service_credits_exhibit,
}
