"""Part II (the thirteen trends and whether they came true): what a reader would notice.

A chapter is read the way the build reads it: front matter, fenced directives and code cells are
not prose, ``##`` headings are the page's sections and ``###`` headings its trends, quizzes are
parsed by the same code as the ``quiz`` directive, and every exhibit cell is executed to check
that it yields an exhibit that names its source and fits in a page.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from chapter_text import (
    BIB_KEY,
    CITE,
    assert_sections_in_order,
    exhibit_cells,
    headings,
    prose_words,
    run_cell,
)
from chapter_text import body as _body
from chapter_text import prose as _prose

from globalsourcing.data import load
from globalsourcing.exhibits import Exhibit
from globalsourcing.quiz.bank import quizzes_in

ROOT = Path(__file__).resolve().parents[2]
PART = ROOT / "book" / "trends"
BIB_DIR = ROOT / "book" / "bib"

OVERVIEW = "00-overview.md"
SCORECARD = "09-scorecard.md"
# Which chapter treats which trends (a chapter may hold several).
TREND_CHAPTERS = {
    "01-market-size-and-growth.md": ["T1", "T2", "T3"],
    "02-supplier-geography.md": ["T4", "T5", "T6"],
    "03-asp-insourcing-nearshoring.md": ["T7", "T8", "T9"],
    "04-rural-kpo-freelance-captives.md": ["T10", "T11", "T12", "T13"],
    "05-automation-cloud-ai.md": ["T14"],
}
CHAPTERS = [OVERVIEW, *TREND_CHAPTERS, SCORECARD]
# The paper's thirteen (reconstructed), then the course's own additions, scored the same way.
PAPER_TRENDS = [f"T{n}" for n in range(1, 14)]
COURSE_ADDITIONS = ["T14"]
ALL_TRENDS = [*PAPER_TRENDS, *COURSE_ADDITIONS]
# The seven sourcing models named in the 2008 abstract, and the trend that treats each.
SOURCING_MODELS = {
    "T7": "application service provision",
    "T8": "insourcing",
    "T9": "nearshoring",
    "T10": "rural sourcing",
    "T11": "knowledge process outsourcing",
    "T12": "freelance outsourcing",
    "T13": "captive centres",
}
VERDICTS = {"came true", "partly", "not", "too early to say"}


TREND_HEADING = re.compile(r"^### (T\d+)\b(.*)$", re.M)
VERDICT_LINE = re.compile(r"^- \*\*(T\d+), ([a-z ]+)\.\*\*", re.M)


def _text(name: str) -> str:
    return (PART / name).read_text(encoding="utf-8")


def scorecard_rows() -> list[list[str]]:
    """The scorecard's markdown table, one list of cell texts per trend row."""
    lines = _prose(_text(SCORECARD)).splitlines()
    rows = [line for line in lines if re.match(r"\| T\d+ ", line)]
    return [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]


def scorecard_header() -> list[str]:
    line = next(ln for ln in _prose(_text(SCORECARD)).splitlines() if ln.startswith("| Trend"))
    return [c.strip() for c in line.strip().strip("|").split("|")]


def bib_keys() -> dict[str, list[str]]:
    return {
        path.name: BIB_KEY.findall(path.read_text(encoding="utf-8"))
        for path in sorted(BIB_DIR.glob("*.bib"))
    }


def test_part_reads_overview_first_and_scorecard_last():
    names = sorted(p.name for p in PART.glob("*.md"))
    assert names == CHAPTERS, f"chapter files or their order changed: {names}"


def test_every_trend_has_exactly_one_heading_in_its_chapter():
    seen: dict[str, str] = {}
    for name, trends in TREND_CHAPTERS.items():
        found = [m.group(1) for m in TREND_HEADING.finditer(_prose(_text(name)))]
        assert found == trends, f"{name}: trend headings {found}, expected {trends}"
        for trend in found:
            assert trend not in seen, f"{trend} is treated in both {seen[trend]} and {name}"
            seen[trend] = name
    assert sorted(seen, key=lambda t: int(t[1:])) == ALL_TRENDS


def test_each_sourcing_model_is_named_in_its_trend_heading_and_in_the_overview():
    overview = _prose(_text(OVERVIEW)).lower()
    titles = {
        m.group(1): m.group(2).lower()
        for name in TREND_CHAPTERS
        for m in TREND_HEADING.finditer(_prose(_text(name)))
    }
    for trend, model in SOURCING_MODELS.items():
        assert model in overview, f"the overview does not name {model!r}"
        assert model.split()[0] in titles[trend], f"{trend} heading does not name {model!r}"


def test_overview_says_once_that_the_trend_list_is_reconstructed():
    prose = _prose(_text(OVERVIEW))
    assert "reconstruction, not a quotation" in prose
    assert re.search(r"six-plus-seven split is an inference", prose)


