"""A class of honest submissions to one of the course's real assignments, and ways to grade it.

Used by the end-to-end, hostile-class and PostgreSQL tests (and importable by scripts):
the class is built in a scratch copy of exercises/ (never in the checkout), one
student per variant of tests/exercises/variants/, and graded either by
``python -m autograder grade`` in a subprocess (sandbox on) or by plain
``nbgrader autograde``.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from tests.exercises.course import fill, make_course, solution_answers

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
MIRROR = REPO.parent / "shared" / "data"
ASSIGNMENTS = sorted(p.stem for p in (REPO / "tests" / "exercises" / "variants").glob("ps*.py"))
TIMESTAMP = "2026-11-20 10:00:00.000000 UTC"
# For test modules that grade the real course: slow, nbgrader's harmless gradebook
# warnings silenced, and the data mirror the setup cells read.
REAL_COURSE_MARKS = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:.*not in session"),
    pytest.mark.skipif(not MIRROR.is_dir(), reason=f"the data mirror {MIRROR} is not here"),
]


@dataclass
class HonestClass:
    """A generated course copy with submitted/<student>/<assignment>/ filled in."""

    assignment: str
    root: Path
    expected: dict[str, dict[str, float]]  # student -> test grade_id -> score
    release: nbformat.NotebookNode  # the blank notebook students were given
    solution: dict[str, str]  # answer grade_id -> the instructor's answer

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"


def grader_env(data: dict[str, str] | None = None) -> dict[str, str]:
    """The environment both graders run in; ``data`` replaces the data variables."""
    env = dict(os.environ)
    for name in ("GLOBALSOURCING_DATA_DIR", "GLOBALSOURCING_CACHE_DIR", "GLOBALSOURCING_OFFLINE"):
        env.pop(name, None)
    env.update(data if data is not None else {"GLOBALSOURCING_DATA_DIR": str(MIRROR)})
    env["GLOBALSOURCING_REPO"] = str(REPO)
    env["PATH"] = os.pathsep.join([str(VENV_BIN), env.get("PATH", "")])  # nbgrader calls alembic
    return env


def honest_class(assignment: str, tmp: Path) -> HonestClass:
    """Solution, blank release, every alternative and every wrong variant, one student each."""
    variants = importlib.import_module(f"tests.exercises.variants.{assignment}")
    course = make_course(tmp)
    done = course.nbgrader("generate_assignment", assignment, "--force")
    assert done.returncode == 0, course.log[-1][-3000:]
    release = course.release(assignment)
    solution = solution_answers(course.source(assignment))
    full = course.max_scores(assignment)
    tests = {gid: pts for gid, pts in full.items() if gid.endswith("_tests")}
    assert tests, f"{assignment} has no autograded test cells"
    submissions = {"solution": fill(release, solution), "blank": release}
    expected = {"solution": dict(tests), "blank": dict.fromkeys(tests, 0.0)}
    for name, answers in variants.ALTERNATIVES.items():
        submissions[f"alt_{name}"] = fill(release, {**solution, **answers})
        expected[f"alt_{name}"] = dict(tests)
    for wrong in variants.WRONG:
        student = f"wrong_{wrong.name}"
        submissions[student] = fill(release, {**solution, **wrong.answers})
        expected[student] = {g: (0.0 if g in wrong.loses else p) for g, p in tests.items()}
    for student, nb in submissions.items():
        write_submission(course.root, assignment, student, nb)
    return HonestClass(assignment, course.root, expected, release, solution)


def write_submission(root: Path, assignment: str, student: str, nb) -> Path:
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{assignment}.ipynb")
    (folder / "timestamp.txt").write_text(TIMESTAMP)
    return folder


def run_autograder(
    root: Path, assignment: str, env: dict[str, str], *extra: str, timeout: float = 900
) -> subprocess.CompletedProcess:
    """``python -m autograder grade`` as an instructor runs it (sandbox on)."""
    cmd = [sys.executable, "-m", "autograder", "grade", assignment, "--course", str(root)]
    return subprocess.run(
        [*cmd, "--quiet", *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_nbgrader(
    root: Path, assignment: str, env: dict[str, str], timeout: float = 1800
) -> subprocess.CompletedProcess:
    """Plain ``nbgrader autograde`` with the course's own configuration."""
    cmd = [str(VENV_BIN / "nbgrader"), "autograde", assignment, "--force"]
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


def question_scores(db_url: str, assignment: str) -> dict[str, dict[str, float | None]]:
    """student -> test grade_id -> auto score, read back from an nbgrader gradebook."""
    out: dict[str, dict[str, float | None]] = {}
    with Gradebook(db_url) as gb:
        for sub in gb.assignment_submissions(assignment):
            out[sub.student_id] = {
                g.name: g.auto_score
                for nb in sub.notebooks
                for g in nb.grades
                if g.name.endswith("_tests")
            }
    return out


def totals(db_url: str, assignment: str) -> dict[str, float]:
    with Gradebook(db_url) as gb:
        return {
            s.student_id: round(float(s.score), 6) for s in gb.assignment_submissions(assignment)
        }


def user_cache_env(home: Path) -> dict[str, str]:
    """Data variables for a user who downloaded the series into their default cache.

    No mirror variable, no cache override: ``home`` stands in for the user's home, and
    the World Bank panel is downloaded into ~/.cache/globalsourcing/data from the
    publisher stand-in on 127.0.0.1, exactly as ``download_series`` does online.
    """
    from globalsourcing.data.api import download_series
    from tests.datasets.publisher_server import PublisherServer

    cache = home / ".cache" / "globalsourcing" / "data"
    cache.mkdir(parents=True, exist_ok=True)
    server = PublisherServer(MIRROR).start()
    try:
        download_series("wdi_panel", base_url=f"{server.url}/v2", cache=cache)
        download_series("unctad_services", base_url=server.url, cache=cache)
    finally:
        server.stop()
    # Offline: a load that missed the cache would fail loudly instead of going online.
    env = {"HOME": str(home), "XDG_CACHE_HOME": "", "GLOBALSOURCING_OFFLINE": "1"}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from globalsourcing.data.download import cache_dir as c; print(c())",
        ],
        env=grader_env(env),
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()) == cache, probe.stdout  # the loader's own default
    return env
