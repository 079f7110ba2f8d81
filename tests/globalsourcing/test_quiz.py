"""The quiz data model and the bank that exercises reuse."""

import textwrap

import pytest

from globalsourcing.quiz import QuizError, get, load_bank, parse_quiz

BODY = """
questions:
  - id: q1
    type: single
    level: recall
    prompt: Which scope did the 1998 study associate with success most often?
    options:
      - {text: Total outsourcing, feedback: "No: total deals did worse."}
      - {text: Selective outsourcing, correct: true, feedback: Yes.}
  - id: q2
    type: multiple
    level: apply
    prompt: Which are retained capabilities?
    options:
      - {text: Informed buying, correct: true, feedback: Yes.}
      - {text: Payroll processing, feedback: No.}
      - {text: Contract monitoring, correct: true, feedback: Yes.}
  - id: q3
    type: numeric
    level: apply
    prompt: CAGR in percent?
    answer: 9.4
    tolerance: 0.2
    unit: "%"
    feedback_correct: Right.
    feedback_incorrect: Use (end/start)^(1/years) - 1.
"""


def test_answer_keys_are_plain_values():
    quiz = parse_quiz("demo", BODY)
    assert quiz.question("q1").answer_key == "B"
    assert quiz.question("q2").answer_key == "AC"
    assert quiz.question("q3").answer_key == pytest.approx(9.4)


@pytest.mark.parametrize(
    ("qid", "response", "expected"),
    [
        ("q1", "B", True),
        ("q1", "b", True),
        ("q1", "A", False),
        ("q2", "CA", True),
        ("q2", ["A", "C"], True),
        ("q2", "A", False),
        ("q2", "ABC", False),
        ("q3", 9.55, True),
        ("q3", "9.3", True),
        ("q3", 9.7, False),
        ("q3", "nine", False),
        ("q3", float("nan"), False),
    ],
)
def test_is_correct(qid, response, expected):
    assert parse_quiz("demo", BODY).question(qid).is_correct(response) is expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("questions: []", "non-empty 'questions'"),
        ("questions: [{id: q1, type: essay, prompt: x}]", "type must be one of"),
        (
            "questions: [{id: q1, type: single, prompt: x, options: [{text: a, feedback: f}, {text: b, feedback: g}]}]",
            "exactly one correct option (found 0)",
        ),
        (
            "questions: [{id: q1, type: single, prompt: x, options: [{text: a, correct: true}, {text: b, feedback: g}]}]",
            "option 1: 'feedback' must be non-empty",
        ),
        (
            "questions: [{id: q1, type: numeric, prompt: x, feedback_correct: a, feedback_incorrect: b}]",
            "needs 'answer'",
        ),
        (
            "questions: [{id: q1, type: numeric, prompt: x, answer: 1, tolerance: -1, feedback_correct: a, feedback_incorrect: b}]",
            "zero or positive",
        ),
        ("questions: [: bad", "not valid YAML"),
    ],
)
def test_malformed_quizzes_are_rejected_with_the_reason(body, message):
    with pytest.raises(QuizError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_quiz("demo", body)


def test_duplicate_question_ids_rejected():
    body = BODY.replace("id: q2", "id: q1")
    with pytest.raises(QuizError, match="question ids repeat"):
        parse_quiz("demo", body)


def test_bank_reads_quiz_blocks_from_chapters(tmp_path):
    chapter = tmp_path / "part" / "ch.md"
    chapter.parent.mkdir()
    chapter.write_text(
        "# A chapter\n\n```{quiz}\n:id: ch-demo\n" + textwrap.dedent(BODY) + "```\n\nText after.\n"
    )
    bank = load_bank(tmp_path)
    assert list(bank) == ["ch-demo"]
    assert get("ch-demo/q1", root=tmp_path).answer_key == "B"
    with pytest.raises(KeyError, match="Did you mean ch-demo"):
        get("ch-dem/q1", root=tmp_path)


def test_bank_rejects_a_quiz_id_used_twice(tmp_path):
    block = "```{quiz}\n:id: same\n" + textwrap.dedent(BODY) + "```\n"
    (tmp_path / "a.md").write_text(block)
    (tmp_path / "b.md").write_text(block)
    with pytest.raises(QuizError, match="used twice"):
        load_bank(tmp_path)


def test_every_quiz_in_the_book_is_valid_and_unique():
    bank = load_bank()  # raises QuizError on any malformed or duplicated quiz
    for quiz in bank.values():
        for question in quiz.questions:
            assert question.answer_key != ""


def test_level_is_required_and_validated():
    quiz = parse_quiz("demo", BODY)
    assert [q.level for q in quiz.questions] == ["recall", "apply", "apply"]
    # A choice question (q1) and a numeric one (q3) each fail without a level.
    for without in (
        BODY.replace("    level: recall\n", ""),
        BODY.replace("    level: apply\n    prompt: CAGR", "    prompt: CAGR"),
    ):
        assert without != BODY
        with pytest.raises(QuizError, match=r"needs 'level' \(recall, apply, analyse\)"):
            parse_quiz("demo", without)
    with pytest.raises(QuizError, match="level must be one of recall, apply, analyse"):
        parse_quiz("demo", BODY.replace("level: recall", "level: remember"))


def test_explanation_is_kept_and_must_not_be_empty():
    body = BODY.replace("type: numeric", "type: numeric\n    explanation: Start over end.")
    assert parse_quiz("demo", body).question("q3").explanation == "Start over end."
    with pytest.raises(QuizError, match="'explanation' must be non-empty"):
        parse_quiz("demo", BODY.replace("type: numeric", "type: numeric\n    explanation: ''"))


@pytest.mark.parametrize(
    ("response", "expected"),
    [("9,4", True), ("9,4 %", True), ("9.5%", True), ("9,7", False), ("9.4 $m", False)],
)
def test_numeric_text_answers_use_the_readers_number_format(response, expected):
    assert parse_quiz("demo", BODY).question("q3").is_correct(response) is expected
