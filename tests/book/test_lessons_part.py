"""Structure of Part I (the seven lessons): what a reader of the built book would notice.

Each check reads the chapter sources in book/lessons/ the way the build does: front matter,
fenced directives and code cells are not prose; ``##`` headings are the sections a reader sees.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from chapter_text import FENCE, assert_sections_in_order, fenced_blocks, prose_words
from chapter_text import headings as sections

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "book" / "lessons"
BIB_DIR = ROOT / "book" / "bib"

CHAPTERS = sorted(LESSONS.glob("*.md"))
TEACHING = [p for p in CHAPTERS if not p.name.startswith("00-")]


def quiz_of(text: str) -> dict:
    quizzes = [body for name, body in fenced_blocks(text) if name == "quiz"]
    assert len(quizzes) == 1, "each chapter has exactly one quiz"
    options = dict(re.findall(r"^:(\w+):\s*(.+)$", quizzes[0], re.M))
    data = yaml.safe_load(re.sub(r"^:\w+:.*$", "", quizzes[0], flags=re.M))
    data["_options"] = options
    return data


def bib_keys() -> set[str]:
    keys: set[str] = set()
    for bib in BIB_DIR.glob("*.bib"):
        keys.update(re.findall(r"^@\w+\{([^,\s]+),", bib.read_text(encoding="utf-8"), re.M))
    return keys


THEORY = "00a-theory.md"


def test_part_has_an_overview_a_theory_chapter_and_seven_lessons_in_reading_order():
    names = [p.name for p in CHAPTERS]
    assert len(names) == 9, names
    assert names[:2] == ["00-overview.md", THEORY]
    assert [n[:3] for n in names[2:]] == [f"0{i}-" for i in range(1, 8)]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_chapter_has_the_required_sections_in_order(chapter):
    found = sections(chapter.read_text(encoding="utf-8"))
    assert_sections_in_order(chapter.name, found)
    assert found[-1] == "References"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_chapter_has_1200_to_3000_words_of_prose(chapter):
    words = prose_words(chapter.read_text(encoding="utf-8"))
    assert 1200 <= words <= 3000, f"{chapter.name}: {words} words of prose"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_quiz_has_four_questions_with_feedback_for_every_option(chapter):
    quiz = quiz_of(chapter.read_text(encoding="utf-8"))
    assert quiz["_options"]["id"].startswith("lesson-")
    questions = quiz["questions"]
    assert len(questions) >= 4
    assert len({q["id"] for q in questions}) == len(questions)
    for q in questions:
        assert q["prompt"].strip()
        if q["type"] == "numeric":
            assert q["feedback_correct"] and q["feedback_incorrect"]
            continue
        correct = [o for o in q["options"] if o.get("correct") is True]
        assert len(correct) == 1 if q["type"] == "single" else len(correct) >= 1, q["id"]
        assert len(q["options"]) >= 2
        for option in q["options"]:
            assert str(option.get("feedback", "")).strip(), f"{q['id']}: {option['text']}"


def test_quiz_ids_are_unique_across_the_part():
    ids = [quiz_of(p.read_text(encoding="utf-8"))["_options"]["id"] for p in CHAPTERS]
    assert len(ids) == len(set(ids)), ids


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_chapter_shows_at_least_one_exhibit_with_hidden_code(chapter):
    cells = [
        body
        for name, body in fenced_blocks(chapter.read_text(encoding="utf-8"))
        if name == "code-cell"
    ]
    exhibit_cells = [
        c
        for c in cells
        if re.search(r"^:tags:\s*\[.*remove-input.*\]", c, re.M)
        and ("Exhibit(" in c or "catalog." in c)
    ]
    assert exhibit_cells, f"{chapter.name}: no exhibit cell tagged remove-input"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_every_citation_resolves_and_the_page_lists_its_references(chapter):
    text = chapter.read_text(encoding="utf-8")
    cited = set()
    for group in re.findall(r"\{footcite:[tp]\}`([^`]+)`", text):
        cited.update(k.strip() for k in group.split(","))
    assert cited, f"{chapter.name} cites nothing"
    missing = cited - bib_keys()
    assert not missing, f"{chapter.name}: unknown keys {sorted(missing)}"
    assert text.rstrip().endswith("```{footbibliography}\n```")


def test_overview_says_the_lessons_are_the_course_reconstruction():
    text = (LESSONS / "00-overview.md").read_text(encoding="utf-8").lower()
    assert "reconstruction" in text and "paywall" in text
    assert "not as a quotation" in text


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_no_success_rate_percentages_are_stated(chapter):
    # The 1998 study's percentages are unverified: chapters may give directions only.
    prose = FENCE.sub("", chapter.read_text(encoding="utf-8")).lower()
    for sentence in re.split(r"(?<=[.!?])\s", prose):
        if "success" in sentence and (
            "selective" in sentence
            or "contract" in sentence
            or "bid" in sentence
            or "joint" in sentence
        ):
            assert not re.search(r"\d+\s*(%|per ?cent)", sentence), sentence


def test_every_lesson_quiz_is_in_the_course_quiz_bank():
    # The bank uses the same parser as the quiz directive, so a quiz it rejects breaks the page.
    from globalsourcing.quiz import load_bank

    bank = load_bank()
    for chapter in CHAPTERS:
        quiz_id = quiz_of(chapter.read_text(encoding="utf-8"))["_options"]["id"]
        assert quiz_id in bank, f"{chapter.name}: quiz {quiz_id} not in the bank"


def _slider_default(chapter: str, name: str) -> float:
    """The starting value of a bound slider in a chapter's exhibit code."""
    text = (LESSONS / chapter).read_text(encoding="utf-8")
    match = re.search(rf'name="{name}", value=([0-9.]+)', text)
    assert match, f"{chapter}: no slider named {name}"
    return float(match.group(1))


