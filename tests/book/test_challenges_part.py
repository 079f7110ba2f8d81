"""Part III (the five enduring challenges and the innovations): what a reader would notice.

The chapters are read the way the build reads them: front matter, fenced directives and code
cells are not prose, ``##`` headings are the sections on the page, quizzes are parsed by the same
code as the ``quiz`` directive, and each exhibit cell is executed to check it really produces an
exhibit with a source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chapter_text import (
    CITE,
    assert_sections_in_order,
    exhibit_cells,
    headings,
    prose_words,
    run_cell,
)
from chapter_text import prose as _prose

from globalsourcing.exhibits import Exhibit
from globalsourcing.quiz.bank import quizzes_in

ROOT = Path(__file__).resolve().parents[2]
PART = ROOT / "book" / "challenges"
BIB_DIR = ROOT / "book" / "bib"

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
# Chapters whose exhibits draw on the synthetic sourcing_decisions dataset.
SYNTHETIC_DATA_CHAPTERS = {"05-relationship-sustainability.md"}


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
def test_chapter_has_required_sections_in_order(name):
    found = headings(_text(name))
    assert_sections_in_order(name, found)
    assert any("Innovation" in h or "innovation" in h or "map" in h.lower() for h in found), (
        f"{name}: no section on the innovations"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_length_is_within_the_course_range(name):
    words = prose_words(_text(name))
    assert 1200 <= words <= 3000, f"{name}: {words} words of prose (1,200-3,000 expected)"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_quiz_has_four_questions_with_feedback_for_every_option(name):
    quizzes = quizzes_in(PART / name)
    assert len(quizzes) == 1, f"{name}: expected one quiz, found {len(quizzes)}"
    quiz = quizzes[0]
    assert quiz.id.startswith("challenge-"), f"{name}: quiz id {quiz.id!r} lacks 'challenge-'"
    assert len(quiz.questions) >= 4, f"{name}: only {len(quiz.questions)} questions"
    for question in quiz.questions:
        if question.type == "numeric":
            assert question.feedback_correct and question.feedback_incorrect, question.id
            continue
        assert question.options, f"{name}/{question.id}: no options"
        assert any(o.correct for o in question.options), f"{name}/{question.id}: no right answer"
        for option in question.options:
            assert option.feedback.strip(), f"{name}/{question.id}: option without feedback"


def test_quiz_ids_are_unique_across_the_part():
    ids = [quizzes_in(PART / name)[0].id for name in CHAPTERS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_exhibits_run_and_name_their_source(name, monkeypatch):
    monkeypatch.chdir(PART)
    text = _text(name)
    cells = exhibit_cells(text)
    assert cells, f"{name}: no exhibit cell tagged remove-input"
    namespace: dict = {}
    exhibits = [run_cell(cell, namespace) for cell in cells]
    exhibits = [e for e in exhibits if isinstance(e, Exhibit)]
    assert exhibits, f"{name}: no cell ends with an Exhibit"
    for exhibit in exhibits:
        assert exhibit.source.strip()
        exhibit.spec_json()  # compiles, and stays under the page-weight limit
    if name in SYNTHETIC_DATA_CHAPTERS or "sourcing_decisions" in "".join(cells):
        labels = " ".join(f"{e.title} {e.source} {e.caption or ''}" for e in exhibits).lower()
        assert "synthetic" in labels, f"{name}: exhibits on sourcing_decisions must say synthetic"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_cites_known_sources_and_lists_them(name):
    text = _text(name)
    keys = {k.strip() for group in CITE.findall(text) for k in group.split(",")}
    known = set()
    for bib in BIB_DIR.glob("*.bib"):
        known.update(re.findall(r"^@\w+\{([^,\s]+),", bib.read_text(encoding="utf-8"), re.M))
    assert keys, f"{name}: cites nothing"
    assert keys <= known, f"{name}: unknown citation keys {sorted(keys - known)}"
    assert "lacity2008global" in keys, f"{name}: does not cite the 2008 article"
    assert re.search(r"## References\s+```\{footbibliography\}\s*```\s*$", text), (
        f"{name}: must end with a References section holding footbibliography"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_reconstructed_content_is_labelled_as_the_course_synthesis(name):
    prose = _prose(_text(name))
    assert "synthesis" in prose, f"{name}: does not say its list is the course's synthesis"


@pytest.mark.parametrize("name", CHAPTERS)
def test_no_success_percentages_are_attributed_to_the_1998_study(name):
    # The 1998 success-rate percentages are unverified: paragraphs citing it give directions only.
    # Paragraphs and list items are the units a claim and its citation share.
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*] |\s*\d+\. )", _prose(_text(name))):
        if "lacity1998misq" in paragraph:
            assert not re.search(r"\d+\s*%", paragraph), (
                f"{name}: a paragraph citing the 1998 study states a percentage: {paragraph[:120]!r}"
            )


def test_challenges_bib_keys_are_unique_across_the_book():
    own = re.findall(r"^@\w+\{([^,\s]+),", (BIB_DIR / "challenges.bib").read_text("utf-8"), re.M)
    assert own, "challenges.bib has entries"
    others = set()
    for bib in BIB_DIR.glob("*.bib"):
        if bib.name != "challenges.bib":
            others.update(re.findall(r"^@\w+\{([^,\s]+),", bib.read_text("utf-8"), re.M))
    assert len(own) == len(set(own)), "a key repeats inside challenges.bib"
    assert not set(own) & others, f"keys clash with other parts: {sorted(set(own) & others)}"


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
