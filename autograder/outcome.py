"""What grading one submission produces: the typed result every verb exchanges.

A ``SubmissionResult`` holds one ``NotebookResult`` per notebook of the assignment; a
notebook holds a ``CellResult`` per graded cell (the scores) and a ``StepOutput`` per
cell of the graded run (what the feedback page and the autograded notebook show).
Every status is a member of an enumeration whose value is the readable text the
journal stores, so a misspelt status is an error where it is written or read, never a
silent zero.

Results cross two boundaries as JSON: the journal on disk and a Dask worker's reply.
``to_json`` and ``from_json`` are the only conversions; ``from_json`` checks every
field and names the first bad one (``notebooks.ps1.cells[2].status: ...``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ResultError(ValueError):
    """A result whose shape is not the one this grader writes; the message names the field."""


class Status(StrEnum):
    """A submission's or a notebook's status."""

    GRADED = "graded"
    # Not graded automatically: refused at intake, the grading setup failed, the sandbox did
    # not start or the grader itself failed. The reason says which; every cell is flagged.
    ERROR = "error"


class CellStatus(StrEnum):
    """The status of one graded cell."""

    PASSED = "passed"
    PARTIAL = "partial"  # the test's last expression gave part of the points
    FAILED = "failed"
    ERROR = "error"  # the test itself is broken (syntax error, invalid partial credit): 0
    ANSWERED = "answered"  # a written or coded answer cell (its test scores it)
    UNANSWERED = "unanswered"  # an answer cell left as it was handed out
    NOT_ANSWERED = "not answered"  # a manual or task cell left blank or deleted: 0 points
    PENDING = "manual grading pending"

    @property
    def blank(self) -> bool:
        return self in (CellStatus.UNANSWERED, CellStatus.NOT_ANSWERED)


class CellKind(StrEnum):
    """A graded cell's kind, as nbgrader marks it."""

    ANSWER = "answer"
    TEST = "test"
    MANUAL = "manual"  # a written answer graded by hand
    TASK = "task"

    @property
    def scored(self) -> bool:
        """Cells with a score in the gradebook (an answer is scored through its test)."""
        return self in (CellKind.TEST, CellKind.MANUAL, CellKind.TASK)

    @property
    def commented(self) -> bool:
        """Cells that carry a comment in the gradebook ("No response.")."""
        return self in (CellKind.ANSWER, CellKind.MANUAL, CellKind.TASK)


class StepKind(StrEnum):
    """One step of the graded run: a cell of the notebook as the grader executed it."""

    STUDENT = "student"  # a cell the student added
    SETUP = "setup"  # an instructor's read-only code cell
    MARKDOWN = "markdown"
    ANSWER = "answer"
    MANUAL = "manual"
    TEST = "test"
    TASK = "task"


@dataclass(frozen=True, slots=True)
class CellError:
    """An exception raised while a cell ran, in the words the student process reported."""

    ename: str
    evalue: str = ""
    traceback: str = ""


@dataclass(frozen=True, slots=True)
class VisibleTest:
    """What a test cell's output shows: its status, message and score."""

    status: CellStatus
    message: str
    score: float | None
    points: float | None


@dataclass(frozen=True, slots=True)
class StepOutput:
    """One cell of the graded run, with the outputs the student process produced."""

    kind: StepKind
    grade_id: str | None
    cell_type: str
    source: str
    ok: bool | None = None  # None: the cell did not run (markdown, or a test: see ``test``)
    stdout: str = ""
    result: str | None = None
    error: CellError | None = None
    test: VisibleTest | None = None
    instructor_output: str = ""  # the test's own output and traceback (instructors only)


@dataclass(frozen=True, slots=True)
class CellResult:
    """One graded cell: its score (None: not scored automatically) and why."""

    grade_id: str
    kind: CellKind
    points: float | None
    score: float | None
    status: CellStatus
    message: str = ""
    hidden_failed: bool = False
    detail: str = ""  # the test's output and traceback (instructors only)


