"""Every public model function rejects wrong types and out-of-range values in one style.

The table is generated from the declarations themselves (``models.params``), so a new
parameter is covered the moment it is declared; the cases the issue tracker reported are
pinned below by name.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from globalsourcing import models
from globalsourcing.models.params import Param, ParameterError

DECLARED = {
    name: getattr(models, name)
    for name in models.__all__
    if hasattr(getattr(models, name), "parameters")
}
CASES = [(fn, param) for fn, func in DECLARED.items() for param in func.parameters]
# Data arguments the functions read before their declared parameters; validation happens
# first, so placeholders are enough to reach it.
POSITIONAL = {
    "location_index": (None,),
    "latest_available": (None, []),
    "compare_with_gsli": (None, None),
    "project_market": (None,),
    "renewal_curve": (None,),
}


# Required declared arguments, at valid values, so that one bad value at a time is tested.
REQUIRED = {
    "latest_available": {"year": 2020, "lookback": 5},
    "compare_with_gsli": {"edition": 2021},
}


def _call(fn: str, **kwargs):
    return DECLARED[fn](*POSITIONAL.get(fn, ()), **{**REQUIRED.get(fn, {}), **kwargs})


def _outside(param: Param) -> list:
    """Values just outside the valid range (the bound itself where the bound is open)."""
    values = []
    if param.low is not None:
        values.append(param.low if param.open_low else param.low - 1)
    if param.high is not None:
        values.append(param.high if param.open_high else param.high + 0.5)
    return values


def test_every_model_with_tunable_inputs_declares_them():
    assert {
        "offshore_tco",
        "captive_economics",
        "simulate_contracts",
        "knowledge_retention",
        "decision_matrix",
        "location_index",
        "project_market",
        "renewal_curve",
        "credit_schedule",
        "expected_credit",
        "effort_incentive",
    } <= set(DECLARED)


@pytest.mark.parametrize("fn, name", CASES)
def test_a_wrong_type_is_rejected_naming_function_parameter_and_rule(fn, name):
    param = DECLARED[fn].parameters[name]
    wrong = ["not one of them"] if param.kind == "choice" else ["10", [1], True]
    for value in wrong:
        with pytest.raises(ParameterError) as info:
            _call(fn, **{name: value})
        message = str(info.value)
        assert message.startswith(f"{fn}(): {name} must be "), message
        assert message.endswith(".") and "got" in message


@pytest.mark.parametrize(
    "fn, name", [c for c in CASES if _outside(DECLARED[c[0]].parameters[c[1]])]
)
def test_a_value_outside_the_range_is_rejected(fn, name):
    param = DECLARED[fn].parameters[name]
    for value in [*_outside(param), math.nan, math.inf]:
        with pytest.raises(ParameterError, match=rf"^{fn}\(\): {name} must be"):
            _call(fn, **{name: value})


@pytest.mark.parametrize("fn, name", CASES)
def test_default_and_control_range_lie_inside_the_valid_range(fn, name):
    param = DECLARED[fn].parameters[name]
    if param.default is not None:
        param.check(fn, name, param.default)
    if param.control:
        low, high, step = param.control
        param.check(fn, name, low)
        param.check(fn, name, high)
        assert 0 < step <= high - low
        if param.default is not None:
            assert low <= param.default <= high, "the slider must be able to show the default"


@pytest.mark.parametrize(
    "call, expected",
    [
        (lambda: models.offshore_tco(baseline_cost="10"), "baseline_cost must be a number"),
        (lambda: models.offshore_tco(offshore_fee=60), "write 60% as 0.6"),
        (lambda: models.simulate_contracts(seed="abc"), "seed must be a whole number"),
        (lambda: models.knowledge_retention(months=24, wave_month=30), "inside the 24"),
        (lambda: models.captive_economics(discount_rate=-0.5), "greater than -0.5"),
        (lambda: models.captive_economics(sell_year=12, years=10), "within the horizon"),
        (lambda: models.project_market(None, horizon=0), "horizon must be a whole number"),
    ],
)
def test_the_reported_cases_get_a_message_that_says_what_to_do(call, expected):
    with pytest.raises(ParameterError, match=expected):
        call()


def test_renewal_model_inputs_share_one_declaration():
    data = pd.DataFrame(
        {
            "satisfaction": [1, 2, 3, 4, 5, 2, 4, 5, 1, 3] * 3,
            "contract_type": ["fixed_price", "gain_sharing"] * 15,
            "annual_value_usd_m": [1, 10, 100, 5, 50] * 6,
            "renewed": [False, False, True, True, True, False, True, True, False, True] * 3,
        }
    )
    model = models.fit_renewal_model(data)
    for call in (
        lambda: models.renewal_probability(model, satisfaction=9),
        lambda: models.renewal_curve(model, satisfaction=9),
    ):
        with pytest.raises(ParameterError, match="satisfaction must be a number from 1 to 5"):
            call()
    with pytest.raises(ParameterError, match="points must be a whole number"):
        models.renewal_curve(model, points=0)
    assert 0 < float(models.renewal_probability(model, satisfaction=[1, 5]).min()) < 1


@pytest.mark.parametrize(
    "call",
    [
        lambda: models.tco_break_even("a table"),
        lambda: models.captive_ranking(pd.DataFrame()),
        lambda: models.contract_summary(pd.DataFrame({"x": [1]})),
        lambda: models.retention_summary(None),
        lambda: models.portfolio_mix([1, 2]),
        lambda: models.market_table(pd.DataFrame({"x": [1]})),
    ],
)
def test_a_table_argument_of_the_wrong_shape_is_rejected_in_the_same_style(call):
    with pytest.raises(ParameterError, match=r"^\w+\(\): .* must be a"):
        call()


def test_the_widgets_take_labels_ranges_and_defaults_from_the_declarations():
    from globalsourcing.widgets import tco_widget

    widget = tco_widget()
    for name, param in models.offshore_tco.parameters.items():
        control = widget.controls.get(name)
        if control is None:
            continue
        assert control.description == param.label
        assert control.value == pytest.approx(param.default)
        assert (control.min, control.max) == pytest.approx(param.control[:2])
