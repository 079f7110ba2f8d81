"""``check("q1")``: run the visible tests of one question on the student's own variables.

For self-study without nbgrader; learners import it as ``from globalsourcing import check``.
The function finds the variables a question uses in the caller's namespace (in Jupyter, the
notebook's user namespace), runs the same visible test that the graded notebook's test cell
runs, and explains what is wrong. It never raises for a wrong answer: it returns a report
that prints as plain text.

The visible tests themselves live in :mod:`globalsourcing.checks`, which needs pandas; it is
imported on the first call, so ``import globalsourcing`` stays light.
"""

from __future__ import annotations

import inspect
import numbers
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .checks import Question

_ASSIGNMENT_VARIABLE = "ASSIGNMENT"


@dataclass
class QuestionResult:
    question: Question
    passed: bool
    message: str

    def __str__(self) -> str:
        mark = "passed" if self.passed else "not yet"
        text = f"{self.question.assignment} {self.question.qid} ({self.question.summary}): {mark}"
        return text if self.passed else f"{text}\n    {self.message}"


@dataclass
class CheckReport:
    """What ``check`` found; true when every question checked passed."""

    results: list[QuestionResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.results)

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        lines = [str(result) for result in self.results]
        if len(self.results) > 1:
            done = sum(result.passed for result in self.results)
            lines.append(f"{done} of {len(self.results)} questions pass their visible tests.")
        if self.passed:
            lines.append("Visible tests pass. The graded version also runs hidden tests.")
        return "\n".join(lines)


def check(
    question: str | int = "all",
    *,
    assignment: str | None = None,
    namespace: Mapping[str, Any] | None = None,
) -> CheckReport:
    """Run the visible tests of ``question`` ("q1", "ps5_tco:q1" or "all").

    ``check(1)`` and ``check("Q1")`` (as the feedback names questions) mean ``check("q1")``.

    The assignment is taken from ``assignment=``, from a qualified question name, or
    from the ``ASSIGNMENT`` variable that every exercise notebook sets in its first
    code cell. ``namespace`` defaults to the caller's variables.
    """
    from .checks import assignments, get, questions_of

    question = _question_name(question)
    if namespace is None:
        namespace = _caller_namespace()
    if ":" in question:
        assignment, question = question.split(":", 1)
    if assignment is None:
        assignment = namespace.get(_ASSIGNMENT_VARIABLE)
    if not isinstance(assignment, str):
        raise ValueError(
            "check() does not know which assignment you are working on. Run the notebook's "
            "first code cell (it sets ASSIGNMENT), or call check('q1', assignment='ps5_tco'). "
            f"The assignments are {assignments()}."
        )
    if question == "all":
        chosen = questions_of(assignment)
        if not chosen:
            get(assignment, "q1")  # raises the helpful unknown-assignment error
    else:
        chosen = [get(assignment, question)]
    return CheckReport([_run(q, namespace) for q in chosen])


def _question_name(question: Any) -> str:
    """``1``, ``"1"`` and ``"Q1"`` (as the feedback prints it) all mean ``"q1"``."""
    if isinstance(question, numbers.Integral) and not isinstance(question, bool):
        if question < 1:
            raise ValueError(
                f"check({question}): questions are numbered from 1, as in check(1) or check('q1')."
            )
        return f"q{int(question)}"
    if isinstance(question, str):
        text = question.strip()
        head, colon, tail = text.rpartition(":")
        tail = tail.strip()
        if tail.isdigit() and int(tail) > 0:
            tail = f"q{int(tail)}"
        elif tail[:1] in "Qq" and tail[1:].isdigit():
            tail = f"q{int(tail[1:])}"
        elif tail.lower() == "all":
            tail = "all"
        return f"{head.strip()}{colon}{tail}"
    raise TypeError(
        f"check() takes a question's name, such as check('q1') or check(1) for question 1, "
        f"check('ps5_tco:q1') for another assignment's question, or check() for all of them; "
        f"got {question!r}."
    )


def _run(question: Question, namespace: Mapping[str, Any]) -> QuestionResult:
    from .checks import CheckFailure

    missing = [name for name in question.uses if name not in namespace]
    if missing:
        names = ", ".join(f"`{name}`" for name in missing)
        return QuestionResult(
            question, False, f"Not defined yet: {names}. Run the cell(s) where you assign them."
        )
    try:
        question.test(*(namespace[name] for name in question.uses))
    except CheckFailure as failure:
        return QuestionResult(question, False, str(failure))
    except Exception as error:  # the student's own code failed inside the test
        return QuestionResult(
            question, False, f"Your answer raised {type(error).__name__}: {error}"
        )
    return QuestionResult(question, True, "")


def _caller_namespace() -> dict[str, Any]:
    frame = inspect.currentframe()
    try:
        caller = frame.f_back.f_back if frame and frame.f_back else None
        namespace: dict[str, Any] = {}
        # A running IPython shell has imported IPython; importing it here only to learn
        # that there is none costs a plain Python process (a grader's sandbox) ~0.2 s.
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
        if shell is not None:
            namespace.update(shell.user_ns)
        if caller is not None:
            namespace.update(caller.f_globals)
            namespace.update(caller.f_locals)
        return namespace
    finally:
        del frame
