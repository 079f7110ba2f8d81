"""Hidden tests for ps1_market_guided: references from the coding variant's reference code."""

from __future__ import annotations

from globalsourcing.checks import expect_number, reference

from . import ps1_market as coding

BN, RATE = coding.BN, coding.RATE
BPO_MIX = "Count only the rows whose market is 'ito'; 'ito_bpo' mixes in BPO spending."


@reference
def _claims(reliability: str):
    market = coding._market()
    rows = market[(market["market"] == "bpo") & (market["reliability"] == reliability)]
    by_year = rows.groupby("year")["midpoint_usd_bn"]
    return rows, (by_year.max() / by_year.min())


def q1(n_ito_estimates, ito_2008_bn) -> None:
    ito = coding._ito()
    expect_number(
        n_ito_estimates, len(ito), "n_ito_estimates", rel=0, decimals=0, hints=[(6, BPO_MIX)]
    )
    row = coding._market().query("market == 'ito' and geography == 'World' and year == 2008")
    low, high = float(row["value_low_usd_bn"].iloc[0]), float(row["value_high_usd_bn"].iloc[0])
    range_hint = "The 2008 estimate is a range; store its midpoint, the mean of low and high."
    expect_number(
        ito_2008_bn,
        float(ito.loc[ito["year"] == 2008, "midpoint_usd_bn"].iloc[0]),
        "ito_2008_bn",
        decimals=BN,
        hints=[(low, range_hint), (high, range_hint)],
    )


def q2(example_cagr) -> None:
    expect_number(
        example_cagr,
        coding._true_cagr(76, 140, 6),
        "example_cagr",
        decimals=RATE,
        hints=[
            (
                (140 / 76 - 1) / 6,
                "That is the simple average (total growth / 6); run cagr(76, 140, 6).",
            ),
            (
                coding._true_cagr(100, 121, 2),
                "That is the cell's first example; change its inputs.",
            ),
        ],
    )


def q3(fastest_to_year, latest_cagr) -> None:
    growth = coding._growth().sort_values("to_year")
    fastest = float(growth.loc[growth["cagr"].idxmax(), "to_year"])
    expect_number(
        fastest_to_year,
        fastest,
        "fastest_to_year",
        rel=0,
        decimals=0,
        hints=[
            (
                float(growth.loc[growth["cagr"].idxmax(), "from_year"]),
                "Store the to_year of that row.",
            )
        ],
    )
    expect_number(
        latest_cagr,
        float(growth["cagr"].iloc[-1]),
        "latest_cagr",
        decimals=RATE,
        hints=[
            (
                float(growth["cagr"].iloc[0]),
                "That is the earliest period; take the most recent one.",
            )
        ],
    )


def q4(idc_implied_cagr) -> None:
    expect_number(
        idc_implied_cagr,
        coding._true_cagr(68, 99, 5),
        "idc_implied_cagr",
        decimals=RATE,
        hints=[(0.077, "0.077 is the rate quoted in the notes; store the one the figures imply.")],
    )


def q5(max_claims_ratio, n_academic) -> None:
    _, ratios = _claims("unverified_claim")
    expect_number(max_claims_ratio, float(ratios.max()), "max_claims_ratio", decimals=RATE)
    academic, _ = _claims("academic")
    expect_number(n_academic, len(academic), "n_academic", rel=0, decimals=0)


def q6(answer_q6) -> None:
    coding.q6(answer_q6)
