"""A value several tests read crosses from the sandbox once, while it is unchanged.

ps2_geography's `economies` (6,727 rows) was encoded, sent and decoded for each test that
reads it. The student process now answers UNCHANGED when a value's encoding is the one it
last sent under that name, and the checker hands each test a fresh copy of what it decoded.
"""

from __future__ import annotations

import pytest

from autograder import codec
from autograder.checker import Checker, captured_output
from autograder.outcome import CellStatus
from autograder.sandbox import Limits
from autograder.spec import SpecCell
from autograder.student_process import StudentProcess

CELLS = [
    "import pandas as pd\nframe = pd.DataFrame({'a': [1, 2, 3], 'b': ['x', 'y', 'z']})",
    "frame.loc[0, 'a'] = 10",  # changed in place: same object, new content
    "answer = 1",
]


@pytest.fixture
def proc():
    p = StudentProcess(CELLS, Limits(cell_timeout=10, total_timeout=60))
    try:
        yield p
    finally:
        p.close()


def test_a_value_is_sent_again_only_when_it_changed(proc):
    assert proc.run_cell(0)["ok"]
    first = proc.get(["frame"])["frame"]
    assert first != codec.UNCHANGED and first["$"] == "dataframe"
    assert proc.get(["frame"])["frame"] == codec.UNCHANGED
    assert proc.run_cell(1)["ok"]
    changed = proc.get(["frame"])["frame"]
    assert changed != codec.UNCHANGED
    assert codec.decode(changed)["a"].tolist() == [10, 2, 3]


def _test(gid: str, source: str) -> SpecCell:
    return SpecCell(gid, "test", "code", source, points=1.0)


def test_each_test_gets_its_own_copy_of_an_unchanged_value(proc):
    assert proc.run_cell(0)["ok"]
    checker = Checker(proc)
    with captured_output():
        # A test that alters the frame it was given (as a careless normalisation would)...
        first = checker.run_test(_test("t1", "frame['a'] = frame['a'] * 100\nassert True"))
        # ...does not change what the next test reads: the student's frame as it is.
        second = checker.run_test(_test("t2", "assert frame['a'].tolist() == [1, 2, 3]"))
        assert proc.run_cell(1)["ok"]
        third = checker.run_test(_test("t3", "assert frame['a'].tolist() == [10, 2, 3]"))
    assert [r.status for r in (first, second, third)] == [CellStatus.PASSED] * 3


LYING = (
    "import sys\n"
    "_inside = sys.modules['autograder.inside_sandbox']\n"
    "_honest_get = _inside.StudentRunner.get\n"
    "def _lying(self, names):\n"
    "    if 'frame' in names:\n"
    '        return _inside.RawReply(\'{"values": {"frame": {"$": "unchanged"}}}\')\n'
    "    return _honest_get(self, names)\n"
    "_inside.StudentRunner.get = _lying"
)


def test_unchanged_for_a_value_never_sent_fails_that_test_only():
    """A patched runner that claims "unchanged" for a value the checker never read gets
    that test failed as unreadable; the other tests of the submission are graded."""
    cells = [CELLS[0], CELLS[2], LYING]
    p = StudentProcess(cells, Limits(cell_timeout=10, total_timeout=60))
    try:
        assert all(p.run_cell(i)["ok"] for i in range(len(cells)))
        checker = Checker(p)
        with captured_output():
            lied = checker.run_test(_test("t1", "assert len(frame) == 3"))
            honest = checker.run_test(_test("t2", "assert answer == 1"))
    finally:
        p.close()
    assert lied.status is CellStatus.FAILED and lied.score == 0
    assert "never sent" in lied.message
    assert honest.status is CellStatus.PASSED
