"""Quizzes as a reader meets them: shuffled options, teaching feedback, no-JS answers, glossary."""

import re
from collections import Counter

import pytest

from globalsourcing.quiz.numbers import NumberFormatError, format_number, parse_number
from globalsourcing.testing.site import site_pages, watch

pytestmark = [pytest.mark.browser, pytest.mark.book]

# Every question on the page: its id, type, option texts in the order shown, the shown letters,
# the source letters in shown order, and the positions (in shown order) of the right options.
READ_ORDER = """
() => Array.from(document.querySelectorAll('fieldset.gs-quiz-question')).map(f => ({
  quiz: f.closest('.gs-quiz').dataset.quiz,
  qid: f.closest('.gs-quiz').dataset.quiz + '/' + f.dataset.qid,
  type: f.dataset.type,
  options: Array.from(f.querySelectorAll('.gs-quiz-option')).map(o => o.querySelector('label').textContent.replace(/^[A-Z]\\.\\s*/, '')),
  letters: Array.from(f.querySelectorAll('.gs-quiz-letter')).map(l => l.textContent),
  source: Array.from(f.querySelectorAll('.gs-quiz-option input')).map(i => i.value.charCodeAt(0) - 65),
  keys: Array.from(f.querySelectorAll('.gs-quiz-option')).map((o, i) => o.dataset.correct === 'true' ? i : -1).filter(i => i >= 0),
}))
"""
SEEDS = range(1, 9)


def _quiz_pages(site):
    pages = [rel for rel in site_pages(site) if 'class="gs-quiz"' in (site / rel).read_text()]
    assert pages, "no page of the book carries a quiz"
    return pages


def _context(browser, base_url, seed=None, storage=True, javascript=True):
    context = browser.new_context(java_script_enabled=javascript)
    if seed is not None:
        context.add_init_script(f"localStorage.setItem('gs-quiz-seed', '{seed}')")
    if not storage:
        # A browser that refuses site storage (privacy settings): every access throws.
        context.add_init_script(
            "Object.defineProperty(window, 'localStorage', "
            "{get() { throw new DOMException('blocked', 'SecurityError'); }})"
        )
    page = context.new_page()
    return context, page, watch(page, base_url)


def _orders(browser, base_url, pages, **kwargs):
    context, page, log = _context(browser, base_url, **kwargs)
    found = {}
    for rel in pages:
        page.goto(base_url + rel, wait_until="load")
        for q in page.evaluate(READ_ORDER):
            found[q["qid"]] = q
    context.close()
    if kwargs.get("storage", True):
        # With storage blocked the theme's own scripts throw; the quiz must still work (below).
        assert not log.console_errors, log.console_errors[:5]
    return found


@pytest.fixture(scope="module")
def by_seed(site, browser, base_url):
    """The shown order of every question for eight readers' seeds.

    The page is loaded once as reader 1 and must show exactly the order the script's
    ``permutation`` gives for that seed; the other readers' orders come from the same function,
    so eight readers cost one pass over the site.
    """
    context, page, log = _context(browser, base_url, seed=1)
    found = {seed: {} for seed in SEEDS}
    for rel in _quiz_pages(site):
        page.goto(base_url + rel, wait_until="load")
        for q in page.evaluate(READ_ORDER):
            if q["type"] == "numeric":
                continue
            n = len(q["source"])
            qid = q["qid"].split("/", 1)[1]
            right = {q["source"][i] for i in q["keys"]}  # source indices of the right options
            for seed in SEEDS:
                order = page.evaluate(
                    "([s, quiz, qid, n]) => window.gsQuiz.permutation(s, quiz, qid, n)",
                    [str(seed), q["quiz"], qid, n],
                )
                if seed == 1:
                    assert order == q["source"], f"{rel} {q['qid']}: shown order is not the seed's"
                shown = [q["options"][q["source"].index(k)] for k in order]
                keys = [i for i, k in enumerate(order) if k in right]
                found[seed][q["qid"]] = {**q, "options": shown, "keys": keys}
    context.close()
    assert not log.console_errors, log.console_errors[:5]
    return found


def test_each_reader_sees_the_options_in_a_different_order(by_seed):
    first, second = by_seed[1], by_seed[2]
    choice = list(first)
    assert len(choice) > 20
    differ = [qid for qid in choice if first[qid]["options"] != second[qid]["options"]]
    # Same options, other order, and letters follow the shown order.
    for qid in choice:
        assert sorted(first[qid]["options"]) == sorted(second[qid]["options"]), qid
        n = len(first[qid]["options"])
        assert first[qid]["letters"] == [f"{chr(65 + i)}." for i in range(n)], qid
    assert len(differ) >= len(choice) // 2, f"only {len(differ)} of {len(choice)} orders differ"


