import pandas as pd
import pytest

from globalsourcing.models.market import (
    cagr,
    estimate_spread,
    implied_growth,
    market_table,
    project_market,
)


def table():
    return pd.DataFrame(
        {
            "segment": ["bpo", "bpo", "bpo", "bpo", "ito"],
            "year": [2005, 2005, 2013, 2007, 2008],
            "originator": ["LSE", "Gartner", "LSE", "Gartner", "LSE"],
            "low": [140.0, 100.0, 230.0, 121.0, 220.0],
            "high": [140.0, 100.0, 230.0, 121.0, 250.0],
        }
    )


def test_cagr_hand_computed():
    assert cagr(100, 121, 2) == pytest.approx(0.10)
    assert cagr(68, 99, 5) == pytest.approx(0.0780, abs=1e-4)


def test_implied_growth_per_originator():
    growth = implied_growth(table(), "bpo").set_index("originator")
    assert growth.loc["Gartner", "cagr"] == pytest.approx(0.10)
    assert growth.loc["LSE", "cagr"] == pytest.approx((230 / 140) ** (1 / 8) - 1)


def test_spread_shows_disagreement_in_the_same_year():
    spread = estimate_spread(table(), "bpo").set_index("year")
    assert spread.loc[2005, "originators"] == 2
    assert spread.loc[2005, "spread_ratio"] == pytest.approx(1.4)
    assert spread.loc[2013, "spread_ratio"] == 1


def test_projection_compounds_from_the_range_midpoint():
    proj = project_market(table(), "ito", horizon=2, low_growth=0.05, high_growth=0.15)
    future = proj[proj["kind"] == "projection"].set_index("year")
    assert future.loc[2010, "central"] == pytest.approx(235 * 1.1**2)
    assert future.loc[2009, "low"] == pytest.approx(235 * 1.05)
    assert future.loc[2009, "high"] == pytest.approx(235 * 1.15)


def test_default_growth_comes_from_the_segment_range():
    proj = project_market(table(), "bpo", horizon=1)
    last = proj.iloc[-1]
    assert last["year"] == 2014
    assert last["low"] == pytest.approx(230 * 1.10)
    assert last["high"] == pytest.approx(230 * 1.15)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"segment": "kpo"}, "No estimates for segment"),
        ({"segment": "bpo", "low_growth": 0.2, "high_growth": 0.1}, "low <= central <= high"),
        ({"segment": "bpo", "horizon": 0}, "horizon"),
        ({"segment": "bpo", "base_year": 1999}, "base year"),
    ],
)
def test_invalid_settings_are_rejected(kwargs, match):
    with pytest.raises(ValueError, match=match):
        project_market(table(), **kwargs)


def test_empty_table_and_bad_values_are_rejected():
    with pytest.raises(ValueError, match="empty"):
        project_market(table().iloc[0:0])
    with pytest.raises(ValueError, match="positive"):
        cagr(0, 10, 3)


def curated():
    return pd.DataFrame(
        {
            "market": ["bpo", "bpo", "bpo", "bpo"],
            "geography": ["World", "World", "India", "World"],
            "year": [2005, 2013, 2010, 2023],
            "value_low_usd_bn": [140.0, 230.0, 11.0, 470.0],
            "value_high_usd_bn": [140.0, 230.0, 12.0, 470.0],
            "originator": ["LSE", "LSE", "Evalueserve", "not named"],
            "estimate_type": ["estimate", "forecast", "estimate", "estimate"],
            "reliability": ["academic", "academic", "secondary_report", "unverified_claim"],
        }
    )


def test_market_table_keeps_one_geography_and_drops_unverified_claims():
    table = market_table(curated())
    assert table["year"].tolist() == [2005, 2013]
    assert set(table.columns) >= {"segment", "low", "high", "originator"}
    assert 2023 in market_table(curated(), include_unverified=True)["year"].tolist()
    with pytest.raises(ValueError, match="geography"):
        market_table(curated(), geography="Mars")


def test_projection_starts_from_the_latest_estimate_not_a_forecast():
    proj = project_market(market_table(curated()), "bpo", horizon=1)
    assert proj[proj["kind"] == "projection"]["year"].tolist() == [2006]
