"""The {fact} and {fact-spread} roles render figures from the fact base with citations.

Each test builds a one-page Sphinx project (MyST, sphinxcontrib-bibtex and the two roles)
in a temporary folder, so the roles are tested without building the whole book.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from globalsourcing.data import load
from globalsourcing.sphinxext.facts import render_value

REPO = Path(__file__).resolve().parents[2]
CONF = """
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
bibtex_bibfiles = {bibfiles!r}
# As in _config.yml: MyST checks footnotes before sphinxcontrib-bibtex defines them, and
# would end the page with a transition after them.
suppress_warnings = ["myst.header", "myst.footnote"]
myst_footnote_transition = False

def setup(app):
    from globalsourcing.sphinxext.facts import FactRole, FactSpreadRole
    app.add_role("fact", FactRole())
    app.add_role("fact-spread", FactSpreadRole())
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
