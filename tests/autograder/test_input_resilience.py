"""A grader error while handling one submission is that submission's status (issue 14, item 2).

The failure is injected where a real bug or a hostile input would surface: inside
grading one submission, and while recording its result in the gradebook.  The other
students are graded and recorded as usual, and the summary names the failure.
"""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

import autograder.grade as grade_module
from autograder.course import Course
from autograder.grade import grade
from autograder.sandbox import Limits

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
LIMITS = Limits(cell_timeout=10, total_timeout=60)


def _auto_scores(course: Course) -> dict[str, float]:
    with Gradebook(course.db_url) as gb:
        return {
            sub.student_id: sum(g.auto_score or 0 for nb in sub.notebooks for g in nb.grades)
            for sub in gb.assignment_submissions("ps1")
        }


def test_a_grader_error_in_one_submission_leaves_the_class_graded(
    course_dir, submit_scenario, monkeypatch
):
    for student in ("alice", "boom", "carol"):
        submit_scenario(course_dir, "correct", student=student)
    real = grade_module.grade_submission

    def flaky(task):
        if task.student == "boom":
            raise KeyError("an unexpected grader bug")
        return real(task)

    monkeypatch.setattr(grade_module, "grade_submission", flaky)
    course = Course.load(course_dir)
    summary = grade(course, "ps1", workers=2, limits=LIMITS, progress=False)
    assert "grader error: KeyError" in summary.errors["boom"]
    assert summary.status_counts() == {"graded": 2, "grader error": 1}
    assert not summary.clean
    scores = _auto_scores(course)
    assert scores["alice"] == scores["carol"] == 7.0
    assert scores["boom"] == 0  # flagged for review with the reason, no auto score
    with Gradebook(course.db_url) as gb:
        grades = gb.find_submission_notebook("ps1", "ps1", "boom").grades
        assert all(g.auto_score is None and g.needs_manual_grade for g in grades)


def test_a_failure_while_recording_one_result_is_named_and_the_rest_recorded(
    course_dir, submit_scenario, monkeypatch
):
    for student in ("alice", "boom"):
        submit_scenario(course_dir, "correct", student=student)
    real = grade_module.apply_result

    def flaky(gb, result):
        if result.student == "boom":
            raise RuntimeError("database is locked")
        return real(gb, result)

    monkeypatch.setattr(grade_module, "apply_result", flaky)
    course = Course.load(course_dir)
    summary = grade(course, "ps1", workers=2, limits=LIMITS, progress=False)
    assert summary.errors == {
        "boom": "grader error while recording: RuntimeError: database is locked"
    }
    assert _auto_scores(course)["alice"] == 7.0

    # The journal has the grade but not the "applied" marker: the next run records it.
    monkeypatch.setattr(grade_module, "apply_result", real)
    again = grade(course, "ps1", workers=2, limits=LIMITS, progress=False)
    assert again.clean and sorted(again.reused) == ["alice", "boom"]
    assert _auto_scores(course)["boom"] == 7.0


def test_a_grader_error_on_a_dask_worker_is_that_submissions_status(
    course_dir, submit_scenario, monkeypatch
):
    from distributed import LocalCluster

    for student in ("alice", "boom"):
        submit_scenario(course_dir, "correct", student=student)
    real = grade_module.grade_submission

    def flaky(task):
        if task.student == "boom":
            raise KeyError("an unexpected grader bug")
        return real(task)

    monkeypatch.setattr(grade_module, "grade_submission", flaky)  # in-process workers see it
    course = Course.load(course_dir)
    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        summary = grade(
            course, "ps1", scheduler=cluster.scheduler_address, limits=LIMITS, progress=False
        )
    assert "grader error: KeyError" in summary.errors["boom"]
    assert _auto_scores(course)["alice"] == 7.0
