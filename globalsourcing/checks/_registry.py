"""Which questions exist, which student variables each one reads, and its visible test.

An assignment module declares its questions with :func:`question`; ``check()`` looks
them up here, fetches the named variables from the student's namespace and calls the
test with them as plain values (the same call the notebook's test cell makes).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from ._compare import CheckFailure
from ._display import show_message_only


@dataclass(frozen=True)
class Question:
    assignment: str
    qid: str
    uses: tuple[str, ...]
    test: Callable[..., None]
    summary: str


_QUESTIONS: dict[tuple[str, str], Question] = {}


def question(assignment: str, qid: str, uses: tuple[str, ...], summary: str):
    """Register the decorated function as the visible test of ``assignment``/``qid``."""

    def register(test: Callable[..., None]) -> Callable[..., None]:
        _QUESTIONS[(assignment, qid)] = Question(assignment, qid, tuple(uses), test, summary)

        @functools.wraps(test)
        def run_in_test_cell(*values):
            # A failed check prints as its message alone; errors from the student's own
            # code keep their full traceback, which helps to debug it.
            try:
                return test(*values)
            except CheckFailure:
                show_message_only()
                raise

        return run_in_test_cell

    return register


def _load_all() -> None:
    package = importlib.import_module(__package__)
    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__package__}.{module.name}")


def assignments() -> list[str]:
    _load_all()
    return sorted({a for a, _ in _QUESTIONS})


def questions_of(assignment: str) -> list[Question]:
    _load_all()
    found = [q for (a, _), q in _QUESTIONS.items() if a == assignment]
    return sorted(found, key=lambda q: (len(q.qid), q.qid))


def get(assignment: str, qid: str) -> Question:
    _load_all()
    if (assignment, qid) in _QUESTIONS:
        return _QUESTIONS[(assignment, qid)]
    if assignment not in assignments():
        raise KeyError(f"Unknown assignment {assignment!r}; the assignments are {assignments()}.")
    known = [q.qid for q in questions_of(assignment)]
    raise KeyError(f"Assignment {assignment!r} has no question {qid!r}; its questions are {known}.")
