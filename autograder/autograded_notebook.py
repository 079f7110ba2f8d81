"""Write the graded notebook to ``autograded/<student>/<assignment>/`` for formgrader.

It holds the student's cells, the instructor's restored test cells (with hidden
tests, since only instructors see this folder) and the outputs of the graded run.

The notebook is built as plain dictionaries in nbformat 4.5's shape and serialised the
way ``nbformat.writes`` does (sorted keys, one-space indent, multi-line text split into
lines). nbformat's ``new_*`` helpers validate every node they build and ``writes``
validates the whole notebook again (issue 14 throughput: about 5 ms of CPU per notebook
of the course's assignments that way, under 1 ms now); only the student's own notebook
metadata, the one part not built here, is validated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import uuid4

from .journal import atomic_write
from .outcome import CellStatus, StepKind, StepOutput, SubmissionResult

NBFORMAT, NBFORMAT_MINOR = 4, 5
# Dropped by nbformat when it writes a file (nbformat.v4.rwbase.strip_transient).
_TRANSIENT_METADATA = ("orig_nbformat", "orig_nbformat_minor", "signature")


def _lines(text: str) -> list[str]:
    """Multi-line text as nbformat stores it on disk (``split_lines``)."""
    return text.splitlines(True)


def _outputs(entry: StepOutput) -> list[dict[str, Any]]:
    outs: list[dict[str, Any]] = []
    if entry.stdout:
        outs.append({"output_type": "stream", "name": "stdout", "text": _lines(entry.stdout)})
    if entry.result:
        outs.append(
            {
                "output_type": "execute_result",
                "data": {"text/plain": _lines(entry.result)},
                "metadata": {},
                "execution_count": None,
            }
        )
    err = entry.error
    if err:
        outs.append(
            {
                "output_type": "error",
                "ename": err.ename,
                "evalue": err.evalue,
                "traceback": err.traceback.splitlines(),
            }
        )
    if entry.instructor_output:
        passed = entry.test is not None and entry.test.status is CellStatus.PASSED
        outs.append(
            {
                "output_type": "stream",
                "name": "stdout" if passed else "stderr",
                "text": _lines(entry.instructor_output),
            }
        )
    return outs


def _cell_id(used: set[str]) -> str:
    """A fresh cell id like nbformat's (eight hex digits), unique in the notebook."""
    while True:
        cid = uuid4().hex[:8]
        if cid not in used:
            used.add(cid)
            return cid


def _notebook_metadata(metadata) -> dict[str, Any]:
    """The student's notebook metadata, checked against nbformat's schema.

    It is the only part of the notebook that comes from the submission as it is; an
    invalid one raises ``nbformat.ValidationError`` as ``nbformat.v4.new_notebook`` did.
    """
    meta = {k: v for k, v in dict(metadata).items() if k not in _TRANSIENT_METADATA}
    if meta:
        import nbformat  # noqa: PLC0415 - only needed when there is metadata to check

        shell = {"nbformat": NBFORMAT, "nbformat_minor": NBFORMAT_MINOR, "metadata": meta}
        nbformat.validate({**shell, "cells": []}, version=NBFORMAT, version_minor=NBFORMAT_MINOR)
    return meta


def autograded_notebook(nb, spec_notebook) -> dict[str, Any]:
    """One graded notebook as nbformat's on-disk JSON structure (lines already split)."""
    by_id = spec_notebook.by_id()
    cells: list[dict[str, Any]] = []
    used: set[str] = set()
    for entry in nb.outputs:
        gid = entry.grade_id
        source = by_id[gid].source if entry.kind is StepKind.TEST else entry.source
        metadata: dict[str, Any] = {}
        if gid and gid in by_id:
            sc = by_id[gid]
            marks: dict[str, Any] = {
                "grade_id": gid,
                "grade": sc.kind in ("test", "manual"),
                "solution": sc.kind in ("answer", "manual"),
                "locked": sc.kind not in ("answer", "manual"),
                "task": sc.kind == "task",
                "schema_version": 3,
            }
            if sc.points is not None:
                marks["points"] = sc.points
            if sc.checksum:
                marks["checksum"] = sc.checksum
            metadata["nbgrader"] = marks
        if entry.cell_type == "code":
            cell = {
                "id": _cell_id(used),
                "cell_type": "code",
                "metadata": metadata,
                "execution_count": None,
                "source": _lines(source),
                "outputs": _outputs(entry),
            }
        else:
            cell = {
                "id": _cell_id(used),
                "cell_type": "markdown",
                "metadata": metadata,
                "source": _lines(source),
            }
        cells.append(cell)
    return {
        "nbformat": NBFORMAT,
        "nbformat_minor": NBFORMAT_MINOR,
        "metadata": _notebook_metadata(nb.metadata),
        "cells": cells,
    }


def dumps(notebook: dict[str, Any]) -> str:
    """The notebook's file text, formatted as ``nbformat.writes`` formats it."""
    return json.dumps(
        notebook, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False
    )


def write_autograded(course_root: Path, result: SubmissionResult, spec) -> None:
    folder = course_root / "autograded" / result.student / result.assignment
    for nb_name, nb in result.notebooks.items():
        if not nb.graded:
            continue
        notebook = autograded_notebook(nb, spec.notebooks[nb_name])
        atomic_write(folder / f"{nb_name}.ipynb", dumps(notebook).encode())
    if result.timestamp:
        atomic_write(folder / "timestamp.txt", result.timestamp.encode())
