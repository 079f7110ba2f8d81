import pandas as pd
import pytest

from globalsourcing.models.decision_matrix import (
    DEFAULT_PORTFOLIO,
    RECOMMENDATIONS,
    decision_matrix,
    portfolio_mix,
)


def portfolio():
    return pd.DataFrame(
        {
            "activity": ["analytics", "app", "payroll", "hr"],
            "business_contribution": [0.9, 0.8, 0.1, 0.2],
            "market_comparison": [0.1, 0.9, 0.9, 0.2],
        }
    )


def test_each_quadrant_gets_its_recommendation_and_a_reason():
    result = decision_matrix(portfolio())
    assert result["recommendation"].tolist() == [
        "Insource",
        "Buy in resources",
        "Outsource selectively",
        "Partner",
    ]
    assert result["contribution"].tolist() == [
        "Differentiator",
        "Differentiator",
        "Commodity",
        "Commodity",
    ]
    assert result["reason"].str.len().min() > 40
    assert not result["borderline"].any()


def test_moving_the_threshold_moves_an_activity_and_flags_borderline_cases():
    frame = pd.DataFrame(
        {"activity": ["x"], "business_contribution": [0.55], "market_comparison": [0.9]}
    )
    assert decision_matrix(frame)["recommendation"].item() == "Buy in resources"
    assert decision_matrix(frame)["borderline"].item()
    assert (
        decision_matrix(frame, contribution_threshold=0.6)["recommendation"].item()
        == "Outsource selectively"
    )


def test_default_portfolio_uses_all_four_recommendations():
    mix = portfolio_mix(decision_matrix())
    assert mix["recommendation"].tolist() == list(RECOMMENDATIONS)
    assert (mix["activities"] > 0).all()
    assert mix["activities"].sum() == len(DEFAULT_PORTFOLIO)


@pytest.mark.parametrize(
    "frame, kwargs, match",
    [
        (
            pd.DataFrame(columns=["activity", "business_contribution", "market_comparison"]),
            {},
            "empty",
        ),
        (
            pd.DataFrame(
                {"activity": ["x"], "business_contribution": [1.5], "market_comparison": [0.2]}
            ),
            {},
            "between 0 and 1",
        ),
        (pd.DataFrame({"activity": ["x"], "score": [0.5]}), {}, "with the column"),
        (None, {"market_threshold": -0.1}, "market_threshold must be a share from 0 to 1"),
        (None, {"contribution_threshold": 2}, "share from 0 to 1"),
    ],
)
def test_invalid_input_is_rejected(frame, kwargs, match):
    with pytest.raises(ValueError, match=match):
        decision_matrix(frame, **kwargs)
