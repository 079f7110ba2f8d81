"""The verbs end to end on the fixture course: collect, grade, feedback, export, report."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from nbgrader.api import Gradebook

from autograder.collect import CollectError, collect_zip, parse_lms_name
from autograder.course import Course
from autograder.export import export
from autograder.feedback import feedback
from autograder.grade import grade
from autograder.report import report

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")


def scenario_bytes(name: str) -> bytes:
    from pathlib import Path

    return (Path(__file__).parent / "fixtures" / "submissions" / name / "ps1.ipynb").read_bytes()


def test_lms_file_names_are_parsed():
    assert parse_lms_name("doejane_4711_99812_ps1.ipynb", "canvas") == ("4711", "ps1.ipynb")
    assert parse_lms_name("doejane_LATE_4711_99812_ps1-2.ipynb", "canvas") == ("4711", "ps1.ipynb")
    assert parse_lms_name("Jane Doe_123_assignsubmission_file_/ps1.ipynb", "moodle") == (
        "123",
        "ps1.ipynb",
    )
    assert parse_lms_name("Jane Doe_123_assignsubmission_file_ps1.ipynb", "moodle") == (
        "123",
        "ps1.ipynb",
    )
    assert parse_lms_name("readme.txt", "canvas") is None


@pytest.mark.slow
def test_collect_grade_feedback_export_report(course_dir, tmp_path):
    course = Course.load(course_dir)
    with Gradebook(course.db_url) as gb:
        gb.add_student(
            "jdoe", first_name="Jane", last_name="Doe", email="jane@example.org", lms_user_id="4711"
        )
        gb.add_student("absent", first_name="Al", last_name="Sent", email="al@example.org")
    archive = tmp_path / "canvas.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("doejane_4711_99812_ps1.ipynb", scenario_bytes("partly-wrong"))
        zf.writestr("roeric_LATE_5151_99813_ps1-1.ipynb", scenario_bytes("correct"))
        zf.writestr("noxx_6262_99814_ps1.ipynb", scenario_bytes("corrupt-json"))
    roster = tmp_path / "roster.csv"
    roster.write_text("lms_id,student_id\n5151,eroe\n")
    got = collect_zip(course, "ps1", archive, "canvas", roster)
    assert sorted(c.student for c in got) == ["6262", "eroe", "jdoe"]
    assert (course_dir / "submitted" / "eroe" / "ps1" / "ps1.ipynb").exists()

    summary = grade(course, "ps1", workers=2, progress=False)
    assert set(summary.graded) == {"6262", "eroe", "jdoe"}
    assert "broken JSON" in summary.errors["6262"]

    pages = feedback(course, "ps1")
    assert len(pages) == 3
    jdoe = (course_dir / "feedback" / "jdoe" / "ps1" / "ps1.html").read_text()
    assert (
        "A hidden test failed" in jdoe
        and "cheapest_vendor == &quot;Manila BPO&quot;" not in jdoe
        and "BEGIN HIDDEN" not in jdoe
    )

    rows = list(
        csv.DictReader(io.StringIO(export(course, "ps1", "csv", tmp_path / "g.csv").read_text()))
    )
    by_id = {r["student_id"]: r for r in rows}
    assert by_id["absent"]["status"] == "not submitted" and by_id["absent"]["score"] == "0"
    assert (
        by_id["6262"]["status"].startswith("crashed: ")
        and "broken JSON" in by_id["6262"]["q1_test status"]
    )
    assert by_id["eroe"]["status"] == "manual grading pending"  # q5 is a written answer
    assert by_id["eroe"]["q1_test status"] == "graded" and by_id["eroe"]["score"] == "7"
    assert by_id["jdoe"]["q2_test score"] == "0"

    canvas = list(
        csv.reader(io.StringIO(export(course, "ps1", "canvas", tmp_path / "c.csv").read_text()))
    )
    assert canvas[1][0] == "Points Possible" and canvas[1][5] == "9"
    jane = next(r for r in canvas if r[2] == "jdoe")
    # q5 awaits hand grading: blank for Canvas, never a partial score (test_lms_export.py)
    assert jane[0] == "Doe, Jane" and jane[1] == "4711" and jane[5] == ""
    moodle = list(
        csv.DictReader(io.StringIO(export(course, "ps1", "moodle", tmp_path / "m.csv").read_text()))
    )
    assert next(r for r in moodle if r["ID number"] == "absent")["ps1"] == ""

    paths = report(course, "ps1", tmp_path / "reports", png=True)
    items = list(csv.DictReader(paths["csv"].open()))
    q2 = next(r for r in items if r["question"] == "q2_test")
    assert float(q2["difficulty"]) == pytest.approx(0.5)  # one of two graded students got it
    assert paths["png"].read_bytes()[:4] == b"\x89PNG"
    assert "<iframe" in paths["html"].read_text()


def test_collect_rejects_a_zip_with_no_matching_names(course_dir, tmp_path):
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("notes.txt", "hello")
    with pytest.raises(CollectError, match="matches canvas's naming"):
        collect_zip(Course.load(course_dir), "ps1", archive, "canvas")


@pytest.mark.slow
def test_collect_from_the_nbgrader_exchange(course_dir, tmp_path):
    from autograder.collect import collect_exchange

    exchange = tmp_path / "exchange"
    inbound = (
        exchange
        / "globalsourcing-fixture"
        / "inbound"
        / "bob+ps1+2026-11-20 10:00:00.000000 UTC+abc123"
    )
    inbound.mkdir(parents=True)
    (inbound / "ps1.ipynb").write_bytes(scenario_bytes("correct"))
    (inbound / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    config = course_dir / "nbgrader_config.py"
    config.write_text(config.read_text() + f'\nc.Exchange.root = "{exchange}"\n')
    collect_exchange(Course.load(course_dir), "ps1")
    assert (course_dir / "submitted" / "bob" / "ps1" / "ps1.ipynb").read_bytes() == scenario_bytes(
        "correct"
    )
