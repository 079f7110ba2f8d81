"""A value request the student process answers with an error is never read as "no such name".

Before, ``StudentProcess.get`` turned an error reply into an empty answer, so the test
ran with the student's answer missing and the student lost the question with
``NameError: name 'answer' is not defined``: a zero whose message blamed the student
for what went wrong while the grader fetched the answer.
"""

from __future__ import annotations

import pytest

from autograder.checker import Checker, captured_output
from autograder.outcome import CellStatus
from autograder.sandbox import Limits
from autograder.spec import SpecCell
from autograder.student_process import SandboxReplyError, StudentProcess

# The answer exists; then the reply carrying the values fails to serialise inside the
# student process (as a MemoryError while sending a large frame would: whether the reply
# is dumped whole or value by value), so the student process answers the request with an
# error instead of the values.
CELLS = [
    "answer = 42",
    "import json\n"
    "_dumps = json.dumps\n"
    "def _failing(obj, *args, **kwargs):\n"
    "    if obj == 42 or (isinstance(obj, dict) and 'values' in obj):\n"
    "        raise MemoryError('no room for the reply')\n"
    "    return _dumps(obj, *args, **kwargs)\n"
    "json.dumps = _failing",
]


@pytest.fixture
def proc():
    p = StudentProcess(CELLS, Limits(cell_timeout=10, total_timeout=60))
    try:
        for i in range(len(CELLS)):
            assert p.run_cell(i)["ok"]
        yield p
    finally:
        p.close()


def test_an_error_reply_to_a_value_request_raises_with_its_reason(proc):
    with pytest.raises(SandboxReplyError, match="MemoryError: no room for the reply"):
        proc.get(["answer"])


def test_the_test_is_reported_not_tested_instead_of_a_missing_answer(proc):
    test = SpecCell("q1_tests", "test", "code", "assert answer == 42", points=2.0)
    with captured_output():
        result = Checker(proc).run_test(test)
    assert result.score == 0.0 and result.status is CellStatus.FAILED
    assert "NameError" not in result.message
    assert result.message.startswith("not tested: the grader could not read the answer")
    assert "MemoryError: no room for the reply" in result.message
