"""The cases part: real decisions written in the case method, as a reader would notice them.

A case page is read the way the build reads it: front matter, fenced directives and code cells
are not prose; ``##`` headings are the sections on the page; citations are footcite roles whose
keys must exist in ``book/bib/``; exhibit cells are executed to check they produce an exhibit
that names its source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chapter_text import BIB_KEY, CITE, FENCE, ROLE, prose_words, run_cell
from chapter_text import body as _body
from chapter_text import prose as _prose

from globalsourcing.exhibits import Exhibit
from globalsourcing.quiz.bank import quizzes_in

ROOT = Path(__file__).resolve().parents[2]
PART = ROOT / "book" / "cases"
BIB_DIR = ROOT / "book" / "bib"
GUIDE = PART / "00-how-to-read-a-case.md"
CASES = sorted(p.name for p in PART.glob("[0-9][0-9]-*.md") if not p.name.startswith("00-"))

# Sections every case has, in this order (other sections may sit between them).
REQUIRED_ORDER = [
    "Learning objectives",
    "The decision",
    "What the record does not tell us",
    "Exhibits",
    "Assignment questions",
    "Lessons and challenges this case illustrates",
    "References",
]
# Sections that state facts: every paragraph in them that carries a number cites a source.
FACT_SECTIONS = ("The decision", "Background", "Industry context", "The numbers", "The model")

FACT_ROLE = re.compile(r"\{fact(?:-spread)?\}`[^`]+`")
DOC_LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def _text(name: str) -> str:
    return (PART / name).read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """Map each ``##`` heading to the prose under it."""
    parts = re.split(r"^## (.+)$", _prose(text), flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def bib_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for bib in sorted(BIB_DIR.glob("*.bib")):
        for key in BIB_KEY.findall(bib.read_text(encoding="utf-8")):
            keys.setdefault(key, bib.name)
    return keys


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
def test_case_has_required_sections_in_order(name):
    found = list(sections(_text(name)))
    positions = []
    for section in REQUIRED_ORDER:
        matches = [i for i, h in enumerate(found) if h.startswith(section)]
        assert matches, f"{name}: missing section '## {section}'"
        positions.append(matches[0])
    assert positions == sorted(positions), f"{name}: sections out of order: {found}"
    # Like the chapters, a case first tells the student what they will be able to do.
    assert found[:2] == ["Learning objectives", "The decision"], (
        f"{name}: a case opens on its learning objectives, then the decision, not {found[:2]}"
    )
    objectives = sections(_text(name))["Learning objectives"]
    assert len(re.findall(r"^\d+\. ", objectives, re.M)) >= 3, f"{name}: fewer than 3 objectives"
    context = [h for h in found if h.startswith(("Background", "Industry context", "The dilemma"))]
    assert len(context) >= 3, f"{name}: needs background, industry context and the dilemma"


@pytest.mark.parametrize("name", CASES)
def test_case_length_is_within_the_case_range(name):
    words = prose_words(_text(name))
    assert 1500 <= words <= 3500, f"{name}: {words} words of prose (1,500-3,500 expected)"


@pytest.mark.parametrize("name", CASES)
def test_case_ends_with_assignment_questions_and_links(name):
    found = sections(_text(name))
    questions = re.findall(r"^\d+\.\s+\S", found["Assignment questions"], re.M)
    assert len(questions) >= 4, f"{name}: only {len(questions)} numbered assignment questions"
    links = found["Lessons and challenges this case illustrates"]
    assert re.findall(r"^- ", links, re.M), f"{name}: no list of lessons and challenges"
    assert "synthesis" in links, (
        f"{name}: the lessons must be presented as the course's synthesis, not the paper's list"
    )


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


@pytest.mark.parametrize("name", CASES)
def test_case_citations_resolve_and_the_page_lists_them(name):
    text = _text(name)
    cited = {k.strip() for group in CITE.findall(text) for k in group.split(",")}
    assert len(cited) >= 4, f"{name}: a case rests on several sources, found {sorted(cited)}"
    known = bib_keys()
    missing = sorted(cited - known.keys())
    assert not missing, f"{name}: citation keys not in book/bib/: {missing}"
    own = [k for k in cited if known[k] == "cases.bib"]
    assert all(k.startswith("case") for k in own), f"{name}: cases.bib keys start with 'case'"
    assert _body(text).rstrip().endswith("```{footbibliography}\n```"), (
        f"{name}: the page must end with a footbibliography under '## References'"
    )


def test_cases_bib_keys_are_unique_across_the_bibliography():
    seen: dict[str, str] = {}
    clashes = []
    for bib in sorted(BIB_DIR.glob("*.bib")):
        for key in BIB_KEY.findall(bib.read_text(encoding="utf-8")):
            if key in seen and "cases.bib" in (bib.name, seen[key]):
                clashes.append(f"{key} ({seen[key]} and {bib.name})")
            seen.setdefault(key, bib.name)
    assert not clashes, f"duplicate keys: {clashes}"


@pytest.mark.parametrize("name", CASES)
def test_case_has_deal_terms_table_and_a_timeline(name):
    body = _body(_text(name))
    tables = re.findall(r"^```\{list-table\} (Exhibit [^\n]+)", body, re.M)
    assert tables, f"{name}: no exhibit table of deal terms"
    assert any("timeline" in t.lower() or "at the decision point" in t.lower() for t in tables) or (
        "timeline" in body.lower()
    ), f"{name}: no timeline exhibit"


@pytest.mark.parametrize("name", CASES)
def test_case_links_point_to_existing_chapters(name):
    for target in DOC_LINK.findall(_text(name)):
        assert (PART / target).resolve().is_file(), f"{name}: link to missing file {target}"


@pytest.mark.parametrize("name", CASES)
def test_case_exhibits_run_on_the_course_data_and_name_their_source(name, monkeypatch):
    monkeypatch.chdir(PART)
    cells = [
        m.group(3)
        for m in FENCE.finditer(_body(_text(name)))
        if m.group(2) == "code-cell"
        and re.search(r"^:tags:\s*\[[^\]]*remove-input", m.group(3), re.M)
    ]
    assert cells, f"{name}: no exhibit cell tagged remove-input"
    assert any('load("cases")' in cell for cell in cells), (
        f"{name}: no exhibit from the cases table"
    )
    namespace: dict = {}
    exhibits = [e for e in (run_cell(cell, namespace) for cell in cells) if isinstance(e, Exhibit)]
    assert len(exhibits) >= 2, f"{name}: expected a case-table exhibit and a market exhibit"
    for exhibit in exhibits:
        assert exhibit.source.strip(), f"{name}: {exhibit.title} names no source"
        exhibit.spec_json()  # compiles to Vega and stays under the page-weight limit


@pytest.mark.parametrize("name", CASES)
def test_case_self_check_quiz_is_well_formed(name):
    quizzes = quizzes_in(PART / name)
    assert len(quizzes) <= 1, f"{name}: at most one self-check quiz per case"
    for quiz in quizzes:
        assert quiz.id.startswith("case-"), f"{name}: quiz id {quiz.id!r} must start with 'case-'"
        for question in quiz.questions:
            if question.type == "numeric":
                continue
            right = [o for o in question.options if o.correct]
            assert right, f"{name}/{question.id}: no right answer"
            if question.type == "single":
                assert len(right) == 1, f"{name}/{question.id}: single choice with {len(right)}"
            for option in question.options:
                assert option.feedback.strip(), f"{name}/{question.id}: option without feedback"
