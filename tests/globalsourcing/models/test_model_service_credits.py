"""The service-credit model: the numbers a student would check by hand, and its refusals."""

import pytest

from globalsourcing.models import (
    chosen_effort,
    credit_schedule,
    effort_incentive,
    expected_credit,
)
from globalsourcing.models.params import ParameterError


def test_the_worked_example_schedule():
    # Charge 100, 12% at risk = 12; pool 150% over 5 levels: each miss costs 12 x 1.5 / 5 = 3.6.
    table = credit_schedule().set_index("misses")
    assert table["credit"].tolist() == pytest.approx([0, 3.6, 7.2, 10.8, 12.0, 12.0])
    assert table.loc[4, "uncapped_credit"] == pytest.approx(14.4)
    assert table["capped"].tolist() == [False, False, False, False, True, True]


def test_a_real_invoice_scales_the_credit():
    # A 2,000,000 monthly invoice with 10% at risk and a 100% pool over 4 levels: 50,000 a miss.
    table = credit_schedule(monthly_charge=2_000_000, at_risk=0.10, pool=1.0, n_levels=4)
    assert table.loc[1, "credit"] == pytest.approx(50_000)
    assert table["credit"].max() == pytest.approx(200_000)
    assert not table["capped"].any()  # a pool of 100% can never exceed the at-risk amount


def test_expected_credit_by_hand_for_one_level():
    # One level, 20% chance of a miss, credit 12: expected 2.4; with full earn-back after
    # 2 clean months (chance 0.8^2 = 0.64) the supplier keeps paying 2.4 x 0.36 = 0.864.
    gross = expected_credit(at_risk=0.12, pool=1.0, n_levels=1, miss_probability=0.2)
    assert gross["expected_gross_credit"] == pytest.approx(2.4)
    net = expected_credit(
        at_risk=0.12, pool=1.0, n_levels=1, miss_probability=0.2, earn_back=1.0,
        earn_back_months=2,
    )  # fmt: skip
    assert net["earn_back_probability"] == pytest.approx(0.64)
    assert net["expected_net_credit"] == pytest.approx(0.864)


def test_the_cap_lowers_the_expected_credit_below_misses_times_price():
    result = expected_credit(pool=3.0, miss_probability=0.3)
    assert result["expected_gross_credit"] < result["expected_misses"] * result["credit_per_miss"]
    assert result["expected_gross_credit"] <= result["at_risk_amount"]


def test_more_money_at_risk_buys_more_effort_and_earn_back_buys_less():
    base = chosen_effort(effort_incentive(steps=11))
    assert base["supplier_effort"] == pytest.approx(0.5)
    more = chosen_effort(effort_incentive(at_risk=0.20, steps=11))
    assert more["supplier_effort"] > base["supplier_effort"]
    softer = chosen_effort(effort_incentive(at_risk=0.20, earn_back=1.0, steps=11))
    assert softer["supplier_effort"] < more["supplier_effort"]
    nothing = chosen_effort(effort_incentive(at_risk=0.0, steps=11))
    assert nothing["supplier_effort"] == 0.0


def test_credits_smaller_than_the_clients_loss_leave_an_effort_gap():
    frame = effort_incentive()
    choice = chosen_effort(frame)
    assert choice["joint_best_effort"] == 1.0
    assert choice["effort_gap"] == pytest.approx(0.5)
    assert frame["supplier_choice"].sum() == 1 and frame["joint_best"].sum() == 1
    # The credit is a transfer: the joint cost does not depend on it.
    free = effort_incentive(at_risk=0.0)
    assert free["joint_cost"].tolist() == pytest.approx(frame["joint_cost"].tolist())


@pytest.mark.parametrize(
    "call, expected",
    [
        (lambda: credit_schedule(at_risk=12), "write 60% as 0.6"),
        (lambda: credit_schedule(n_levels=0), "n_levels must be a whole number from 1 to 20"),
        (lambda: credit_schedule(pool=0), "pool must be a number greater than 0"),
        (lambda: expected_credit(miss_probability=1.2), "miss_probability must be a share"),
        (
            lambda: effort_incentive(miss_without_effort=0.1, miss_with_full_effort=0.2),
            "effort cannot raise misses",
        ),
    ],
)
def test_bad_settings_are_refused_with_a_message_that_says_what_to_do(call, expected):
    with pytest.raises(ParameterError, match=expected):
        call()
