import numpy as np
import pytest

from globalsourcing.models.contracts import contract_summary, simulate_contracts


def summary(**kwargs):
    return contract_summary(simulate_contracts(**kwargs)).set_index("contract")


def test_same_seed_same_deals_and_a_different_seed_differs():
    a = simulate_contracts(seed=1, n_deals=200)
    b = simulate_contracts(seed=1, n_deals=200)
    c = simulate_contracts(seed=2, n_deals=200)
    assert a.equals(b)
    assert not np.allclose(a["true_cost"], c["true_cost"])


def test_without_uncertainty_the_three_contracts_coincide():
    # Hand-computed: true cost 70, bids 70 * 1.1 = 77 < cap 80, so every contract pays 77.
    s = summary(
        cost_uncertainty=0,
        estimate_error=0,
        supplier_cost=0.7,
        markup=0.1,
        sought_saving=0.2,
        n_deals=50,
    )
    assert s["mean_client_cost_pct"].to_numpy() == pytest.approx([77.0, 77.0, 77.0])
    assert s["mean_margin"].to_numpy() == pytest.approx([0.1 / 1.1] * 3)
    assert (s["distress_rate"] == 0).all()


def test_the_savings_cap_forces_a_loss_under_fixed_price():
    # Cost 90 but the client accepts at most 100 * (1 - 0.3) = 70: margin (70 - 90) / 70.
    s = summary(
        cost_uncertainty=0, estimate_error=0, supplier_cost=0.9, sought_saving=0.3, n_deals=20
    )
    assert s.loc["Fixed price", "mean_client_cost_pct"] == pytest.approx(70.0)
    assert s.loc["Fixed price", "mean_margin"] == pytest.approx(-20 / 70)
    assert s.loc["Fixed price", "distress_rate"] == 1.0
    assert s.loc["Time and materials", "distress_rate"] == 0.0


def test_more_bidders_deepen_the_winners_curse():
    few = summary(n_bidders=2)
    many = summary(n_bidders=10)
    assert (
        many.loc["Fixed price", "winners_curse_rate"] > few.loc["Fixed price", "winners_curse_rate"]
    )
    assert many.loc["Fixed price", "mean_margin"] < few.loc["Fixed price", "mean_margin"]


def test_gain_sharing_sits_between_fixed_price_and_time_and_materials():
    s = summary()
    fp, tm, gs = (
        s.loc[c, "distress_rate"] for c in ("Fixed price", "Time and materials", "Gain-sharing")
    )
    assert tm <= gs <= fp
    assert summary(client_share=0.0).loc["Gain-sharing", "mean_margin"] == pytest.approx(
        s.loc["Fixed price", "mean_margin"]
    )


@pytest.mark.parametrize(
    "bad, match",
    [
        ({"n_bidders": 0}, "n_bidders"),
        ({"markup": -0.1}, "markup must be a number from 0 to 5"),
        ({"sought_saving": 1.2}, "sought_saving must be a share at least 0 and below 1"),
        ({"supplier_cost": 0}, "greater than 0"),
        ({"client_share": -0.5}, "client_share"),
        ({"distress_margin": 2}, "distress_margin"),
    ],
)
def test_invalid_parameters_are_rejected(bad, match):
    with pytest.raises(ValueError, match=match):
        simulate_contracts(**bad)