def test_the_order_carries_no_information_about_the_answer(by_seed):
    """Over the whole bank no shown position holds most keys, and every key moves between readers."""
    problems = []
    pooled = Counter()
    for seed, questions in by_seed.items():
        singles = [q for q in questions.values() if q["type"] == "single"]
        positions = Counter(q["keys"][0] for q in singles)
        pooled.update(positions)
        top, count = positions.most_common(1)[0]
        # One reader's ~100 keys vary by chance: simulated over 200 readers the top share
        # stayed under 40%, so 45% only fails on a real bias in the shuffle.
        if count / len(singles) > 0.45:
            problems.append(f"seed {seed}: position {top} holds {count} of {len(singles)} keys")
    top, count = pooled.most_common(1)[0]
    if count / sum(pooled.values()) > 0.35:
        problems.append(
            f"over eight readers position {top} holds {count} of {sum(pooled.values())}"
        )
    for qid, q in by_seed[1].items():
        if q["type"] == "numeric":
            continue
        seen = {tuple(by_seed[s][qid]["keys"]) for s in by_seed}
        if len(seen) == 1:
            problems.append(f"{qid}: the key sits at {seen.pop()} for all eight readers")
    assert not problems, "\n".join(problems[:20])


def test_a_readers_order_survives_a_reload(site, browser, base_url):
    rel = _quiz_pages(site)[0]
    context, page, _ = _context(browser, base_url)
    page.goto(base_url + rel, wait_until="load")
    before = page.evaluate(READ_ORDER)
    seed = page.evaluate("localStorage.getItem('gs-quiz-seed')")
    assert seed and seed.isdigit(), "no reader seed was stored"
    page.reload(wait_until="load")
    assert page.evaluate(READ_ORDER) == before
    context.close()


def test_without_storage_the_order_is_a_stable_per_page_constant(site, browser, base_url):
    pages = _quiz_pages(site)
    one = _orders(browser, base_url, pages, storage=False)
    two = _orders(browser, base_url, pages, storage=False)
    assert one == two
    assert any(q["letters"] for q in one.values()), "no question was shuffled"
    context, page, _ = _context(browser, base_url, storage=False)
    for rel in pages[:3]:  # the orders above already cover every page
        page.goto(base_url + rel, wait_until="load")
        sources = page.eval_on_selector_all(".gs-quiz", "qs => qs.map(q => q.dataset.seedSource)")
        assert sources and set(sources) == {"page"}, f"{rel}: seed sources {sources}"
    context.close()


NUMBER_CASES = [
    ("17,5", ""),
    ("1,234", ""),
    ("1 234,5", ""),
    ("1.234.567", ""),
    ("1,234.5", ""),
    ("\u22123", ""),
    ("12%", "%"),
    ("12 percent", "%"),
    ("12%", "$m"),
    ("$450m", "$m"),
    ("450 m", "$m"),
    ("£2,5", "£"),
    ("3x", "times"),
    ("450 years", "$m"),
    ("1,23,4", ""),
    ("twelve", ""),
    ("", ""),
]


def test_the_page_reads_numbers_exactly_as_the_bank_does(site, browser, base_url):
    context, page, _ = _context(browser, base_url)
    page.goto(base_url + _quiz_pages(site)[0], wait_until="load")
    for text, unit in NUMBER_CASES:
        in_page = page.evaluate(
            "([t, u]) => { try { return window.gsQuiz.parseNumber(t, u); } catch (e) { return null; } }",
            [text, unit],
        )
        try:
            expected = parse_number(text, unit)
        except NumberFormatError:
            expected = None
        assert in_page == pytest.approx(expected) if expected is not None else in_page is None, (
            f"{text!r} with unit {unit!r}: page {in_page}, bank {expected}"
        )
    context.close()


def _each_question(site, page, base_url, selector="fieldset.gs-quiz-question"):
    """(where, fieldset) for every question on every quiz page that matches ``selector``."""
    for rel in _quiz_pages(site):
        page.goto(base_url + rel, wait_until="load")
        found = page.locator(selector)
        for n in range(found.count()):
            fieldset = found.nth(n)
            yield f"{rel} {fieldset.get_attribute('data-qid')}", fieldset


def _check(fieldset, text):
    fieldset.locator("input").fill(text)
    fieldset.locator(".gs-quiz-check").click()
    return fieldset.locator(".gs-quiz-result").inner_text()


