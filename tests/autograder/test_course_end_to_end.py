"""Every assignment of the real course grades end to end through ``python -m autograder``.

Per assignment, one class (the instructor's solution, the blank release, every
alternative correct answer and every typical wrong answer of tests/exercises/variants/)
is graded three times in one run each: by plain ``nbgrader autograde`` with the data
mirror, and by ``python -m autograder grade`` (a subprocess, sandbox on) once with the
mirror and once with only a download in the user's default cache (no mirror variable,
offline, the series downloaded from the publisher stand-in on 127.0.0.1).
"""

from __future__ import annotations

import shutil

import pytest

from tests.autograder.real_course import (
    ASSIGNMENTS,
    REAL_COURSE_MARKS,
    grader_env,
    honest_class,
    question_scores,
    run_autograder,
    run_nbgrader,
    totals,
    user_cache_env,
)

pytestmark = REAL_COURSE_MARKS
MODES = ["mirror", "user-cache"]


@pytest.fixture(scope="session")
def cache_only_env(tmp_path_factory) -> dict[str, str]:
    return grader_env(user_cache_env(tmp_path_factory.mktemp("student-home")))


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, tmp_path_factory, cache_only_env):
    assignment = request.param
    tmp = tmp_path_factory.mktemp(f"e2e-{assignment}")
    honest = honest_class(assignment, tmp / "base")
    envs = {"mirror": grader_env(), "user-cache": cache_only_env}
    runs, scores, sums = {}, {}, {}
    for name in ["nbgrader", *MODES]:
        root = tmp / name
        shutil.copytree(honest.root, root)
        if name == "nbgrader":
            runs[name] = run_nbgrader(root, assignment, envs["mirror"])
        else:
            runs[name] = run_autograder(root, assignment, envs[name])
        url = f"sqlite:///{root / 'gradebook.db'}"
        scores[name], sums[name] = question_scores(url, assignment), totals(url, assignment)
    return {"honest": honest, "runs": runs, "scores": scores, "totals": sums}


def _explain(graded, mode: str) -> str:
    run = graded["runs"][mode]
    return f"exit {run.returncode}\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"


@pytest.mark.parametrize("mode", MODES)
def test_the_run_grades_every_student_and_exits_zero(graded, mode):
    run = graded["runs"][mode]
    students = len(graded["honest"].expected)
    assert run.returncode == 0, _explain(graded, mode)
    assert f"{students} graded, 0 already graded (journal), 0 not gradable" in run.stdout, _explain(
        graded, mode
    )
    assert "sandbox:" in run.stdout and "NOT protected" not in run.stderr


@pytest.mark.parametrize("mode", MODES)
def test_every_variant_gets_its_expected_score(graded, mode):
    expected = graded["honest"].expected
    got = graded["scores"][mode]
    wrong = {s: (got.get(s), want) for s, want in expected.items() if got.get(s) != want}
    assert not wrong, f"{mode}: student -> (got, expected): {wrong}\n{_explain(graded, mode)}"
    assert expected["solution"] and all(v > 0 for v in expected["solution"].values())
    assert set(expected["blank"].values()) == {0.0}


def test_plain_nbgrader_agrees_with_the_expected_scores(graded):
    # Without this the comparison below could pass with both graders equally wrong.
    run = graded["runs"]["nbgrader"]
    assert graded["scores"]["nbgrader"] == graded["honest"].expected, run.stderr[-3000:]


@pytest.mark.parametrize("mode", MODES)
def test_totals_are_identical_to_plain_nbgrader(graded, mode):
    ours, theirs = graded["totals"][mode], graded["totals"]["nbgrader"]
    assert set(theirs) == set(graded["honest"].expected)
    assert ours == theirs