@dataclass(frozen=True, slots=True)
class SandboxReport:
    """How the student process was confined: what was applied and what was not."""

    applied: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NotebookResult:
    status: Status
    reason: str = ""  # why the notebook was not graded ("" when graded)
    filename: str | None = None
    warnings: tuple[str, ...] = ()
    sandbox: SandboxReport | None = None
    cells: tuple[CellResult, ...] = ()
    outputs: tuple[StepOutput, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)  # the notebook's own metadata

    @classmethod
    def not_graded(cls, reason: str) -> NotebookResult:
        return cls(Status.ERROR, reason=reason)

    @property
    def graded(self) -> bool:
        return self.status is Status.GRADED


@dataclass(frozen=True, slots=True)
class SubmissionResult:
    assignment: str
    student: str
    submission_hash: str
    notebooks: Mapping[str, NotebookResult]
    timestamp: str | None = None
    grader_version: str = ""
    seconds: float | None = None
    warnings: tuple[str, ...] = ()  # about the submission as a whole (its timestamp.txt)
    traceback: str = ""  # a grader error's traceback (instructors only)

    @property
    def status(self) -> Status:
        """Graded when every notebook is; one ungraded notebook makes it an error."""
        if all(nb.graded for nb in self.notebooks.values()):
            return Status.GRADED
        return Status.ERROR

    def to_json(self) -> dict[str, Any]:
        return {
            "assignment": self.assignment,
            "student": self.student,
            "submission_hash": self.submission_hash,
            "grader_version": self.grader_version,
            "timestamp": self.timestamp,
            "status": self.status.value,
            "seconds": self.seconds,
            "warnings": list(self.warnings),
            "traceback": self.traceback,
            "notebooks": {name: _notebook_json(nb) for name, nb in self.notebooks.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> SubmissionResult:
        """The result ``data`` describes, checked field by field (ResultError names the field)."""
        r = _Fields(data, "result")
        notebooks = r.get("notebooks", dict)
        result = cls(
            assignment=r.get("assignment", str),
            student=r.get("student", str),
            submission_hash=r.get("submission_hash", str),
            grader_version=r.get("grader_version", str, ""),
            timestamp=r.get("timestamp", (str, type(None)), None),
            seconds=r.number("seconds", None),
            warnings=r.strings("warnings"),
            traceback=r.get("traceback", str, ""),
            notebooks={
                str(name): _notebook(nb, f"notebooks.{name}") for name, nb in notebooks.items()
            },
        )
        stored = r.enum("status", Status, None)
        if stored is not None and stored is not result.status:
            raise ResultError(
                f"status: {stored.value!r}, but its notebooks say {result.status.value!r}"
            )
        return result


# ------------------------------------------------------------------------------ to JSON


def _notebook_json(nb: NotebookResult) -> dict[str, Any]:
    return {
        "status": nb.status.value,
        "reason": nb.reason,
        "filename": nb.filename,
        "warnings": list(nb.warnings),
        "sandbox": None
        if nb.sandbox is None
        else {"applied": list(nb.sandbox.applied), "missing": list(nb.sandbox.missing)},
        "cells": [_cell_json(c) for c in nb.cells],
        "outputs": [_output_json(o) for o in nb.outputs],
        "metadata": dict(nb.metadata),
    }


def _cell_json(c: CellResult) -> dict[str, Any]:
    return {
        "grade_id": c.grade_id,
        "kind": c.kind.value,
        "points": c.points,
        "score": c.score,
        "status": c.status.value,
        "message": c.message,
        "hidden_failed": c.hidden_failed,
        "detail": c.detail,
    }


def _output_json(o: StepOutput) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": o.kind.value,
        "grade_id": o.grade_id,
        "cell_type": o.cell_type,
        "source": o.source,
    }
    if o.ok is not None:
        out |= {"ok": o.ok, "stdout": o.stdout, "result": o.result}
        out["error"] = None if o.error is None else {
            "ename": o.error.ename, "evalue": o.error.evalue, "traceback": o.error.traceback,
        }  # fmt: skip
    if o.test is not None:
        t = o.test
        out["test"] = {
            "status": t.status.value, "message": t.message, "score": t.score, "points": t.points,
        }  # fmt: skip
        out["instructor_output"] = o.instructor_output
    return out


# ---------------------------------------------------------------------------- from JSON

_REQUIRED: Any = object()


class _Fields:
    """Reads the fields of one JSON object, naming ``path.field`` in every error."""

    def __init__(self, data: Any, path: str):
        if not isinstance(data, dict):
            raise ResultError(f"{path}: expected an object, got {_show(data)}")
        self.data, self.path = data, path

    def _missing(self, key: str, default: Any) -> Any:
        if default is _REQUIRED:
            raise ResultError(f"{self.path}.{key}: missing")
        return default

    def get(self, key: str, types: type | tuple[type, ...], default: Any = _REQUIRED) -> Any:
        if key not in self.data:
            return self._missing(key, default)
        value = self.data[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
            names = " or ".join(t.__name__ for t in _tuple(types))
            raise ResultError(f"{self.path}.{key}: expected {names}, got {_show(value)}")
        return value

    def number(self, key: str, default: Any = _REQUIRED) -> float | None:
        value = self.get(key, (int, float, type(None)), default)
        return None if value is None else float(value)

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        for i, v in enumerate(values):
            if not isinstance(v, str):
                raise ResultError(f"{self.path}.{key}[{i}]: expected str, got {_show(v)}")
        return tuple(values)

    def enum(self, key: str, cls: type[StrEnum], default: Any = _REQUIRED) -> Any:
        value = self.get(key, str, default)
        if value is default and key not in self.data:
            return value
        try:
            return cls(value)
        except ValueError:
            known = ", ".join(repr(m.value) for m in cls)
            raise ResultError(
                f"{self.path}.{key}: unknown {cls.__name__} {value!r} (known: {known})"
            ) from None


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _show(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}{'...' if len(text) > 60 else ''}"


def _notebook(data: Any, path: str) -> NotebookResult:
    f = _Fields(data, path)
    sandbox = f.get("sandbox", (dict, type(None)), None)
    if sandbox is not None:
        s = _Fields(sandbox, f"{path}.sandbox")
        sandbox = SandboxReport(s.strings("applied"), s.strings("missing"))
    cells = f.get("cells", list, [])
    outputs = f.get("outputs", list, [])
    return NotebookResult(
        status=f.enum("status", Status),
        reason=f.get("reason", str, ""),
        filename=f.get("filename", (str, type(None)), None),
        warnings=f.strings("warnings"),
        sandbox=sandbox,
        cells=tuple(_cell(c, f"{path}.cells[{i}]") for i, c in enumerate(cells)),
        outputs=tuple(_output(o, f"{path}.outputs[{i}]") for i, o in enumerate(outputs)),
        metadata=f.get("metadata", (dict, type(None)), None) or {},
    )


def _cell(data: Any, path: str) -> CellResult:
    f = _Fields(data, path)
    return CellResult(
        grade_id=f.get("grade_id", str),
        kind=f.enum("kind", CellKind),
        points=f.number("points", None),
        score=f.number("score"),
        status=f.enum("status", CellStatus),
        message=f.get("message", str, ""),
        hidden_failed=f.get("hidden_failed", bool, False),
        detail=f.get("detail", str, ""),
    )


def _output(data: Any, path: str) -> StepOutput:
    f = _Fields(data, path)
    error = f.get("error", (dict, type(None)), None)
    if error is not None:
        e = _Fields(error, f"{path}.error")
        error = CellError(
            e.get("ename", str), e.get("evalue", str, ""), e.get("traceback", str, "")
        )
    test = f.get("test", (dict, type(None)), None)
    if test is not None:
        t = _Fields(test, f"{path}.test")
        test = VisibleTest(
            t.enum("status", CellStatus), t.get("message", str, ""), t.number("score"),
            t.number("points", None),
        )  # fmt: skip
    return StepOutput(
        kind=f.enum("kind", StepKind),
        grade_id=f.get("grade_id", (str, type(None)), None),
        cell_type=f.get("cell_type", str),
        source=f.get("source", str, ""),
        ok=f.get("ok", (bool, type(None)), None),
        stdout=f.get("stdout", str, ""),
        result=f.get("result", (str, type(None)), None),
        error=error,
        test=test,
        instructor_output=f.get("instructor_output", str, ""),
    )
