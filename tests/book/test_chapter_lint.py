"""The chapter linter (globalsourcing.authoring.lint): the whole book passes, every rule can fail.

The book test runs every rule over book/ and instructor/ and fails with the linter's own
list (``file:line: family/rule: message``). The other tests plant one mistake in a copy of
a real chapter (or in a small page written here) and check that the rule meant to catch it
fires, and that it did not fire before the mistake was planted.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from globalsourcing.authoring.lint import FAMILIES, UNVERIFIED, Book, lint, lint_page


def test_the_book_passes_the_chapter_linter(repo_root):
    findings = lint(root=repo_root)
    assert not findings, "\n".join(str(f) for f in findings)


@pytest.fixture(scope="module")
def copy_root(repo_root, tmp_path_factory) -> Path:
    """A copy of book/ and instructor/, where a test may plant a mistake."""
    root = tmp_path_factory.mktemp("book-copy")
    shutil.copytree(repo_root / "book", root / "book")
    shutil.copytree(repo_root / "instructor", root / "instructor")
    return root


# The research briefs and the abstract beside the clone (not beside the copy).
SHARED = Path(__file__).resolve().parents[3] / "shared"


@functools.cache
def _book(root: Path) -> Book:
    """The bibliography and references of a root, read once (planted mistakes leave them be)."""
    return Book(root, SHARED)


def _rules(path: Path, root: Path, run_cells: bool = False) -> set[str]:
    findings, _ = lint_page(path, _book(root), run_cells)
    return {f.rule for f in findings}


def _plant(copy_root: Path, page: str, old: str, new: str, rule: str, run_cells=False) -> None:
    """Replace ``old`` by ``new`` everywhere in a copy of ``page``: ``rule`` fires after, not before."""
    path = copy_root / page
    original = path.read_text(encoding="utf-8")
    assert old in original, f"{page} no longer holds {old!r}: choose another place to plant"
    try:
        assert rule not in _rules(path, copy_root, run_cells), f"{rule} fires on {page} as it is"
        path.write_text(original.replace(old, new), encoding="utf-8")
        assert rule in _rules(path, copy_root, run_cells), f"{rule} missed {new!r} in {page}"
    finally:
        path.write_text(original, encoding="utf-8")


LESSON = "book/lessons/01-joint-decisions.md"
CHALLENGE = "book/challenges/03-knowledge-transfer.md"
CASE = "book/cases/09-topcoder.md"
NOTE = "instructor/teaching-notes/09-topcoder.md"
TREND = "book/trends/03-asp-insourcing-nearshoring.md"

PLANTED = {
    # structure
    "a missing section": (LESSON, "## Key terms\n", "## Terms\n", "structure/sections"),
    "sections out of order": (
        LESSON,
        "## Learning objectives\n",
        "## Discussion questions\n\nNone yet.\n\n## Learning objectives\n",
        "structure/sections",
    ),
    "a section after the references": (
        LESSON,
        "```{footbibliography}\n```",
        "```{footbibliography}\n```\n\n## Appendix\n\nMore.",
        "structure/sections",
    ),
    "a case section missing": (
        CASE,
        "## What the record does not tell us",
        "## Gaps",
        "structure/sections",
    ),
    "a teaching-note section missing": (NOTE, "## Board plan", "## Board", "structure/sections"),
    "a chapter too long": (
        LESSON,
        "## Discussion questions\n",
        "## Discussion questions\n\n" + "Padding words repeat here. " * 600 + "\n\n",
        "structure/length",
    ),
    "a case's objectives not listed": (
        CASE,
        "## Learning objectives\n",
        "## Learning objectives\n\nThree goals in a paragraph, not a list.\n\n## Goals\n",
        "structure/objectives",
    ),
    "two titles": (
        LESSON,
        "## The lesson in brief\n",
        "# Another title\n\n## The lesson in brief\n",
        "structure/title",
    ),
    "code cells without front matter": (LESSON, "kernelspec:", "kernel:", "structure/front-matter"),
    "a link to a missing page": (
        LESSON,
        "## Discussion questions\n",
        "## Discussion questions\n\nSee [the lost chapter](../cases/99-lost.md).\n",
        "structure/link",
    ),
    # quizzes
    "an option without feedback": (
        LESSON,
        "        feedback: Yes. Cost and service pull in different directions, so the objectives must be ranked.\n",
        "",
        "quiz/parse",
    ),
    "a quiz without the part's prefix": (
        LESSON,
        ":id: lesson-joint-decisions",
        ":id: joint-decisions",
        "quiz/id",
    ),
    "a chapter without its quiz": (LESSON, "```{quiz}", "```{note}", "quiz/count"),
    # citations
    "an unknown key": (
        LESSON,
        "## Key terms\n",
        "Cited {footcite:p}`nosuchkey2099`.\n\n## Key terms\n",
        "citations/unknown-key",
    ),
    "a teaching-note source in the student book": (
        LESSON,
        "## Key terms\n",
        "Cited {footcite:p}`caseGrocer2005sainsburys`.\n\n## Key terms\n",
        "citations/unknown-key",
    ),
    "no references at the end": (LESSON, "```{footbibliography}\n```", "", "citations/references"),
    "a challenge that does not cite the 2008 article": (
        CHALLENGE,
        "lacity2008global",
        "lacity1998misq",
        "citations/must-cite",
    ),
    # exhibits
    "an exhibit cell that shows its code": (
        LESSON,
        ":tags: [remove-input]",
        ":tags: [hide-input]",
        "exhibits/cell",
    ),
    # honesty
    "an unfinished page": (
        LESSON,
        "## Key terms\n",
        "TODO: finish.\n\n## Key terms\n",
        "honesty/unfinished",
    ),
    "a success rate stated as a percentage": (
        LESSON,
        "## Key terms\n",
        "Selective deals met with success in 77% of the cases.\n\n## Key terms\n",
        "honesty/unverified",
    ),
    "a percentage in a paragraph citing the 1998 study": (
        CHALLENGE,
        "## Learning objectives\n",
        "Most deals disappointed {footcite:p}`lacity1998misq`.\nAbout 38% did.\n\n## Learning objectives\n",
        "honesty/unverified",
    ),
    "a challenge that does not call its list the course's synthesis": (
        CHALLENGE,
        "synthesis",
        "summary",
        "honesty/synthesis",
    ),
    "a case that presents the lessons as the paper's list": (
        CASE,
        "synthesis",
        "list",
        "honesty/synthesis",
    ),
    "an UNVERIFIED figure in a quiz option": (
        TREND,
        "\n        feedback:",
        " (as 85% of deals did)\n        feedback:",
        "honesty/unverified",
    ),
}


@pytest.mark.parametrize("planted", PLANTED, ids=lambda s: s.replace(" ", "-"))
def test_a_planted_mistake_is_caught(copy_root, planted):
    page, old, new, rule = PLANTED[planted]
    _plant(copy_root, page, old, new, rule)


def test_every_rule_family_has_a_planted_mistake():
    planted = {rule.split("/")[0] for *_, rule in PLANTED.values()}
    assert planted == set(FAMILIES)


def test_the_unverified_patterns_catch_the_figures_they_name():
    examples = [
        "Long-term contracts succeeded in 85% of cases.",
        "selective deals succeeded 75–85 per cent of the time",
        "about 30-40% of total outsourcing decisions",
        "Xchanging automated 14 processes",
        "O2 handles 400,000 transactions a month",
    ]
    for text in examples:
        assert any(p.search(text) for p in UNVERIFIED.values()), text
    for text in ["a saving of 12% on year-one cost", "62 per cent of participants", "25%"]:
        assert not any(p.search(text) for p in UNVERIFIED.values()), text


def test_a_quotation_of_the_2008_article_is_caught(copy_root):
    _plant(
        copy_root,
        CHALLENGE,
        "## Learning objectives\n",
        'The article lists "knowledge transfer as the fourth challenge" {footcite:p}`lacity2008global`.'
        "\n\n## Learning objectives\n",
        "honesty/quotation",
    )


def test_a_run_copied_from_a_brief_or_the_abstract_is_caught(copy_root):
    references = _book(copy_root).references
    briefs, abstracts = (
        sorted((references.shared / "research").glob("*.md")),
        sorted((references.shared / "seed").glob("*.txt")),
    )
    if not (briefs and abstracts):
        pytest.skip("../shared/research and ../shared/seed are not beside the clone")
    brief = "rural suppliers pitch a price below urban suppliers and value above offshore"
    assert brief in (references.shared / "research" / "paper-brief.md").read_text(encoding="utf-8")
    run = " ".join(sorted(references.abstract_grams)[0])
    for planted in (f"In short, {brief}.", f"As it says, {run}."):
        _plant(
            copy_root, LESSON, "## Key terms\n", f"{planted}\n\n## Key terms\n", "honesty/copied"
        )
    # The same facts in the course's own words do not fire.
    page = copy_root / LESSON
    original = page.read_text(encoding="utf-8")
    own = "Rural firms price under city suppliers and offer more than offshore ones."
    try:
        page.write_text(original.replace("## Key terms\n", f"{own}\n\n## Key terms\n"), "utf-8")
        assert "honesty/copied" not in _rules(page, copy_root)
    finally:
        page.write_text(original, encoding="utf-8")


def test_a_chapter_citing_too_few_sources_is_caught(copy_root, tmp_path):
    # A teaching chapter cites one source at least, a case four.
    keys = ["lacity2008global", "lacity1998misq", "kern2002winners", "willcocks2009beyondbric"]
    for folder, enough in (("lessons", 1), ("cases", 4)):
        page = tmp_path / folder / "01-planted.md"
        page.parent.mkdir()
        for n, fires in ((enough, False), (enough - 1, True)):
            cites = " ".join(f"{{footcite:p}}`{k}`" for k in keys[:n])
            page.write_text(f"# A planted page\n\nSources: {cites}.\n", encoding="utf-8")
            assert ("citations/too-few" in _rules(page, copy_root)) is fires, (folder, n)


# --- quizzes written here: size, levels, options ------------------------------------------


def _question(n: int, level: str = "apply", options: int = 3) -> dict:
    return {
        "id": f"q{n}",
        "type": "single",
        "level": level,
        "prompt": f"Which answer is right for planted question {n}?",
        "options": [
            {
                "text": f"Answer {i}",
                "feedback": f"Feedback {i}.",
                **({"correct": True} if i == 0 else {}),
            }
            for i in range(options)
        ],
    }


def _quiz_page(folder: Path, name: str, quiz_id: str, questions: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump({"questions": questions}, sort_keys=False)
    page = folder / name
    page.write_text(
        f"# A planted page\n\n```{{quiz}}\n:id: {quiz_id}\n{body}```\n", encoding="utf-8"
    )
    return page


@pytest.mark.parametrize(
    ("questions", "rule"),
    [
        ([_question(n) for n in range(4)], "quiz/questions"),
        ([_question(n, "recall") for n in range(4)] + [_question(5)], "quiz/levels"),
        ([_question(n) for n in range(4)] + [_question(5, options=2)], "quiz/options"),
    ],
    ids=["four-questions", "mostly-recall", "two-options"],
)
def test_a_planted_quiz_rule_fires(copy_root, tmp_path, questions, rule):
    good = _quiz_page(
        tmp_path / "book", "good.md", "planted-good", [_question(n) for n in range(5)]
    )
    bad = _quiz_page(tmp_path / "book", "bad.md", "planted-bad", questions)
    assert not {r for r in _rules(good, copy_root) if r.startswith("quiz/")}
    assert rule in _rules(bad, copy_root)


def test_a_quiz_id_used_twice_in_the_book_is_caught(copy_root, tmp_path):
    questions = [_question(n) for n in range(5)]
    one = _quiz_page(tmp_path / "a", "one.md", "planted-twice", questions)
    two = _quiz_page(tmp_path / "b", "two.md", "planted-twice", questions)
    assert "quiz/id" not in {f.rule for f in lint([one], copy_root)}
    assert "quiz/id" in {f.rule for f in lint([one, two], copy_root)}


# --- exhibits, run: a small chapter whose only exhibit cell is written here ---------------

EXHIBIT_PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A planted page

```{{code-cell}} ipython3
:tags: [remove-input]
import altair as alt
import pandas as pd
from globalsourcing.data import load
from globalsourcing.exhibits import Exhibit, catalog

{cell}
```
"""
CHART = 'alt.Chart({data}).mark_point().encode(x="{x}:Q", tooltip=["{x}:Q"])'


