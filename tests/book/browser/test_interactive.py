"""Exhibits react to their controls and quizzes give the right feedback, with no server."""

import pytest

from globalsourcing.testing.site import site_pages

pytestmark = [pytest.mark.browser, pytest.mark.book]


def _pages_with(site, marker):
    return [rel for rel in site_pages(site) if marker in (site / rel).read_text(encoding="utf-8")]


# Moves one control to another value and reports whether the drawing changed.
CHANGE_CONTROL = """
async ([figIndex, ctlIndex]) => {
  const fig = document.querySelectorAll('figure.gs-exhibit')[figIndex];
  const svg = () => fig.querySelector('.gs-exhibit-view').innerHTML;
  const before = svg();
  const el = fig.querySelectorAll('.gs-exhibit-controls input, .gs-exhibit-controls select')[ctlIndex];
  const start = el.tagName === 'SELECT' ? el.selectedIndex : el.value;
  const startEl = el.type === 'radio' ? fig.querySelector('input[name="' + el.name + '"]:checked') : el;
  if (el.type === 'range') {
    const lo = Number(el.min), hi = Number(el.max), v = Number(el.value);
    el.value = String(Math.abs(v - hi) > Math.abs(v - lo) ? hi : lo);
    el.dispatchEvent(new Event('input', {bubbles: true}));
  } else if (el.tagName === 'SELECT') {
    el.selectedIndex = (el.selectedIndex + 1) % el.options.length;
    el.dispatchEvent(new Event('change', {bubbles: true}));
  } else if (el.type === 'radio') {
    const group = Array.from(fig.querySelectorAll('input[name="' + el.name + '"]'));
    const other = group.find(r => !r.checked);
    other.click();
  } else if (el.type === 'checkbox') {
    el.click();
  } else {
    return {skipped: el.type};
  }
  await fig.gsView.runAsync();
  for (let i = 0; i < 40 && svg() === before; i++) await new Promise(r => setTimeout(r, 25));
  const changed = svg() !== before;
  // Put the control back, so coupled controls are each tested from the exhibit's opening state.
  if (el.type === 'range') { el.value = start; el.dispatchEvent(new Event('input', {bubbles: true})); }
  else if (el.tagName === 'SELECT') { el.selectedIndex = start; el.dispatchEvent(new Event('change', {bubbles: true})); }
  else { startEl.click(); }
  await fig.gsView.runAsync();
  return {changed: changed, name: el.name || el.type};
}
"""


def test_every_exhibit_draws_and_every_control_changes_it(site, base_url, page_and_log):
    page, log = page_and_log
    pages = _pages_with(site, 'class="gs-exhibit"')
    assert pages, "no page of the book carries an exhibit"
    problems = []
    for rel in pages:
        page.goto(base_url + rel, wait_until="load")
        figures = page.locator("figure.gs-exhibit")
        for i in range(figures.count()):
            figure = figures.nth(i)
            try:
                page.wait_for_function(
                    "f => f.getAttribute('data-ready') !== null",
                    arg=figure.element_handle(),
                    timeout=10_000,
                )
            except Exception:
                problems.append(f"{rel} exhibit {i}: never drew")
                continue
            if figure.get_attribute("data-ready") != "true":
                problems.append(f"{rel} exhibit {i}: {figure.inner_text()[:200]}")
                continue
            controls = figure.locator(".gs-exhibit-controls input, .gs-exhibit-controls select")
            seen_radio = set()
            for c in range(controls.count()):
                name = controls.nth(c).get_attribute("name")
                if controls.nth(c).get_attribute("type") == "radio":
                    if name in seen_radio:
                        continue
                    seen_radio.add(name)
                result = page.evaluate(CHANGE_CONTROL, [i, c])
                if not result.get("changed") and "skipped" not in result:
                    problems.append(
                        f"{rel} exhibit {i}: moving control {result.get('name')} changed nothing"
                    )
    assert not log.console_errors, log.console_errors[:5]
    assert not problems, "\n".join(problems)


def _answer_question(page, fieldset, correct: bool):
    kind = fieldset.get_attribute("data-type")
    if kind == "numeric":
        answer = float(fieldset.get_attribute("data-answer"))
        tol = float(fieldset.get_attribute("data-tolerance"))
        fieldset.locator("input").fill(
            repr(answer if correct else answer + 10 * tol + abs(answer) + 1)
        )
    else:
        options = fieldset.locator(".gs-quiz-option")
        for o in range(options.count()):
            option = options.nth(o)
            is_right = option.get_attribute("data-correct") == "true"
            box = option.locator("input")
            if kind == "single":
                if is_right == correct:
                    option.locator("label").click()
                    break
            else:
                want = is_right if correct else not is_right
                if box.is_checked() != want:
                    option.locator("label").click()
    fieldset.locator(".gs-quiz-check").click()
    return fieldset.locator(".gs-quiz-result").inner_text()


def test_every_quiz_question_gives_feedback_for_right_and_wrong_answers(
    site, base_url, page_and_log
):
    page, log = page_and_log
    pages = _pages_with(site, 'class="gs-quiz"')
    assert pages, "no page of the book carries a quiz"
    problems = []
    checked = 0
    for rel in pages:
        page.goto(base_url + rel, wait_until="load")
        questions = page.locator("fieldset.gs-quiz-question")
        for q in range(questions.count()):
            fieldset = questions.nth(q)
            where = f"{rel} question {fieldset.get_attribute('data-qid')}"
            wrong = _answer_question(page, fieldset, correct=False)
            visible_feedback = fieldset.locator(".gs-quiz-feedback:visible")
            if not wrong.startswith("Not quite") or visible_feedback.count() == 0:
                problems.append(
                    f"{where}: a wrong answer gave {wrong!r} with {visible_feedback.count()} feedback shown"
                )
            right = _answer_question(page, fieldset, correct=True)
            if right != "Correct." or visible_feedback.count() == 0:
                problems.append(f"{where}: the right answer gave {right!r}")
            checked += 1
    assert checked >= 4
    assert not log.console_errors, log.console_errors[:5]
    assert not problems, "\n".join(problems[:30])


def test_a_quiz_can_be_answered_with_the_keyboard_alone(site, base_url, page_and_log):
    page, _ = page_and_log
    rel = _pages_with(site, 'data-type="single"')[0]
    page.goto(base_url + rel, wait_until="load")
    fieldset = page.locator('fieldset.gs-quiz-question[data-type="single"]').first
    options = fieldset.locator(".gs-quiz-option")
    right = next(
        i for i in range(options.count()) if options.nth(i).get_attribute("data-correct") == "true"
    )
    first = options.nth(0).locator("input")
    first.focus()
    page.keyboard.press("Space")  # selects the first radio
    for _ in range(right):
        page.keyboard.press("ArrowDown")  # radios in a group move with the arrow keys
    page.keyboard.press("Tab")  # to the Check button
    page.keyboard.press("Enter")
    assert fieldset.locator(".gs-quiz-result").inner_text() == "Correct."
    # The result is announced to screen readers.
    assert fieldset.locator(".gs-quiz-result").get_attribute("aria-live") == "polite"
