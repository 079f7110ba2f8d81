"""Write the graded notebook to ``autograded/<student>/<assignment>/`` for formgrader.

It holds the student's cells, the instructor's restored test cells (with hidden
tests, since only instructors see this folder) and the outputs of the graded run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat

from .journal import atomic_write


def _outputs(entry: dict[str, Any]) -> list:
    outs = []
    if entry.get("stdout"):
        outs.append(nbformat.v4.new_output("stream", name="stdout", text=entry["stdout"]))
    if entry.get("result"):
        outs.append(
            nbformat.v4.new_output(
                "execute_result", data={"text/plain": entry["result"]}, execution_count=None
            )
        )
    err = entry.get("error")
    if err:
        tb = (err.get("traceback") or "").splitlines()
        outs.append(
            nbformat.v4.new_output(
                "error", ename=err.get("ename", ""), evalue=err.get("evalue", ""), traceback=tb
            )
        )
    if entry.get("instructor_output"):
        test = entry.get("test", {})
        name = "stdout" if test.get("status") == "passed" else "stderr"
        outs.append(nbformat.v4.new_output("stream", name=name, text=entry["instructor_output"]))
    return outs


def write_autograded(course_root: Path, result: dict[str, Any], spec) -> None:
    folder = course_root / "autograded" / result["student"] / result["assignment"]
    for nb_name, nb in result["notebooks"].items():
        if nb["status"] != "graded":
            continue
        by_id = spec.notebooks[nb_name].by_id()
        notebook = nbformat.v4.new_notebook(metadata=nb.get("metadata") or {})
        for entry in nb["outputs"]:
            gid = entry.get("grade_id")
            source = by_id[gid].source if entry["kind"] == "test" else entry.get("source", "")
            if entry.get("cell_type") == "code":
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
    if result.get("timestamp"):
        atomic_write(folder / "timestamp.txt", result["timestamp"].encode())
