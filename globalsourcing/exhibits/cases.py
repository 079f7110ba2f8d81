"""One decision exhibit per case, built from the case's own figures in the fact base.

Each builder reads the case's figures from ``load("facts")`` by fact id, evaluates the case's
model (:mod:`globalsourcing.models.cases`) over the slider values its declaration gives, and
returns an :class:`~globalsourcing.exhibits.Exhibit` whose sliders filter that grid in the
page, so it works with no kernel. A slider that stands for a reported figure opens on that
figure; the others open on the model's illustrative default, and the caption says which is
which. Case pages embed them as the last line of a ``remove-input`` cell::

    from globalsourcing.exhibits import cases
    cases.kodak_exhibit(title="Exhibit 1.5 ...")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd

from globalsourcing.models import cases as models

from . import Exhibit, grid_frame
from .controls import Control
from .exhibit import legend_below

WIDTH = 440


@lru_cache(maxsize=1)
def _facts() -> pd.DataFrame:
    from globalsourcing.data import load

    return load("facts").set_index("fact_id")


def fact(fact_id: str, end: str = "low") -> float:
    """A recorded value: ``end`` is "low", "high" or "mid" (the middle of a reported range)."""
    row = _facts().loc[fact_id]
    if row["confidence"] == "UNVERIFIED":
        raise ValueError(f"{fact_id} is UNVERIFIED in the fact base and may not be charted")
    if end == "mid":
        return (float(row["value_low"]) + float(row["value_high"])) / 2
    return float(row[f"value_{end}"])


def dollars(fact_id: str, end: str = "low") -> float:
    """A money fact recorded in millions, in units (an hourly rate of $55 is 5.5e-05 $m)."""
    return round(fact(fact_id, end) * 1e6, 2)


def sources(*fact_ids: str) -> str:
    """'fact base: id (source key), ...' for an exhibit's source line."""
    rows = _facts().loc[list(fact_ids)]
    return "; ".join(f"{i} ({k})" for i, k in zip(rows.index, rows["source_key"], strict=True))


# -- sliders from the declarations -------------------------------------------------------


def _snap(func: Callable, name: str, value: float) -> float:
    """The declared grid value nearest ``value`` (a reported figure the slider opens on)."""
    return min(func.parameters[name].grid, key=lambda v: abs(v - value))


def _slider(
    func: Callable, name: str, start: float | None, scale: float, label: str
) -> alt.Parameter:
    """A slider over the declared grid of ``func``'s parameter ``name``, opening on the
    declared default, or on the grid value nearest ``start`` (a figure of the fact base).

    The :class:`~globalsourcing.exhibits.controls.Control` behind it rides along as
    ``.control``, so the exhibit can hand it to ``mismatches`` through ``Exhibit(controls=)``.
    """
    default = None if start is None else _snap(func, name, start)
    control = Control.of(func, name, name, scale, default=default)
    param = control.slider(label)
    param.control = control
    return param


def _case_exhibit(
    chart: alt.TopLevelMixin,
    title: str,
    sliders: Sequence[alt.Parameter],
    model: Callable,
    fact_ids: Sequence[str],
    assumptions: str,
    caption: str,
) -> Exhibit:
    """A case's exhibit: legends under the plot, the sliders' declared controls, and a source
    line naming the case's model and the fact-base rows it reads, then what it assumes."""
    return Exhibit(
        legend_below(chart),
        title=title,
        controls=tuple(s.control for s in sliders),
        source=(
            f"Course model globalsourcing.models.cases.{model.__name__} on the fact base: "
            + sources(*fact_ids)
            + ". "
            + assumptions
        ),
        caption=caption,
    )


def _grid(
    func: Callable, scales: dict[str, float], fixed: dict, model: Callable | None = None
) -> pd.DataFrame:
    """``model`` (default ``func``) over the declared grid of each slider's parameter; one
    whole-number column per slider, in the units it shows."""
    grids = {n: list(func.parameters[n].grid) for n in scales}
    frame = grid_frame(model or func, grids, **fixed)
    for name, scale in scales.items():
        frame[name] = (frame[name] * scale).round().astype(int)
    return frame