def test_numeric_answer_keys_match_the_exhibit_defaults():
    # The numeric questions ask about an exhibit's starting position; a changed default
    # without a changed answer key would mark right answers wrong.
    from globalsourcing.quiz import get

    # Lesson 3: the supplier fee at which the external bid's full cost (fee, management as a share
    # of the fee, transition spread over five years) equals the internal bid.
    internal_bid = 100 * (1 - _slider_default("03-test-the-market.md", "internal_saving") / 100)
    management = _slider_default("03-test-the-market.md", "management")
    transition = _slider_default("03-test-the-market.md", "transition")
    break_even_fee = (internal_bid - transition / 5) / (1 + management / 100)
    assert get("lesson-market-test/q3").is_correct(round(break_even_fee, 2))

    # Lesson 5: how far the indexed contract price sits above the falling market in year 4.
    fall = _slider_default("05-contracts.md", "market_fall")
    indexation = _slider_default("05-contracts.md", "indexation")
    premium = 100 * (1 + indexation / 100) ** 3 - 100 * (1 - fall / 100) ** 3
    assert get("lesson-contracts/q3").is_correct(round(premium, 2))

    # Theory chapter: the asset specificity at which Exhibit 0.1's market and hierarchy lines
    # cross (market 100 - advantage + (40 + 0.8 u) k, hierarchy 100 + 20 k).
    uncertainty = _slider_default(THEORY, "uncertainty")
    advantage = _slider_default(THEORY, "advantage")
    crossover = advantage / (20 + 0.8 * uncertainty)
    assert get("lesson-theory/q5").is_correct(round(crossover, 2))
    assert not get("lesson-theory/q5").is_correct(round(advantage / (40 + 0.8 * uncertainty), 2))


def test_theory_chapter_applies_each_lens_to_at_least_two_cases():
    text = (LESSONS / THEORY).read_text(encoding="utf-8")
    lenses = re.split(r"^## ", text, flags=re.M)
    for lens in ("Lens 1", "Lens 2", "Lens 3", "Lens 4"):
        section = next(s for s in lenses if s.startswith(lens))
        cases = set(re.findall(r"\(\.\./cases/(\d\d-[\w-]+)\.md\)", section))
        named = {c for c in ("Kodak", "Sainsbury", "GECIS", "BAE", "Citigroup", "JPMorgan",
                             "Lloyd", "Rural Sourcing") if c in section}  # fmt: skip
        assert len(cases | named) >= 2, f"{lens}: applied to fewer than two cases"
