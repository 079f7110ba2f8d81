"""The cases' decision models give the numbers a student gets by hand."""

from __future__ import annotations

import pytest

from globalsourcing.models import cases as m
from globalsourcing.models.params import ParameterError


def _at(frame, column, key, year):
    row = frame[(frame[column] == key) & (frame["year"] == year)]
    assert len(row) == 1
    return float(row["cumulative"].iloc[0])


def test_kodak_gap_is_the_difference_in_saving_shares_times_budget_and_years():
    frame = m.kodak_savings(150, 10, supplier_saving=0.5, own_saving=0.2).set_index("route")
    assert frame.loc["Sign with IBM at the target", "yearly"] == pytest.approx(75)
    assert frame.loc["Sign with IBM at the target", "total"] == pytest.approx(750)
    assert frame.loc["Consolidate the centres in-house", "total"] == pytest.approx(300)
    assert list(frame["gap"]) == pytest.approx([450, 450])
    # If Kodak could do as well itself, signing gains nothing.
    same = m.kodak_savings(150, 10, supplier_saving=0.3, own_saving=0.3)
    assert (same["gap"] == 0).all()


def test_insourcing_pays_back_and_overtakes_renegotiation_when_it_should():
    frame = m.insourcing_break_even(200, 60, 40, renegotiated_cut=0.1, years=5)
    assert _at(frame, "route", "Bring IT in-house", 0) == -60
    assert _at(frame, "route", "Bring IT in-house", 2) == 20
    assert _at(frame, "route", "Renegotiate the contract", 2) == pytest.approx(40)
    assert frame.attrs["payback_years"] == pytest.approx(1.5)
    # 60 / (40 - 20) = 3 years until insourcing has saved more.
    assert frame.attrs["insourcing_ahead_from"] == pytest.approx(3)
    never = m.insourcing_break_even(200, 60, 20, renegotiated_cut=0.1)
    assert never.attrs["insourcing_ahead_from"] is None


def test_gain_share_repays_the_partner_from_its_share_only():
    frame = m.gain_share(6, 0.25, 10, enterprise_profit=8)
    assert frame.attrs["payback_years"] == pytest.approx(3)  # 6 / (0.25 x 8)
    assert _at(frame, "party", "Xchanging", 3) == pytest.approx(0)
    assert _at(frame, "party", "BAE Systems", 10) == pytest.approx(60)  # 0.75 x 8 x 10
    assert m.gain_share(6, 0.25, 10, enterprise_profit=0).attrs["payback_years"] is None


def test_venture_split_moves_each_point_of_price_cut_from_profit_to_the_market():
    start = m.venture_split(40, 750_000, cost_cut=0.2, price_cut=0.0).set_index("who")
    assert start.loc["The venture (profit)", "yearly"] == pytest.approx(8)
    assert start.loc["The market (lower prices)", "yearly"] == pytest.approx(0)
    assert start["price_per_policy"].iloc[0] == pytest.approx(40e6 / 750_000)
    shared = m.venture_split(40, 750_000, cost_cut=0.2, price_cut=0.1).set_index("who")
    assert shared.loc["The venture (profit)", "yearly"] == pytest.approx(4)
    assert shared.loc["The market (lower prices)", "yearly"] == pytest.approx(4)
    # Prices cut faster than costs: the venture loses money.
    assert m.venture_split(40, 750_000, 0.1, 0.2)["yearly"].iloc[1] == pytest.approx(-4)


def test_ending_the_contract_breaks_even_when_the_fee_is_earned_back():
    frame = m.terminate_or_stay(700, 5, termination_fee=0.1, inhouse_cost=0.8)
    assert _at(frame, "route", "End the contract and insource", 0) == pytest.approx(350)
    assert _at(frame, "route", "Stay with IBM", 5) == pytest.approx(3500)
    assert _at(frame, "route", "End the contract and insource", 5) == pytest.approx(3150)
    assert frame.attrs["break_even_year"] == pytest.approx(2.5)  # 350 / 140
    dearer = m.terminate_or_stay(700, 5, termination_fee=0.2, inhouse_cost=0.9)
    assert dearer.attrs["break_even_year"] is None  # 700 / 70 = 10 years, after the end


def test_delivered_rate_adds_the_extra_management_offshore_only():
    frame = m.delivered_rate(50, 40, offshore_overhead=0.2).set_index("supplier")
    assert frame.loc["Offshore supplier", "delivered"] == pytest.approx(48)
    assert frame.loc["Offshore supplier", "extra"] == pytest.approx(8)
    assert frame.loc["Rural US supplier", "delivered"] == 50
    # The offshore team costs as much as the rural one once the extra effort is 25%.
    even = m.delivered_rate(50, 40, offshore_overhead=0.25)
    assert even["delivered"].iloc[0] == pytest.approx(even["delivered"].iloc[1])


def test_stake_sale_splits_the_valuation_between_cash_and_the_stake_kept():
    frame = m.stake_sale(420, multiple=1.9, stake_sold=0.6).set_index("part")
    assert frame.loc["Cash from the sale", "value"] == pytest.approx(478.8)
    assert frame.loc["Stake kept, at the same valuation", "value"] == pytest.approx(319.2)
    assert m.stake_sale(420, multiple=2, stake_sold=1.0)["value"].sum() == pytest.approx(840)


