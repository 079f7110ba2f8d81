"""One call per model builds its live JupyterLab UI: ``tco_widget()``, ``location_widget()`` ...

Each returns a :class:`~globalsourcing.widgets.base.ModelWidget`; display it (make it the
last line of a cell) and move the controls. Its ``result``, ``summary`` and ``headline``
attributes hold the latest evaluation.
"""

from __future__ import annotations

import math
from dataclasses import replace

import ipywidgets as w
import pandas as pd

from globalsourcing import models
from globalsourcing.models.location import (
    DEFAULT_INDICATORS,
    DEFAULT_WEIGHTS,
    INDICATORS,
    WEIGHT,
)

from . import charts
from .base import ModelWidget

_STYLE = {"description_width": "190px"}
_LAYOUT = w.Layout(width="420px")


def _slider(description: str, value: float, lo: float, hi: float, step: float, fmt: str = ".2f"):
    return w.FloatSlider(
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=description,
        readout_format=fmt,
        style=_STYLE,
        layout=_LAYOUT,
        continuous_update=False,
    )


def _int_slider(description: str, value: int, lo: int, hi: int):
    return w.IntSlider(
        value=value,
        min=lo,
        max=hi,
        description=description,
        style=_STYLE,
        layout=_LAYOUT,
        continuous_update=False,
    )


def _control(model, name: str, value=None):
    """The slider for one declared model parameter: its label, range, step and default.

    Everything comes from the model's declaration (``models.params``) and signature, so a
    default or a range is never written twice; ``value`` starts the slider elsewhere.
    """
    return _declared_control(model.parameters[name], value)


def _declared_control(spec, value=None):
    """The slider for a declaration (``models.params.Param``), opening on its ``opens_at``."""
    lo, hi, step = spec.control or (spec.low, spec.high, 0.01)
    start = spec.opens_at if value is None else value
    if spec.kind == "whole":
        return _int_slider(spec.label, int(start), int(lo), int(hi))
    decimals = 0 if step >= 1 else len(f"{step:g}".split(".")[-1])
    return _slider(spec.label, float(start), lo, hi, step, f".{decimals}f")


def tco_widget() -> ModelWidget:
    """Model 1: offshore total cost of ownership with hidden costs."""
    controls = {
        "offshore_fee": _control(models.offshore_tco, "offshore_fee"),
        "domestic_fee": _control(models.offshore_tco, "domestic_fee"),
        "transition_offshore": _control(models.offshore_tco, "transition_offshore"),
        "severance": _control(models.offshore_tco, "severance"),
        "ramp_up_months_offshore": _control(models.offshore_tco, "ramp_up_months_offshore"),
        "governance_offshore": _control(models.offshore_tco, "governance_offshore"),
        "communication_offshore": _control(models.offshore_tco, "communication_offshore"),
        "management_overrun": _control(models.offshore_tco, "management_overrun"),
        "offshore_fee_growth": _control(models.offshore_tco, "offshore_fee_growth"),
        "years": _control(models.offshore_tco, "years"),
    }

    def compute(v):
        frame = models.offshore_tco(**v)
        summary = models.tco_break_even(frame)
        off = summary.iloc[2]
        when = (
            "it never breaks even within the horizon"
            if math.isnan(off["break_even_year"])
            else f"it breaks even in year {int(off['break_even_year'])}"
        )
        headline = (
            f"Offshore promises {off['headline_saving_pct']:.0f}% and delivers "
            f"{off['saving_pct']:.0f}% over {v['years']} years; {when}."
        )
        return frame, summary, headline

    return ModelWidget(
        "Offshore total cost of ownership",
        controls,
        compute,
        chart=lambda f: charts.cumulative_cost(
            f, title="Cumulative cost ($m, in-house = 10 a year)"
        ),
        note="Costs are shares of the in-house annual cost (10 = $10m, illustrative). "
        "Fee defaults sit in the 10-40% savings clients sought (Kern et al. 2002); "
        "hidden-cost sizes are illustrative.",
    )


