"""The autograded notebook is the one nbformat's builders made, without their validation.

``autograder.autograded_notebook`` builds the notebook formgrader opens as plain
dictionaries and writes the JSON itself (issue 14 throughput: nbformat validated every
node it built, then the whole notebook again). The file must still be a valid nbformat
4.5 notebook and hold what the nbformat-built one held: the reference below builds it
with ``nbformat.v4.new_*`` and ``nbformat.writes``, as the writer did before. Only the
cell ids may differ (both are random).
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from autograder.autograded_notebook import write_autograded
from autograder.outcome import (
    CellError,
    CellStatus,
    NotebookResult,
    Status,
    StepKind,
    StepOutput,
    SubmissionResult,
    VisibleTest,
)
from autograder.spec import AssignmentSpec, NotebookSpec, SpecCell

# --- the reference: the notebook as nbformat's builders make it ------------------------------


def reference_notebook(nb: NotebookResult, spec_nb: NotebookSpec) -> str:
    by_id = spec_nb.by_id()
    notebook = nbformat.v4.new_notebook(metadata=dict(nb.metadata))
    for entry in nb.outputs:
        gid = entry.grade_id
        source = by_id[gid].source if entry.kind is StepKind.TEST else entry.source
        if entry.cell_type == "code":
            cell = nbformat.v4.new_code_cell(source)
            cell.outputs = _reference_outputs(entry)
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
    return nbformat.writes(notebook)


def _reference_outputs(entry: StepOutput) -> list:
    new_output = nbformat.v4.new_output
    outs = []
    if entry.stdout:
        outs.append(new_output("stream", name="stdout", text=entry.stdout))
    if entry.result:
        outs.append(
            new_output("execute_result", data={"text/plain": entry.result}, execution_count=None)
        )
    if entry.error:
        err = entry.error
        tb = err.traceback.splitlines()
        outs.append(new_output("error", ename=err.ename, evalue=err.evalue, traceback=tb))
    if entry.instructor_output:
        passed = entry.test is not None and entry.test.status is CellStatus.PASSED
        name = "stdout" if passed else "stderr"
        outs.append(new_output("stream", name=name, text=entry.instructor_output))
    return outs


# --- a notebook with every kind of cell and output --------------------------------------------

HIDDEN = "### BEGIN HIDDEN TESTS\nassert answer.sum() == 6\n### END HIDDEN TESTS\n"
SPEC = AssignmentSpec(
    "ps9",
    {
        "ps9": NotebookSpec(
            "ps9",
            [
                SpecCell("intro", "locked-markdown", "markdown", "# Problem set 9", "c0"),
                SpecCell("setup", "setup", "code", "import numpy as np", "c1"),
                SpecCell("q1_answer", "answer", "code", "# YOUR CODE HERE", None),
                SpecCell("q1_test", "test", "code", f"assert len(answer) == 3\n{HIDDEN}", "c3", 2),
                SpecCell("q2_test", "test", "code", "assert ok", "c4", 1.5),
                SpecCell("q3_answer", "manual", "markdown", "YOUR ANSWER HERE", "c5", 2),
                SpecCell("task1", "task", "markdown", "Discuss the risks.", "c6", 1),
            ],
        )
    },
)
TRACEBACK = (
    "\x1b[0;31mAssertionError\x1b[0m                 Traceback (most recent call last)\n"
    "Cell In[4], line 1\n----> 1 assert ok\n\nAssertionError: "
)
OUTPUTS = (
    StepOutput(StepKind.MARKDOWN, "intro", "markdown", "# Problem set 9"),
    StepOutput(StepKind.SETUP, "setup", "code", "import numpy as np", ok=True),
    StepOutput(StepKind.STUDENT, None, "code", "", ok=True),  # an empty cell of the student's
    StepOutput(
        StepKind.ANSWER,
        "q1_answer",
        "code",
        "answer = np.array([1, 2, 3])\nprint('half way')\nanswer\n",
        ok=True,
        stdout="half way\nnearly\n",
        result="array([1, 2, 3])",
    ),  # fmt: skip
    StepOutput(
        StepKind.TEST,
        "q1_test",
        "code",
        "assert len(answer) == 3\n",
        ok=None,
        test=VisibleTest(CellStatus.PASSED, "", 2.0, 2.0),
        instructor_output="2 points\n",
    ),  # fmt: skip
    StepOutput(
        StepKind.TEST,
        "q2_test",
        "code",
        "assert ok",
        ok=False,
        error=CellError("AssertionError", "", TRACEBACK),
        test=VisibleTest(CellStatus.FAILED, "assert ok", 0.0, 1.5),
        instructor_output="Traceback (most recent call last):\n  AssertionError\n",
    ),  # fmt: skip
    StepOutput(StepKind.STUDENT, None, "markdown", "Notes to self: ünïcödé ✓\r\nline two"),
    StepOutput(StepKind.MANUAL, "q3_answer", "markdown", "Labour arbitrage, **mostly**.\n"),
    StepOutput(StepKind.TASK, "task1", "markdown", ""),
    StepOutput(
        StepKind.STUDENT,
        None,
        "code",
        "1/0",
        ok=False,
        error=CellError("ZeroDivisionError", "division by zero", "Traceback\nZeroDivisionError"),
    ),  # fmt: skip
)
METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python", "version": "3.11.2"},
    "orig_nbformat": 4,  # transient: nbformat drops it when it writes a file
    "signature": "sha256:0000",
    "celltoolbar": "Create Assignment",
}


def submission(metadata=METADATA, outputs=OUTPUTS) -> SubmissionResult:
    graded = NotebookResult(Status.GRADED, filename="ps9.ipynb", outputs=outputs, metadata=metadata)
    return SubmissionResult(
        "ps9", "s01", "hash", {"ps9": graded, "extra": NotebookResult.not_graded("missing")},
        timestamp="2026-11-20 10:00:00.000000 UTC",
    )  # fmt: skip


def _without_ids(nb: dict) -> dict:
    for cell in nb["cells"]:
        cell.pop("id")
    return nb


@pytest.mark.parametrize("metadata", [METADATA, {}], ids=["student-metadata", "no-metadata"])
def test_the_written_notebook_is_the_one_nbformat_built(tmp_path, metadata):
    result = submission(metadata)
    write_autograded(tmp_path, result, SPEC)
    folder = tmp_path / "autograded" / "s01" / "ps9"
    assert sorted(p.name for p in folder.iterdir()) == ["ps9.ipynb", "timestamp.txt"]
    assert (folder / "timestamp.txt").read_text() == "2026-11-20 10:00:00.000000 UTC"
    text = (folder / "ps9.ipynb").read_text(encoding="utf-8")

    written = json.loads(text)
    nbformat.validate(written)  # raises on any schema violation
    assert (written["nbformat"], written["nbformat_minor"]) == (4, 5)
    ids = [cell["id"] for cell in written["cells"]]
    assert len(set(ids)) == len(ids) == len(OUTPUTS)

    expected = reference_notebook(result.notebooks["ps9"], SPEC.notebooks["ps9"])
    assert _without_ids(written) == _without_ids(json.loads(expected))
    # The same text too (key order, indent, lines split), apart from the random ids.
    cell_id = re.compile(r'"id": "[0-9a-f]{8}"')
    assert cell_id.sub('"id": ""', text) == cell_id.sub('"id": ""', expected)

    # What formgrader shows: the hidden tests restored, outputs and grading marks kept.
    cells = nbformat.reads(text, as_version=4).cells
    assert "BEGIN HIDDEN TESTS" in cells[4].source
    assert cells[4].metadata.nbgrader["points"] == 2
    assert [o.name for o in cells[5].outputs if o.output_type == "stream"] == ["stderr"]
    assert cells[3].outputs[1].data["text/plain"] == "array([1, 2, 3])"


def test_invalid_student_metadata_is_refused_as_before(tmp_path):
    """nbformat.v4.new_notebook raised on metadata the schema refuses; so does the writer."""
    bad = {"kernelspec": {"display_name": 5}}
    with pytest.raises(nbformat.ValidationError):
        reference_notebook(submission(bad).notebooks["ps9"], SPEC.notebooks["ps9"])
    with pytest.raises(nbformat.ValidationError):
        write_autograded(tmp_path, submission(bad), SPEC)
    assert not (tmp_path / "autograded" / "s01" / "ps9" / "ps9.ipynb").exists()
