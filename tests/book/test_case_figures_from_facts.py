"""Every figure in the cases and their teaching notes is drawn from the fact base.

The rule (globalsourcing.data.fact_check.hand_typed_figures): in the prose and exhibit
tables of a case page or teaching note, a numeral is a figure typed by hand, and fails,
unless it is
- a calendar year used as a date ("in 1989", "1989-1993", "the 1990s"); a day or month
  number is not exempt ("25 July 1989" is rendered with {fact}`kodak_announced`);
- a number of the book's own things (exhibit, table, case, lesson, trend, challenge,
  question, part, chapter, step or problem-set numbers, "T13", "PS2") or a list marker;
- a minute of the class in a teaching note ("80 minutes", a discussion plan's "| 10-25 |");
- a digit inside a listed proper name ("Fortune 500", "Check 21", "Forward '28").
Figures come from ``{fact}`` and ``{fact-spread}`` roles, which render the value and cite
its source. Code cells compute from the data and are not prose; quiz blocks are YAML that
the roles cannot reach, and their figures are checked by hand (docs/content-audit.md).
A new case joins CASES once its figures are in the fact base (all eleven are in).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from globalsourcing.data.fact_check import hand_typed_figures

REPO = Path(__file__).resolve().parents[2]
CASES = (
    "01-kodak-ibm",
    "02-sainsburys-accenture",
    "03-bae-systems-xchanging",
    "04-lloyds-xchanging",
    "05-jpmorgan-chase-ibm",
    "06-rural-sourcing",
    "07-gecis-genpact",
    "08-citigroup-tcs",
    "09-topcoder",
    "10-abn-amro-suppliers",
    "11-danske-bank-infosys",
)
PAGES = [
    *(f"book/cases/{name}.md" for name in CASES),
    *(f"instructor/teaching-notes/{name}.md" for name in CASES),
]


@pytest.mark.parametrize("page", PAGES)
def test_a_case_or_note_states_no_figure_typed_by_hand(page):
    found = hand_typed_figures((REPO / page).read_text(encoding="utf-8"))
    assert not found, "\n".join(f"{number!r} in: {sentence[:160]}" for number, sentence in found)


def test_every_case_page_and_note_is_covered():
    for page in PAGES:
        assert (REPO / page).is_file(), page


@pytest.mark.parametrize(
    "planted",
    [
        "IBM took over 5 data centres.",
        "The contract was worth $500 million a year.",
        "About 60% of the work moved.",
        "The deal was announced on 25 July 1989.",
        "Some 12,000 of them worked in India.",
        "* - Staff\n  - About 4,000\n",
    ],
)
def test_a_planted_hand_typed_figure_fails(planted):
    page = REPO / "book/cases/01-kodak-ibm.md"
    text = page.read_text(encoding="utf-8")
    assert not hand_typed_figures(text)
    text = text.replace("## The decision\n", f"## The decision\n\n{planted}\n\n", 1)
    assert hand_typed_figures(text), planted


@pytest.mark.parametrize(
    "allowed",
    [
        "In 1989 the market was small; by the 1990s it was not, and 1989-1993 saw imitators.",
        "See Exhibit 1.2, question 3 of Case 4, trend T13 and Lesson 6 in Part 2.",
        "The budget was {fact}`kodak_it_budget` {footcite:p}`caseAP1989kodak`.",
        "Among the Fortune 500, few had done it.",
        "## Discussion plan (80 minutes)\n\n| Time | Block |\n| --- | --- |\n| 10-25 | Vote |",
        "```{code-cell} ipython3\nx = 500 * 0.3\n```",
        "```{quiz}\nquestions:\n  - id: q1\n    prompt: Assume 30 per cent of $500 million.\n```",
    ],
)
def test_dates_own_numbers_roles_and_code_are_not_figures(allowed):
    assert hand_typed_figures(f"# Page\n\n{allowed}\n") == [], allowed
