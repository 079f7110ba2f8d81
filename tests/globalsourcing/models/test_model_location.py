import pandas as pd
import pytest

from globalsourcing.models.location import (
    DEFAULT_WEIGHTS,
    compare_with_gsli,
    gsli_weights,
    latest_available,
    location_index,
)

IND = {
    "financial": ("gdp_per_capita_usd",),
    "people": ("labor_force",),
    "business": ("internet_users_pct",),
}


def panel():
    rows = []
    data = {
        # code: (gdp per capita, labour force, internet by year {2020, 2021, 2022})
        "AAA": (1000.0, 1e8, {2020: 40.0, 2021: None, 2022: None}),
        "BBB": (10000.0, 1e7, {2020: 80.0, 2021: 85.0, 2022: 90.0}),
        "CCC": (100000.0, 1e6, {2020: 95.0, 2021: 96.0, 2022: 97.0}),
        "DDD": (5000.0, 5e7, {2020: None, 2021: None, 2022: None}),
    }
    for code, (gdp, lf, net) in data.items():
        for year, value in net.items():
            rows.append(
                {
                    "country_code": code,
                    "country_name": f"Country {code}",
                    "is_aggregate": False,
                    "year": year,
                    "population": 2e7,
                    "gdp_per_capita_usd": gdp,
                    "labor_force": lf,
                    "internet_users_pct": value,
                }
            )
    rows.append(
        {
            "country_code": "WLD",
            "country_name": "World",
            "is_aggregate": True,
            "year": 2022,
            "population": 8e9,
            "gdp_per_capita_usd": 12000.0,
            "labor_force": 3e9,
            "internet_users_pct": 65.0,
        }
    )
    return pd.DataFrame(rows)


def test_latest_available_fills_from_the_last_year_with_data():
    values, years = latest_available(panel(), ["internet_users_pct"], 2022, 5)
    assert values.loc["AAA", "internet_users_pct"] == 40.0
    assert years.loc["AAA", "internet_users_pct"] == 2020
    assert years.loc["BBB", "internet_users_pct"] == 2022
    assert pd.isna(values.loc["DDD", "internet_users_pct"])


def test_index_ranks_fills_gaps_and_drops_countries_without_data():
    result = location_index(panel(), indicators=IND, year=2022, lookback=3, min_population=0)
    assert list(result["country_code"]) == ["AAA", "BBB", "CCC"]
    assert result.attrs["dropped"] == ["DDD"]
    assert "WLD" not in set(result["country_code"])
    aaa = result.iloc[0]
    assert aaa["oldest_year_used"] == 2020
    # AAA: cheapest and largest (1 on financial and people), least connected (0 on business).
    assert aaa["financial"] == pytest.approx(4.0)
    assert aaa["people"] == pytest.approx(3.0)
    assert aaa["business"] == pytest.approx(0.0)
    assert result["score"].tolist() == pytest.approx(
        (result[["financial", "people", "business"]].sum(axis=1)).tolist()
    )


def test_a_short_lookback_drops_the_country_whose_data_is_old():
    result = location_index(panel(), indicators=IND, year=2022, lookback=1, min_population=0)
    assert "AAA" not in set(result["country_code"])
    assert "AAA" in result.attrs["dropped"]


def test_all_weight_on_business_environment_puts_the_best_connected_first():
    result = location_index(
        panel(),
        weights={"financial": 0, "people": 0, "business": 1},
        indicators=IND,
        year=2022,
        min_population=0,
    )
    assert result.iloc[0]["country_code"] == "CCC"


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"weights": {"financial": 0.5, "people": 0.3, "business": 0.3}}, "add up to 1"),
        (
            {"weights": {"financial": -0.2, "people": 0.6, "business": 0.6}},
            "the weight of 'financial' must be a share from 0 to 1",
        ),
        ({"weights": {"cost": 1.0}}, r"weights of the pillars \['financial', 'people'"),
        ({"year": "2020"}, "year must be a whole number from 1960 to 2100; got the text '2020'"),
        (
            {
                "indicators": {
                    "financial": ("gdp",),
                    "people": ("labor_force",),
                    "business": ("internet_users_pct",),
                }
            },
            "not one the model knows",
        ),
        (
            {
                "indicators": {
                    "financial": (),
                    "people": ("labor_force",),
                    "business": ("internet_users_pct",),
                }
            },
            "no indicators",
        ),
    ],
)
def test_invalid_settings_are_rejected(kwargs, match):
    kwargs.setdefault("indicators", IND)
    with pytest.raises(ValueError, match=match):
        location_index(panel(), min_population=0, **kwargs)


def test_empty_panel_is_rejected():
    with pytest.raises(ValueError, match="empty"):
        location_index(panel().iloc[0:0], indicators=IND)


def test_comparison_with_published_ranks_reports_rank_correlation():
    index = location_index(panel(), indicators=IND, year=2022, min_population=0)
    published = pd.DataFrame(
        {
            "edition": [2021, 2021, 2021],
            "rank": [1, 2, 3],
            "country": ["Country AAA", "Country BBB", "Country CCC"],
        }
    )
    compared = compare_with_gsli(index, published, edition=2021)
    assert compared["model_rank"].tolist() == [1, 2, 3]
    assert compared.attrs["spearman"] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="No published GSLI ranks for edition 1999"):
        compare_with_gsli(index, published, edition=1999)


def test_default_weights_are_the_published_gsli_weights():
    from globalsourcing.data import load

    assert gsli_weights(load("gsli_pillars")) == pytest.approx(DEFAULT_WEIGHTS)


def test_real_panel_ranks_published_leaders_high_and_names_dropped_economies():
    from globalsourcing.data import load

    result = location_index(load("wdi_panel"))
    ranks = result.set_index("country_code")["rank"]
    assert ranks["IND"] <= 10 and ranks["CHN"] <= 10
    # No World Bank ICT-export figures for Viet Nam: the default indicators must drop it.
    assert "VNM" in result.attrs["dropped"]
    compared = compare_with_gsli(result, load("gsli_ranks"), edition=2016)
    assert compared.attrs["spearman"] > 0


def test_comparison_works_with_country_codes_only_and_skips_unscored_countries():
    index = location_index(panel(), indicators=IND, year=2022, min_population=0)
    published = pd.DataFrame(
        {"edition": [2016] * 4, "rank": [1, 2, 3, 4], "country_code": ["CCC", "DDD", "BBB", "AAA"]}
    )
    compared = compare_with_gsli(index, published, edition=2016)
    assert compared["country_name"].tolist() == ["CCC", "DDD", "BBB", "AAA"]
    assert pd.isna(compared.loc[1, "model_rank"])  # DDD has no data, so no model rank
    assert compared["model_rank_within"].dropna().tolist() == [3.0, 2.0, 1.0]
    assert compared.attrs["spearman"] == pytest.approx(-1.0)
