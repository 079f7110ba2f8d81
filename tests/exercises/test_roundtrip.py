"""The nbgrader round trip with the real nbgrader, once per assignment.

generate_assignment -> submissions (instructor solution, untouched release, alternative
correct answers in other pandas idioms, typical wrong answers) -> one autograde run ->
scores from the gradebook and messages from the autograded notebooks.
"""

from __future__ import annotations

import importlib
import runpy
from pathlib import Path

import pytest

from .course import EXERCISES, answer_cells, fill, make_course, solution_answers

pytestmark = pytest.mark.slow

ASSIGNMENTS = sorted(p.stem for p in (Path(__file__).parent / "variants").glob("ps*.py"))


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, tmp_path_factory):
    assignment = request.param
    variants = importlib.import_module(f"tests.exercises.variants.{assignment}")
    course = make_course(tmp_path_factory.mktemp(assignment))
    generated = course.generate(assignment)
    assert generated.returncode == 0, course.log[-1]
    release = course.release(assignment)
    solution = solution_answers(course.source(assignment))
    submissions = {"solution": fill(release, solution), "untouched": release}
    for name, answers in variants.ALTERNATIVES.items():
        submissions[f"alt_{name}"] = fill(release, {**solution, **answers})
    for wrong in variants.WRONG:
        submissions[f"wrong_{wrong.name}"] = fill(release, {**solution, **wrong.answers})
    # Students who delete a test cell, or edit one so that it cannot fail.
    deleted = fill(release, solution)
    del deleted.cells[next(i for i, c in enumerate(deleted.cells) if _is_test(c))]
    submissions["deleted_test_cell"] = deleted
    first_wrong = variants.WRONG[0]
    tampered = fill(release, {**solution, **first_wrong.answers})
    for cell in tampered.cells:
        if _is_test(cell):
            cell.source = "pass"
    submissions["tampered_tests"] = tampered
    course.autograde(assignment, submissions)
    course.nbgrader("generate_feedback", assignment, "--force")
    return assignment, course, variants, release


def _is_test(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade", False)


def test_release_has_no_solutions_hidden_tests_or_outputs(graded):
    assignment, course, _, release = graded
    text = (course.root / "release" / assignment / f"{assignment}.ipynb").read_text()
    for secret in ["BEGIN SOLUTION", "HIDDEN TESTS", "autograder", "run_hidden", "Model answer"]:
        assert secret not in text, f"{secret!r} leaked into the release of {assignment}"
    assert all(not cell.get("outputs") for cell in release.cells if cell.cell_type == "code")
    assert all("raise NotImplementedError()" in code for code in answer_cells(release).values())


def test_self_study_copies_match_the_nbgrader_release(graded):
    assignment, _, _, release = graded
    student_copies = runpy.run_path(str(EXERCISES / "student_copies.py"))
    copy = student_copies["student_copy"](assignment)
    assert [c.source for c in copy.cells] == [c.source for c in release.cells]


def test_instructor_solution_scores_full_marks(graded):
    assignment, course, _, _ = graded
    assert course.scores(assignment, "solution") == course.max_scores(assignment), course.log[-1]


def test_untouched_release_scores_zero(graded):
    assignment, course, _, _ = graded
    scores = course.scores(assignment, "untouched")
    assert scores and set(scores.values()) == {0.0}


def test_deleted_or_edited_test_cells_are_restored_and_graded(graded):
    assignment, course, variants, _ = graded
    assert course.scores(assignment, "deleted_test_cell") == course.max_scores(assignment)
    wrong = variants.WRONG[0]
    assert course.scores(assignment, "tampered_tests") == course.scores(
        assignment, f"wrong_{wrong.name}"
    )


def test_alternative_correct_solutions_score_full_marks(graded):
    assignment, course, variants, _ = graded
    assert len(variants.ALTERNATIVES) >= 5
    full = course.max_scores(assignment)
    for name in variants.ALTERNATIVES:
        scores = course.scores(assignment, f"alt_{name}")
        lost = {gid: scores[gid] for gid in full if scores[gid] != full[gid]}
        outputs = {gid: course.output_of(assignment, f"alt_{name}", gid)[-600:] for gid in lost}
        assert not lost, f"alternative {name!r} lost points: {outputs}"


def test_wrong_answers_lose_their_points_with_a_helpful_message(graded):
    assignment, course, variants, _ = graded
    assert len(variants.WRONG) >= 3
    full = course.max_scores(assignment)
    for wrong in variants.WRONG:
        student = f"wrong_{wrong.name}"
        scores = course.scores(assignment, student)
        expected = {gid: (0.0 if gid in wrong.loses else full[gid]) for gid in full}
        assert scores == expected, f"{wrong.name}: {scores}"
        message = course.output_of(assignment, student, wrong.loses[0])
        assert wrong.message in message, f"{wrong.name}: {message[-800:]}"
        # The hidden tests' source stays out of what the student sees.
        trace = course.traceback_of(assignment, student, wrong.loses[0])
        assert f"hidden/{assignment}.py" not in trace


def test_feedback_keeps_hidden_tests_out_but_explains_the_failure(graded):
    assignment, course, variants, _ = graded

    def feedback(student: str) -> str:
        path = course.root / "feedback" / student / assignment / f"{assignment}.html"
        return path.read_text(encoding="utf-8")

    clean = feedback("solution")
    assert "HIDDEN TESTS" not in clean and "hidden_tests" not in clean
    for wrong in variants.WRONG:
        student = f"wrong_{wrong.name}"
        # A failed check prints as its message alone, so no code around the call is quoted.
        trace = course.traceback_of(assignment, student, wrong.loses[0])
        assert len(trace.splitlines()) == 1 and "hidden_tests" not in trace, trace
        html = feedback(student)
        assert f"hidden/{assignment}.py" not in html
        words = wrong.message.split("`")[0][:25]
        assert words.replace("'", "&#39;") in html or words in html, wrong.name
