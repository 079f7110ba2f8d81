"""`python -m autograder grade` uses nbgrader's gradebook without its Jupyter server extensions.

nbgrader's package ``__init__`` imports its four server extensions (jupyter_server,
nbconvert and every nbgrader app), about 0.4 s of CPU in every grading run before the
first submission (issue 14 throughput). The grade command skips that ``__init__``; the
gradebook, the grades and ``nbgrader.__version__`` must be what they were.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from autograder.course import REPO_ROOT


def _python(code: str, *args: str) -> str:
    # A new gradebook runs nbgrader's `alembic` script, which sits beside the interpreter.
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return done.stdout.strip()


def test_the_gradebook_works_without_the_server_extensions(tmp_path):
    out = _python(
        "import json, sys\n"
        "import autograder.__main__ as entry\n"
        "entry.light_nbgrader()\n"
        "import nbgrader\n"
        "from nbgrader.api import Gradebook\n"
        "from autograder.gradebook import apply_result\n"
        "gb = Gradebook('sqlite:///' + sys.argv[1])\n"
        "gb.add_assignment('a1')\n"
        "gb.add_student('s1')\n"
        "gb.add_submission('a1', 's1')\n"
        "print(json.dumps({'version': nbgrader.__version__,\n"
        "    'submissions': [s.student_id for s in gb.assignment_submissions('a1')],\n"
        "    'extensions': sorted(m for m in sys.modules if m.startswith(\n"
        "        ('jupyter_server', 'nbconvert', 'nbgrader.server_extensions', 'nbgrader.apps')))}))\n"
        "gb.close()\n",
        str(tmp_path / "gradebook.db"),
    )
    seen = json.loads(out)
    assert seen["version"] == version("nbgrader")
    assert seen["submissions"] == ["s1"]
    assert seen["extensions"] == []


def test_other_commands_and_an_imported_nbgrader_are_left_alone():
    out = _python(
        "import sys\n"
        "import nbgrader\n"
        "import autograder.__main__ as entry\n"
        "entry.light_nbgrader()  # nbgrader is imported already: nothing to do\n"
        "print(hasattr(sys.modules['nbgrader'], '_jupyter_server_extension_points'))"
    )
    assert out == "True"
    out = _python(
        "import runpy, sys\n"
        "sys.argv = ['autograder', 'export', '--help']\n"
        "try:\n"
        "    runpy.run_module('autograder', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "import nbgrader\n"
        "print(hasattr(nbgrader, '_jupyter_server_extension_points'))"
    )
    assert out.splitlines()[-1] == "True"


def _totals(course) -> dict[str, float]:
    from nbgrader.api import Gradebook

    gb = Gradebook(f"sqlite:///{course / 'gradebook.db'}")
    try:
        return {s.student_id: float(s.score) for s in gb.assignment_submissions("ps1")}
    finally:
        gb.close()


@pytest.mark.filterwarnings("ignore:.*not in session")
def test_python_m_autograder_grade_gives_the_grades_of_an_in_process_run(
    course_dir, submit_scenario, tmp_path
):
    from autograder.course import Course
    from autograder.grade import grade
    from autograder.sandbox import Limits

    submit_scenario(course_dir, "correct", student="alice")
    submit_scenario(course_dir, "partly-wrong", student="bob")
    in_process = tmp_path / "in-process"
    shutil.copytree(course_dir, in_process)
    done = subprocess.run(
        [sys.executable, "-m", "autograder", "grade", "ps1", "--course", str(course_dir)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 graded" in done.stdout
    limits = Limits(cell_timeout=30, total_timeout=120)
    grade(Course.load(in_process), "ps1", workers=1, limits=limits, progress=False)
    totals = _totals(course_dir)
    assert totals == _totals(in_process)
    assert totals["alice"] > totals["bob"] > 0
