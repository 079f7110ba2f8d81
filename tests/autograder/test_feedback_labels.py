"""Feedback and `grade` output speak to people: "Q1 <title>", "not answered", a total per student."""

from __future__ import annotations

from pathlib import Path

import pytest

from autograder.cli import main
from autograder.outcome import CellKind, CellResult, CellStatus
from autograder.questions import NOT_ANSWERED, question_titles, unanswered_tests
from tests.autograder.conftest import submit

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted((REPO / "exercises" / "source").glob("*/*.ipynb"))


@pytest.mark.parametrize("notebook", SOURCES, ids=lambda p: p.stem)
def test_every_graded_cell_of_every_assignment_has_a_question_title(notebook):
    import json

    titles = question_titles(notebook.parent, notebook.stem)
    graded = [
        c["metadata"]["nbgrader"]["grade_id"]
        for c in json.loads(notebook.read_text())["cells"]
        if c.get("metadata", {}).get("nbgrader", {}).get("grade")
    ]
    assert graded
    for grade_id in graded:
        assert grade_id in titles, f"{notebook.stem}: no question title above {grade_id}"
        assert titles[grade_id].startswith("Q") and len(titles[grade_id]) > 3


def test_a_test_is_unanswered_only_when_all_its_answer_cells_are_blank():
    def cell(kind, grade_id, status=CellStatus.FAILED):
        return CellResult(grade_id, CellKind(kind), 1.0, None, CellStatus(status))

    cells = [
        cell("answer", "a1", "unanswered"),
        cell("test", "t1"),
        cell("answer", "a2", "unanswered"),
        cell("answer", "a2b", "answered"),
        cell("test", "t2"),
        cell("test", "t3"),  # no answer cell of its own
    ]
    assert unanswered_tests(cells) == {"a1", "t1", "a2"}


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:.*not in session")
def test_blank_answers_say_not_answered_and_grade_prints_totals(course_dir, capsys):
    submit(course_dir, "unanswered", "blank")
    submit(course_dir, "correct", "ace")
    assert main(["grade", "ps1", "--course", str(course_dir), "--workers", "2", "--quiet"]) == 0
    assert "blank " not in capsys.readouterr().out  # --quiet: no table for scripts
    assert main(["grade", "ps1", "--course", str(course_dir), "--force", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("student"))
    table = {line.split()[0]: line for line in lines[header + 1 :]}
    assert "7 / 9" in table["ace"] and "manual grading pending" in table["ace"]
    assert "0 / 9" in table["blank"]

    assert main(["feedback", "ps1", "--course", str(course_dir)]) == 0
    page = (course_dir / "feedback" / "blank" / "ps1" / "ps1.html").read_text()
    assert NOT_ANSWERED.split(":")[0] in page
    assert "NameError" not in page
    assert 'class="failed">NotImplementedError' not in page  # the stub's source may still show it
    assert "Q1 Write cost_per_fte(df)" in page and "<td>q1_test</td>" not in page


def test_a_grader_note_names_the_question_not_the_grade_id():
    from autograder.questions import in_words

    titles = {"ps1_q1_ito_tests": "Q1 The world ITO estimates"}
    note = "test cell 'ps1_q1_ito_tests' was modified; the instructor's version was run"
    assert in_words(note, titles) == (
        "Q1 The world ITO estimates (test cell) was modified; the instructor's version was run"
    )
    assert in_words("setup cell ps1_q1_ito_tests raised NameError", titles) == (
        "setup cell of Q1 The world ITO estimates raised NameError"
    )
    # A cell with no question above it (the data-loading setup) keeps its exact id.
    assert in_words("read-only cell 'ps1_setup' was deleted", titles) == (
        "read-only cell 'ps1_setup' was deleted"
    )


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:.*not in session")
def test_grade_lists_each_students_problems_by_question_title(course_dir, capsys):
    # An edited or deleted test cell is something the instructor must see in the output of
    # grade itself (even with --quiet), said the way the feedback says it.
    submit(course_dir, "test-cell-edited", "edited")
    submit(course_dir, "test-cell-deleted", "deleted")
    submit(course_dir, "correct", "ace")
    assert main(["grade", "ps1", "--course", str(course_dir), "--workers", "2", "--quiet"]) == 0
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    assert (
        "edited: Q2 Store the name of the vendor with the lowest cost per FTE... (test cell) "
        "was modified; the instructor's version was run" in lines
    )
    assert any(
        line.startswith("deleted: Q1 Write cost_per_fte(df)") and "(test cell) was deleted" in line
        for line in lines
    ), lines
    assert not any(line.startswith("ace:") for line in lines)
    assert not any("q1_test" in line or "q2_test" in line for line in lines), lines
