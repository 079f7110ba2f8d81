"""The quiz engine on one rendered page, without building the book (headless Chromium)."""

import shutil

import pytest

from globalsourcing.quiz import parse_quiz
from globalsourcing.sphinxext import STATIC
from globalsourcing.sphinxext.quiz_directive import render
from globalsourcing.testing.site import serve, watch

pytestmark = pytest.mark.browser

QUIZ = parse_quiz(
    "engine",
    """
questions:
  - id: pick
    type: multiple
    level: recall
    prompt: Which are retained capabilities?
    explanation: The retained team directs and manages; it does not run the service.
    options:
      - {text: Informed buying, correct: true, feedback: "Right: choosing suppliers well."}
      - {text: Payroll processing, feedback: "No: that is the service itself."}
      - {text: Contract monitoring, correct: true, feedback: "Right: holding suppliers to account."}
      - {text: Data-centre operations, feedback: "No: an outsourced service."}
      - {text: Vendor development, correct: true, feedback: "Right: long-term value."}
  - id: one
    type: single
    level: recall
    prompt: Which scope did the study associate with success most often?
    options:
      - {text: Total outsourcing, feedback: No.}
      - {text: Selective sourcing, correct: true, feedback: Yes.}
      - {text: Total insourcing, feedback: No.}
  - id: rate
    type: numeric
    level: apply
    prompt: Growth rate?
    answer: 17.5
    tolerance: 0.2
    unit: "%"
    feedback_correct: Right.
    feedback_incorrect: Use (end/start)^(1/years) - 1.
""",
)


@pytest.fixture(scope="module")
def quiz_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("quizpage")
    for name in ("gs-quiz.js", "gs-quiz.css"):
        shutil.copy(STATIC / name, root / name)
    (root / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>q</title>'
        '<link rel="stylesheet" href="gs-quiz.css"></head><body><main>'
        + render(QUIZ)
        + '</main><script src="gs-quiz.js"></script></body></html>',
        encoding="utf-8",
    )
    with serve(root) as url:
        yield url + "index.html"


@pytest.fixture
def page(browser, quiz_url):
    context = browser.new_context()
    page = context.new_page()
    log = watch(page, quiz_url)
    page.goto(quiz_url, wait_until="load")
    yield page
    context.close()
    assert not [e for e in log.console_errors if "favicon" not in e and "404" not in e]


def _tick(fieldset, texts):
    for text in texts:
        fieldset.locator(".gs-quiz-option label", has_text=text).click()
    fieldset.locator(".gs-quiz-check").click()
    return fieldset.locator(".gs-quiz-result").inner_text()


def _letter(fieldset, text):
    return (
        fieldset.locator(".gs-quiz-option", has_text=text)
        .locator(".gs-quiz-letter")
        .inner_text()[0]
    )


def test_a_wrong_multiple_choice_try_names_the_wrong_pick_and_counts_the_missing(page):
    q = page.locator("fieldset[data-qid='pick']")
    result = _tick(q, ["Informed buying", "Payroll processing"])
    wrong = _letter(q, "Payroll processing")
    assert result == f"Not quite: {wrong} is wrong; 2 right options are still missing."
    # Only the picked options' feedback shows, and no option is marked as a key.
    visible = q.locator(".gs-quiz-feedback:visible").all_inner_texts()
    assert sorted(visible) == ["No: that is the service itself.", "Right: choosing suppliers well."]
    assert q.locator(".gs-quiz-key").count() == 0
    assert q.locator(".gs-quiz-explanation").is_hidden()


def test_only_missing_keys_are_counted_when_no_pick_is_wrong(page):
    q = page.locator("fieldset[data-qid='pick']")
    assert _tick(q, ["Informed buying"]) == "Not quite: 2 right options are still missing."


def test_a_correct_answer_shows_every_explanation_and_marks_the_keys(page):
    q = page.locator("fieldset[data-qid='pick']")
    result = _tick(q, ["Informed buying", "Contract monitoring", "Vendor development"])
    assert result == "Correct."
    assert q.locator(".gs-quiz-feedback:visible").count() == 5
    assert q.locator(".gs-quiz-key").count() == 3
    assert q.locator(".gs-quiz-explanation").is_visible()


def test_show_answer_reveals_the_keys_by_their_shown_letters(page):
    q = page.locator("fieldset[data-qid='pick']")
    q.locator(".gs-quiz-reveal").click()
    letters = sorted(
        _letter(q, t) for t in ("Informed buying", "Contract monitoring", "Vendor development")
    )
    expected = (
        f"Answer: {letters[0]}, {letters[1]} and {letters[2]}. Each option's feedback explains why."
    )
    assert q.locator(".gs-quiz-result").inner_text() == expected
    assert q.get_attribute("data-state") == "revealed"


def test_a_wrong_single_choice_try_shows_only_that_options_feedback(page):
    q = page.locator("fieldset[data-qid='one']")
    result = _tick(q, ["Total insourcing"])
    assert result.startswith(f"Not quite: {_letter(q, 'Total insourcing')} is not the best answer")
    assert q.locator(".gs-quiz-feedback:visible").all_inner_texts() == ["No."]


@pytest.mark.parametrize(
    ("typed", "result"),
    [
        ("17,5", "Correct (read as 17.5)."),
        ("17.5", "Correct."),
        ("17,6 %", "Correct (read as 17.6)."),
        (
            "17.9",
            "Close, but outside the accepted range of ±0.2: check your rounding and the last step.",
        ),
        (
            "0.175",
            "Not quite: your number is 100 times too small; check whether the question wants a percentage or a fraction.",
        ),
        ("25", "Not quite."),
        (
            "17,5 $m",
            "Not read as a number: that is not a number this question accepts (its unit is %).",
        ),
    ],
)
def test_numeric_answers_are_read_as_the_reader_means_them(page, typed, result):
    q = page.locator("fieldset[data-qid='rate']")
    q.locator("input").fill(typed)
    q.locator("input").press("Enter")
    assert q.locator(".gs-quiz-result").inner_text() == result


def test_the_answer_block_is_gone_and_the_buttons_are_back_with_javascript(page):
    assert page.locator("details.gs-quiz-answer").count() == 0
    assert page.locator(".gs-quiz-actions:visible").count() == 3


def test_without_javascript_the_answer_block_replaces_the_buttons(browser, quiz_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_url, wait_until="load")
    assert page.locator(".gs-quiz-check:visible").count() == 0
    blocks = page.locator("details.gs-quiz-answer")
    assert blocks.count() == 3
    for i in range(3):
        blocks.nth(i).locator("summary").click()
    text = page.locator("main").inner_text()
    assert "Answer: A, C, E." in text and "Answer: B." in text
    assert "Answer: 17.5 % (answers within ±0.2 are accepted)." in text
    assert "The retained team directs and manages" in text
    context.close()
