"""The fact base: every fact has a real source, disputes are explicit, the cases table agrees."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from globalsourcing.authoring.text import bib_entries, edition_bib_files
from globalsourcing.data import load
from globalsourcing.data.errors import DatasetError
from globalsourcing.data.registry import get_spec
from globalsourcing.data.schemas import read_schema, validate

REPO = Path(__file__).resolve().parents[2]
# What the cases table records, and the kind and unit of the fact each column must match.
CASE_COLUMNS = {
    "deal_value_low": "money",
    "deal_value_high": "money",
    "duration_years": "duration",
    "staff_low": "count",
    "staff_high": "count",
}


def bib_keys() -> set[str]:
    return {e["key"] for e in bib_entries(edition_bib_files(REPO))}


def unsourced(facts: pd.DataFrame, keys: set[str]) -> list[str]:
    """fact_ids whose source is missing or is not an entry of the bibliography."""
    bad = facts["source_key"].isna() | ~facts["source_key"].fillna("").isin(keys)
    return facts.loc[bad, "fact_id"].tolist()


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return load("facts")


def test_every_fact_cites_an_entry_of_the_bibliography(facts):
    assert unsourced(facts, bib_keys()) == []


def test_a_fact_without_a_source_fails(facts):
    planted = facts.copy()
    planted.loc[0, "source_key"] = pd.NA
    with pytest.raises(DatasetError, match="source_key"):
        validate(planted, read_schema("facts", get_spec("facts").schema_path), "planted")
    planted.loc[0, "source_key"] = "noSuchSource2001"
    assert unsourced(planted, bib_keys()) == [facts.loc[0, "fact_id"]]


def test_ranges_run_from_low_to_high(facts):
    assert (facts["value_low"] <= facts["value_high"]).all()


def test_reports_of_one_claim_measure_the_same_thing(facts):
    for claim, rows in facts.groupby("claim"):
        assert rows["entity"].nunique() == 1, claim
        assert rows["kind"].nunique() == 1, claim


def test_disputed_claims_are_recorded_source_by_source(facts):
    # The disagreements the issue names are kept as separate reports, not one chosen value.
    def values(claim):
        rows = facts[facts["claim"] == claim]
        return sorted({*rows["value_low"], *rows["value_high"]}), rows["source_key"].nunique()

    assert values("sainsburys_value") == ([1700.0, 1800.0, 2100.0, 3200.0], 4)
    assert values("jpmorgan_term") == ([7.0, 10.0], 2)
    assert values("kodak_data_centres") == ([4.0, 5.0], 2)
    assert values("genpact_ge_dependence") == ([57.0, 74.0], 2)


def test_the_briefs_unverified_success_rates_are_tagged_so_pages_can_refuse_them(facts):
    doubtful = facts[facts["confidence"] == "UNVERIFIED"].set_index("fact_id")
    assert doubtful.loc["success_selective", ["value_low", "value_high"]].tolist() == [75, 85]
    assert {"success_total_out", "success_total_in"} <= set(doubtful.index)


def test_derived_facts_say_how_they_were_computed(facts):
    derived = facts[facts["confidence"] == "DERIVED"]
    assert derived["scope_note"].notna().all()


def test_every_figure_in_the_cases_table_is_a_fact():
    cases = load("cases")
    facts = load("facts")
    missing = []
    for _, case in cases.iterrows():
        own = facts[(facts["case_id"] == case["case_id"]) & (facts["confidence"] != "UNVERIFIED")]
        for column, kind in CASE_COLUMNS.items():
            value = case[column]
            if pd.isna(value):
                continue
            rows = own[own["kind"] == kind]
            if kind == "money":
                rows = rows[rows["unit"] == f"{case['deal_currency']} m"]
                value = float(value) * 1000  # the cases table is in billions
            recorded = [*rows["value_low"], *rows["value_high"]]
            if not any(math.isclose(float(value), r, rel_tol=0.005) for r in recorded):
                missing.append(f"{case['case_id']}.{column}={case[column]}")
    assert missing == [], f"figures of the cases table with no fact in datasets/facts: {missing}"


def test_market_figures_agree_with_the_market_size_table_the_exhibits_draw_on():
    # The market-size exhibits plot load("market_size"); a market figure in the fact base
    # must be one of that table's estimates for the same year, so prose and charts agree.
    facts = load("facts")
    market = load("market_size")
    markets = facts[facts["entity"].isin(["ito_market", "bpo_market"]) & (facts["kind"] == "money")]
    assert len(markets) >= 5
    disagree = []
    for _, fact in markets.iterrows():
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", fact["period"])]
        rows = market[market["year"].isin(years)]
        published = [*rows["value_low_usd_bn"] * 1000, *rows["value_high_usd_bn"] * 1000]
        for value in {fact["value_low"], fact["value_high"]}:
            if not any(math.isclose(value, p, rel_tol=0.005) for p in published):
                disagree.append(f"{fact['fact_id']}={value}")
    assert disagree == []
