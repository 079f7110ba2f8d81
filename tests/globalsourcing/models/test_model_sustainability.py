import numpy as np
import pandas as pd
import pytest

from globalsourcing.models.sustainability import (
    fit_logistic,
    fit_renewal_model,
    renewal_curve,
    renewal_features,
    renewal_probability,
)


def decisions(n=4000, seed=0):
    """Deals whose renewal follows a known logistic law: logit = -3 + 1.0 * satisfaction."""
    rng = np.random.default_rng(seed)
    satisfaction = rng.integers(1, 6, n)
    contract = rng.choice(["gain_sharing", "detailed_fee_for_service"], n)
    value = rng.lognormal(0, 1, n)
    logit = -3 + 1.0 * satisfaction
    renewed = rng.random(n) < 1 / (1 + np.exp(-logit))
    return pd.DataFrame(
        {
            "satisfaction": satisfaction,
            "contract_type": contract,
            "annual_value_usd_m": value,
            "renewed": pd.array(renewed, dtype="boolean"),
        }
    )


def test_fit_recovers_known_coefficients():
    model = fit_renewal_model(decisions())
    table = model.table().set_index("term")
    assert table.loc["intercept", "coefficient"] == pytest.approx(-3, abs=0.25)
    assert table.loc["satisfaction", "coefficient"] == pytest.approx(1.0, abs=0.1)
    # Drivers with no effect in the data get small, insignificant coefficients.
    assert abs(table.loc["value_sharing", "z"]) < 3
    assert abs(table.loc["switching_costs", "z"]) < 3
    assert 0 < model.pseudo_r2 < 1


def test_newton_solver_matches_a_hand_checked_case():
    # Two groups: x=0 renews 1 in 4, x=1 renews 3 in 4; the MLE is logit(1/4), logit(3/4).
    X = np.column_stack([np.ones(8), [0, 0, 0, 0, 1, 1, 1, 1]])
    y = np.array([1, 0, 0, 0, 1, 1, 1, 0], dtype=float)
    beta, se, _ = fit_logistic(X, y)
    assert beta[0] == pytest.approx(np.log(1 / 3), abs=1e-4)
    assert beta[1] == pytest.approx(np.log(3) - np.log(1 / 3), abs=1e-4)
    assert (se > 0).all()


def test_probability_rises_with_satisfaction_and_curve_matches_point_estimate():
    model = fit_renewal_model(decisions())
    low, high = renewal_probability(model, satisfaction=np.array([1.0, 5.0]))
    assert high > low
    curve = renewal_curve(model, satisfaction=4)
    assert curve["probability"].is_monotonic_increasing
    assert curve.attrs["at_setting"] == pytest.approx(
        float(renewal_probability(model, satisfaction=4, value_sharing=0, switching_costs=0.5))
    )


def test_insourced_decisions_without_outcome_are_left_out():
    frame = decisions(100)
    frame.loc[:9, "renewed"] = pd.NA
    assert len(renewal_features(frame)) == 90


@pytest.mark.parametrize(
    "frame, match",
    [
        (decisions(10).iloc[0:0], "empty"),
        (decisions(10).drop(columns="satisfaction"), "with the column"),
        (decisions(10).assign(renewed=pd.array([True] * 10, dtype="boolean")), "same renewal"),
        (decisions(10).assign(annual_value_usd_m=-1.0), "positive"),
    ],
)
def test_invalid_data_is_rejected(frame, match):
    with pytest.raises(ValueError, match=match):
        fit_renewal_model(frame)


def test_invalid_settings_are_rejected():
    model = fit_renewal_model(decisions())
    with pytest.raises(ValueError, match="satisfaction must be a number from 1 to 5"):
        renewal_curve(model, satisfaction=7)
    with pytest.raises(ValueError, match="vary"):
        renewal_curve(model, vary="price")
    with pytest.raises(ValueError, match="no driver"):
        renewal_probability(model, loyalty=1)


def test_perfectly_separated_outcomes_still_give_finite_estimates():
    # Every satisfied client renews and no unsatisfied one does: plain maximum likelihood
    # diverges; the tiny ridge keeps the fit finite and the probabilities at the extremes.
    frame = pd.DataFrame(
        {
            "satisfaction": [1, 1, 2, 2, 4, 4, 5, 5],
            "contract_type": ["gain_sharing", "partnership"] * 4,
            "annual_value_usd_m": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
            "renewed": pd.array([False] * 4 + [True] * 4, dtype="boolean"),
        }
    )
    model = fit_renewal_model(frame, features=["satisfaction"])
    assert np.isfinite(model.coefficients).all()
    low, high = renewal_probability(model, satisfaction=np.array([1.0, 5.0]))
    assert low < 0.01 and high > 0.99
