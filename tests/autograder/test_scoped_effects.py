"""Grading changes the grader's process only for as long as it runs (issue 21, item 3).

After ``grade()`` the process has its own stdout, stderr and warning filters back; a run
with other setup cells gets a fork server warmed with them instead of the first run's;
and starting a fork server never empties ``os.environ``, for any thread.
"""

from __future__ import annotations

import os
import sys
import threading
import uuid
import warnings
from pathlib import Path

import pytest

from autograder.checker import captured_output
from autograder.sandbox import Limits
from autograder.student_process import StudentProcess

LIMITS = Limits(cell_timeout=20, total_timeout=60)


@pytest.mark.filterwarnings("ignore:.*not in session")
def test_grade_leaves_stdout_stderr_and_warning_filters_as_it_found_them(
    course_dir, submit_scenario
):
    from autograder.course import Course
    from autograder.grade import grade

    submit_scenario(course_dir, "correct", student="alice")
    before = (sys.stdout, sys.stderr, list(warnings.filters))
    summary = grade(Course.load(course_dir), "ps1", workers=1, limits=LIMITS, progress=False)
    assert summary.clean and summary.graded == ["alice"]
    assert (sys.stdout, sys.stderr, list(warnings.filters)) == before


def test_output_capture_is_shared_by_overlapping_runs_and_undone_by_the_last():
    before = (sys.stdout, sys.stderr, list(warnings.filters))
    inside = threading.Event()
    leave = threading.Event()

    def other_run():
        with captured_output():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other_run)
    with captured_output():
        captured = sys.stdout
        assert captured is not before[0]
        assert ("always", None, Warning, None, 0) in warnings.filters
        thread.start()
        assert inside.wait(10)
    assert sys.stdout is captured  # the other run is still going: its capture stays
    leave.set()
    thread.join(10)
    assert (sys.stdout, sys.stderr, list(warnings.filters)) == before


def _modules_seen(warmup: list[str]) -> tuple[str, StudentProcess]:
    proc = StudentProcess(
        ["import sys\n[m for m in ('tabnanny', 'pyclbr') if m in sys.modules]"],
        LIMITS,
        warmup=warmup,
    )
    try:
        reply = proc.run_cell(0)
    finally:
        proc.close()
    assert reply["ok"], reply
    return reply["result"], proc


def test_a_run_with_other_setup_cells_gets_a_fork_server_warmed_with_them():
    tag = uuid.uuid4().hex  # setup cells no earlier test used: new fork servers
    first, proc = _modules_seen([f"# {tag}\nimport tabnanny"])
    old = proc.server._forkserver_pid if proc.server else None
    second, later = _modules_seen([f"# {tag}\nimport pyclbr"])
    assert first == "['tabnanny']"
    assert second == "['pyclbr']"  # not the first run's server, silently reused
    # The first run's server was idle: it is stopped, not left running beside the new one.
    assert old is None or not Path(f"/proc/{old}").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_starting_a_fork_server_never_empties_the_environment(monkeypatch):
    secret, marker = f"pw-{uuid.uuid4().hex}", uuid.uuid4().hex
    monkeypatch.setenv("GRADER_DB_PASSWORD", secret)
    before = dict(os.environ)

    def cleared():
        raise AssertionError("os.environ.clear() was called while grading")

    monkeypatch.setattr(os.environ, "clear", cleared)
    limits = Limits(cell_timeout=20, total_timeout=60, env=(("GS_TEST_MARKER", marker),))
    proc = StudentProcess(["1"], limits, warmup=[f"# {marker}"])
    try:
        server = Path(f"/proc/{proc.server._forkserver_pid}/environ").read_bytes()
        assert proc.run_cell(0)["ok"]
    finally:
        proc.close()
    assert dict(os.environ) == before
    assert secret.encode() not in server  # built for the server, not inherited
    assert f"GS_TEST_MARKER={marker}".encode() in server
