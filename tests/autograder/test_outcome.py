"""The typed grading result (issue 21, item 2): one shape, checked where it crosses a boundary.

A result goes journal -> dataclass -> journal unchanged; a misspelt status or a dropped
field is an error that names the field, never a silent zero; the journal carries its
schema version, reads the files the grader wrote before versions existed (an interrupted
run still resumes) and refuses an unknown version without touching it.
"""

from __future__ import annotations

import ast
import dataclasses
import json
from pathlib import Path

import pytest

from autograder import status_rows as results
from autograder.distributed import from_worker
from autograder.journal import SCHEMA_VERSION, Journal, JournalError
from autograder.one_submission import Task
from autograder.outcome import (
    CellError,
    CellKind,
    CellResult,
    CellStatus,
    NotebookResult,
    ResultError,
    SandboxReport,
    Status,
    StepKind,
    StepOutput,
    SubmissionResult,
    VisibleTest,
)
from autograder.sandbox import Limits
from autograder.spec import AssignmentSpec, NotebookSpec, SpecCell

AUTOGRADER = Path(__file__).resolve().parents[2] / "autograder"


def _full_result() -> SubmissionResult:
    """A result in which no field has its default value (a dropped field changes it)."""
    test = CellResult(
        "q1_test", CellKind.TEST, 2.0, 1.0, CellStatus.PARTIAL, "half", True, "Traceback ..."
    )
    outputs = (
        StepOutput(StepKind.MARKDOWN, None, "markdown", "# Q1"),
        StepOutput(
            StepKind.ANSWER,
            "q1",
            "code",
            "x = 1",
            ok=False,
            stdout="out",
            result="'r'",
            error=CellError("ValueError", "bad", "Traceback (most recent call last)"),
        ),  # fmt: skip
        StepOutput(
            StepKind.TEST,
            "q1_test",
            "code",
            "assert x",
            test=VisibleTest(CellStatus.PARTIAL, "half", 1.0, 2.0),
            instructor_output="instructor text",
        ),  # fmt: skip
    )
    graded = NotebookResult(
        Status.GRADED,
        reason="",
        filename="ps1.ipynb",
        warnings=("a cell was deleted",),
        sandbox=SandboxReport(("no network",), ("separate uid",)),
        cells=(CellResult("q1", CellKind.ANSWER, None, None, CellStatus.ANSWERED), test),
        outputs=outputs,
        metadata={"kernelspec": {"name": "python3"}},
    )
    return SubmissionResult(
        assignment="ps1",
        student="alice",
        submission_hash="abc",
        notebooks={"ps1": graded, "ps1b": NotebookResult.not_graded("refused: too large")},
        timestamp="2026-11-20 10:00:00.000000 UTC",
        grader_version="9.9",
        seconds=1.5,
        warnings=("timestamp.txt ignored",),
        traceback="Traceback ...",
    )


def _every_field_is_set(*objs) -> None:
    """Each field of the objects' class has a value other than its default in one of them."""
    for f in dataclasses.fields(objs[0]):
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            continue  # required: always written
        default = f.default if f.default_factory is dataclasses.MISSING else f.default_factory()
        assert any(getattr(o, f.name) != default for o in objs), (type(objs[0]).__name__, f.name)


def test_a_result_goes_journal_dataclass_journal_unchanged(tmp_path):
    result = _full_result()
    nb = result.notebooks["ps1"]
    _every_field_is_set(result)
    _every_field_is_set(*result.notebooks.values())
    _every_field_is_set(*nb.cells)
    _every_field_is_set(*nb.outputs)
    _every_field_is_set(nb.outputs[1].error)
    journal = Journal(tmp_path / "ps1")
    journal.save(result)
    written = (tmp_path / "ps1" / "alice.json").read_bytes()
    loaded = journal.load("alice")
    assert loaded == result
    journal.save(loaded)
    assert (tmp_path / "ps1" / "alice.json").read_bytes() == written
    data = json.loads(written)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["status"] == "error"  # one notebook was refused
    assert data["notebooks"]["ps1"]["cells"][1]["status"] == "partial"  # readable, not an enum
    assert journal.all() == {"alice": result}


def test_every_status_round_trips_and_a_misspelt_one_is_named():
    for status in CellStatus:
        cell = CellResult("q", CellKind.TEST, 1.0, 0.0, status)
        result = SubmissionResult(
            "ps1", "s", "h", {"ps1": NotebookResult(Status.GRADED, cells=(cell,))}
        )
        assert SubmissionResult.from_json(json.loads(json.dumps(result.to_json()))) == result
    data = _full_result().to_json()
    data["notebooks"]["ps1"]["cells"][1]["status"] = "pased"
    with pytest.raises(ResultError, match=r"notebooks\.ps1\.cells\[1\]\.status: unknown .*'pased'"):
        SubmissionResult.from_json(data)


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("notebooks", "ps1", "status"), "grded", r"notebooks\.ps1\.status: unknown"),
        (("notebooks", "ps1", "cells", 1, "score"), "1.0", r"cells\[1\]\.score: expected"),
        (("notebooks", "ps1", "cells", 1, "kind"), "tset", r"cells\[1\]\.kind: unknown"),
        (("notebooks", "ps1", "outputs", 2, "test", "status"), "ok", r"outputs\[2\]\.test\.status"),
        (("notebooks", "ps1", "cells", 1, "hidden_failed"), 1, r"hidden_failed: expected bool"),
        (("status",), "graded", r"^status: 'graded', but its notebooks say 'error'"),
    ],
)
def test_a_bad_field_is_an_error_that_names_it(path, value, named):
    data = _full_result().to_json()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ResultError, match=named):
        SubmissionResult.from_json(data)


