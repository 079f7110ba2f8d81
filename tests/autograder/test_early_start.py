"""A grading run starts its fork server before the first submission, and grades the same.

The fork server imports numpy, pandas and the course package and runs the setup cells;
the checker imports pandas and the hidden tests. ``grade()`` starts the first while it
does the second, so the two overlap on two cores instead of following each other
(issue 14 throughput). The server it starts must be the one the student processes use.
"""

from __future__ import annotations

import pytest

from autograder import grade as grade_module
from autograder import student_process
from autograder.sandbox import Limits

LIMITS = Limits(cell_timeout=20, total_timeout=60)


@pytest.mark.filterwarnings("ignore:.*not in session")
def test_the_fork_server_starts_before_any_submission_and_is_the_one_used(
    course_dir, submit_scenario, monkeypatch
):
    from autograder.course import Course

    events: list[tuple] = []
    real_fork_server, real_grade = student_process.fork_server, grade_module.grade_submission

    def recording_fork_server(preload=None, warmup=None, env=()):
        server = real_fork_server(preload, warmup, env)
        events.append(("server", id(server)))
        return server

    def recording_grade(task):
        events.append(("submission", task.student))
        return real_grade(task)

    monkeypatch.setattr(student_process, "fork_server", recording_fork_server)
    monkeypatch.setattr(grade_module, "grade_submission", recording_grade)
    for student, scenario in (("alice", "correct"), ("bob", "partly-wrong")):
        submit_scenario(course_dir, scenario, student=student)
    course = Course.load(course_dir)
    summary = grade_module.grade(course, "ps1", workers=2, limits=LIMITS, progress=False)
    assert summary.clean and sorted(summary.graded) == ["alice", "bob"]
    assert events[0][0] == "server"  # started before the first submission was taken up
    servers = {e[1] for e in events if e[0] == "server"}
    assert len(servers) == 1  # the student processes forked from that same server
    assert sum(1 for e in events if e[0] == "server") == 3  # the early start and one each


@pytest.mark.filterwarnings("ignore:.*not in session")
def test_no_fork_server_starts_when_every_submission_is_already_graded(
    course_dir, submit_scenario, monkeypatch
):
    from autograder.course import Course

    submit_scenario(course_dir, "correct", student="alice")
    course = Course.load(course_dir)
    first = grade_module.grade(course, "ps1", workers=1, limits=LIMITS, progress=False)
    started: list = []
    monkeypatch.setattr(
        student_process, "fork_server", lambda *a, **k: started.append(a) or pytest.fail()
    )
    again = grade_module.grade(course, "ps1", workers=1, limits=LIMITS, progress=False)
    assert again.reused == ["alice"] and not started
    assert again.results["alice"].notebooks.keys() == first.results["alice"].notebooks.keys()


def test_the_checker_imports_are_run_once_up_front_and_errors_are_ignored():
    from autograder.spec import AssignmentSpec, NotebookSpec, SpecCell

    cells = [
        SpecCell("setup", "setup", "code", "import json\nimport no_such_module_x"),
        SpecCell("t", "test", "code", "import tabnanny\nassert True"),
        SpecCell("a", "answer", "code", "import pickletools"),
    ]
    spec = AssignmentSpec("a1", {"a1": NotebookSpec("a1", cells)})
    import sys

    sys.modules.pop("tabnanny", None)
    sys.modules.pop("pickletools", None)
    grade_module._import_for_checker(spec)  # no exception for the missing module
    assert "tabnanny" in sys.modules  # a test cell's import ran
    assert "pickletools" not in sys.modules  # an answer cell's did not


# ``python -m autograder grade`` goes further: it starts the fork server before it even
# imports nbgrader's gradebook, while the setup cells are not known yet. The server
# imports its modules meanwhile and waits for the cells, which ``fork_server`` sends.

WARMUP = ["import colorsys"]  # a module nothing else here imports: proof the cells ran
SEES_WARMUP = "import sys\n'colorsys' in sys.modules"


def _server_pid(server) -> int:
    return server._forkserver_pid


def _alive(pid: int) -> bool:
    import os

    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return done == 0


def _student_sees_warmup(warmup) -> str:
    proc = student_process.StudentProcess([SEES_WARMUP], LIMITS, None, warmup)
    try:
        return proc.run_cell(0)["result"]
    finally:
        proc.close()


def test_a_server_started_before_the_setup_cells_are_known_gets_them_and_is_used():
    env = (("GLOBALSOURCING_TEST_EARLY", "1"),)
    limits = Limits(cell_timeout=20, total_timeout=60, env=env)
    student_process.start_early(None, env)
    early = next(
        s for k, s in student_process._servers.items() if k[0] == "waiting for setup cells"
    )
    pid = _server_pid(early)
    server = student_process.fork_server(None, WARMUP, env)
    student_process.release(server)
    assert server is early and _server_pid(server) == pid
    proc = student_process.StudentProcess([SEES_WARMUP], limits, None, WARMUP)
    try:
        assert proc.run_cell(0)["result"] == "True"  # the setup cells ran in the server
    finally:
        proc.close()
    assert _server_pid(student_process.fork_server(None, WARMUP, env)) == pid


def test_a_server_started_early_for_other_settings_is_stopped_not_used():
    student_process.start_early(None, (("GLOBALSOURCING_TEST_EARLY", "other"),))
    early = next(
        s for k, s in student_process._servers.items() if k[0] == "waiting for setup cells"
    )
    pid = _server_pid(early)
    # Another environment: a server of its own; the early one, idle, is stopped.
    assert _student_sees_warmup(WARMUP) == "True"
    assert not any(k[0] == "waiting for setup cells" for k in student_process._servers)
    assert not _alive(pid)
