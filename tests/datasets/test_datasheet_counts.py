"""A datasheet's stated size is the table's size: a reader checking "N rows" finds N rows.

Tables grow as pages are written (the fact base gained rows with every new case) and a
count typed into the datasheet is easy to forget; this test makes the stale count fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from globalsourcing.data import load

ROOT = Path(__file__).resolve().parents[2]
NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]  # fmt: skip
WORDS = {word: number for number, word in enumerate(NUMBER_WORDS)}
# The first "N rows" (or "N decisions, one per row") of the Composition section: a numeral
# (with thousands commas) or a word.
STATED = re.compile(r"\b(\d[\d,]*|[A-Za-z]+) (?:rows\b|\w+, one per row)")


def stated_rows(datasheet: str) -> int | None:
    composition = datasheet.split("## Composition", 1)
    if len(composition) < 2:
        return None
    section = composition[1].split("\n## ", 1)[0]
    for match in STATED.finditer(section):
        word = match.group(1)
        if word[0].isdigit():
            return int(word.replace(",", ""))
        if word.lower() in WORDS:
            return WORDS[word.lower()]
    return None


SHEETS = sorted(p.parent.name for p in (ROOT / "datasets").glob("*/datasheet.md"))


@pytest.mark.parametrize("name", SHEETS)
def test_the_datasheet_states_the_tables_row_count(name):
    stated = stated_rows((ROOT / "datasets" / name / "datasheet.md").read_text(encoding="utf-8"))
    # Every datasheet says how many instances the table holds (Gebru et al.'s "Composition").
    assert stated is not None, f"datasets/{name}/datasheet.md states no row count in Composition"
    assert len(load(name)) == stated, (
        f"datasets/{name}/datasheet.md says {stated} rows; the table has {len(load(name))}"
    )


def test_a_stale_count_is_caught():
    sheet = "# X\n\n## Composition\n\nOne row per value (309 rows): ...\n\n## Uses\n\n12 rows\n"
    assert stated_rows(sheet) == 309
    assert stated_rows("## Composition\n\nFour rows: a, b.\n") == 4
    assert stated_rows("## Composition\n\n2,400 decisions, one per row: ...\n") == 2400
    assert stated_rows("## Motivation\n\n5 rows\n") is None