def location_widget(
    panel: pd.DataFrame | None = None, gsli_ranks: pd.DataFrame | None = None
) -> ModelWidget:
    """Model 2: location attractiveness index from World Bank indicators (needs ``wdi_panel``),
    compared with Kearney's published GSLI ranks (``gsli_ranks``)."""
    from globalsourcing.data import load

    panel = load("wdi_panel") if panel is None else panel
    gsli_ranks = load("gsli_ranks") if gsli_ranks is None else gsli_ranks
    editions = sorted({int(str(e)[:4]) for e in gsli_ranks["edition"]})
    compared = models.compare_with_gsli.parameters["edition"].opens_at
    options = sorted(INDICATORS)
    controls = {
        **{
            pillar: _declared_control(
                replace(WEIGHT, label=f"Weight: {label}"), DEFAULT_WEIGHTS[pillar]
            )
            for pillar, label in (
                ("financial", "financial attractiveness"),
                ("people", "people skills and availability"),
                ("business", "business environment"),
            )
        },
        **{
            f"{p}_indicators": w.SelectMultiple(
                options=options,
                value=DEFAULT_INDICATORS[p],
                rows=4,
                description=f"{p.capitalize()} uses",
                style=_STYLE,
                layout=_LAYOUT,
            )
            for p in ("financial", "people", "business")
        },
        "year": _control(models.location_index, "year"),
        "lookback": _control(models.location_index, "lookback"),
        "edition": w.Dropdown(
            options=editions,
            value=compared if compared in editions else editions[-1],
            description="Compare with GSLI",
            style=_STYLE,
        ),
    }

    def compute(v):
        weights = {p: v[p] for p in ("financial", "people", "business")}
        total = sum(weights.values())
        if total == 0:
            raise ValueError("Give at least one pillar a positive weight.")
        # Sliders cannot be kept summing to 1 by hand, so the widget rescales them.
        weights = {p: x / total for p, x in weights.items()}
        indicators = {p: tuple(v[f"{p}_indicators"]) for p in weights}
        frame = models.location_index(
            panel, weights=weights, indicators=indicators, year=v["year"], lookback=v["lookback"]
        )
        compared = models.compare_with_gsli(frame, gsli_ranks, v["edition"])
        published = compared.set_index("country_code")["published_rank"]
        top = frame.head(10)[
            ["rank", "country_name", "financial", "people", "business", "score", "oldest_year_used"]
        ].assign(gsli_rank=lambda f: frame.head(10)["country_code"].map(published).to_numpy())
        shares = ", ".join(f"{p} {x:.0%}" for p, x in weights.items())
        rho = compared.attrs["spearman"]
        agreement = (
            f"rank correlation with Kearney's {v['edition']} ranks {rho:+.2f} over "
            f"{int(compared['model_rank'].notna().sum())} countries"
            if rho == rho
            else f"too few countries to compare with Kearney's {v['edition']} ranks"
        )
        headline = (
            f"{frame.iloc[0]['country_name']} ranks first of {len(frame)} economies "
            f"(weights rescaled to {shares}); {len(frame.attrs['dropped'])} left out for "
            f"missing data; {agreement}."
        )
        return frame, top, headline, {"gsli_comparison": compared}

    return ModelWidget(
        "Location attractiveness index",
        controls,
        compute,
        chart=charts.pillar_bars,
        note="World Bank WDI (CC BY 4.0). GDP per capita stands in for wages. Weights are "
        "rescaled to add up to 1; the GSLI's published weights were 40/30/30.",
    )


def decision_matrix_widget(activities: pd.DataFrame | None = None) -> ModelWidget:
    """Model 3: the sourcing decision matrix for a back-office portfolio."""
    activities = models.DEFAULT_PORTFOLIO if activities is None else activities
    controls = {
        "contribution_threshold": _control(models.decision_matrix, "contribution_threshold"),
        "market_threshold": _control(models.decision_matrix, "market_threshold"),
        "margin": _control(models.decision_matrix, "margin"),
    }

    def compute(v):
        frame = models.decision_matrix(activities, **v)
        mix = models.portfolio_mix(frame)
        headline = ", ".join(
            f"{r['activities']} {r['recommendation'].lower()}" for _, r in mix.iterrows()
        )
        table = frame[["activity", "recommendation", "borderline"]]
        return frame, table, f"Recommendations: {headline}."

    return ModelWidget(
        "Sourcing decision matrix",
        controls,
        compute,
        chart=charts.matrix_scatter,
        note="Scores are illustrative judgements for a generic firm. Pass your own DataFrame "
        "(activity, business_contribution, market_comparison) to score your portfolio.",
    )


