"""The student process itself: what it can and cannot see, and the safe value codec."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from autograder import codec
from autograder.course import REPO_ROOT, Course
from autograder.sandbox import Limits
from autograder.student_process import StudentProcess


def run_cells(cells: list[str], course_root) -> list[dict]:
    limits = Limits(cell_timeout=10, total_timeout=60, hide=Course.load(course_root).hidden_paths())
    proc = StudentProcess(cells, limits)
    try:
        return [proc.run_cell(i) for i in range(len(cells))]
    finally:
        proc.close()


def test_hidden_tests_are_importable_by_the_checker_but_not_by_student_code(course_dir):
    hidden = REPO_ROOT / "exercises" / "hidden"
    course = Course.load(REPO_ROOT / "exercises")
    assert course.declaration.hidden_module("ps1_market").q1  # the checker's view
    replies = run_cells(
        [
            "import autograder.hidden",
            "import autograder, os\nopen(os.path.join(os.path.dirname(autograder.__file__), 'hidden', '__init__.py')).read()",
            f"open({str(REPO_ROOT / 'autograder' / 'hidden' / '__init__.py')!r}).read()",
            f"os.listdir({str(course_dir)!r})",
            f"import sys\nsys.path.append({str(hidden.parent)!r})\nimport hidden",
            f"open({str(hidden / 'ps1_market.py')!r}).read()",
        ],
        course_dir,
    )
    assert [r["ok"] for r in replies] == [False] * 6
    assert replies[0]["error"]["ename"] == "ModuleNotFoundError"
    assert replies[4]["error"]["ename"] == "ModuleNotFoundError"
    assert {r["error"]["ename"] for r in replies[1:4] + replies[5:]} <= {
        "FileNotFoundError",
        "PermissionError",
    }


def test_student_process_has_no_network_and_a_private_writable_folder(course_dir):
    replies = run_cells(
        [
            "import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=1)",
            "open('notes.txt', 'w').write('ok')\nimport os\nos.getcwd()",
        ],
        course_dir,
    )
    assert replies[0]["error"]["evalue"].startswith("[Errno 101]")  # network unreachable
    assert replies[1]["ok"] and replies[1]["result"] == "'/tmp/work'"


def test_values_round_trip_through_json():
    frame = pd.DataFrame(
        {
            "country": ["India", "Poland"],
            "fee": [1.5, np.nan],
            "n": pd.array([1, None], dtype="Int64"),
        },
        index=pd.Index(["a", "b"], name="k"),
    )
    for value in [
        frame,
        frame["fee"],
        np.arange(6).reshape(2, 3),
        {"x": (1, 2.5, None)},
        2**80,
        "text",
    ]:
        back = codec.decode(json.loads(json.dumps(codec.encode(value))))
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(back, value)
        elif isinstance(value, pd.Series):
            pd.testing.assert_series_equal(back, value)
        elif isinstance(value, np.ndarray):
            np.testing.assert_array_equal(back, value)
        else:
            assert back == value


def test_lying_objects_do_not_cross_as_themselves():
    class Chameleon(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    back = codec.decode(codec.encode(Chameleon("x")))
    assert back != "x" and back != "anything"
    assert isinstance(back, codec.Opaque)


@pytest.mark.parametrize(
    "payload",
    [
        {"$": "pickle", "v": "gASV"},
        {"$": "ndarray", "dtype": "|O", "shape": [1], "b64": ""},
        {"$": "ndarray", "dtype": "<f8", "shape": [10], "b64": "AAAA"},
        {
            "$": "dataframe",
            "columns": {"$": "rangeindex", "v": [0, 2, 1], "names": [None]},
            "index": 3,
            "data": [],
        },
        {"$": "int", "v": "9" * 6000},
    ],
)
def test_malformed_payloads_are_rejected(payload):
    with pytest.raises(codec.DecodeError):
        codec.decode(payload)


def test_timeouts_interrupt_even_when_the_grader_runs_with_sigint_ignored():
    """A grader started with nohup or `&` inherits SIGINT ignored; cells must still be interrupted."""
    import signal
    import subprocess
    import sys

    script = (
        "from autograder.sandbox import Limits\n"
        "from autograder.student_process import StudentProcess\n"
        "p = StudentProcess(['while True:\\n    pass', 'x = 41 + 1\\nx'], Limits(cell_timeout=2))\n"
        "first, second = p.run_cell(0), p.run_cell(1)\n"
        "print(first['error']['ename'], second['result'], p.dead_reason)\n"
        "p.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    assert out.stdout.split() == ["TimeoutError", "42", "None"], out.stderr[-2000:]