def test_every_numeric_question_takes_a_decimal_comma_its_unit_and_hints_when_close(
    site, browser, base_url
):
    context, page, log = _context(browser, base_url)
    problems, checked = [], 0
    for where, fieldset in _each_question(site, page, base_url, "fieldset[data-type='numeric']"):
        answer = float(fieldset.get_attribute("data-answer"))
        tol = float(fieldset.get_attribute("data-tolerance"))
        unit = fieldset.get_attribute("data-unit") or ""
        # A value with a fractional part, inside the tolerance, written with a comma.
        typed = f"{answer + min(tol, 0.05):.2f}".replace(".", ",")
        result = _check(fieldset, typed + (f" {unit}" if unit else ""))
        if not result.startswith("Correct"):
            problems.append(f"{where}: {typed!r} {unit} gave {result!r}")
        if tol > 0:
            close = _check(fieldset, repr(answer + 2 * tol))
            if not close.startswith("Close"):
                problems.append(f"{where}: 2x tolerance away gave {close!r}")
        refused = _check(fieldset, "about 12")
        if not refused.startswith("Not read as a number"):
            problems.append(f"{where}: text was graded: {refused!r}")
        checked += 1
    context.close()
    assert checked >= 5, f"only {checked} numeric questions in the book"
    assert not log.console_errors, log.console_errors[:5]
    assert not problems, "\n".join(problems[:20])


def _choose(fieldset, indices):
    options = fieldset.locator(".gs-quiz-option")
    for i in range(options.count()):
        box = options.nth(i).locator("input")
        if box.is_checked() != (i in indices):
            options.nth(i).locator("label").click()


def test_a_wrong_try_names_wrong_picks_and_counts_missing_keys_without_marking_them(
    site, browser, base_url
):
    context, page, log = _context(browser, base_url)
    problems, checked = [], 0
    choice = "fieldset.gs-quiz-question:not([data-type='numeric'])"
    for where, fieldset in _each_question(site, page, base_url, choice):
        rows = fieldset.locator(".gs-quiz-option")
        keys = [
            i for i in range(rows.count()) if rows.nth(i).get_attribute("data-correct") == "true"
        ]
        wrong = [i for i in range(rows.count()) if i not in keys]
        if not wrong:
            continue
        picked = (
            keys[:1] + wrong[:1] if fieldset.get_attribute("data-type") == "multiple" else wrong[:1]
        )
        _choose(fieldset, picked)
        fieldset.locator(".gs-quiz-check").click()
        result = fieldset.locator(".gs-quiz-result").inner_text()
        letter = chr(65 + wrong[0])
        if not result.startswith("Not quite") or not re.search(rf"\b{letter}\b", result[9:]):
            problems.append(f"{where}: wrong try said {result!r}, not naming {letter}")
        missing = len(keys) - (1 if fieldset.get_attribute("data-type") == "multiple" else 0)
        if fieldset.get_attribute("data-type") == "multiple" and missing:
            expected = f"{missing} right option{'s are' if missing > 1 else ' is'} still missing"
            if expected not in result:
                problems.append(f"{where}: {result!r} lacks {expected!r}")
        shown = [
            i for i in range(rows.count()) if rows.nth(i).locator(".gs-quiz-feedback").is_visible()
        ]
        marked = fieldset.locator(".gs-quiz-key").count()
        if sorted(shown) != sorted(picked) or marked:
            problems.append(
                f"{where}: feedback shown for {shown}, picked {picked}, {marked} keys marked"
            )
        # "Show answer" gives it all away on purpose: every key marked, every explanation shown.
        fieldset.locator(".gs-quiz-reveal").click()
        if (
            fieldset.locator(".gs-quiz-key").count() != len(keys)
            or fieldset.locator(".gs-quiz-feedback:visible").count() != rows.count()
        ):
            problems.append(f"{where}: Show answer did not reveal every key and explanation")
        if fieldset.get_attribute("data-state") != "revealed":
            problems.append(
                f"{where}: state {fieldset.get_attribute('data-state')!r} after Show answer"
            )
        checked += 1
    context.close()
    assert checked > 20
    assert not log.console_errors, log.console_errors[:5]
    assert not problems, "\n".join(problems[:20])