def _selected(params: Sequence[alt.Parameter]) -> str:
    """A filter keeping the rows of the current slider setting (whole numbers compared)."""
    return " && ".join(f"datum.{p.name} == {p.name}" for p in params)


# -- charts several cases share ---------------------------------------------------------


def _bars(
    frame: pd.DataFrame,
    sliders: Sequence[alt.Parameter],
    x: alt.X,
    category: str,
    tooltip: list[alt.Tooltip],
    height: int,
    sort: Any = alt.Undefined,
) -> alt.Chart:
    """One horizontal bar per ``category`` value (route, option, supplier...) for the
    sliders' current setting, with the sliders attached."""
    return (
        alt.Chart(frame)
        .transform_filter(_selected(sliders))
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y(category, title=None, sort=sort),
            color=alt.Color(category, legend=None),
            tooltip=tooltip,
        )
        .add_params(*sliders)
        .properties(width=WIDTH, height=height)
    )


def _zero_rule() -> alt.Chart:
    """A grey rule at zero on the y axis, where a cumulative line turns from loss to gain."""
    return alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="gray").encode(y="y:Q")


def _dollar_bars(
    moving: pd.DataFrame,
    fixed: pd.DataFrame,
    sliders: Sequence[alt.Parameter],
    y: alt.Y,
    color: alt.Color,
) -> tuple[alt.Chart, alt.Chart]:
    """Bars in US$ million: ``moving`` follows the sliders, ``fixed`` is a reported or
    benchmark value that stays put; the caller layers them in its own order."""
    x = alt.X("value:Q", title="US$ million")
    tooltip = [
        alt.Tooltip("part:N", title="What"),
        alt.Tooltip("value:Q", title="$m", format=",.0f"),
    ]
    follows = (
        alt.Chart(moving)
        .transform_filter(_selected(sliders))
        .mark_bar()
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    stays = alt.Chart(fixed).mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip)
    return follows, stays


def _cumulative_cost_by_route(
    frame: pd.DataFrame, sliders: Sequence[alt.Parameter], money_format: str
) -> alt.Chart:
    """Each route's cumulative cost year by year, for the sliders' current setting."""
    return (
        alt.Chart(frame)
        .transform_filter(_selected(sliders))
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "year:Q", axis=alt.Axis(format="d", tickMinStep=1), title="Years from the decision"
            ),
            y=alt.Y("cumulative:Q", title="Cumulative cost ($m)"),
            color=alt.Color("route:N", title="Route"),
            tooltip=[
                alt.Tooltip("route:N", title="Route"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("cumulative:Q", title="Cumulative cost ($m)", format=money_format),
            ],
        )
    )


# -- case 1 ------------------------------------------------------------------------------


def kodak_exhibit(
    title: str = "Kodak: IBM at the savings target or consolidating in-house",
) -> Exhibit:
    f = models.kodak_savings
    target, years = fact("kodak_savings_target") / 100, int(fact("kodak_contract_term"))
    low, high = fact("kodak_inscope_range"), fact("kodak_inscope_range", "high")
    frame = _grid(
        f,
        {"in_scope_budget": 1, "own_saving": 100},
        {"years": years, "supplier_saving": target},
    ).round({"yearly": 1, "total": 0, "gap": 0})
    budget = _slider(
        f, "in_scope_budget", (low + high) / 2, 1, "Yearly cost of the operations in scope, $m "
    )
    own = _slider(f, "own_saving", None, 100, "Saving Kodak could make by consolidating itself, % ")
    chart = _bars(
        frame,
        [budget, own],
        alt.X("total:Q", title=f"Saving over the {years}-year contract ($m)"),
        "route:N",
        [
            alt.Tooltip("route:N", title="Route"),
            alt.Tooltip("yearly:Q", title="Saving a year ($m)", format=",.1f"),
            alt.Tooltip("total:Q", title="Saving over the contract ($m)", format=",.0f"),
            alt.Tooltip("gap:Q", title="IBM's lead over the contract ($m)", format=",.0f"),
        ],
        height=140,
    )
    return _case_exhibit(
        chart,
        title,
        [budget, own],
        f,
        ["kodak_savings_target", "kodak_inscope_range", "kodak_contract_term"],
        assumptions="Kodak's own consolidation saving is an illustrative assumption.",
        caption=(
            f"IBM's bar assumes the reported target, close to {target:.0%} of the cost in scope, "
            f"over the {years}-year term. The first slider moves the cost in scope across and "
            f"beyond the course's assumed ${low:.0f}m-{high:.0f}m (the record says only 'far less "
            "than half' of the computing budget); the second sets what Kodak might have saved "
            "by building one centre itself, an ILLUSTRATIVE assumption. Notice that the case "
            "for signing is the gap between the bars, not IBM's bar: the better Kodak's own "
            "alternative, the less the target is worth."
        ),
    )


