"""Hidden tests for ps2_geography_guided: references from the coding variant's tests."""

from __future__ import annotations

from globalsourcing.checks import expect_number, fail, read_choice, reference

from . import ps2_geography as coding

BN, SHARE = 1, 3
YEAR_HINT = "That is the value for the notebook's first YEAR; change YEAR and run the cell again."


@reference
def _reporting(year: int) -> int:
    panel = coding._panel()
    rows = panel[~panel["is_aggregate"] & (panel["year"] == year)]
    return int(rows.dropna(subset=["ict_service_exports_usd"])["country_code"].nunique())


@reference
def _india_share(year: int) -> float:
    panel = coding._panel().set_index(["country_code", "year"])["ict_service_exports_usd"]
    return float(panel["IND", year] / panel["WLD", year])


@reference
def _growth(start: int) -> dict[str, float]:
    table = coding._groups()
    return ((table.loc[2024] / table.loc[start]) ** (1 / (2024 - start)) - 1).to_dict()


@reference
def _per_worker() -> dict[str, float]:
    panel = coding._panel()
    both = panel[panel["country_code"].isin(coding.GROUP_OF)].dropna(
        subset=["ict_service_exports_usd", "labor_force"]
    )
    latest = both.sort_values("year").groupby("country_code").tail(1)
    ratio = latest["ict_service_exports_usd"] / latest["labor_force"]
    return dict(zip(latest["country_code"], ratio, strict=True))


def q1(n_reporting_2024, n_reporting_2005) -> None:
    expect_number(n_reporting_2024, _reporting(2024), "n_reporting_2024", rel=0, decimals=0)
    expect_number(
        n_reporting_2005,
        _reporting(2005),
        "n_reporting_2005",
        rel=0,
        decimals=0,
        hints=[(_reporting(2024), YEAR_HINT)],
    )


def q2(india_share_2024, india_share_2010) -> None:
    expect_number(india_share_2024, _india_share(2024), "india_share_2024", decimals=SHARE)
    expect_number(
        india_share_2010,
        _india_share(2010),
        "india_share_2010",
        decimals=SHARE,
        hints=[(_india_share(2024), YEAR_HINT)],
    )


def q3(cee_2024_bn, philippines_2024_bn) -> None:
    table = coding._groups()
    expect_number(cee_2024_bn, float(table.loc[2024, "CEE"]), "cee_2024_bn", decimals=BN)
    expect_number(
        philippines_2024_bn,
        float(table.loc[2024, "Philippines"]),
        "philippines_2024_bn",
        decimals=BN,
    )


def q4(fastest_group, india_growth_2015) -> None:
    rates = _growth(2010)
    if read_choice(fastest_group, list(rates)) != max(rates, key=rates.get):
        fail("`fastest_group` is not the group with the highest growth rate from 2010 to 2024.")
    expect_number(
        india_growth_2015,
        _growth(2015)["India"],
        "india_growth_2015",
        decimals=SHARE,
        hints=[(rates["India"], "That is India's growth from 2010; change START to 2015.")],
    )


def q5(top_per_worker, india_per_worker_usd) -> None:
    ratio = _per_worker()
    if read_choice(top_per_worker, list(ratio)) != max(ratio, key=ratio.get):
        fail("`top_per_worker` is not the country with the highest exports per worker.")
    expect_number(india_per_worker_usd, ratio["IND"], "india_per_worker_usd", decimals=0)


def q6(answer_q6) -> None:
    coding.q6(answer_q6)