def contracts_widget() -> ModelWidget:
    """Model 4: contract incentives and the winner's curse (seeded simulation)."""
    controls = {
        "sought_saving": _control(models.simulate_contracts, "sought_saving"),
        "n_bidders": _control(models.simulate_contracts, "n_bidders"),
        "cost_uncertainty": _control(models.simulate_contracts, "cost_uncertainty"),
        "estimate_error": _control(models.simulate_contracts, "estimate_error"),
        "markup": _control(models.simulate_contracts, "markup"),
        "underbid": _control(models.simulate_contracts, "underbid"),
        "client_share": _control(models.simulate_contracts, "client_share"),
        "seed": w.IntText(
            value=models.simulate_contracts.parameters["seed"].default,
            description=models.simulate_contracts.parameters["seed"].label,
            style=_STYLE,
        ),
    }

    def compute(v):
        draws = models.simulate_contracts(**v)
        summary = models.contract_summary(draws)
        fp = summary.iloc[0]
        headline = (
            f"Under fixed price the winner loses money in {fp['distress_rate']:.0%} of deals "
            f"(winner's curse in {fp['winners_curse_rate']:.0%})."
        )
        return draws, summary, headline

    return ModelWidget(
        "Contract incentives and the winner's curse",
        controls,
        compute,
        chart=charts.margin_histogram,
        note="Costs are an index (in-house = 100). Clients typically sought 10-40% savings "
        "(Kern et al. 2002); the other defaults are illustrative.",
    )


def knowledge_widget() -> ModelWidget:
    """Model 5: knowledge retention under attrition."""
    controls = {
        "annual_attrition": _control(models.knowledge_retention, "annual_attrition"),
        "wave_size": _control(models.knowledge_retention, "wave_size"),
        "wave_month": _control(models.knowledge_retention, "wave_month"),
        "kt_effort": _control(models.knowledge_retention, "kt_effort"),
        "directory": _control(models.knowledge_retention, "directory"),
        # Opens on four years (the declaration's start), so a wave's recovery is visible.
        "months": _control(models.knowledge_retention, "months"),
    }

    def compute(v):
        frame = models.knowledge_retention(**v)
        summary = pd.DataFrame([models.retention_summary(frame)])
        rec = frame.attrs["recovery_months"]
        headline = (
            "The team does not recover within the horizon."
            if math.isnan(rec)
            else f"The team recovers {rec:.0f} months after the wave."
        )
        return frame, summary, headline

    return ModelWidget(
        "Knowledge retention under attrition",
        controls,
        compute,
        chart=charts.knowledge_line,
        note="Levers after Oshri, Kotlarsky & Willcocks (2007); all numbers are illustrative.",
    )


def market_widget(market_size: pd.DataFrame | None = None) -> ModelWidget:
    """Model 6: market growth projections from the curated ``market_size`` table."""
    from globalsourcing.models.market import DEFAULT_GROWTH, SEGMENT_LABELS, market_table

    if market_size is None:
        from globalsourcing.data import load

        market_size = load("market_size")
    segments = [(SEGMENT_LABELS[s], s) for s in DEFAULT_GROWTH]
    first = segments[0][1]
    controls = {
        "segment": w.Dropdown(options=segments, value=first, description="Segment", style=_STYLE),
        "low_growth": _control(models.project_market, "low_growth", value=DEFAULT_GROWTH[first][0]),
        "high_growth": _control(
            models.project_market, "high_growth", value=DEFAULT_GROWTH[first][1]
        ),
        "horizon": _control(models.project_market, "horizon"),
        "include_unverified": w.Checkbox(value=False, description="Include unverified claims"),
    }

    def compute(v):
        table = market_table(market_size, include_unverified=v["include_unverified"])
        frame = models.project_market(
            table,
            v["segment"],
            horizon=v["horizon"],
            low_growth=v["low_growth"],
            high_growth=v["high_growth"],
        )
        spread = models.estimate_spread(table, v["segment"])
        last = frame.iloc[-1]
        headline = (
            f"{SEGMENT_LABELS[v['segment']]} in {int(last['year'])}: "
            f"US$ {last['low']:,.0f}-{last['high']:,.0f} bn (central {last['central']:,.0f}); "
            f"estimates for one year differ by up to {spread['spread_ratio'].max():.1f}x."
        )
        return frame, spread, headline

    widget = ModelWidget(
        "Market growth scenarios",
        controls,
        compute,
        chart=charts.projection_band,
        note="Curated market figures, one citation per row; originators define the markets "
        "differently. Default growth ranges: LSE Outsourcing Unit (2009), Oshri et al. (2008).",
    )

    def reset_rates(change):
        # A new segment starts from its own sourced growth range; order the two moves so
        # the low rate never passes the high one on the way.
        low, high = DEFAULT_GROWTH[change["new"]]
        lo_ctl, hi_ctl = widget.controls["low_growth"], widget.controls["high_growth"]
        if low > hi_ctl.value:
            hi_ctl.value, lo_ctl.value = high, low
        else:
            lo_ctl.value, hi_ctl.value = low, high

    controls["segment"].observe(reset_rates, names="value")
    return widget


