"""Part III (the five enduring challenges and the innovations): what is particular to this part.

The rules every chapter keeps (sections in order, length, one well-formed quiz, exhibits that
run, name their source and say "synthetic" when they show the synthetic data, citations that
resolve and include the 2008 article, the list called the course's synthesis, no percentage in
a paragraph citing the 1998 study) are checked by the chapter linter,
globalsourcing.authoring.lint (tests/book/test_chapter_lint.py). Here: one chapter per
challenge, the part's pages, the innovations map, each chapter's innovations section and the
service-credit quiz item.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from globalsourcing.authoring.text import CITE, headings
from globalsourcing.authoring.text import prose as _prose

ROOT = Path(__file__).resolve().parents[2]
PART = ROOT / "book" / "challenges"

# The five issues named in the 2008 abstract, and the chapter that treats each.
CHALLENGE_CHAPTERS = {
    "Back-office alignment": "01-back-office-alignment.md",
    "Client and supplier incentives": "02-incentives.md",
    "Knowledge transfer": "03-knowledge-transfer.md",
    "Knowledge retention": "04-knowledge-retention.md",
    "Sustainability": "05-relationship-sustainability.md",
}
INNOVATIONS = "06-innovations.md"
# The chapter that takes the incentives challenge into the contract's clauses (issue 20).
CONTRACTING = "02a-contracting-and-governance.md"
# Column headings of the innovation-by-challenge table, one per challenge.
MAP_COLUMNS = [
    "Alignment",
    "Incentives",
    "Knowledge transfer",
    "Knowledge retention",
    "Sustainability",
]
CHAPTERS = sorted([*CHALLENGE_CHAPTERS.values(), CONTRACTING, INNOVATIONS])


def _text(name: str) -> str:
    return (PART / name).read_text(encoding="utf-8")


def innovation_table(text: str) -> tuple[list[str], list[list[str]]]:
    rows = [line for line in _prose(text).splitlines() if line.strip().startswith("|")]
    assert len(rows) >= 3, "the innovations chapter has a markdown mapping table"
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    header, body = cells[0], [r for r in cells[2:] if r]
    return header, body


def test_each_of_the_five_challenges_has_its_own_chapter():
    for challenge, name in CHALLENGE_CHAPTERS.items():
        path = PART / name
        assert path.is_file(), f"no chapter for {challenge}: expected {path}"
        title = re.search(r"^# (.+)$", _prose(path.read_text(encoding="utf-8")), re.M).group(1)
        key_word = challenge.split()[-1].lower()
        assert key_word in title.lower(), f"{name}: title {title!r} does not name {challenge!r}"


def test_part_is_seven_pages_in_reading_order():
    names = sorted(p.name for p in PART.glob("*.md"))
    assert [n for n in names if not n.startswith("00-")] == CHAPTERS


def test_innovations_table_maps_every_challenge():
    header, rows = innovation_table(_text(INNOVATIONS))
    for column in MAP_COLUMNS:
        assert column in header, f"mapping table lacks a column for {column!r}"
    assert len(rows) >= 5, "the map lists the innovations, one per row"
    for column in MAP_COLUMNS:
        idx = header.index(column)
        marked = [r[0] for r in rows if r[idx]]
        assert marked, f"no innovation in the map addresses {column!r}"
    for row in rows:
        assert any(row[header.index(c)] for c in MAP_COLUMNS), f"{row[0]!r} maps to no challenge"
        assert CITE.search(row[-1]), f"{row[0]!r} has no source in the table"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_has_a_section_on_the_innovations(name):
    found = headings(_text(name))
    assert any("Innovation" in h or "innovation" in h or "map" in h.lower() for h in found), (
        f"{name}: no section on the innovations"
    )


def test_the_credit_question_matches_the_service_credit_model():
    # Exhibit C2a.1 starts at 12% at risk and a 150% pool over five levels; the quiz asks for
    # the credit after three misses and after five (where the cap binds).
    from globalsourcing.models import credit_schedule
    from globalsourcing.quiz import get

    text = _text(CONTRACTING)
    assert "catalog.service_credits_exhibit(" in text
    schedule = credit_schedule(at_risk=0.12, pool=1.5, n_levels=5).set_index("misses")
    assert get("challenge-contracting/q1").is_correct(round(schedule.loc[3, "credit"], 2))
    q2 = get("challenge-contracting/q2")
    right = next(o.text for o in q2.options if o.correct)
    assert right.startswith(f"{schedule.loc[5, 'credit']:g},")