@pytest.mark.parametrize(
    ("cell", "rule"),
    [
        (
            'chart = {chart}\nExhibit(chart, title="Exhibit 9.1 Planted", source="")',
            "exhibits/runs",
        ),
        ("raise ValueError('a cell that fails the build')\nExhibit({chart})", "exhibits/runs"),
        ("catalog.__name__", "exhibits/count"),
        (
            'big = pd.DataFrame({{"x": range(12_000), "y": range(12_000)}})\n'
            'Exhibit(alt.Chart(big).mark_point().encode(x="x:Q", y="y:Q", tooltip=["x:Q"]), '
            'title="Exhibit 9.1 Planted", source="Planted")',
            "exhibits/size",
        ),
        (
            'data = load("sourcing_decisions").head(20).reset_index()\n'
            'Exhibit(alt.Chart(data).mark_point().encode(x="index:Q", tooltip=["index:Q"]), '
            'title="Exhibit 9.1 Decisions", source="Course data")',
            "honesty/synthetic",
        ),
    ],
    ids=["no-source", "a-cell-raises", "no-exhibit", "too-large", "synthetic-unlabelled"],
)
def test_a_planted_exhibit_rule_fires(copy_root, tmp_path, cell, rule):
    folder = tmp_path / "book" / "lessons"
    folder.mkdir(parents=True)
    chart = CHART.format(data='pd.DataFrame({"x": [1, 2]})', x="x")
    good = folder / "good.md"
    good.write_text(
        EXHIBIT_PAGE.format(
            cell=f'Exhibit({chart}, title="Exhibit 9.1 Planted", source="Planted, synthetic")'
        ),
        encoding="utf-8",
    )
    bad = folder / "bad.md"
    bad.write_text(EXHIBIT_PAGE.format(cell=cell.format(chart=chart)), encoding="utf-8")
    assert not {r for r in _rules(good, copy_root, True) if r.startswith("exhibits/")}
    assert rule in _rules(bad, copy_root, True)


# --- the command ---------------------------------------------------------------------------


def test_the_command_lists_findings_as_file_line_rule_and_exits_1(repo_root, copy_root):
    page = copy_root / LESSON
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(
            original.replace("## Key terms\n", "TODO\n\n## Key terms\n", 1), encoding="utf-8"
        )
        run = subprocess.run(
            [sys.executable, "-m", "globalsourcing", "lint-chapters", "--no-exec", str(page)],
            capture_output=True,
            text=True,
            cwd=repo_root,
        )
    finally:
        page.write_text(original, encoding="utf-8")
    assert run.returncode == 1, run.stderr
    line = original[: original.index("## Key terms\n")].count("\n") + 1
    assert f"{page}:{line}: honesty/unfinished: 'TODO'" in run.stdout
    clean = subprocess.run(
        [
            sys.executable,
            "-m",
            "globalsourcing",
            "lint-chapters",
            "--no-exec",
            str(repo_root / LESSON),
        ],
        capture_output=True,
        text=True,
        cwd=repo_root,
    )
    assert clean.returncode == 0 and "1 page(s) checked: no findings" in clean.stdout
