"""Grade one submission: plan each notebook, run it in a sandbox, check it.

``grade_submission`` takes and returns plain data, so the same function runs in a
local thread pool or on a Dask worker.  It never raises for a bad submission: every
problem becomes a notebook status with a reason a person can act on.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .checker import run_plan
from .outcome import NotebookResult, SandboxReport, Status, StepOutput, SubmissionResult
from .plan import SubmissionError, build_plan, find_notebook
from .sandbox import Limits
from .spec import AssignmentSpec
from .student_process import SandboxDied, StudentProcess


@dataclass
class Task:
    assignment: str
    student: str
    files: dict[str, bytes]
    spec: AssignmentSpec
    limits: Limits
    timestamp: str | None = None
    preload: list[str] = field(default_factory=list)
    hidden_messages: str = "auto"
    # From the course's declaration: modules whose messages students may see, and the
    # top-level packages the checker may import for a student value that is a module.
    safe_messages: tuple[str, ...] = ()
    course_modules: frozenset[str] = frozenset()
    known_elsewhere: dict[str, str] = field(default_factory=dict)
    warmup: list[str] = field(default_factory=list)

    @property
    def submission_hash(self) -> str:
        return submission_hash(self.files, spec_digest(self.spec))


def spec_digest(spec: AssignmentSpec) -> str:
    """Changes when the instructor changes a test, a point value or the cell order."""
    digest = hashlib.sha256()
    for name, nb in sorted(spec.notebooks.items()):
        for c in nb.cells:
            digest.update(f"{name}\0{c.grade_id}\0{c.kind}\0{c.points}\0{c.source}\0".encode())
    return digest.hexdigest()


def submission_hash(files: dict[str, bytes], spec_hash: str = "") -> str:
    """Identifies one grading of one submission: its notebooks, the tests and the grader."""
    digest = hashlib.sha256(__version__.encode() + spec_hash.encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def read_submission(folder: Path, max_mb: int = 50) -> dict[str, bytes]:
    """The notebooks of one submission folder (other files are not needed to grade)."""
    files = {}
    for path in sorted(folder.glob("*.ipynb")):
        if path.is_file() and path.stat().st_size <= max_mb * 1024 * 1024:
            files[path.name] = path.read_bytes()
    return files


def grade_submission(task: Task) -> SubmissionResult:
    start = time.perf_counter()
    notebooks = {
        name: _grade_notebook(task, name, spec) for name, spec in task.spec.notebooks.items()
    }
    return SubmissionResult(
        assignment=task.assignment,
        student=task.student,
        submission_hash=task.submission_hash,
        grader_version=__version__,
        timestamp=task.timestamp,
        notebooks=notebooks,
        seconds=round(time.perf_counter() - start, 4),
    )


def _grade_notebook(task: Task, name: str, spec) -> NotebookResult:
    warnings: list[str] = []
    try:
        filename, nb = find_notebook(task.files, spec, warnings)
        plan = build_plan(nb, spec, task.known_elsewhere)
    except SubmissionError as exc:
        return NotebookResult(Status.ERROR, reason=str(exc), warnings=tuple(warnings))
    warnings.extend(plan.warnings)
    try:
        proc = StudentProcess(plan.code_cells, task.limits, task.preload, task.warmup)
    except (SandboxDied, OSError) as exc:
        return NotebookResult(
            Status.ERROR, reason=f"could not start the sandbox: {exc}", warnings=tuple(warnings)
        )
    try:
        run = run_plan(plan, proc, task.hidden_messages, task.safe_messages, task.course_modules)
    finally:
        proc.close()
    sandbox = SandboxReport(tuple(proc.applied), tuple(proc.missing))
    setup_failure = _setup_failure(run.outputs, _preamble(spec))
    if setup_failure:
        # Not a grade: the tests ran without the course's data or imports. Loud, never a score.
        return NotebookResult(
            Status.ERROR,
            reason=f"{SETUP_FAILED}: {setup_failure}",
            filename=filename,
            warnings=tuple(warnings),
            sandbox=sandbox,
            outputs=tuple(run.outputs),
        )
    if proc.dead_reason and proc.dead_reason != "finished":
        warnings.append(f"the student process stopped early: {proc.dead_reason}")
    for _index in run.timed_out_cells:
        warnings.append(
            f"a cell ran longer than {task.limits.cell_timeout:.0f} s and was interrupted"
        )
    return NotebookResult(
        Status.GRADED,
        filename=filename,
        warnings=tuple(dict.fromkeys(warnings)),
        sandbox=sandbox,
        cells=tuple(run.cells),
        outputs=tuple(run.outputs),
        metadata=plan.metadata,
    )


SETUP_FAILED = "grading setup failed"


def _preamble(spec) -> set[str]:
    """Grade ids of the instructor's setup cells that come before any answer or test.

    They load the course's data and imports; when one fails the tests would run without
    them. A read-only cell further down may depend on an answer, so its failure counts
    like any other cell error (as in nbgrader).
    """
    ids: set[str] = set()
    for cell in spec.cells:
        if cell.kind in ("answer", "test", "manual", "task"):
            break
        if cell.kind == "setup":
            ids.add(cell.grade_id)
    return ids


def _setup_failure(outputs: list[StepOutput], preamble: set[str]) -> str:
    """The first error of a preamble setup cell, in one line, or "" when they all ran."""
    for out in outputs:
        if out.kind == "setup" and out.grade_id in preamble and out.ok is False:
            ename, evalue = (out.error.ename, out.error.evalue) if out.error else ("Error", "")
            text = f"{ename or 'Error'}: {evalue}".strip().rstrip(":")
            return f"setup cell {out.grade_id} raised {' '.join(text.split())[:600]}"
    return ""
