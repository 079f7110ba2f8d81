"""Visible tests of the graded exercises, and the helpers they are written with.

One module per assignment (``ps5_tco`` ...) holds its visible tests; the notebook's
test cells call them with the student's values, and ``globalsourcing.check("q1")``
calls the same functions for self-study. Hidden tests live outside the package, in the
instructor-only ``exercises/hidden/``, and are run through :func:`run_hidden`.
"""

from ._compare import (
    CheckFailure,
    as_frame,
    as_number,
    expect,
    expect_answered,
    expect_callable,
    expect_choice,
    expect_columns,
    expect_frame_equal,
    expect_in_range,
    expect_no_missing,
    expect_number,
    expect_one_of,
    expect_row_count,
    expect_type,
    expect_unique,
    expect_wide_equal,
    fail,
    is_close,
    read_choice,
)
from ._hidden import HiddenTestFailure, run_hidden
from ._reference import reference
from ._registry import Question, assignments, get, question, questions_of

__all__ = [
    "CheckFailure",
    "HiddenTestFailure",
    "Question",
    "as_frame",
    "as_number",
    "assignments",
    "expect",
    "expect_answered",
    "expect_callable",
    "expect_choice",
    "expect_columns",
    "expect_frame_equal",
    "expect_in_range",
    "expect_no_missing",
    "expect_number",
    "expect_one_of",
    "expect_row_count",
    "expect_type",
    "expect_unique",
    "expect_wide_equal",
    "fail",
    "get",
    "is_close",
    "question",
    "questions_of",
    "read_choice",
    "reference",
    "run_hidden",
]
