"""A submission whose tests all ran is not lost while its student process is being reaped.

At the end of a submission the student process is killed and the fork server reports
its exit. On a busy machine (load average above 10 on two cores, or a profiler attached)
that report can take longer than the grader waited, and closing the process handle then
raised "Cannot close a process while it is still running": the fully graded submission
became a "grader error" (seen in a 30-student ps2_geography run).
"""

from __future__ import annotations

import os
import sys

import pytest

from autograder.sandbox import Limits
from autograder.student_process import StudentProcess

pytestmark = [
    pytest.mark.filterwarnings("ignore:.*not in session"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork server on Linux"),
]


def test_closing_a_killed_process_whose_exit_is_not_reported_yet_does_not_raise(monkeypatch):
    proc = StudentProcess(["answer = 41 + 1"], Limits(cell_timeout=10, total_timeout=60))
    assert proc.run_cell(0)["ok"]
    pid = proc.proc.pid
    # The fork server's report of the exit does not arrive while the grader waits.
    monkeypatch.setattr(proc.proc, "join", lambda timeout=None: None)
    proc.close()
    monkeypatch.undo()
    if proc.proc._popen is not None:  # not closed above: wait for the report now
        proc.proc.join(30)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed all the same
