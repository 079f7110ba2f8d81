"""The instructor syllabus offers an MBA and an MSc path, discusses every case, and states the
time each path takes as the sum of the times the course's own materials give."""

from __future__ import annotations

import re
from pathlib import Path

from globalsourcing.authoring.text import fenced_blocks

ROOT = Path(__file__).resolve().parents[2]
SYLLABUS = ROOT / "instructor" / "01-syllabus.md"
CASES = sorted(
    p.name for p in (ROOT / "book" / "cases").glob("[0-9][0-9]-*.md") if p.name[:2] != "00"
)
STATED = re.compile(r"Time: about (\d+) to (\d+) minutes")


def _text() -> str:
    return SYLLABUS.read_text(encoding="utf-8")


def _time_table(monkeypatch) -> str:
    """Run the syllabus's time-table cell as the build does and return the Markdown it shows."""
    cell = next(src for name, src in fenced_blocks(_text()) if name == "code-cell")
    code = cell.split("\n---\n", 1)[1] if cell.startswith("---\n") else cell
    monkeypatch.chdir(SYLLABUS.parent)
    namespace: dict = {}
    body, last = code.rstrip().rsplit("\n", 1)
    exec(body, namespace)
    return eval(last, namespace).data


def test_the_syllabus_offers_both_paths_with_their_problem_sets():
    text = _text()
    assert "**MBA path**" in text and "**MSc path**" in text
    assert "`ps1_market_guided` to `ps7_case_guided`" in text
    assert "`ps1_market` to `ps6_retention`" in text


def test_every_case_is_discussed_in_a_session():
    sessions = _text().split("## Sessions", 1)[1]
    missing = [case for case in CASES if f"../book/cases/{case})" not in sessions]
    assert not missing, f"cases the sessions never discuss: {missing}"


def test_the_msc_time_is_the_sum_of_the_coding_sets_stated_times(monkeypatch):
    table = _time_table(monkeypatch)
    low = high = 0
    for name in [
        "ps1_market",
        "ps2_geography",
        "ps3_location_index",
        "ps4_decisions",
        "ps5_tco",
        "ps6_retention",
    ]:
        found = STATED.search(
            (ROOT / "exercises" / "source" / name / f"{name}.ipynb").read_text(encoding="utf-8")
        )
        low, high = low + int(found.group(1)), high + int(found.group(2))
    total = next(line for line in table.splitlines() if line.startswith("| Problem sets, total"))
    assert total.endswith(f"| {low / 60:.1f} to {high / 60:.1f} h |"), total
    prepared = next(line for line in table.splitlines() if line.startswith("| Case preparation"))
    assert f"{len(CASES)} cases" in prepared and f"{len(CASES) - 1} cases" in prepared