def captive_widget() -> ModelWidget:
    """Model 7: captive-centre economics, BOT, third party, hybrid, and selling the captive."""
    controls = {
        "supplier_fee": _control(models.captive_economics, "supplier_fee"),
        "captive_run_cost": _control(models.captive_economics, "captive_run_cost"),
        "captive_setup": _control(models.captive_economics, "captive_setup"),
        "offshore_wage_inflation": _control(models.captive_economics, "offshore_wage_inflation"),
        "transfer_year": _control(models.captive_economics, "transfer_year"),
        "hybrid_share": _control(models.captive_economics, "hybrid_share"),
        "sell_year": _control(models.captive_economics, "sell_year"),
        "sale_multiple": _control(models.captive_economics, "sale_multiple"),
        "discount_rate": _control(models.captive_economics, "discount_rate"),
        "years": _control(models.captive_economics, "years"),
    }

    def compute(v):
        frame = models.captive_economics(**v)
        ranking = models.captive_ranking(frame)
        best = ranking.iloc[0]
        headline = (
            f"Cheapest over {v['years']} years: {best['option']} "
            f"({best['saving_vs_onshore_pct']:.0f}% below staying onshore, present value)."
        )
        return frame, ranking, headline

    return ModelWidget(
        "Captive-centre economics",
        controls,
        compute,
        chart=lambda f: charts.cumulative_cost(
            f, value="cumulative_pv", title="Present value of cost so far"
        ),
        note="Index: onshore in-house = 100 a year. Sale multiple about 1.9x revenue from the "
        "GECIS (2004) and Citigroup-TCS (2008) sales; other defaults illustrative.",
    )


def sustainability_widget(decisions: pd.DataFrame | None = None) -> ModelWidget:
    """Model 8: renewal probability, fitted on the SYNTHETIC ``sourcing_decisions`` data."""
    if decisions is None:
        from globalsourcing.data import load

        decisions = load("sourcing_decisions")
    fitted = models.fit_renewal_model(decisions)
    controls = {
        "satisfaction": _control(models.renewal_curve, "satisfaction"),
        "value_sharing": _control(models.renewal_curve, "value_sharing"),
        "switching_costs": _control(models.renewal_curve, "switching_costs"),
        "vary": w.Dropdown(
            options=list(models.renewal_curve.parameters["vary"].choices),
            value=models.renewal_curve.parameters["vary"].default,
            description=models.renewal_curve.parameters["vary"].label,
            style=_STYLE,
        ),
    }

    def compute(v):
        curve = models.renewal_curve(fitted, **v)
        headline = (
            f"Renewal probability at this setting: {curve.attrs['at_setting']:.0%} "
            f"(fitted on {fitted.n} synthetic deals)."
        )
        return curve, fitted.table(), headline

    widget = ModelWidget(
        "Relationship sustainability: who renews?",
        controls,
        compute,
        chart=lambda f: charts.renewal_line(f, "driver value"),
        note="Fitted on SYNTHETIC data whose directions follow published findings; the "
        "coefficients describe the generator, not real deals.",
    )
    widget.model = fitted
    return widget


def service_credits_widget() -> ModelWidget:
    """Model 9: a service-credit regime and the supplier effort it buys."""
    model = models.effort_incentive
    names = (
        "at_risk",
        "pool",
        "n_levels",
        "earn_back",
        "earn_back_months",
        "miss_without_effort",
        "miss_with_full_effort",
        "effort_cost",
        "failure_cost",
    )
    controls = {name: _control(model, name) for name in names}  # fmt: skip

    def compute(v):
        frame = models.effort_incentive(**v)
        choice = models.chosen_effort(frame)
        summary = frame.loc[
            frame["supplier_choice"] | frame["joint_best"],
            ["effort", "miss_probability", "expected_credit", "effort_cost", "joint_cost"],
        ]
        headline = (
            f"The supplier's cheapest effort is {choice['supplier_effort']:.0%}, with expected "
            f"credits of {choice['supplier_expected_credit']:.2f} a month; the effort that "
            f"minimises both parties' costs is {choice['joint_best_effort']:.0%}."
        )
        return frame, summary, headline, choice

    return ModelWidget(
        "A service-credit regime and the effort it buys",
        controls,
        compute,
        chart=charts.credit_effort_lines,
        note="Money is an index (monthly charge = 100). A 10-12% at-risk amount is practice a "
        "sourcing adviser reported in 2010; every other default is illustrative.",
    )


__all__ = [
    "captive_widget",
    "contracts_widget",
    "decision_matrix_widget",
    "knowledge_widget",
    "location_widget",
    "market_widget",
    "service_credits_widget",
    "sustainability_widget",
    "tco_widget",
]
