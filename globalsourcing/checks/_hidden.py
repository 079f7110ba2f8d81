"""Run an instructor-only hidden test without letting its source reach the feedback.

When a test raises, IPython prints the source lines of every frame in the traceback,
and nbgrader copies that output into the student's feedback. ``run_hidden`` calls the
hidden test, keeps only its message and raises a fresh exception from here, so the
traceback shows this public function and not the hidden module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._compare import CheckFailure
from ._display import show_message_only


class HiddenTestFailure(AssertionError):
    """A hidden test failed; the message says what to revisit, not how it was tested."""


def run_hidden(test: Callable[..., None], *values: Any) -> None:
    message = None
    try:
        test(*values)
    except CheckFailure as failure:
        message = f"A hidden test failed: {failure}"
    except Exception as error:  # the student's code raised when the hidden test used it
        message = (
            "A hidden test failed because your answer raised "
            f"{type(error).__name__}: {error}. Make sure it works for other inputs too."
        )
    if message is not None:
        show_message_only()
        raise HiddenTestFailure(message) from None
