"""The {fact} and {fact-spread} roles render figures from the fact base with citations.

Each test builds a one-page Sphinx project (MyST, sphinxcontrib-bibtex and the two roles)
in a temporary folder, so the roles are tested without building the whole book.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from globalsourcing.data import load
from globalsourcing.sphinxext.facts import render_date, render_value, select_facts

REPO = Path(__file__).resolve().parents[2]
CONF = """
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
bibtex_bibfiles = {bibfiles!r}
# As in _config.yml: MyST checks footnotes before sphinxcontrib-bibtex defines them, and
# would end the page with a transition after them.
suppress_warnings = ["myst.header", "myst.footnote"]
myst_footnote_transition = False

def setup(app):
    from globalsourcing.sphinxext.facts import FactRole, FactSpreadRole, FactsTable
    app.add_role("fact", FactRole())
    app.add_role("fact-spread", FactSpreadRole())
    app.add_directive("facts-table", FactsTable)
"""


def build(tmp_path: Path, body: str) -> tuple[str, str]:
    """Build one page; return its HTML and the build's warnings."""
    from io import StringIO

    from sphinx.application import Sphinx

    src = tmp_path / "src"
    src.mkdir()
    bibfiles = sorted(str(p) for p in (REPO / "book" / "bib").glob("*.bib"))
    (src / "conf.py").write_text(CONF.format(bibfiles=bibfiles))
    (src / "index.md").write_text(f"# Page\n\n{body}\n\n```{{footbibliography}}\n```\n")
    warnings = StringIO()
    app = Sphinx(
        str(src),
        str(src),
        str(tmp_path / "out"),
        str(tmp_path / "doctree"),
        "html",
        status=None,
        warning=warnings,
        freshenv=True,
    )
    app.build()
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    # Only the page's own messages: a second Sphinx app in one process also warns that
    # Sphinx's node classes are registered again, which says nothing about the roles.
    own = "\n".join(line for line in warnings.getvalue().splitlines() if "index.md" in line)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)), own


def test_a_fact_renders_its_value_and_cites_its_source(tmp_path):
    text, warnings = build(tmp_path, "The deal ran for {fact}`sainsburys_term` as signed.")
    assert "The deal ran for 7 years" in text
    assert "Sainsbury" in text.split("as signed", 1)[1]  # the footnote cites the source
    assert "WARNING" not in warnings and "ERROR" not in warnings


def test_a_disputed_claim_renders_every_value_with_its_own_citation(tmp_path):
    text, warnings = build(tmp_path, "Reported values: {fact-spread}`sainsburys_value`.")
    assert re.search(r"£1.7 billion .*£1.8 billion .*£2.1 billion .*and \$3.2 billion", text)
    assert "WARNING" not in warnings and "ERROR" not in warnings
    facts = load("facts")
    sources = facts.loc[facts["claim"] == "sainsburys_value", "source_key"]
    assert sources.nunique() == 4  # four footnotes, one per report


@pytest.mark.parametrize(
    ("role", "reason"),
    [
        ("{fact}`success_selective`", "UNVERIFIED"),
        ("{fact}`sainsburys_value_cw2005`", "sources disagree"),
        ("{fact}`no_such_fact`", "no such fact_id"),
    ],
)
def test_the_build_reports_a_fact_that_must_not_be_shown(tmp_path, role, reason):
    _, warnings = build(tmp_path, f"A figure: {role}.")
    assert "ERROR" in warnings and reason in warnings


def test_values_render_with_their_units():
    facts = load("facts").set_index("fact_id")
    assert render_value(facts.loc["jpmorgan_value"]) == "$5 billion"
    assert render_value(facts.loc["citi_contract_term"]) == "9.5 years"
    assert render_value(facts.loc["kodak_reliability"]) == "96% to 99.5%"
    assert render_value(facts.loc["rsi_hourly_rate"]) == "$38 to $60"
    assert render_value(facts.loc["citi_staff"]) == "12,000"
    assert render_value(facts.loc["gecis_multiple"]) == "1.9 times"


def test_dates_render_as_a_reader_writes_them():
    assert render_date("1989-07-25") == "25 July 1989"
    assert render_date("2004-11") == "November 2004"
    assert render_date("2008") == "2008"


def test_a_numbers_you_need_table_lists_every_verified_fact_of_the_case(tmp_path):
    body = "```{facts-table} Numbers you need: Kodak\n:case: kodak_1989\n```"
    text, warnings = build(tmp_path, body)
    text = html.unescape(text).replace("\u2019", "'")
    assert "WARNING" not in warnings and "ERROR" not in warnings, warnings
    facts = load("facts")
    own = facts[facts["case_id"] == "kodak_1989"]
    assert len(select_facts(facts, ["kodak_1989"])) == len(own) > 5
    for _, row in own.iterrows():
        assert row["measure"] in text, row["fact_id"]
        assert render_value(row) in text, row["fact_id"]
    # both reports of the disputed count of data centres, each with its own footnote
    centres = facts[facts["claim"] == "kodak_data_centres"]
    assert centres["source_key"].nunique() == 2
    assert text.count("sources disagree") >= 2
    assert "seen in the source" in text
    assert "Numbers you need: Kodak" in text


def test_a_numbers_you_need_table_never_shows_an_unverified_figure(tmp_path):
    body = "```{facts-table} Kodak and success rates\n:entity: kodak selective_outsourcing\n```"
    text, warnings = build(tmp_path, body)
    assert "75%" not in text and "85%" not in text
    assert "marks unverified are left out" in text


def test_a_numbers_you_need_table_for_an_unknown_case_stops_the_build(tmp_path):
    _, warnings = build(tmp_path, "```{facts-table}\n:case: no_such_case\n```")
    assert "ERROR" in warnings and "no_such_case" in warnings


def test_a_bare_numbers_you_need_table_lists_the_figures_the_page_states(tmp_path):
    body = (
        "The budget was {fact}`kodak_it_budget` and the value {fact-spread}`sainsburys_value`."
        "\n\n```{facts-table} The numbers you need\n```"
    )
    text, warnings = build(tmp_path, body)
    assert "WARNING" not in warnings and "ERROR" not in warnings, warnings
    table = text.split("The numbers you need", 1)[1]
    assert "$500 million" in table and "£3.2 billion" not in table and "$3.2 billion" in table
    assert "96% to 99.5%" not in table  # a Kodak outcome the page does not state stays out