def test_without_javascript_every_question_has_an_answer_block_and_no_inert_buttons(
    site, browser, base_url
):
    from globalsourcing.quiz import load_bank

    bank = load_bank()
    context, page, _ = _context(browser, base_url, javascript=False)
    problems, checked = [], 0
    for where, fieldset in _each_question(site, page, base_url):
        quiz_id = fieldset.evaluate("f => f.closest('.gs-quiz').dataset.quiz")
        question = bank[quiz_id].question(fieldset.get_attribute("data-qid"))
        if fieldset.locator(".gs-quiz-check").is_visible():
            problems.append(f"{where}: a Check button shows without JavaScript")
        block = fieldset.locator("details.gs-quiz-answer")
        if block.count() != 1 or block.locator("summary").inner_text() != "Answer and explanation":
            problems.append(f"{where}: no answer block")
            continue
        block.locator("summary").click()
        text = block.inner_text()
        key = question.answer_key
        expected = format_number(key) if question.type == "numeric" else ", ".join(key)
        if f"Answer: {expected}" not in text:
            problems.append(f"{where}: the block does not give 'Answer: {expected}'")
        if question.type != "numeric" and fieldset.locator(".gs-quiz-option").count() != len(
            question.options
        ):
            problems.append(f"{where}: options missing")
        checked += 1
    context.close()
    assert checked == sum(len(q.questions) for q in bank.values()), (
        "a quiz of the bank is not on the site"
    )
    assert not problems, "\n".join(problems[:20])


def test_with_javascript_the_answer_block_is_replaced_by_the_check(site, page_and_log, base_url):
    page, _ = page_and_log
    page.goto(base_url + _quiz_pages(site)[0], wait_until="load")
    assert page.locator("details.gs-quiz-answer").count() == 0
    assert page.locator(".gs-quiz-check").first.is_visible()
    assert page.locator(".gs-quiz-reveal").first.is_visible()


def _contrast(page, selector):
    return page.evaluate(
        """sel => {
      const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
        v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const el = document.querySelector(sel);
      let bg = el, color = getComputedStyle(el).color;
      while (bg && /rgba\\(0, 0, 0, 0\\)|transparent/.test(getComputedStyle(bg).backgroundColor)) bg = bg.parentElement;
      const back = bg ? getComputedStyle(bg).backgroundColor : 'rgb(255, 255, 255)';
      const [a, b] = [lum(color), lum(back)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    }""",
        selector,
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_result_line_is_readable_in_light_and_dark_mode(site, page_and_log, base_url, theme):
    page, _ = page_and_log
    page.goto(base_url + _quiz_pages(site)[0], wait_until="load")
    page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
    fieldset = page.locator("fieldset.gs-quiz-question:not([data-type='numeric'])").first
    rows = fieldset.locator(".gs-quiz-option")
    keys = [i for i in range(rows.count()) if rows.nth(i).get_attribute("data-correct") == "true"]
    wrong = [i for i in range(rows.count()) if i not in keys]
    for picked, state in ((wrong[:1], "incorrect"), (keys, "correct")):
        _choose(fieldset, picked)
        fieldset.locator(".gs-quiz-check").click()
        assert fieldset.get_attribute("data-state") == state
        qid = fieldset.get_attribute("data-qid")
        ratio = _contrast(page, f"fieldset[data-qid='{qid}'] .gs-quiz-result")
        assert ratio >= 4.5, f"{theme} {state}: contrast {ratio:.2f}:1"


def test_every_chapter_key_term_links_to_its_glossary_entry(site):
    glossary = (site / "book" / "glossary.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<dt id="(term-[^"]+)"', glossary))
    assert len(anchors) > 80
    problems, linked = [], 0
    for rel in site_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        match = re.search(r'<section id="key-terms">(.*?)</section>', html, re.S)
        if not match:
            continue
        terms = re.findall(r"<dt[^>]*>(.*?)</dt>", match.group(1), re.S)
        assert terms, f"{rel}: a Key terms section without terms"
        for term in terms:
            targets = re.findall(r'href="[^"]*glossary\.html#(term-[^"]+)"', term)
            if not targets or not set(targets) <= anchors:
                problems.append(f"{rel}: {re.sub('<[^>]+>', '', term).strip()!r} -> {targets}")
            linked += len(targets)
    assert linked >= 100, f"only {linked} key-term links"
    assert not problems, "\n".join(problems[:20])


def test_glossary_link_lands_on_the_definition_and_the_index_lists_cases(
    site, page_and_log, base_url
):
    page, log = page_and_log
    rel = next(r for r in site_pages(site) if "glossary.html#term-" in (site / r).read_text())
    page.goto(base_url + rel, wait_until="load")
    link = page.locator("#key-terms a[href*='glossary.html#term-']").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("glossary.html#" + anchor)
    target = page.locator(":target")
    assert target.get_attribute("id") == anchor and target.is_visible()
    assert target.evaluate("t => t.nextElementSibling.closest('dl') !== null")
    page.locator("a[href$='genindex.html']").first.click()
    page.wait_for_load_state("load")
    index = page.locator("main, article, body").first.inner_text()
    for entry in ("Kodak and IBM (1989)", "Xchanging", "TopCoder", "Transactive memory system"):
        assert entry in index, f"the index lacks {entry!r}"
    assert not log.console_errors, log.console_errors[:5]