@pytest.mark.parametrize("field", ["student", "submission_hash", "notebooks"])
def test_a_missing_required_field_is_named(field):
    data = _full_result().to_json()
    del data[field]
    with pytest.raises(ResultError, match=rf"^result\.{field}: missing"):
        SubmissionResult.from_json(data)
    cell = _full_result().to_json()
    del cell["notebooks"]["ps1"]["cells"][1]["score"]
    with pytest.raises(ResultError, match=r"cells\[1\]\.score: missing"):
        SubmissionResult.from_json(cell)


def _task() -> Task:
    cells = [SpecCell("q1_test", "test", "code", "assert True", points=2.0)]
    spec = AssignmentSpec("ps1", {"ps1": NotebookSpec("ps1", cells)})
    return Task("ps1", "alice", {}, spec, Limits())


def test_an_unknown_status_from_a_worker_is_a_grader_error_not_a_zero():
    data = _full_result().to_json()
    assert from_worker(_task(), data) == SubmissionResult.from_json(data)
    data["notebooks"]["ps1"]["cells"][1]["status"] = "full marks"
    result = from_worker(_task(), data)
    nb = result.notebooks["ps1"]
    assert result.status is Status.ERROR and not nb.cells  # flagged for review, no score
    assert nb.reason.startswith("grader error: ResultError: the worker's result is invalid")
    assert "cells[1].status: unknown CellStatus 'full marks'" in nb.reason
    other = from_worker(_task(), _full_result().to_json() | {"student": "bob"})
    assert "reply is for 'bob'" in other.notebooks["ps1"].reason


def test_a_journal_from_before_versions_is_read(tmp_path):
    # Written by the grader before the schema version: an error result had no version,
    # no seconds, and its notebooks no filename or sandbox.
    old = {
        "assignment": "ps1",
        "student": "bob",
        "submission_hash": "error-1",
        "timestamp": None,
        "status": "error",
        "notebooks": {
            "ps1": {
                "status": "error",
                "reason": "refused: ps1.ipynb is a symbolic link",
                "warnings": [],
                "cells": [],
                "outputs": [],
            }
        },
    }
    (tmp_path / "bob.json").write_text(json.dumps(old))
    loaded = Journal(tmp_path).load("bob")
    assert loaded.notebooks["ps1"].reason == "refused: ps1.ipynb is a symbolic link"
    assert loaded.status is Status.ERROR and loaded.seconds is None


def test_a_journal_of_an_unknown_version_is_refused_and_left_alone(tmp_path):
    data = {"schema_version": SCHEMA_VERSION + 1, **_full_result().to_json()}
    path = tmp_path / "alice.json"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(JournalError) as refused:
        Journal(tmp_path).load("alice")
    message = str(refused.value)
    assert str(path) in message and f"schema version {SCHEMA_VERSION + 1}" in message
    assert "Nothing was changed" in message and "move the file out" in message
    with pytest.raises(JournalError):
        Journal(tmp_path).all()
    assert path.read_bytes() == before


@pytest.mark.filterwarnings("ignore:.*not in session")
def test_an_interrupted_run_resumes_from_an_old_journal_and_a_newer_one_is_kept(
    course_dir, submit_scenario
):
    from autograder.course import Course
    from autograder.grade import grade

    for student in ("alice", "bob"):
        submit_scenario(course_dir, "correct", student=student)
    course = Course.load(course_dir)
    limits = Limits(cell_timeout=10, total_timeout=60)
    first = grade(course, "ps1", workers=2, limits=limits, progress=False)
    assert first.clean and sorted(first.graded) == ["alice", "bob"]
    folder = course_dir / ".autograder" / "ps1"
    old = json.loads((folder / "alice.json").read_text())
    del old["schema_version"]  # as the grader before versions wrote it
    (folder / "alice.json").write_text(json.dumps(old))
    newer = json.loads((folder / "bob.json").read_text()) | {"schema_version": 99}
    (folder / "bob.json").write_text(json.dumps(newer))
    kept = (folder / "bob.json").read_bytes()

    again = grade(course, "ps1", workers=2, limits=limits, progress=False)
    assert again.reused == ["alice"] and not again.graded
    assert "schema version 99" in again.errors["bob"]
    assert (folder / "bob.json").read_bytes() == kept


def _status_comparisons(tree: ast.AST):
    """Every string literal compared with something named ``status`` or ``kind``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        named = [
            o.attr if isinstance(o, ast.Attribute) else getattr(o, "id", "")
            for o in operands
            if isinstance(o, ast.Attribute | ast.Name)
        ]
        field = next((n for n in named if n in ("status", "kind")), None)
        if field is None:
            continue
        for o in operands:
            items = o.elts if isinstance(o, ast.Tuple | ast.Set | ast.List) else [o]
            for item in items:
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    yield field, item.value, node.lineno


def test_every_status_and_kind_the_grader_compares_with_exists():
    statuses = {s.value for s in (*Status, *CellStatus, *results.RowStatus)}
    kinds = {k.value for k in (*CellKind, *StepKind)} | {"locked-markdown"}
    found = []
    for path in sorted(AUTOGRADER.glob("*.py")):
        if path.name == "codec.py":
            continue  # its ``kind`` is a numpy dtype's
        for field, value, line in _status_comparisons(ast.parse(path.read_text())):
            known = statuses if field == "status" else kinds
            found.append(value)
            assert value in known, f"{path.name}:{line}: {field} compared with unknown {value!r}"
    assert "setup" in found  # the scan sees the comparisons it is meant to check
