"""Part II (the thirteen trends and whether they came true): what is particular to this part.

The rules every chapter keeps (sections in order, length, one well-formed quiz, exhibits
that run, name their source and fit in a page, citations that resolve) are checked by the
chapter linter, globalsourcing.authoring.lint (tests/book/test_chapter_lint.py). Here: the
trend headings, the overview's honesty note, the scorecard (table, chart and chapter verdicts
agree), quiz keys that read the data, and the course's Trend 14.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from globalsourcing.authoring.text import CITE, cited_keys, exhibit_cells, run_cell
from globalsourcing.authoring.text import prose as _prose
from globalsourcing.data import load
from globalsourcing.quiz.bank import quizzes_in

ROOT = Path(__file__).resolve().parents[2]
PART = ROOT / "book" / "trends"

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


# --- Trend 14: the course's addition, scored with the scorecard's method -------------------

ADDITION_CHAPTER = "05-automation-cloud-ai.md"


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
    baseline, outcome = cited_keys(row[expected_col]), cited_keys(row[evidence_col])
    assert baseline, "T14's baseline column cites no source"
    assert outcome, "T14's evidence column cites no source"
    assert not baseline & outcome, (
        f"T14 cites the same sources for baseline and outcome: {baseline & outcome}"
    )
    # The chapter's verdict line cites outcome sources only.
    verdict = re.search(
        r"^- \*\*T14, [a-z ]+\.\*\*.*$", _prose(_text(ADDITION_CHAPTER)), re.M
    ).group(0)
    assert cited_keys(verdict) and not cited_keys(verdict) & baseline


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
