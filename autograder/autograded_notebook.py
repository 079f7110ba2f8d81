"""Write the graded notebook to ``autograded/<student>/<assignment>/`` for formgrader.

It holds the student's cells, the instructor's restored test cells (with hidden
tests, since only instructors see this folder) and the outputs of the graded run.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from .journal import atomic_write
from .outcome import CellStatus, StepKind, StepOutput, SubmissionResult


def _outputs(entry: StepOutput) -> list:
    outs = []
    if entry.stdout:
        outs.append(nbformat.v4.new_output("stream", name="stdout", text=entry.stdout))
    if entry.result:
        outs.append(
            nbformat.v4.new_output(
                "execute_result", data={"text/plain": entry.result}, execution_count=None
            )
        )
    err = entry.error
    if err:
        tb = err.traceback.splitlines()
        outs.append(
            nbformat.v4.new_output("error", ename=err.ename, evalue=err.evalue, traceback=tb)
        )
    if entry.instructor_output:
        passed = entry.test is not None and entry.test.status is CellStatus.PASSED
        name = "stdout" if passed else "stderr"
        outs.append(nbformat.v4.new_output("stream", name=name, text=entry.instructor_output))
    return outs


def write_autograded(course_root: Path, result: SubmissionResult, spec) -> None:
    folder = course_root / "autograded" / result.student / result.assignment
    for nb_name, nb in result.notebooks.items():
        if not nb.graded:
            continue
        by_id = spec.notebooks[nb_name].by_id()
        notebook = nbformat.v4.new_notebook(metadata=dict(nb.metadata))
        for entry in nb.outputs:
            gid = entry.grade_id
            source = by_id[gid].source if entry.kind is StepKind.TEST else entry.source
            if entry.cell_type == "code":
                cell = nbformat.v4.new_code_cell(source)
                cell.outputs = _outputs(entry)
            else:
                cell = nbformat.v4.new_markdown_cell(source)
            if gid and gid in by_id:
                sc = by_id[gid]
                cell.metadata["nbgrader"] = {
                    "grade_id": gid,
                    "grade": sc.kind in ("test", "manual"),
                    "solution": sc.kind in ("answer", "manual"),
                    "locked": sc.kind not in ("answer", "manual"),
                    "task": sc.kind == "task",
                    "schema_version": 3,
                }
                if sc.points is not None:
                    cell.metadata["nbgrader"]["points"] = sc.points
                if sc.checksum:
                    cell.metadata["nbgrader"]["checksum"] = sc.checksum
            notebook.cells.append(cell)
        atomic_write(folder / f"{nb_name}.ipynb", nbformat.writes(notebook).encode())
    if result.timestamp:
        atomic_write(folder / "timestamp.txt", result.timestamp.encode())
