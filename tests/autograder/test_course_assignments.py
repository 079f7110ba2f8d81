"""The real course's assignments (exercises/) grade end to end with this pipeline.

A solution copy of each assignment must get every autograded point, and a copy with
one wrong answer must lose exactly that question's points.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.course import REPO_ROOT, Course
from autograder.grade import grade

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
ASSIGNMENT = "ps1_market"
SOURCE = REPO_ROOT / "exercises" / "source" / ASSIGNMENT


@pytest.mark.slow
@pytest.mark.skipif(
    not SOURCE.is_dir(), reason="exercises/source/ps1_market is not in this checkout"
)
def test_ps1_market_solution_gets_full_marks_and_a_wrong_answer_loses_its_points(
    tmp_path, monkeypatch
):
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(REPO_ROOT / "exercises" / "nbgrader_config.py", course)
    shutil.copy(REPO_ROOT / "exercises" / "grading.toml", course)
    shutil.copytree(SOURCE, course / "source" / ASSIGNMENT)
    env = dict(os.environ, GLOBALSOURCING_REPO=str(REPO_ROOT))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", ASSIGNMENT],
        cwd=course,
        env=env,
        check=True,
        capture_output=True,
    )
    source = nbformat.read(SOURCE / f"{ASSIGNMENT}.ipynb", as_version=4)
    solutions = {
        c.metadata["nbgrader"]["grade_id"]: re.sub(
            r"^[ \t]*### (BEGIN|END) SOLUTION[^\n]*\n?", "", c.source, flags=re.M
        )
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"
    }
    release = nbformat.read(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for student, overrides in {
        "solution": {},
        "one-wrong": {"ps1_q6_definitions": 'answer_q6 = "A"'},
    }.items():
        nb = nbformat.from_dict(release)
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if gid in solutions:
                cell.source = overrides.get(gid, solutions[gid])
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{ASSIGNMENT}.ipynb")

    monkeypatch.setenv("GLOBALSOURCING_REPO", str(REPO_ROOT))  # the copy's grading.toml root
    summary = grade(Course.load(course), ASSIGNMENT, progress=False)
    assert not summary.errors

    def tests(student):
        cells = summary.results[student].notebooks[ASSIGNMENT].cells
        return {c.grade_id: (c.score, c.points) for c in cells if c.kind == "test"}

    solution = tests("solution")
    assert solution and all(score == points for score, points in solution.values())
    wrong = tests("one-wrong")
    assert wrong["ps1_q6_definitions_tests"][0] == 0
    assert {k: v for k, v in wrong.items() if k != "ps1_q6_definitions_tests"} == {
        k: v for k, v in solution.items() if k != "ps1_q6_definitions_tests"
    }
    message = next(
        c.message
        for c in summary.results["one-wrong"].notebooks[ASSIGNMENT].cells
        if c.grade_id == "ps1_q6_definitions_tests"
    )
    assert (
        "hidden test failed" in message and "scope column" in message
    )  # the course's own safe message
