"""Crash safety (SIGKILL part-way, rerun, same gradebook) and the Dask backend."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.course import REPO_ROOT, Course
from autograder.grade import grade
from autograder.sandbox import Limits

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
SCENARIOS = ["correct", "partly-wrong", "unanswered", "syntax-error", "hardcoded-passes-visible-fails-hidden",
             "test-cell-deleted", "os-exit", "corrupt-json"]  # fmt: skip


def gradebook_state(course: Path) -> dict:
    gb = Gradebook(f"sqlite:///{course / 'gradebook.db'}")
    try:
        state = {}
        for sub in gb.assignment_submissions("ps1"):
            for nb in sub.notebooks:
                for g in nb.grades:
                    state[(sub.student_id, g.name)] = (
                        g.auto_score,
                        g.manual_score,
                        g.needs_manual_grade,
                    )
                for c in nb.comments:
                    state[(sub.student_id, "comment", c.name)] = c.auto_comment
        return state
    finally:
        gb.close()


def fill(course: Path, submit_scenario, copies: int) -> None:
    for i in range(copies):
        for scenario in SCENARIOS:
            submit_scenario(course, scenario, student=f"{scenario}-{i}")


def run_cli(course: Path, *extra: str) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-m",
        "autograder",
        "grade",
        "ps1",
        "--course",
        str(course),
        "--quiet",
        "--workers",
        "1",
        *extra,
    ]
    return subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_sigkill_part_way_then_rerun_equals_uninterrupted_run(
    course_dir, tmp_path, submit_scenario
):
    import shutil

    reference = tmp_path / "reference"
    shutil.copytree(course_dir, reference)
    fill(course_dir, submit_scenario, 2)
    fill(reference, submit_scenario, 2)
    total = 2 * len(SCENARIOS)

    proc = run_cli(course_dir)
    journal = course_dir / ".autograder" / "ps1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = len(list(journal.glob("*.json"))) if journal.exists() else 0
        if done >= 3 or proc.poll() is not None:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    journaled = len(list(journal.glob("*.json")))
    assert 0 < journaled < total, "the kill should land part-way through the run"

    rerun = run_cli(course_dir)
    out, err = rerun.communicate(timeout=300)
    assert b"already graded (journal)" in out, err.decode()[-2000:]
    assert len(list(journal.glob("*.json"))) == total

    grade(Course.load(reference), "ps1", workers=1, progress=False, limits=Limits(cell_timeout=10))
    assert gradebook_state(course_dir) == gradebook_state(reference)


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_grades(course_dir, tmp_path, submit_scenario):
    import shutil

    import dask
    from distributed import LocalCluster

    other = tmp_path / "local"
    shutil.copytree(course_dir, other)
    for course in (course_dir, other):
        for scenario in ("correct", "partly-wrong", "test-cell-edited", "corrupt-json"):
            submit_scenario(course, scenario)
    # Workers must be allowed child processes (each submission runs in its own sandbox).
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
    ):
        summary = grade(
            Course.load(course_dir), "ps1", scheduler=cluster.scheduler_address, progress=False
        )
    assert sorted(summary.graded) == ["correct", "corrupt-json", "partly-wrong", "test-cell-edited"]
    assert "broken JSON" in summary.errors["corrupt-json"]
    grade(Course.load(other), "ps1", progress=False)
    assert gradebook_state(course_dir) == gradebook_state(other)
    scores = {s: [c.score for c in r.notebooks["ps1"].cells if c.kind == "test"]
              for s, r in summary.results.items() if r.status == "graded"}  # fmt: skip
    assert scores["correct"] == [2.0, 1.0, 2.0, 2.0]
    assert scores["test-cell-edited"] == [2.0, 0.0, 2.0, 2.0]


def test_cli_help_runs_from_the_clone_root():
    out = subprocess.run(
        [sys.executable, "-m", "autograder", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0
    for verb in ("collect", "grade", "feedback", "export", "report"):
        assert verb in out.stdout


def test_unknown_assignment_gives_an_actionable_error(course_dir):
    out = subprocess.run(
        [sys.executable, "-m", "autograder", "grade", "ps9", "--course", str(course_dir)],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 2
    assert "nbgrader generate_assignment ps9" in out.stderr
