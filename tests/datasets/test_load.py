"""Every registered dataset loads, validated, with the documented columns."""

from __future__ import annotations

import pandas as pd
import pytest

from globalsourcing.data import cite, datasheet, list_datasets, load
from globalsourcing.data.registry import registry
from globalsourcing.data.schemas import read_schema

NAMES = [
    "wdi_panel",
    "unctad_services",
    "market_size",
    "india_itbpm",
    "philippines_itbpm",
    "gsli_pillars",
    "gsli_ranks",
    "tholons_cities",
    "cases",
    "facts",
    "sourcing_decisions",
]


def test_registry_holds_exactly_the_fixed_names():
    assert list(registry()) == NAMES
    assert list_datasets()["name"].tolist() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_load_returns_the_schema_columns_and_rows(name, mirror):
    frame = load(name)
    spec = registry()[name]
    schema = read_schema(name, spec.schema_path)
    assert isinstance(frame, pd.DataFrame)
    assert frame.columns.tolist() == schema.names
    assert len(frame) > 0
    assert frame.attrs["dataset"] == name
    assert frame.attrs["synthetic"] is (name == "sourcing_decisions")


@pytest.mark.parametrize("name", NAMES)
def test_datasheet_documents_every_column_and_the_licence(name):
    text = datasheet(name)
    spec = registry()[name]
    for column in read_schema(name, spec.schema_path).names:
        assert f"`{column}`" in text
    for section in (
        "## Motivation",
        "## Composition",
        "## Collection",
        "## Intended uses",
        "## Misuses to avoid",
        "## Known caveats",
        "## Licence and citation",
    ):
        assert section in text, section
    assert spec.licence in text


@pytest.mark.parametrize("name", NAMES)
def test_cite_gives_citation_and_licence(name):
    text = cite(name)
    assert registry()[name].citation.split()[0] in text
    assert "Licence:" in text
    assert ("SYNTHETIC" in text) is (name == "sourcing_decisions")


def test_loaded_frame_is_a_copy_that_callers_may_change(mirror):
    first = load("gsli_pillars")
    first.loc[:, "pillar"] = "changed"
    assert "changed" not in load("gsli_pillars")["pillar"].tolist()


def test_wdi_panel_matches_the_documented_grid(mirror):
    panel = load("wdi_panel")
    assert panel["year"].min() == 1995
    assert panel.groupby("country_code").size().nunique() == 1  # complete grid
    assert panel["is_aggregate"].sum() > 0
    india = panel.query("country_code == 'IND' and year == 2024")
    assert india["ict_service_exports_usd"].iloc[0] == pytest.approx(177.7e9, rel=0.01)


def test_curated_tables_carry_a_citation_on_every_row():
    for name, spec in registry().items():
        if spec.kind != "curated":
            continue
        frame = load(name)
        # cases cite by address (one source URL per row), facts by a bibliography key
        # (tests/datasets/test_facts.py checks each key), the others by a citation text.
        column = {"cases": "source_url", "facts": "source_key"}.get(name, "citation")
        minimum = 5 if name == "facts" else 10
        assert frame[column].notna().all(), name
        assert (frame[column].str.len() > minimum).all(), name


def test_cases_cover_the_eleven_teaching_cases_with_a_source_each():
    cases = load("cases")
    assert len(cases) >= 11
    assert cases["source_url"].str.startswith("http").all()
    clients = set(cases["client"].dropna()) | set(cases["supplier"])
    for party in (
        "Eastman Kodak",
        "DuPont",
        "BAE Systems",
        "Lloyd's of London",
        "JPMorgan Chase",
        "J Sainsbury",
        "GE",
        "Citigroup",
        "Aviva",
        "Rural Sourcing Inc.",
        "TopCoder",
    ):
        assert party in clients, party


def test_market_size_starts_in_1989_and_keeps_definitions_apart():
    market = load("market_size")
    assert market["year"].min() == 1989
    assert (market["value_high_usd_bn"] >= market["value_low_usd_bn"]).all()
    assert {"ito", "bpo", "offshore_ito_bpo"} <= set(market["market"])
    assert (market["reliability"] == "unverified_claim").sum() >= 1


def test_every_dataset_has_a_book_page_that_loads_it():
    from pathlib import Path

    pages = Path(__file__).resolve().parents[2] / "book" / "datasets"
    for name in NAMES:
        (page,) = pages.glob(f"[0-9][0-9]-{name.replace('_', '-')}.md")
        text = page.read_text()
        assert f'datasheet("{name}", title=False)' in text
        assert f'load("{name}")' in text
    synthetic = next(pages.glob("*-sourcing-decisions.md")).read_text()
    assert synthetic.count("ynthetic") >= 3  # title, lead and preview heading say so


@pytest.mark.parametrize("verb", [datasheet, cite])
def test_datasheet_and_cite_display_as_markdown_in_jupyter_and_text_in_a_terminal(verb):
    from IPython.core.formatters import DisplayFormatter

    text = verb("market_size")
    data, _ = DisplayFormatter().format(text)
    # Jupyter picks the richest type: a formatted page, not one escaped line.
    assert data["text/markdown"] == str(text)
    # The REPL and print() show the lines themselves, never "\n" escapes or quotes.
    assert repr(text) == str(text)
    assert "\\n" not in data["text/plain"]
    assert not data["text/plain"].startswith(("'", '"'))
