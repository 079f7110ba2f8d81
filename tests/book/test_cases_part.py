"""The cases part: real decisions written in the case method, what is particular to cases.

The rules every case keeps with the other chapters (sections in order, length, three numbered
learning objectives, at least four sources that resolve, references at the end, links to
pages that exist, two exhibits that run and name their source, at most one well-formed quiz,
the lessons presented as the course's synthesis) are checked by the chapter linter,
globalsourcing.authoring.lint (tests/book/test_chapter_lint.py). Here: the guide, the order of
the cases, how a case opens and ends, cited figures, cases.bib keys, the deal-terms and
timeline exhibits and the exhibit from the cases table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from globalsourcing.authoring.text import (
    CITE,
    DOC_LINK,
    ROLE,
    bib_entries,
    book_bib_files,
    cited_keys,
    exhibit_cells,
    prose_words,
    sections,
)
from globalsourcing.authoring.text import body as _body
from globalsourcing.authoring.text import prose as _prose

ROOT = Path(__file__).resolve().parents[2]
PART = ROOT / "book" / "cases"
GUIDE = PART / "00-how-to-read-a-case.md"
CASES = sorted(p.name for p in PART.glob("[0-9][0-9]-*.md") if not p.name.startswith("00-"))

# Sections that state facts: every paragraph in them that carries a number cites a source.
FACT_SECTIONS = ("The decision", "Background", "Industry context", "The numbers", "The model")

FACT_ROLE = re.compile(r"\{fact(?:-spread)?\}`[^`]+`")


def _text(name: str) -> str:
    return (PART / name).read_text(encoding="utf-8")


def test_the_part_has_a_guide_and_at_least_eight_cases():
    assert GUIDE.is_file(), "the part opens with a guide to reading a case"
    assert len(CASES) >= 8, f"only {len(CASES)} cases: {CASES}"


def test_cases_are_in_chronological_order():
    years = []
    for name in CASES:
        title = re.search(r"^# (.+)$", _prose(_text(name)), re.M).group(1)
        found = re.search(r"\b(19|20)\d\d\b", title)
        assert found, f"{name}: the title {title!r} does not give the year of the decision"
        years.append(int(found.group(0)))
    assert years == sorted(years), (
        f"case files are not sorted by year: {list(zip(CASES, years, strict=True))}"
    )


def test_guide_explains_the_method_and_maps_every_case():
    text = _text(GUIDE.name)
    assert prose_words(text) >= 900, "the guide is a real chapter, not a stub"
    found = sections(text)
    for needed in ("How to prepare", "How the cases map to the rest of the book"):
        assert needed in found, f"the guide lacks '## {needed}'"
    linked = set(DOC_LINK.findall(text))
    missing = [name for name in CASES if name not in linked]
    assert not missing, f"the guide's map does not link to {missing}"


@pytest.mark.parametrize("name", CASES)
def test_case_opens_on_objectives_and_the_decision_then_gives_its_context(name):
    found = list(sections(_text(name)))
    # Like the chapters, a case first tells the student what they will be able to do.
    assert found[:2] == ["Learning objectives", "The decision"], (
        f"{name}: a case opens on its learning objectives, then the decision, not {found[:2]}"
    )
    context = [h for h in found if h.startswith(("Background", "Industry context", "The dilemma"))]
    assert len(context) >= 3, f"{name}: needs background, industry context and the dilemma"


@pytest.mark.parametrize("name", CASES)
def test_case_ends_with_assignment_questions_and_links(name):
    found = sections(_text(name))
    questions = re.findall(r"^\d+\.\s+\S", found["Assignment questions"], re.M)
    assert len(questions) >= 4, f"{name}: only {len(questions)} numbered assignment questions"
    links = found["Lessons and challenges this case illustrates"]
    assert re.findall(r"^- ", links, re.M), f"{name}: no list of lessons and challenges"


@pytest.mark.parametrize("name", CASES)
def test_every_fact_paragraph_with_a_number_cites_a_source(name):
    uncited = []
    for heading, body in sections(_text(name)).items():
        if not heading.startswith(FACT_SECTIONS):
            continue
        for paragraph in re.split(r"\n\s*\n", body):
            if paragraph.strip().startswith("The question for the class"):
                continue  # the decision prompt, not a statement of fact
            # a {fact} or {fact-spread} role renders its source's citation with the value
            cited = CITE.search(paragraph) or FACT_ROLE.search(paragraph)
            if re.search(r"\d", ROLE.sub("", paragraph)) and not cited:
                uncited.append(f"{heading}: {paragraph.strip()[:70]}...")
    assert not uncited, f"{name}: paragraphs with figures but no citation: {uncited}"


def test_cases_bib_keys_start_with_case():
    keys = [e["key"] for e in bib_entries(book_bib_files(ROOT)) if e["file"] == "cases.bib"]
    assert keys and all(k.startswith("case") for k in keys), (
        f"cases.bib keys start with 'case': {[k for k in keys if not k.startswith('case')]}"
    )
    cited = {k for name in CASES for k in cited_keys(_text(name))}
    assert cited & set(keys), "the cases cite no source of cases.bib"


@pytest.mark.parametrize("name", CASES)
def test_case_has_deal_terms_table_and_a_timeline(name):
    body = _body(_text(name))
    tables = re.findall(r"^```\{list-table\} (Exhibit [^\n]+)", body, re.M)
    assert tables, f"{name}: no exhibit table of deal terms"
    assert any("timeline" in t.lower() or "at the decision point" in t.lower() for t in tables) or (
        "timeline" in body.lower()
    ), f"{name}: no timeline exhibit"


@pytest.mark.parametrize("name", CASES)
def test_case_has_an_exhibit_from_the_cases_table(name):
    assert any('load("cases")' in cell for cell in exhibit_cells(_text(name))), (
        f"{name}: no exhibit from the cases table"
    )