def test_sale_and_contract_discounts_the_margin_over_a_fractional_term():
    assert m.sale_and_contract(263, 9.5, margin=0.2, discount_rate=0.0) == pytest.approx(499.7)
    # Two years of 100 at 10%: 100/1.1 + 100/1.21.
    assert m.sale_and_contract(1000, 2, margin=0.1, discount_rate=0.1) == pytest.approx(
        100 / 1.1 + 100 / 1.21
    )


def test_crowd_or_team_prices_prizes_with_their_overhead_against_a_team():
    frame = m.crowd_or_team(57, 4, prize=3000, overhead=1.0, team_size=4, monthly_cost=15000)
    cost = frame.set_index("route")["cost"]
    assert cost["Crowd contests"] == 342_000
    assert cost["Fixed team"] == 240_000


def test_the_case_models_check_their_controls_in_the_project_style():
    with pytest.raises(ParameterError, match="own_saving must be a share"):
        m.kodak_savings(150, 10, own_saving=20)
    with pytest.raises(ParameterError, match="team_size must be a whole number"):
        m.crowd_or_team(57, 4, team_size=2.5)


# The case models are not in ``models.__all__`` (they are case-specific), so the declaration
# checks that test_parameters.py runs over the general models are repeated here for them.
REQUIRED = {
    "kodak_savings": {"in_scope_budget": 150, "years": 10},
    "insourcing_break_even": {"contract_yearly": 243},
    "gain_share": {"investment": 6, "partner_share": 0.25, "years": 10},
    "venture_split": {"cost_base": 40, "policies": 750_000},
    "terminate_or_stay": {"yearly_charge": 700, "years_left": 5},
    "delivered_rate": {"rural_rate": 50},
    "stake_sale": {"revenue": 420},
    "sale_and_contract": {"yearly_contract": 278},
    "crowd_or_team": {"contests": 57, "months": 4},
    "supplier_consolidation": {"yearly_value": 90, "suppliers_now": 4, "years": 5},
    "keep_or_sell_centre": {"yearly_contract": 91, "sale_price": 2, "years": 5},
}
DECLARED = [(fn, name) for fn in REQUIRED for name in getattr(m, fn).parameters]


def _outside(param) -> list:
    values = []
    if param.low is not None:
        values.append(param.low if param.open_low else param.low - 1)
    if param.high is not None:
        values.append(param.high if param.open_high else param.high + 0.5)
    return values


def test_every_case_model_is_declared_and_runs_on_its_required_inputs():
    for fn, kwargs in REQUIRED.items():
        assert getattr(m, fn)(**kwargs) is not None


@pytest.mark.parametrize("fn, name", DECLARED)
def test_a_bad_case_model_input_is_refused_naming_function_and_parameter(fn, name):
    func = getattr(m, fn)
    param = func.parameters[name]
    for value in ["10", True, float("nan"), *_outside(param)]:
        with pytest.raises(ParameterError, match=rf"^{fn}\(\): {name} must be"):
            func(**{**REQUIRED[fn], name: value})


@pytest.mark.parametrize("fn, name", DECLARED)
def test_a_case_slider_can_show_its_default_and_stays_in_range(fn, name):
    param = getattr(m, fn).parameters[name]
    if param.default is not None:
        param.check(fn, name, param.default)
    if param.control:
        low, high, step = param.control
        param.check(fn, name, low)
        param.check(fn, name, high)
        assert 0 < step <= high - low
        if param.default is not None:
            assert low <= param.default <= high


def test_consolidation_weighs_a_lower_price_against_moving_the_knowledge():
    frame = m.supplier_consolidation(
        90, 4, 5, transfer_cost=0.5, volume_discount=0.1, governance=0.02
    ).set_index("kept")
    assert frame.loc[4, "one_off"] == 0
    assert frame.loc[4, "total"] == pytest.approx(486)  # 5 x (90 + 4 x 1.8)
    assert frame.loc[2, "one_off"] == pytest.approx(22.5)  # half the work, half a year's value
    assert frame.loc[2, "total"] == pytest.approx(460.5)
    # Knowledge that costs two years' value to move makes renewing as is the cheaper choice.
    dear = m.supplier_consolidation(90, 4, 5, transfer_cost=2.0).set_index("kept")
    assert dear["total"].idxmin() == 4


def test_keeping_a_centre_costs_its_investment_up_front_and_its_running_cost_after():
    frame = m.keep_or_sell_centre(91, 2, 5, keep_cost=0.9, investment=40, governance=0.03)
    assert _at(frame, "route", "Keep and invest in the centre", 0) == 40
    assert _at(frame, "route", "Sell it with a services contract", 0) == -2
    assert _at(frame, "route", "Keep and invest in the centre", 5) == pytest.approx(449.5)
    assert _at(frame, "route", "Sell it with a services contract", 5) == pytest.approx(466.65)
