"""Hidden tests for ps7_case_guided: references from the cases table and the coding tests."""

from __future__ import annotations

import re

from globalsourcing.checks import expect_number, fail, read_choice, reference
from globalsourcing.data import load

from . import ps7_case as coding

MONEY, SHARE = coding.MONEY, coding.SHARE
SAINSBURY = "sainsbury_accenture_2000"
OPTIONS = {
    "A": "kodak_1989",
    "B": "bae_xchanging_2001",
    "C": "jpmorgan_ibm_2002",
    "D": "gecis_genpact_2004",
}


@reference
def _row():
    return load("cases").set_index("case_id")


def q1(sainsbury_share_served, jpmorgan_years_served) -> None:
    cases = _row()
    served = cases["end_year"] - cases["start_year"]
    expect_number(
        sainsbury_share_served,
        float(served[SAINSBURY] / cases.loc[SAINSBURY, "duration_years"]),
        "sainsbury_share_served",
        decimals=SHARE,
        hints=[(float(served[SAINSBURY]), "That is the years served; store the share.")],
    )
    expect_number(
        jpmorgan_years_served,
        float(served["jpmorgan_ibm_2002"]),
        "jpmorgan_years_served",
        rel=0,
        decimals=0,
    )


def q2(writeoffs_total, n_amounts_all) -> None:
    text = str(_row().loc[SAINSBURY, "outcome"])
    writeoffs = [int(x) for x in re.findall(r"£(\d+)m of", text)]
    every = re.findall(r"£(\d+)m", text)
    expect_number(
        writeoffs_total,
        sum(writeoffs),
        "writeoffs_total",
        rel=1e-9,
        decimals=MONEY,
        hints=[
            (
                sum(int(x) for x in every),
                "That sum includes the cost of bringing the staff back, which is not a "
                "write-off; keep the first PATTERN for the total.",
            )
        ],
    )
    expect_number(
        n_amounts_all,
        len(every),
        "n_amounts_all",
        rel=0,
        decimals=0,
        hints=[(len(writeoffs), "That is the first PATTERN's count; change PATTERN.")],
    )


def q3(contract_to_spend_ratio, ratio_if_ten_years) -> None:
    row = _row().loc[SAINSBURY]
    spend = float(re.search(r"about £(\d+)m a year", str(row["notes"])).group(1))
    value = float(row["deal_value_low"]) * 1000
    seven = value / float(row["duration_years"]) / spend
    expect_number(contract_to_spend_ratio, seven, "contract_to_spend_ratio", decimals=SHARE)
    expect_number(
        ratio_if_ten_years,
        value / 10 / spend,
        "ratio_if_ten_years",
        decimals=SHARE,
        hints=[(seven, "That is the seven-year ratio; change DURATION to 10.")],
    )


def q4(cost_per_person_gbp_k, cost_per_person_if_800) -> None:
    text = str(_row().loc[SAINSBURY, "outcome"])
    cost = float(re.search(r"more than £(\d+)m", text).group(1)) * 1000
    staff = float(re.search(r"about (\d+) staff", text).group(1))
    expect_number(
        cost_per_person_gbp_k,
        cost / staff,
        "cost_per_person_gbp_k",
        decimals=MONEY,
        hints=[(cost / staff / 1000, "Give it in £ thousands per person, not £ millions.")],
    )
    expect_number(
        cost_per_person_if_800,
        cost / 800,
        "cost_per_person_if_800",
        decimals=MONEY,
        hints=[(cost / staff, "That is the figure for the staff who came back; set STAFF to 800.")],
    )


def q5(answer_q5) -> None:
    same = set(coding._same_outcome())
    if OPTIONS.get(read_choice(answer_q5, "ABCD") or "") not in same:
        fail("`answer_q5` is not the case whose outcome category matches Sainsbury's.")
