"""Part I (the seven lessons): what is particular to this part.

The rules every chapter keeps (sections in order, length, one well-formed quiz, an exhibit
with hidden code, citations that resolve, no UNVERIFIED success rates) are checked by the
chapter linter, globalsourcing.authoring.lint (tests/book/test_chapter_lint.py). Here: the
part's pages and order, the overview's honesty note, numeric quiz keys that read the lesson
exhibits, and the theory chapter's lenses.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "book" / "lessons"

CHAPTERS = sorted(LESSONS.glob("*.md"))

THEORY = "00a-theory.md"


def test_part_has_an_overview_a_theory_chapter_and_seven_lessons_in_reading_order():
    names = [p.name for p in CHAPTERS]
    assert len(names) == 9, names
    assert names[:2] == ["00-overview.md", THEORY]
    assert [n[:3] for n in names[2:]] == [f"0{i}-" for i in range(1, 8)]


def test_overview_says_the_lessons_are_the_course_reconstruction():
    text = (LESSONS / "00-overview.md").read_text(encoding="utf-8").lower()
    assert "reconstruction" in text and "paywall" in text
    assert "not as a quotation" in text


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
