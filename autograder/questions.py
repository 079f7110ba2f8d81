"""How a person names a question: "Q1 The world ITO estimates", not ``ps1_q1_ito_tests``.

Read from the course's source notebook: a graded cell takes the title of the last
markdown heading or bold lead-in that names a question (``## Q1. Title`` or
``**Q1.** text``) above it. Also finds the test cells whose answer was left blank, so
their feedback says "not answered" rather than the error the empty answer caused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from .outcome import CellKind, CellResult, CellStatus

QUESTION = re.compile(r"^\s*(?:#+\s*|\*\*)(Q\d+)\b[.:]?(?:\*\*)?\s*(.*)$", re.M)
NOT_ANSWERED = "not answered: the answer cell was left as it was handed out"


def question_titles(source_dir: Path, notebook: str) -> dict[str, str]:
    """grade id -> "Qn title" for every graded cell of ``source_dir/notebook.ipynb``."""
    path = source_dir / f"{notebook}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return {}  # no source to read: callers fall back to the grade id, which is still exact
    titles, current = {}, None
    for cell in cells:
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            found = QUESTION.search(source)
            if found:
                current = _title(found.group(1), found.group(2))
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id and current:
            titles[grade_id] = current
    return titles


def assignment_titles(source_dir: Path) -> dict[str, str]:
    """grade id -> "Qn title" over every source notebook of one assignment's folder."""
    titles: dict[str, str] = {}
    for notebook in sorted(source_dir.glob("*.ipynb")):
        titles.update(question_titles(source_dir, notebook.stem))
    return titles


def _title(label: str, rest: str) -> str:
    rest = re.sub(r"\*\*|`", "", rest).strip()
    rest = re.split(r"(?<=[.?!])\s", rest, maxsplit=1)[0].rstrip(".")
    if len(rest) > 60:
        rest = rest[:57].rstrip() + "..."
    return f"{label} {rest}".strip()


def label(titles: dict[str, str], grade_id: str) -> str:
    return titles.get(grade_id, grade_id)


_CELL_NOTE = re.compile(r"^(?P<kind>(?:[\w-]+ )*?)cell '(?P<gid>[^']+)' (?P<rest>.*)$", re.S)


def in_words(note: str, titles: dict[str, str]) -> str:
    """A grader's note with each cell named by its question instead of its grade id.

    "test cell 'ps1_q1_ito_tests' was modified; ..." becomes
    "Q1 The world ITO estimates (test cell) was modified; ...". A cell the source does
    not title (a setup cell above the first question) keeps its grade id.
    """
    found = _CELL_NOTE.match(note)
    if found and found.group("gid") in titles:
        kind = found.group("kind")
        return f"{titles[found.group('gid')]} ({kind}cell) {found.group('rest')}"
    for grade_id in sorted(titles, key=len, reverse=True):
        note = re.sub(
            rf"(cell )?'?(?<![\w]){re.escape(grade_id)}(?![\w])'?",
            lambda m, g=grade_id: f"cell of {titles[g]}" if m.group(1) else titles[g],
            note,
        )
    return note


def unanswered_tests(cells: Iterable[CellResult]) -> set[str]:
    """Blank answer cells, and the tests whose answer cells (since the previous test) all are."""
    blank: set[str] = set()
    answers: list[bool] = []
    for cell in cells:
        if cell.kind is CellKind.ANSWER:
            answers.append(cell.status is CellStatus.UNANSWERED)
            if answers[-1]:
                blank.add(cell.grade_id)
        elif cell.kind is CellKind.TEST:
            if answers and all(answers):
                blank.add(cell.grade_id)
            answers = []
    return blank