# -- case 2 ------------------------------------------------------------------------------


def sainsburys_exhibit(
    title: str = "Sainsbury's: bring IT in-house or renegotiate with Accenture",
) -> Exhibit:
    f = models.insourcing_break_even
    yearly_charge, aim = fact("sainsburys_value_per_year"), fact("sainsburys_savings_aim")
    fixed = {"contract_yearly": yearly_charge, "years": 5}
    route = "route"
    # Insourcing depends on the one-off cost and the yearly saving, renegotiating on the cut:
    # two small grids instead of one over all three sliders.
    inhouse = _grid(f, {"one_off_cost": 1, "yearly_saving": 1}, fixed)
    inhouse = inhouse[inhouse[route] == "Bring IT in-house"].drop(
        columns="renegotiated_cut", errors="ignore"
    )
    talks = _grid(f, {"renegotiated_cut": 100}, fixed)
    talks = talks[talks[route] == "Renegotiate the contract"]
    one_off = _slider(f, "one_off_cost", None, 1, "One-off cost of taking IT back, £m ")
    saving = _slider(f, "yearly_saving", aim, 1, "Yearly saving once in-house, £m ")
    cut = _slider(f, "renegotiated_cut", None, 100, "Price cut a renegotiation wins, % ")
    x = alt.X("year:Q", axis=alt.Axis(format="d", tickMinStep=1), title="Years after the decision")
    y = alt.Y("cumulative:Q", title="Cumulative saving (£m)")
    color = alt.Color(
        "route:N",
        title="Route",
        scale=alt.Scale(domain=["Bring IT in-house", "Renegotiate the contract"]),
    )
    tooltip = [
        alt.Tooltip("route:N", title="Route"),
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("cumulative:Q", title="Cumulative saving (£m)", format=",.1f"),
    ]
    line_in = (
        alt.Chart(inhouse.round({"cumulative": 1}))
        .transform_filter(_selected([one_off, saving]))
        .mark_line(point=True)
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    line_talks = (
        alt.Chart(talks.round({"cumulative": 1}))
        .transform_filter(_selected([cut]))
        .mark_line(point=True)
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    zero = _zero_rule()
    chart = (
        alt.layer(zero, line_in, line_talks)
        .add_params(one_off, saving, cut)
        .properties(width=WIDTH, height=280)
    )
    return _case_exhibit(
        chart,
        title,
        [one_off, saving, cut],
        f,
        ["sainsburys_value_per_year", "sainsburys_savings_aim", "sainsburys_term"],
        assumptions=(
            "The one-off cost, the renegotiated price cut and the five-year horizon are "
            "illustrative: none was published before the decision."
        ),
        caption=(
            "Insourcing starts below zero by its one-off cost and then saves a fixed sum a "
            "year; renegotiating costs nothing up front and saves the chosen cut of the "
            f"contract's value as signed, spread over its {fact('sainsburys_term'):.0f} years "
            f"(about £{yearly_charge:.0f}m a year). The yearly-saving slider opens on the "
            f"£{aim:.0f}m a year the 2000 deal had aimed to save; the one-off cost and the cut "
            "are ILLUSTRATIVE assumptions, because exit terms were not published. Notice where "
            "the lines cross: a bigger concession from Accenture or a dearer exit pushes the "
            "break-even later, and below some yearly saving insourcing never catches up."
        ),
    )


# -- case 3 ------------------------------------------------------------------------------


def bae_exhibit(
    title: str = "BAE Systems and Xchanging: who gains from the enterprise's profit",
) -> Exhibit:
    f = models.gain_share
    investment, years = fact("xchanging_investment"), int(fact("bae_term"))
    frame = _grid(
        f,
        {"enterprise_profit": 1, "partner_share": 100},
        {"investment": investment, "years": years},
    ).round({"cumulative": 2})
    profit = _slider(f, "enterprise_profit", None, 1, "Enterprise's yearly profit, £m ")
    share = _slider(
        f,
        "partner_share",
        fact("xchanging_profit_share") / 100,
        100,
        "Xchanging's share of the profit, % ",
    )
    lines = (
        alt.Chart(frame)
        .transform_filter(_selected([profit, share]))
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "year:Q", axis=alt.Axis(format="d", tickMinStep=1), title="Year of the partnership"
            ),
            y=alt.Y("cumulative:Q", title="Cumulative cash from the profit (£m)"),
            color=alt.Color("party:N", title="Party"),
            tooltip=[
                alt.Tooltip("party:N", title="Party"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("cumulative:Q", title="Cumulative cash (£m)", format=",.2f"),
            ],
        )
    )
    zero = _zero_rule()
    chart = alt.layer(zero, lines).add_params(profit, share).properties(width=WIDTH, height=280)
    return _case_exhibit(
        chart,
        title,
        [profit, share],
        f,
        ["xchanging_investment", "xchanging_profit_share", "bae_term"],
        assumptions="The enterprise's profit is illustrative: it was never published.",
        caption=(
            f"Xchanging starts £{investment:.0f}m down (its reported minimum investment) and "
            f"the slider opens on its reported {fact('xchanging_profit_share'):.0f}% share over "
            f"the {years}-year term. The enterprise's yearly profit is an ILLUSTRATIVE "
            "assumption. Notice how quickly the partner's line crosses zero as profit rises, "
            "and that at zero profit (no savings, no outside sales) the partner never recovers "
            "its investment while BAE gets nothing from the profit share either."
        ),
    )


# -- case 4 ------------------------------------------------------------------------------


def lloyds_exhibit(title: str = "Lloyd's and Xchanging: who keeps the cost cut") -> Exhibit:
    f = models.venture_split
    fixed = {"cost_base": fact("lloyds_cost_base"), "policies": fact("lloyds_policies")}
    frame = _grid(f, {"cost_cut": 100, "price_cut": 100}, fixed).round(
        {"yearly": 1, "price_per_policy": 2}
    )
    cost = _slider(
        f, "cost_cut", fact("lloyds_implied_cut") / 100, 100, "Cost cut the venture achieves, % "
    )
    price = _slider(f, "price_cut", None, 100, "Price cut passed to the market, % ")
    chart = _bars(
        frame,
        [cost, price],
        alt.X("yearly:Q", title="Gain a year (£m; below 0 = loss)"),
        "who:N",
        [
            alt.Tooltip("who:N", title="Who gains"),
            alt.Tooltip("yearly:Q", title="Gain a year (£m)", format=",.1f"),
            alt.Tooltip("price_per_policy:Q", title="Market's price per policy (£)", format=",.2f"),
        ],
        height=140,
    )
    return _case_exhibit(
        chart,
        title,
        [cost, price],
        f,
        ["lloyds_cost_base", "lloyds_policies", "lloyds_implied_cut"],
        assumptions=(
            "Revenue is taken as equal to the cost base, as the chairman described it; "
            "the price cut is illustrative."
        ),
        caption=(
            f"The bureaux cost about £{fixed['cost_base']:.0f}m a year, roughly their revenue. "
            f"The first slider opens on the {fact('lloyds_implied_cut'):.0f}% cut implied by the "
            "first year's reported profit; the second, an ILLUSTRATIVE term the contract could "
            "set, hands part of the cut to the market as lower prices. Notice that every point "
            "of price cut moves the same sum from the venture's profit to the market, so the "
            "contract's price terms, not the cost cut, decide who gains."
        ),
    )


# -- case 5 ------------------------------------------------------------------------------


def jpmorgan_exhibit(title: str = "JPMorgan Chase: stay with IBM or end the contract") -> Exhibit:
    f = models.terminate_or_stay
    fixed = {
        "yearly_charge": fact("jpmorgan_yearly"),
        "years_left": int(fact("jpmorgan_years_left")),
    }
    frame = _grid(f, {"termination_fee": 100, "inhouse_cost": 100}, fixed).round({"cumulative": 0})
    fee = _slider(
        f, "termination_fee", None, 100, "Termination fee, % of the remaining contract value "
    )
    inhouse = _slider(f, "inhouse_cost", None, 100, "In-house running cost, % of IBM's charge ")
    lines = _cumulative_cost_by_route(frame, [fee, inhouse], ",.0f")
    chart = lines.add_params(fee, inhouse).properties(width=WIDTH, height=280)
    return _case_exhibit(
        chart,
        title,
        [fee, inhouse],
        f,
        ["jpmorgan_yearly", "jpmorgan_years_left"],
        assumptions=(
            "The termination fee and the in-house cost are illustrative: neither was published."
        ),
        caption=(
            f"Staying costs the contract's average of about ${fixed['yearly_charge']:,.0f}m a "
            f"year for the {fixed['years_left']} years left. Ending it costs a fee at once, "
            "then the bank's own running cost. Both sliders are ILLUSTRATIVE assumptions, the "
            "two numbers the case says are missing. Notice which settings make the lines cross "
            "before the contract would have ended: a costly exit pays only if running the "
            "merged infrastructure in-house is clearly cheaper than IBM's charge."
        ),
    )


# -- case 6 ------------------------------------------------------------------------------


def rural_exhibit(
    title: str = "Rural Sourcing: a rural US rate against an offshore rate",
) -> Exhibit:
    f = models.delivered_rate
    low, high = dollars("rsi_hourly_rate"), dollars("rsi_hourly_rate", "high")
    frame = _grid(f, {"rural_rate": 1, "offshore_rate": 1, "offshore_overhead": 100}, {}).round(
        {"quoted": 2, "extra": 2, "delivered": 2}
    )
    rate = _slider(f, "rural_rate", (low + high) / 2, 1, "Rural supplier's rate, $ an hour ")
    offshore = _slider(f, "offshore_rate", None, 1, "Offshore supplier's rate, $ an hour ")
    overhead = _slider(
        f, "offshore_overhead", None, 100, "Client's extra management offshore, % of the rate "
    )
    chart = _bars(
        frame,
        [rate, offshore, overhead],
        alt.X("delivered:Q", title="Cost to the client per hour of work ($)"),
        "supplier:N",
        [
            alt.Tooltip("supplier:N", title="Supplier"),
            alt.Tooltip("quoted:Q", title="Rate ($ an hour)", format=",.2f"),
            alt.Tooltip("extra:Q", title="Client's extra management ($ an hour)", format=",.2f"),
            alt.Tooltip("delivered:Q", title="Cost per hour in all ($)", format=",.2f"),
        ],
        height=120,
    )
    return _case_exhibit(
        chart,
        title,
        [rate, offshore, overhead],
        f,
        ["rsi_hourly_rate"],
        assumptions=(
            "The offshore rate and the client's extra management of an offshore team are "
            "illustrative; the direction of the extra effort follows Rottman and Lacity (2006)."
        ),
        caption=(
            f"The rural slider opens in the middle of the ${low:.0f}-{high:.0f} an hour the "
            "company billed in 2005. The offshore rate and the client's extra management of an "
            "offshore team (travel, specification, checking, time-zone work) are ILLUSTRATIVE "
            "assumptions. Notice that the comparison turns on the extra management as much as "
            "on the rates: the rural supplier's case is that the client's own effort, not the "
            "supplier's price, closes the gap."
        ),
    )


# -- case 7 ------------------------------------------------------------------------------


def gecis_exhibit(title: str = "GECIS: what a sale is worth at a revenue multiple") -> Exhibit:
    f = models.stake_sale
    revenue, talk = fact("gecis_revenue_2004"), fact("gecis_press_price")
    frame = _grid(f, {"multiple": 100, "stake_sold": 100}, {"revenue": revenue}).round({"value": 0})
    frame["kind"] = "At the slider settings"
    multiple = _slider(f, "multiple", None, 100, "Price, % of 2004 revenue ")
    stake = _slider(f, "stake_sold", None, 100, "Share GE sells, % ")
    reported = pd.DataFrame(
        {"part": ["Press talk: the whole business, up to"], "value": [talk], "kind": "Reported"}
    )
    order = ["Cash from the sale", "Stake kept, at the same valuation", *reported["part"]]
    moving, fixed = _dollar_bars(
        frame,
        reported,
        [multiple, stake],
        alt.Y("part:N", title=None, sort=order),
        alt.Color("kind:N", title=None),
    )
    chart = alt.layer(moving, fixed).add_params(multiple, stake).properties(width=WIDTH, height=160)
    return _case_exhibit(
        chart,
        title,
        [multiple, stake],
        f,
        ["gecis_revenue_2004", "gecis_press_price", "gecis_ge_share_2004"],
        assumptions="The multiple and the share sold open on illustrative settings.",
        caption=(
            f"The unit expected about ${revenue:.0f}m of revenue in 2004, about "
            f"{fact('gecis_ge_share_2004'):.0f}% of it from GE. The sliders set the price as a "
            "multiple of that revenue and the share GE sells; both open on ILLUSTRATIVE "
            "settings. Notice what multiple the press's figure for the whole business implies, "
            "and that a revenue multiple here prices revenue GE itself pays: what the stake "
            "is worth depends on the contract GE signs to keep buying."
        ),
    )


# -- case 8 ------------------------------------------------------------------------------


def citigroup_exhibit(
    title: str = "Citigroup: what a buyer could pay out of the services contract",
) -> Exhibit:
    f = models.sale_and_contract
    revenue, margin_now = fact("citi_revenue_2008"), fact("citi_margin") / 100
    benchmark = fact("gecis_multiple") * revenue

    def pv(**kw) -> float:
        return round(f(**kw), 0)

    frame = _grid(
        f, {"term": 1, "margin": 100, "discount_rate": 100}, {"yearly_contract": revenue}, model=pv
    )
    frame["part"] = "Buyer's profit on the contract, present value"
    term = _slider(f, "term", None, 1, "Years of work Citi promises ")
    margin = _slider(f, "margin", margin_now, 100, "Buyer's operating margin, % ")
    rate = _slider(f, "discount_rate", None, 100, "Buyer's discount rate, % a year ")
    reference = pd.DataFrame(
        {"part": ["At GECIS's 2004 revenue multiple"], "value": [round(benchmark, 0)]}
    )
    bars, fixed = _dollar_bars(
        frame,
        reference,
        [term, margin, rate],
        alt.Y("part:N", title=None),
        alt.Color("part:N", legend=None),
    )
    chart = (
        alt.layer(fixed, bars).add_params(term, margin, rate).properties(width=WIDTH, height=120)
    )
    return _case_exhibit(
        chart,
        title,
        [term, margin, rate],
        f,
        ["citi_revenue_2008", "citi_margin", "gecis_multiple"],
        assumptions=(
            "The contract is assumed to pay the unit's 2008 revenue each year; its length "
            "and the discount rate are illustrative."
        ),
        caption=(
            f"The unit expected about ${revenue:.0f}m of revenue in 2008, nearly all from Citi, "
            f"at a reported operating margin of about {fact('citi_margin'):.0f}% (where the "
            "margin slider opens). The other bar values the unit at GECIS's 2004 multiple of "
            f"about {fact('gecis_multiple'):.1f} times revenue. The contract's length and the "
            "discount rate are ILLUSTRATIVE assumptions. Notice how many years of guaranteed "
            "work it takes before the buyer's profit on the contract reaches the benchmark: "
            "the price Citi can ask and the contract it must sign are one decision."
        ),
    )


# -- case 9 ------------------------------------------------------------------------------


def topcoder_exhibit(title: str = "TopCoder: a project as contests or as a fixed team") -> Exhibit:
    f = models.crowd_or_team
    contests, months = int(fact("topcoder_project_contests")), fact("topcoder_project_months")
    frame = _grid(
        f, {"prize": 1, "overhead": 100, "team_size": 1}, {"contests": contests, "months": months}
    )
    frame["cost"] = (frame["cost"] / 1000).round(1)
    prize = _slider(f, "prize", dollars("topcoder_first_prize"), 1, "Prize money per contest, $ ")
    overhead = _slider(f, "overhead", None, 100, "Reviews, runners-up and fee, % of the prizes ")
    team = _slider(f, "team_size", None, 1, "Fixed team, people ")
    monthly = f.parameters["monthly_cost"].default
    chart = _bars(
        frame,
        [prize, overhead, team],
        alt.X("cost:Q", title="Project cost ($ thousand)"),
        "route:N",
        [
            alt.Tooltip("route:N", title="Route"),
            alt.Tooltip("cost:Q", title="Cost ($ thousand)", format=",.1f"),
        ],
        height=140,
    )
    return _case_exhibit(
        chart,
        title,
        [prize, overhead, team],
        f,
        ["topcoder_project_contests", "topcoder_project_months", "topcoder_first_prize"],
        assumptions=(
            f"The overhead, the team size and a team member's cost (${monthly:,.0f} a month) "
            "are illustrative."
        ),
        caption=(
            f"The energy-company project ran {contests} contests over {months:g} months; the "
            f"prize slider opens on the ${dollars('topcoder_first_prize'):,.0f} a first prize "
            "rarely exceeded, so it is a ceiling, not a typical prize. The overhead (reviews, "
            "runners-up, TopCoder's management and margin), the team size and the team's "
            f"monthly cost of ${monthly:,.0f} a person are ILLUSTRATIVE assumptions. Notice how "
            "much the comparison turns on the overhead: prizes alone are cheap, and the crowd "
            "route's cost lies in what surrounds them."
        ),
    )


# -- case 10 -----------------------------------------------------------------------------


def abn_amro_exhibit(
    title: str = "ABN AMRO: renew the application suppliers or consolidate them",
) -> Exhibit:
    f = models.supplier_consolidation
    fixed = {
        "yearly_value": fact("abn_app_yearly", "mid"),
        "suppliers_now": int(fact("abn_app_suppliers_2009")),
        "years": int(fact("abn_term")),
    }
    frame = _grid(f, {"transfer_cost": 100, "volume_discount": 100}, fixed).round(
        {"one_off": 1, "yearly": 1, "total": 0}
    )
    transfer = _slider(
        f,
        "transfer_cost",
        None,
        100,
        "Moving the knowledge, % of a year's value of the work moved ",
    )
    discount = _slider(f, "volume_discount", None, 100, "Price cut with a single supplier, % ")
    order = list(frame["option"].drop_duplicates())
    chart = _bars(
        frame,
        [transfer, discount],
        alt.X("total:Q", title=f"Cost over a new {fixed['years']}-year term ($m)"),
        "option:N",
        [
            alt.Tooltip("option:N", title="Option"),
            alt.Tooltip("one_off:Q", title="Moving the knowledge, once ($m)", format=",.1f"),
            alt.Tooltip("yearly:Q", title="Price and governance a year ($m)", format=",.1f"),
            alt.Tooltip("total:Q", title="Over the term ($m)", format=",.0f"),
        ],
        height=180,
        sort=order,
    )
    governance = f.parameters["governance"].default
    return _case_exhibit(
        chart,
        title,
        [transfer, discount],
        f,
        ["abn_app_yearly", "abn_app_suppliers_2009", "abn_term"],
        assumptions=(
            "The cost of moving knowledge, the volume discount and the cost of governing "
            "each supplier are illustrative; the work is assumed split evenly."
        ),
        caption=(
            f"The application work is taken at about ${fixed['yearly_value']:.0f}m a year, the "
            f"middle of the reported range, shared evenly by the {fixed['suppliers_now']} "
            "suppliers whose contracts were due, and a new term as long as the first one. The "
            "cost of moving knowledge from a dropped supplier's team, the price cut a single "
            f"supplier would give and the cost of governing each supplier ({governance:.0%} of "
            "the yearly value) are ILLUSTRATIVE assumptions. Notice that consolidation's saving "
            "is small and spread over the years while the cost of moving knowledge falls at "
            "once: the dearer that knowledge is to move, the stronger the case for renewing "
            "the portfolio as it stands."
        ),
    )


# -- case 11 -----------------------------------------------------------------------------


def danske_exhibit(
    title: str = "Danske Bank: keep the Bengaluru centre or sell it with a contract",
) -> Exhibit:
    f = models.keep_or_sell_centre
    term, longest = int(fact("danske_contract_term")), int(fact("danske_max_term"))
    fixed = {
        "yearly_contract": fact("danske_yearly_value"),
        "sale_price": fact("danske_centre_price"),
        "years": longest,
    }
    frame = _grid(f, {"keep_cost": 100, "investment": 1}, fixed).round({"cumulative": 1})
    keep = _slider(
        f, "keep_cost", None, 100, "Running the centre yourself, % of the contract a year "
    )
    invest = _slider(f, "investment", None, 1, "Investment to keep the centre current, $m ")
    lines = _cumulative_cost_by_route(frame, [keep, invest], ",.1f")
    end = alt.Chart(pd.DataFrame({"year": [term]})).mark_rule(strokeDash=[4, 4]).encode(x="year:Q")
    chart = alt.layer(end, lines).add_params(keep, invest).properties(width=WIDTH, height=280)
    governance = f.parameters["governance"].default
    return _case_exhibit(
        chart,
        title,
        [keep, invest],
        f,
        ["danske_yearly_value", "danske_centre_price", "danske_contract_term", "danske_max_term"],
        assumptions=(
            "The cost of running the centre, the investment it needs and the cost of "
            "managing the supplier are illustrative."
        ),
        caption=(
            f"Selling brings in about ${fixed['sale_price']:.0f}m and then costs the contract's "
            f"average of about ${fixed['yearly_contract']:.0f}m a year, plus {governance:.0%} "
            "of it to manage the supplier; keeping the centre costs an investment at once and "
            "then its own running cost. Both sliders are ILLUSTRATIVE assumptions: the bank's "
            f"own costs were not published. The dashed line marks the {term}-year initial term; "
            f"the chart runs to {longest} years, the longest term with every renewal. Notice "
            "that the sale price barely moves the comparison: the decision turns on whether "
            "the bank could run and modernise the centre for less than the contract."
        ),
    )


#: Each case's decision exhibit, by the case file's number.
CASE_EXHIBITS: dict[str, Callable[..., Exhibit]] = {
    "01": kodak_exhibit,
    "02": sainsburys_exhibit,
    "03": bae_exhibit,
    "04": lloyds_exhibit,
    "05": jpmorgan_exhibit,
    "06": rural_exhibit,
    "07": gecis_exhibit,
    "08": citigroup_exhibit,
    "09": topcoder_exhibit,
    "10": abn_amro_exhibit,
    "11": danske_exhibit,
}
