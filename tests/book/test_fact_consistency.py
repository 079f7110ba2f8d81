"""No page contradicts the fact base (datasets/facts), and none states an UNVERIFIED figure.

A sentence naming an entity of the fact base that states a sum, share, count, length or
multiple of a kind recorded for it must state a recorded value. On a case page and its
teaching note every sum, share and count must be recorded for the case (or for an entity
the sentence names), so that a figure typed by hand cannot drift from the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from globalsourcing.data import load
from globalsourcing.data.fact_check import check_sentences, prose_sentences

# The entities each case (page and teaching note, by number) is about.
CASE_ENTITIES = {
    "01": ("kodak", "ito_market"),
    "02": ("sainsburys",),
    "03": ("bae_xchanging",),
    "04": ("lloyds_xchanging",),
    "05": ("jpmorgan_ibm", "bank_one"),
    "06": ("rural_sourcing", "rural_outsourcing"),
    "07": ("gecis", "india_bpo"),
    "08": ("citigroup_tcs", "gecis", "aviva_wns", "tcs"),
    "09": ("topcoder", "rent_a_coder"),
    "10": ("abn_amro",),
    "11": ("danske", "india_gcc", "citigroup_tcs"),
}


def _pages(root: Path) -> list[Path]:
    return sorted(
        [
            *(root / "book").rglob("*.md"),
            *(root / "instructor").rglob("*.md"),
            *(root / "datasets").glob("*/datasheet.md"),
        ]
    )


def _home(root: Path, page: Path) -> tuple[str, ...]:
    rel = page.relative_to(root).parts
    if rel[:2] in (("book", "cases"), ("instructor", "teaching-notes")):
        return CASE_ENTITIES.get(page.name[:2], ())
    return ()


@pytest.fixture(scope="module")
def facts():
    return load("facts")


def findings_for(root: Path, page: Path, text: str, facts) -> list[str]:
    where = str(page.relative_to(root))
    return [str(f) for f in check_sentences(where, prose_sentences(text), facts, _home(root, page))]


def test_the_case_pages_and_notes_are_all_checked(repo_root):
    # Every case page and its teaching note has home entities, so a new case cannot slip
    # past the check by being left out of CASE_ENTITIES.
    pages = sorted((repo_root / "book" / "cases").glob("[0-9][0-9]-*.md"))
    pages = [p for p in pages if not p.name.startswith("00-")]
    notes = sorted((repo_root / "instructor" / "teaching-notes").glob("[0-9][0-9]-*.md"))
    unchecked = [str(p) for p in [*pages, *notes] if not _home(repo_root, p)]
    assert not unchecked, f"case pages or notes without entities in CASE_ENTITIES: {unchecked}"
    assert len(notes) == len(pages) >= 9


def test_no_page_states_a_figure_that_differs_from_the_fact_base(repo_root, facts):
    found = []
    for page in _pages(repo_root):
        found += findings_for(repo_root, page, page.read_text(encoding="utf-8"), facts)
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("page", "original", "planted"),
    [
        # a case page giving a contract value no source reported
        (
            "book/cases/02-sainsburys-accenture.md",
            "## The decision",
            "The contract was worth about £1.9 billion.\n\n## The decision",
        ),
        # a chapter outside the cases naming the entity
        (
            "book/lessons/01-joint-decisions.md",
            "# ",
            "JPMorgan Chase's contract with IBM was worth $6 billion.\n\n# ",
        ),
        # an UNVERIFIED success rate stated as a finding
        (
            "book/lessons/02-selective-sourcing.md",
            "# ",
            "Selective outsourcing succeeded in 75% to 85% of decisions.\n\n# ",
        ),
    ],
)
def test_a_planted_contradiction_fails(repo_root, facts, page, original, planted):
    path = repo_root / page
    text = path.read_text(encoding="utf-8")
    assert original in text
    assert not findings_for(repo_root, path, text, facts)
    contradicted = text.replace(original, planted, 1)
    assert findings_for(repo_root, path, contradicted, facts)
