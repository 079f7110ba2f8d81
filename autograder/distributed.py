"""Dask backend: grade submissions on a cluster (``grade --scheduler ADDRESS``).

Each task carries the submission's notebooks and the assignment's cells, so workers
need no shared filesystem, only a clone of this repository on their Python path
(start them from the clone root).  Workers must allow child processes, because each
submission runs in its own sandboxed process: start them with
``DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker ADDRESS``.
The course data must be at the paths the coordinator names in each task (the data
mirror or user cache it resolved); a worker without them reports "grading setup failed".
The coordinating process still does all journal and gradebook writes.

A worker sends its result back as JSON (``SubmissionResult.to_json``); the coordinator
decodes it with ``SubmissionResult.from_json``, which checks every field, so a worker
running other code (an unknown status, a missing field) makes that submission a grader
error that names the field, never a silent zero.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .one_submission import Task
from .outcome import ResultError, SubmissionResult


def _grade_on_worker(task: Task) -> dict[str, Any]:
    import multiprocessing

    if multiprocessing.current_process().daemon:
        raise RuntimeError(
            "this Dask worker runs as a daemonic process and cannot start sandboxes; "
            "restart it with DASK_DISTRIBUTED__WORKER__DAEMON=False"
        )
    from .grade import _grade_or_report  # a grader error is this submission's status

    return _grade_or_report(task).to_json()


def from_worker(task: Task, data: Any) -> SubmissionResult:
    """The worker's reply for ``task`` as a result; an invalid reply is a grader error."""
    from .grade import grader_error

    try:
        result = SubmissionResult.from_json(data)
        if (result.assignment, result.student) != (task.assignment, task.student):
            raise ResultError(
                f"student: the reply is for {result.student!r} of {result.assignment!r}"
            )
        return result
    except ResultError as exc:
        return grader_error(task, ResultError(f"the worker's result is invalid: {exc}"))


def run_on_dask(tasks: list[Task], scheduler: str) -> Iterator[SubmissionResult]:
    from distributed import Client, as_completed

    if not tasks:
        return
    with Client(scheduler, timeout="20s") as client:
        futures = client.map(
            _grade_on_worker,
            tasks,
            pure=False,
            key=[f"grade-{t.assignment}-{t.student}" for t in tasks],
        )
        by_key = {future.key: task for future, task in zip(futures, tasks, strict=True)}
        for future in as_completed(futures):
            yield from_worker(by_key[future.key], future.result())
