"""The quiz bank as a whole measures understanding, not position or recall.

Read through ``globalsourcing.quiz.load_bank()`` (the parser the Sphinx directive uses), so a
quiz that would not render fails here too. Every quiz in the book is a chapter quiz: a lesson,
a case, a challenge or a trend chapter. What each quiz must hold on its own (five questions,
half of them apply or analyse, three options, no UNVERIFIED figure) is the chapter linter's
rule (globalsourcing.authoring.lint, tests/book/test_chapter_lint.py); here are the rules
about the bank as a whole and the items that read a model.
"""

from __future__ import annotations

import re
from collections import Counter
from math import exp

import pytest

from globalsourcing.quiz import load_bank

BANK = load_bank()
QUIZZES = sorted(BANK)


def _normalised(prompt: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", prompt.lower()).strip()


def test_the_bank_holds_every_chapter_quiz():
    prefixes = Counter(quiz_id.split("-")[0] for quiz_id in QUIZZES)
    assert prefixes["lesson"] >= 8 and prefixes["case"] >= 9, prefixes
    assert prefixes["challenge"] >= 6 and prefixes["trend"] >= 6, prefixes


def test_single_choice_keys_sit_in_no_favoured_position():
    singles = [q for quiz in BANK.values() for q in quiz.questions if q.type == "single"]
    assert len(singles) >= 60, f"only {len(singles)} single-choice questions in the bank"
    positions = Counter(q.answer_key for q in singles)
    worst, count = positions.most_common(1)[0]
    assert count <= 0.4 * len(singles), (
        f"{count} of {len(singles)} single-choice keys are option {worst}: {dict(positions)}"
    )
    # Options are at least three, so a reader guessing by position does no better than chance.
    assert len(positions) >= 3, dict(positions)


def test_multiple_choice_keys_are_not_the_leading_options():
    multiples = [q for quiz in BANK.values() for q in quiz.questions if q.type == "multiple"]
    assert len(multiples) >= 15, f"only {len(multiples)} multiple-choice questions"
    leading = [
        f"{quiz.id}/{q.id}"
        for quiz in BANK.values()
        for q in quiz.questions
        if q.type == "multiple" and q.answer_key == q.letters[: len(q.answer_key)]
    ]
    assert len(leading) <= 0.25 * len(multiples), (
        f"{len(leading)} of {len(multiples)} multiple-choice keys are the first options: {leading}"
    )
    # A key set that is every option teaches nothing either.
    everything = [
        f"{quiz.id}/{q.id}"
        for quiz in BANK.values()
        for q in quiz.questions
        if q.type == "multiple" and len(q.answer_key) == len(q.options)
    ]
    assert not everything, f"every option is right in {everything}"


def test_no_prompt_repeats_across_the_bank():
    seen: dict[str, str] = {}
    repeats = []
    for quiz in BANK.values():
        for q in quiz.questions:
            key = _normalised(q.prompt)
            if key in seen:
                repeats.append(f"{seen[key]} and {quiz.id}/{q.id}")
            seen[key] = f"{quiz.id}/{q.id}"
    assert not repeats, f"the same question is asked twice: {repeats}"


# Items that read an exhibit or model at stated settings: the key must be what the model gives.


def _keyed_text(ref: str) -> str:
    quiz_id, qid = ref.split("/")
    question = BANK[quiz_id].question(qid)
    return next(o.text for o in question.options if o.correct)


def test_decision_matrix_item_matches_the_model():
    from globalsourcing.models.decision_matrix import decision_matrix

    def claims(cut: float) -> str:
        matrix = decision_matrix(contribution_threshold=cut, market_threshold=0.5)
        return matrix.loc[matrix["activity"].str.startswith("Claims"), "recommendation"].item()

    assert claims(0.5) == "Insource"  # the prompt's stated starting point
    assert _keyed_text("lesson-selective/q3").startswith(claims(0.6))


def test_winners_curse_item_matches_the_contract_model():
    from globalsourcing.models.contracts import simulate_contracts

    def distress(saving: float) -> float:
        draws = simulate_contracts(n_bidders=4, sought_saving=saving)
        return draws.loc[draws["contract"] == "Fixed price", "distress"].mean()

    assert distress(0.3) > distress(0.2)
    assert _keyed_text("lesson-supplier-capabilities/q4").startswith("It rises")


def test_expertise_directory_item_matches_the_retention_model():
    from globalsourcing.models.knowledge import knowledge_retention

    def recovery(directory: float) -> float:
        frame = knowledge_retention(annual_attrition=0.2, kt_effort=0.05, directory=directory)
        return frame.attrs["recovery_months"]

    assert recovery(1.0) < recovery(0.0)
    assert "recovers much faster" in _keyed_text("challenge-knowledge-retention/q3")


@pytest.mark.parametrize(
    ("ref", "value"),
    [
        # Exhibit C3.1, tacit share 0.6, month 6, documentation only (1- and 12-month constants).
        (
            "challenge-knowledge-transfer/q2",
            100 * (0.4 * (1 - exp(-6)) + 0.6 * (1 - exp(-6 / 12))),
        ),
        # NASSCOM's US$46.3bn compounded at the 20% a year expected around 2008, for 12 years.
        ("trend-markets/q4", 46.3 * 1.2**12),
    ],
)
def test_numeric_items_agree_with_the_exhibits_they_read(ref, value):
    # The lesson items (Exhibits 3.1 and 5.1) are checked against their sliders in
    # tests/book/test_lessons_part.py.
    quiz_id, qid = ref.split("/")
    question = BANK[quiz_id].question(qid)
    assert question.is_correct(round(value, 2)), f"{ref}: key {question.answer} vs {value:.2f}"
