import pytest

from globalsourcing.models.captive import OPTIONS, SOLD, captive_economics, captive_ranking

FLAT = dict(discount_rate=0.0, onshore_growth=0.0, offshore_wage_inflation=0.0)


def test_hand_computed_costs_without_growth_or_discounting():
    frame = captive_economics(
        baseline_cost=100,
        years=2,
        supplier_fee=0.6,
        transition_cost=0.1,
        governance_supplier=0.05,
        captive_run_cost=0.5,
        captive_setup=0.4,
        ramp_overlap=0.5,
        governance_captive=0.05,
        sell_year=0,
        **FLAT,
    )
    cost = frame.set_index(["option", "year"])["cost"]
    assert cost[("Third-party supplier", 1)] == pytest.approx(60 + 5 + 10)
    assert cost[("Third-party supplier", 2)] == pytest.approx(65)
    assert cost[("Captive", 1)] == pytest.approx(50 + 5 + 40 + 50)
    assert cost[("Captive", 2)] == pytest.approx(55)
    assert cost[("Hybrid", 2)] == pytest.approx(60)
    assert SOLD not in set(frame["option"])


def test_bot_pays_the_operator_then_the_transfer_price_then_runs_a_captive():
    frame = captive_economics(
        years=4,
        bot_fee=0.7,
        transfer_year=2,
        transfer_price=0.3,
        governance_supplier=0.0,
        governance_captive=0.0,
        captive_run_cost=0.5,
        sell_year=0,
        **FLAT,
    )
    bot = frame[frame["option"] == "Build-operate-transfer"]["cost"].tolist()
    assert bot == pytest.approx([70, 70 + 30, 50, 50])


def test_selling_the_captive_brings_cash_in_the_sale_year():
    frame = captive_economics(years=6, sell_year=4, sale_multiple=2.0, captive_run_cost=0.5, **FLAT)
    sold = frame[frame["option"] == SOLD].set_index("year")
    assert sold.loc[4, "proceeds"] == pytest.approx(100.0)
    assert sold.loc[3, "proceeds"] == 0
    ranking = captive_ranking(frame)
    assert ranking["rank"].min() == 1
    assert ranking.set_index("option").loc[OPTIONS[0], "saving_vs_onshore_pct"] == 0


def test_discounting_shrinks_later_years():
    frame = captive_economics(discount_rate=0.1, onshore_growth=0.0, years=2, sell_year=0)
    onshore = frame[frame["option"] == OPTIONS[0]]
    assert onshore["discounted"].tolist() == pytest.approx([100 / 1.1, 100 / 1.21])


def test_fast_offshore_wage_inflation_erodes_the_captives_lead_over_onshore():
    calm = captive_ranking(captive_economics(offshore_wage_inflation=0.03)).set_index("option")
    hot = captive_ranking(captive_economics(offshore_wage_inflation=0.2)).set_index("option")
    assert (
        hot.loc["Captive", "saving_vs_onshore_pct"] < calm.loc["Captive", "saving_vs_onshore_pct"]
    )


@pytest.mark.parametrize(
    "bad, match",
    [
        ({"captive_setup": -1}, "captive_setup must be a share from 0 to 3"),
        ({"baseline_cost": 0}, "greater than 0"),
        ({"hybrid_share": 1.5}, "share from 0 to 1"),
        ({"sell_year": 20, "years": 10}, "within the horizon"),
        ({"discount_rate": 3}, "discount_rate"),
    ],
)
def test_invalid_parameters_are_rejected(bad, match):
    with pytest.raises(ValueError, match=match):
        captive_economics(**bad)