def test_scorecard_has_a_row_per_trend_with_an_allowed_verdict_and_a_citation():
    header = scorecard_header()
    verdict_col, evidence_col = header.index("Verdict"), header.index("Evidence")
    rows = scorecard_rows()
    assert [row[0].split()[0] for row in rows] == ALL_TRENDS
    for row in rows:
        assert row[verdict_col] in VERDICTS, f"{row[0]}: verdict {row[verdict_col]!r}"
        assert CITE.search(row[evidence_col]), f"{row[0]}: the verdict cites no evidence"


def test_scorecard_exhibit_shows_the_same_verdicts_as_the_table():
    cell = next(c for c in exhibit_cells(_text(SCORECARD)) if "SCORECARD = [" in c)
    tree = ast.parse("\n".join(ln for ln in cell.splitlines() if not ln.startswith(":tags:")))
    assignment = next(
        node
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "SCORECARD"
    )
    charted = {entry[0]: entry[3] for entry in ast.literal_eval(assignment.value)}
    verdict_col = scorecard_header().index("Verdict")
    tabled = {row[0].split()[0]: row[verdict_col] for row in scorecard_rows()}
    assert charted == tabled


def test_chapter_verdicts_agree_with_the_scorecard():
    verdict_col = scorecard_header().index("Verdict")
    tabled = {row[0].split()[0]: row[verdict_col] for row in scorecard_rows()}
    stated = {}
    for name in TREND_CHAPTERS:
        for trend, verdict in VERDICT_LINE.findall(_prose(_text(name))):
            stated[trend] = verdict
    assert stated == tabled


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_has_required_sections_in_order(name):
    found = headings(_text(name))
    assert_sections_in_order(name, found)
    assert _body(_text(name)).rstrip().endswith("```{footbibliography}\n```"), (
        f"{name}: the chapter must end with the footbibliography directive"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_length_is_within_the_course_range(name):
    words = prose_words(_text(name))
    assert 1200 <= words <= 3000, f"{name}: {words} words of prose (1,200-3,000 expected)"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_quiz_has_four_questions_with_feedback_for_every_answer(name):
    quizzes = quizzes_in(PART / name)
    assert len(quizzes) == 1, f"{name}: expected one quiz, found {len(quizzes)}"
    quiz = quizzes[0]
    assert quiz.id.startswith("trend-"), f"{name}: quiz id {quiz.id!r} lacks 'trend-'"
    assert len(quiz.questions) >= 4, f"{name}: only {len(quiz.questions)} questions"
    for question in quiz.questions:
        where = f"{name}/{question.id}"
        if question.type == "numeric":
            assert question.feedback_correct.strip() and question.feedback_incorrect.strip(), where
            continue
        assert len(question.options) >= 3, f"{where}: fewer than three options"
        assert any(o.correct for o in question.options), f"{where}: no right answer"
        for option in question.options:
            assert option.feedback.strip(), f"{where}: option {option.text!r} has no feedback"


def test_quiz_ids_are_unique_across_the_part():
    ids = [quizzes_in(PART / name)[0].id for name in CHAPTERS]
    assert len(ids) == len(set(ids))


def test_every_citation_resolves_and_trend_keys_are_new():
    keys = bib_keys()
    known = {key for file_keys in keys.values() for key in file_keys}
    for name in CHAPTERS:
        cited = {k.strip() for group in CITE.findall(_text(name)) for k in group.split(",")}
        assert cited, f"{name}: cites nothing"
        missing = cited - known
        assert not missing, f"{name}: cites keys not in book/bib: {sorted(missing)}"
    own = keys["trends.bib"]
    others = {k for file, file_keys in keys.items() if file != "trends.bib" for k in file_keys}
    assert len(own) == len(set(own)), "trends.bib repeats a key"
    assert not set(own) & others, f"trends.bib reuses keys: {sorted(set(own) & others)}"


def test_world_growth_quoted_in_the_overview_quiz_matches_the_world_bank_series():
    panel = load("wdi_panel")
    world = panel[panel["country_code"] == "WLD"].set_index("year")["ict_service_exports_usd"]
    cagr = 100 * ((world[2024] / world[2008]) ** (1 / 16) - 1)
    question = quizzes_in(PART / OVERVIEW)[0].question("q4")
    assert question.is_correct(round(cagr, 2)), f"quiz answer {question.answer} vs data {cagr:.2f}"


def test_india_share_change_quoted_in_the_geography_quiz_matches_the_data():
    panel = load("wdi_panel")
    ict = panel.pivot_table(index="year", columns="country_code", values="ict_service_exports_usd")
    share = 100 * ict["IND"] / ict["WLD"]
    question = quizzes_in(PART / "02-supplier-geography.md")[0].question("q5")
    assert question.is_correct(round(share[2008] - share[2024], 2))


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_exhibits_run_and_name_their_source(name, monkeypatch):
    monkeypatch.chdir(PART)
    cells = exhibit_cells(_text(name))
    assert cells, f"{name}: no exhibit cell tagged remove-input"
    namespace: dict = {}
    exhibits = [run_cell(cell, namespace) for cell in cells]
    exhibits = [e for e in exhibits if isinstance(e, Exhibit)]
    assert exhibits, f"{name}: no cell ends with an Exhibit"
    for exhibit in exhibits:
        assert exhibit.source.strip(), f"{name}: {exhibit.title} names no source"
        size = len(exhibit.spec_json().encode())  # also compiles the chart to Vega
        assert size < 200_000, f"{name}: {exhibit.title} embeds {size / 1000:.0f} KB"


# --- Trend 14: the course's addition, scored with the scorecard's method -------------------

ADDITION_CHAPTER = "05-automation-cloud-ai.md"


def _cited(cell: str) -> set[str]:
    return {k.strip() for group in CITE.findall(cell) for k in group.split(",")}


def test_the_course_addition_is_marked_as_such_in_its_chapter_table_and_chart():
    prose = _prose(_text(ADDITION_CHAPTER))
    assert "course's addition, not one of the paper's thirteen" in prose
    row = next(r for r in scorecard_rows() if r[0].startswith("T14 "))
    assert "course's addition" in row[0] and "not one of the thirteen" in row[0]
    cell = next(c for c in exhibit_cells(_text(SCORECARD)) if "SCORECARD = [" in c)
    tree = ast.parse("\n".join(ln for ln in cell.splitlines() if not ln.startswith(":tags:")))
    entries = ast.literal_eval(
        next(
            n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "SCORECARD"
        ).value
    )
    groups = {entry[0]: entry[1] for entry in entries}
    assert {t for t, g in groups.items() if g == "Course's addition"} == set(COURSE_ADDITIONS)
    # The paper's thirteen stay in the abstract's three groups.
    assert {groups[t] for t in PAPER_TRENDS} == {"Markets", "Geography", "Sourcing models"}


def test_the_addition_keeps_baseline_and_outcome_sources_apart():
    header = scorecard_header()
    expected_col, evidence_col = 1, header.index("Evidence")
    row = next(r for r in scorecard_rows() if r[0].startswith("T14 "))
    baseline, outcome = _cited(row[expected_col]), _cited(row[evidence_col])
    assert baseline, "T14's baseline column cites no source"
    assert outcome, "T14's evidence column cites no source"
    assert not baseline & outcome, (
        f"T14 cites the same sources for baseline and outcome: {baseline & outcome}"
    )
    # The chapter's verdict line cites outcome sources only.
    verdict = re.search(
        r"^- \*\*T14, [a-z ]+\.\*\*.*$", _prose(_text(ADDITION_CHAPTER)), re.M
    ).group(0)
    assert _cited(verdict) and not _cited(verdict) & baseline


def _exhibit_namespace(monkeypatch) -> dict:
    monkeypatch.chdir(PART)
    namespace: dict = {}
    for cell in exhibit_cells(_text(ADDITION_CHAPTER)):
        run_cell(cell, namespace)
    return namespace


def test_the_pricing_quiz_item_reads_the_pricing_exhibit(monkeypatch):
    namespace = _exhibit_namespace(monkeypatch)
    grid = namespace["grid"]
    cell = grid[
        (grid["automated_pct"] == 30)
        & (grid["people_per_robot"] == 3)
        & (grid["pricing"] == "Price per person")
        & (grid["measure"] == "Supplier's profit")
    ]
    question = quizzes_in(PART / ADDITION_CHAPTER)[0].question("q2")
    assert question.is_correct(float(cell["index"].iloc[0]))
    # The exhibit's claim: at every setting, per-person pricing pays the supplier least for automating.
    profit = grid[grid["measure"] == "Supplier's profit"].pivot_table(
        index=["automated_pct", "people_per_robot"], columns="pricing", values="index"
    )
    automated = profit[profit.index.get_level_values("automated_pct") > 0]
    assert (automated["Price per person"] < automated["Gain-share (half each)"]).all()
    assert (automated["Gain-share (half each)"] < automated["Price per transaction"]).all()


def test_the_cloud_exhibit_draws_every_cloud_fact_and_the_growth_quiz_matches_them(monkeypatch):
    facts = load("facts")
    cloud = facts[(facts["entity"] == "public_cloud") & facts["fact_id"].str.startswith("cloud_")]
    data = _exhibit_namespace(monkeypatch)["data"]
    drawn = data[data["source"].str.startswith("fact base: ")]
    assert sorted(drawn["source"].str.removeprefix("fact base: ")) == sorted(cloud["fact_id"])
    assert drawn["series"].nunique() == 6, "one series per Gartner release, never spliced"
    value = cloud.set_index("fact_id")["value_low"]
    growth = 100 * (value["cloud_2024_r2024"] / value["cloud_2023_r2024"] - 1)
    assert quizzes_in(PART / ADDITION_CHAPTER)[0].question("q7").is_correct(round(growth, 1))
