"""Canvas and Moodle exports have the column layout each LMS documents for a grade import.

Canvas ("How do I import grades in the Gradebook?"): Student, ID, SIS User ID, SIS Login ID,
Section, then one column per assignment; a "Points Possible" row is accepted. Moodle
("Import grades from CSV"): an identifier column chosen in the import form, then grade
columns. Pending hand grades, crashes and missing submissions are blank, never zero, and
each of them is explained in the separate status report. The item analysis leaves answers
awaiting hand grading out.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.course import Course
from autograder.export import CANVAS_IDENTITY, MOODLE_IDENTITY, export
from autograder.grade import grade
from autograder.report import item_analysis, report
from tests.autograder.conftest import FIXTURES, nbgrader_env, submit

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:.*not in session")]

# (student id, first, last, email, Canvas user id in the gradebook, scenario or None)
STUDENTS = [
    ("zed", "Zed", "Able", "zed@example.org", "9001", "correct"),  # hand-graded below
    ("jdoe", "Jane", "Doe", "jane@example.org", "4711", "partly-wrong"),  # q5 pending
    ("eroe", "Eric", "Roe", "eric@example.org", None, "corrupt-json"),  # crashed
    ("absent", "Al", "Sent", "al@example.org", "4712", None),  # not submitted
]
EXPECTED_ORDER = ["zed", "jdoe", "eroe", "absent"]  # by last name


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory, generated_course_module):
    root = generated_course_module
    course = Course.load(root)
    with Gradebook(course.db_url) as gb:
        # Added in reverse so that the gradebook's own order is not already the sorted one.
        for sid, first, last, email, lms, _ in reversed(STUDENTS):
            gb.add_student(sid, first_name=first, last_name=last, email=email, lms_user_id=lms)
    for sid, *_, scenario in STUDENTS:
        if scenario:
            submit(root, scenario, sid)
    summary = grade(course, "ps1", workers=2, progress=False)
    assert set(summary.graded) >= {"zed", "jdoe"}
    with Gradebook(course.db_url) as gb:  # the instructor hand-grades zed's written answer
        written = gb.find_grade("q5_answer", "ps1", "ps1", "zed")
        written.manual_score, written.needs_manual_grade = 1.5, False  # as formgrader saves it
        gb.db.commit()
    roster = tmp_path_factory.mktemp("roster") / "roster.csv"
    roster.write_text("lms_id,student_id\n5151,eroe\n")
    return course, roster


@pytest.fixture(scope="module")
def generated_course_module(tmp_path_factory):
    root = tmp_path_factory.mktemp("lms") / "course"
    shutil.copytree(FIXTURES / "course", root)
    subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", "ps1"],
        cwd=root,
        check=True,
        capture_output=True,
        env=nbgrader_env(),
    )
    return root


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_canvas_file_has_only_the_documented_columns(graded_course, tmp_path):
    course, roster = graded_course
    out = export(course, "ps1", "canvas", tmp_path / "canvas.csv", roster)
    rows = _csv(out.read_text())
    assert rows[0] == [*CANVAS_IDENTITY, "ps1"]  # no status column Canvas would add
    assert rows[1] == ["Points Possible", "", "", "", "", "9"]
    body = rows[2:]
    assert all(len(r) == len(rows[0]) for r in body)
    assert [r[2] for r in body] == EXPECTED_ORDER  # SIS User ID, sorted by name
    by_id = {r[2]: r for r in body}
    assert by_id["zed"][0] == "Able, Zed"
    assert by_id["zed"][1] == "9001" and by_id["jdoe"][1] == "4711"
    assert by_id["eroe"][1] == "5151"  # from the roster when the gradebook has none
    assert by_id["zed"][5] == "8.5"  # 7 autograded + 1.5 by hand
    for pending_or_missing in ("jdoe", "eroe", "absent"):
        assert by_id[pending_or_missing][5] == "", pending_or_missing  # blank, not zero


def test_moodle_file_has_only_the_documented_columns(graded_course, tmp_path):
    course, _ = graded_course
    rows = _csv(export(course, "ps1", "moodle", tmp_path / "moodle.csv").read_text())
    assert rows[0] == [*MOODLE_IDENTITY, "ps1"]
    by_id = {r[1]: r for r in rows[1:]}
    assert [r[1] for r in rows[1:]] == EXPECTED_ORDER
    assert by_id["zed"] == ["zed@example.org", "zed", "Zed", "Able", "8.5"]
    assert by_id["jdoe"][4] == by_id["eroe"][4] == by_id["absent"][4] == ""


@pytest.mark.parametrize("fmt", ["canvas", "moodle"])
def test_cli_writes_a_status_report_beside_the_lms_file(graded_course, tmp_path, fmt):
    course, roster = graded_course
    out = tmp_path / f"{fmt}.csv"
    done = subprocess.run(
        [sys.executable, "-m", "autograder", "export", "ps1", "--course", str(course.root)]
        + ["--format", fmt, "-o", str(out), "--roster", str(roster)],
        capture_output=True,
        text=True,
        env=nbgrader_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    status = {r["student_id"]: r for r in csv.DictReader((tmp_path / f"{fmt}-status.csv").open())}
    assert status["jdoe"]["status"] == "manual grading pending"
    # Named by question and title, as the feedback and grade's output do, not by grade id.
    assert "Q5 Name one hidden cost of offshoring" in status["jdoe"]["note"]
    assert "manual grading pending" in status["jdoe"]["note"]
    assert "q5_answer" not in status["jdoe"]["note"]
    assert status["jdoe"]["exported_score"] == "" and status["jdoe"]["autograded_score"] != ""
    assert status["eroe"]["status"].startswith("crashed")
    assert status["absent"]["status"] == "not submitted"
    assert status["zed"]["exported_score"] == "8.5"
    assert "left blank (not zero)" in done.stderr and "1 manual grading pending" in done.stderr


def test_item_analysis_leaves_pending_answers_out(graded_course, tmp_path):
    course, _ = graded_course
    stats, matrix = item_analysis(course, "ps1")
    q5 = stats.set_index("question").loc["q5_answer"]
    assert q5["pending"] == 1 and q5["n"] == 1  # jdoe's answer awaits hand grading
    assert q5["mean"] == pytest.approx(1.5)  # zed's hand grade only; jdoe is not a zero
    assert matrix.loc["jdoe", "q5_answer"] != matrix.loc["jdoe", "q5_answer"]  # NaN
    page = report(course, "ps1", tmp_path / "reports")["html"].read_text()
    assert "1 answer awaiting hand grading are left out" in page
