"""``grade``: autograde every (or some) submission of an assignment.

The coordinating process reads the gradebook and the submissions, hands tasks to a
backend (a local pool, one worker per core, or a Dask cluster), and, as results come
back, journals each one, writes the autograded notebook and updates the gradebook.
Only this process writes to the gradebook, one short transaction per submission.

One submission never stops the class: a folder that cannot be read, a refused file, a
grader error while grading or recording one submission all become that submission's
status with its reason, and the run goes on with everyone else.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import traceback
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace

from . import __version__
from .autograded_notebook import write_autograded
from .course import Course
from .gradebook import apply_result
from .intake import MAX_NOTEBOOK_MB, find_submissions, read_notebooks, read_timestamp
from .journal import Journal, JournalError
from .one_submission import Task, grade_submission, spec_digest, submission_hash
from .outcome import NotebookResult, SubmissionResult
from .plan import to_python
from .sandbox import Limits
from .spec import AssignmentSpec, load_spec


@dataclass
class GradeSummary:
    assignment: str
    graded: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    sandbox: dict[str, list[str]] = field(default_factory=dict)
    results: dict[str, SubmissionResult] = field(default_factory=dict)
    # graded, but with something the instructor must look at (an unusable timestamp.txt)
    problems: dict[str, str] = field(default_factory=dict)

    def status_counts(self) -> dict[str, int]:
        """Students per status: graded, refused, not gradable, grader error, problem."""
        counts: dict[str, int] = {}
        for student in dict.fromkeys(self.graded + self.reused + list(self.errors)):
            reason = self.errors.get(student)
            if reason is None:
                status = "graded with a problem" if student in self.problems else "graded"
            elif "grader error" in reason:
                status = "grader error"
            elif all("refused:" in part for part in reason.split("; ")):
                status = "refused"
            else:
                status = "not gradable"
            counts[status] = counts.get(status, 0) + 1
        return counts

    @property
    def clean(self) -> bool:
        return not self.errors and not self.problems


def _grade_or_report(task: Task) -> SubmissionResult:
    """grade_submission, but a grader error becomes this submission's status, not the run's."""
    try:
        return grade_submission(task)
    except Exception as exc:  # noqa: BLE001 - whatever broke, the class goes on
        return grader_error(task, exc)


def grader_error(task: Task, exc: BaseException) -> SubmissionResult:
    """The result of a submission whose grading failed in the grader itself."""
    reason = f"grader error: {type(exc).__name__}: {exc}"[:500]
    result = error_result(task.assignment, task.student, task.spec, reason, task.timestamp)
    return replace(result, traceback="".join(traceback.format_exception(exc))[-4000:])


def error_result(
    assignment: str, student: str, spec: AssignmentSpec, reason: str, timestamp: str | None
) -> SubmissionResult:
    """A result whose every notebook is ungraded for ``reason`` (flagged for review)."""
    return SubmissionResult(
        assignment=assignment,
        student=student,
        submission_hash="error-" + hashlib.sha256(reason.encode()).hexdigest(),
        timestamp=timestamp,
        grader_version=__version__,
        notebooks={name: NotebookResult.not_graded(reason) for name in spec.notebooks},
    )


def local_backend(tasks: list[Task], workers: int) -> Iterator[SubmissionResult]:
    """Threads drive one sandboxed process each; the heavy work runs in those processes."""
    if not tasks:
        return
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(_grade_or_report, t) for t in tasks]
        for future in as_completed(futures):
            yield future.result()


def dask_backend(tasks: list[Task], scheduler: str) -> Iterator[SubmissionResult]:
    from .distributed import run_on_dask

    yield from run_on_dask(tasks, scheduler)


def grade(
    course: Course,
    assignment: str,
    students: list[str] | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    limits: Limits | None = None,
    hidden_messages: str = "auto",
    progress: bool = True,
    extra_hidden: tuple[str, ...] = (),
) -> GradeSummary:
    from .checker import captured_output

    # Output capture and warning filters for this run only: restored when it returns.
    with captured_output(), warnings.catch_warnings():
        # nbgrader's own gradebook code triggers harmless SQLAlchemy autoflush warnings.
        warnings.filterwarnings("ignore", message=".*not in session.*")
        return _grade(
            course, assignment, students, workers=workers, scheduler=scheduler, force=force,
            limits=limits, hidden_messages=hidden_messages, progress=progress,
            extra_hidden=extra_hidden,
        )  # fmt: skip


def _grade(
    course: Course,
    assignment: str,
    students: list[str] | None,
    *,
    workers: int | None,
    scheduler: str | None,
    force: bool,
    limits: Limits | None,
    hidden_messages: str,
    progress: bool,
    extra_hidden: tuple[str, ...],
) -> GradeSummary:
    limits = course.sandbox_limits(limits or Limits(), extra_hidden)
    declared = course.declaration
    declared.enable_imports()  # the test cells import the course's hidden tests
    course_task = {
        "preload": declared.preload_modules(assignment),
        "safe_messages": declared.safe_messages,
        "course_modules": declared.checker_modules(),
    }
    gb = course.gradebook()
    try:
        spec = load_spec(gb, course.root, assignment)
        known_elsewhere = _other_assignments(gb, assignment)
        folders = find_submissions(course.root, assignment, students)
        journal = Journal(course.journal_dir / assignment)
        digest = spec_digest(spec)
        warmup = [
            to_python(c.source)
            for nb in spec.notebooks.values()
            for c in nb.cells
            if c.kind == "setup"
        ]
        summary = GradeSummary(assignment)
        tasks: list[Task] = []
        reuse: list[SubmissionResult] = []
        ready: list[SubmissionResult] = []  # results decided before any code runs (refusals)
        refusals: dict[str, dict[str, str]] = {}  # student -> notebook -> refusal reason
        unread: dict[str, dict[str, str]] = {}  # student -> other files refused -> reason
        for student, reason in folders.refused.items():
            if student.startswith(".") or not student:
                summary.errors[student] = reason  # no valid id: nothing can be recorded
            else:
                ready.append(error_result(assignment, student, spec, reason, None))
        for student, folder in folders.found.items():
            try:
                task, refused, problem, unread[student] = _prepare(
                    assignment, student, folder, spec, limits, hidden_messages,
                    known_elsewhere, warmup, course_task,
                )  # fmt: skip
            except Exception as exc:  # noqa: BLE001 - one unreadable folder is one status
                reason = f"refused: the submission could not be read ({type(exc).__name__}: {exc})"
                ready.append(error_result(assignment, student, spec, reason, None))
                continue
            if problem:
                summary.problems[student] = problem
            if refused:
                refusals[student] = refused
            if task is None:
                result = error_result(assignment, student, spec, "", None)
                ready.append(replace(result, notebooks=_refused_notebooks(refused)))
                continue
            try:
                entry = journal.load(student)
            except JournalError as exc:
                # Written by another grader version, or damaged: never overwritten, never
                # guessed at. The instructor decides (the message says how).
                summary.errors[student] = str(exc)
                continue
            if (
                entry
                and not force
                and not refused
                and entry.submission_hash == submission_hash(task.files, digest)
            ):
                reuse.append(entry)
                continue
            tasks.append(task)
        if tasks and not scheduler:
            _start_early(tasks[0], spec)
        for entry in reuse:
            try:
                if journal.applied(entry.student) != entry.submission_hash:
                    apply_result(gb, entry)
                    journal.mark_applied(entry.student, entry.submission_hash)
                _record(summary, entry, reused=True)
            except Exception as exc:  # noqa: BLE001
                _record_failure(summary, gb, entry.student, exc)

        results: Iterable[SubmissionResult]
        if scheduler:
            results = dask_backend(tasks, scheduler)
        else:
            results = local_backend(tasks, workers or os.cpu_count() or 1)
        bar = _progress(len(tasks), assignment, progress)
        for result in ready:
            _store(summary, course, gb, journal, spec, result, refusals, unread)
        for result in results:
            _store(summary, course, gb, journal, spec, result, refusals, unread)
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
        return summary
    finally:
        gb.close()


def _start_early(task: Task, spec: AssignmentSpec) -> None:
    """Start the fork server now, and meanwhile import what the checker needs.

    The fork server imports numpy, pandas and the course package and runs the setup
    cells (a second or more of CPU, in its own process); until it is ready no submission
    can start. The checker imports pandas and the hidden tests on the first submission.
    Done one after the other, one core idles each time; started here, the two overlap.
    A failure is left to the first student process and the checker to report.
    """
    from .student_process import fork_server, release

    with contextlib.suppress(Exception):  # the first submission reports it with its reason
        release(fork_server(task.preload, task.warmup, task.limits.env))
    _import_for_checker(spec)


def _import_for_checker(spec: AssignmentSpec) -> None:
    """Run the import statements of the setup and test cells once, in a scratch namespace.

    They are the imports the checker runs for every submission (the course package, the
    hidden tests); errors are ignored here, the checker meets them again and fails closed.
    """
    import ast

    scratch: dict = {"__name__": "__autograder_imports__"}
    for nb in spec.notebooks.values():
        for cell in nb.cells:
            if cell.kind not in ("setup", "test"):
                continue
            try:
                tree = ast.parse(to_python(cell.source))
            except SyntaxError:
                continue
            for node in tree.body:
                if isinstance(node, ast.Import | ast.ImportFrom):
                    with contextlib.suppress(Exception):
                        exec(compile(ast.Module([node], []), "<checker imports>", "exec"), scratch)


def _prepare(
    assignment, student, folder, spec, limits, hidden_messages, known_elsewhere, warmup, course_task
):
    """(task or None, refused notebooks, timestamp problem, files refused) for one folder."""
    expected = [f"{name}.ipynb" for name in spec.notebooks]
    read = read_notebooks(folder, expected, MAX_NOTEBOOK_MB)
    timestamp, problem = read_timestamp(folder)
    refused: dict[str, str] = {}
    for name in spec.notebooks:
        own = read.refused.get(f"{name}.ipynb")
        if own:
            refused[name] = own
        elif f"{name}.ipynb" not in read.files and not read.files and read.refused:
            refused[name] = "; ".join(read.refused.values())
    remaining = {n: nb for n, nb in spec.notebooks.items() if n not in refused}
    if not remaining:
        return None, refused, problem, read.refused
    task = Task(
        assignment=assignment,
        student=student,
        files=read.files,
        spec=spec if not refused else AssignmentSpec(spec.name, remaining),
        limits=limits,
        timestamp=timestamp,
        **course_task,
        hidden_messages=hidden_messages,
        known_elsewhere=known_elsewhere,
        warmup=warmup,
    )
    return task, refused, problem, read.refused


def _refused_notebooks(refused: dict[str, str]) -> dict[str, NotebookResult]:
    return {name: NotebookResult.not_graded(reason) for name, reason in refused.items()}


def _name_unread(result: SubmissionResult, unread: dict[str, str]) -> SubmissionResult:
    """A notebook reported missing while files were refused: say what was not read, and why."""
    if not unread:
        return result
    first = next(iter(unread.values()))
    more = f" and {len(unread) - 1} more" if len(unread) > 1 else ""
    notebooks = {
        name: replace(nb, reason=f"{nb.reason}; {first}{more}")
        if not nb.graded and "was not submitted" in nb.reason
        else nb
        for name, nb in result.notebooks.items()
    }
    return replace(result, notebooks=notebooks)


def _merge_refusals(result: SubmissionResult, refused: dict[str, str]) -> SubmissionResult:
    return replace(result, notebooks={**result.notebooks, **_refused_notebooks(refused)})


def _store(summary, course, gb, journal, spec, result: SubmissionResult, refusals, unread) -> None:
    """Journal, autograded notebook and gradebook for one result; a failure is its status."""
    student = result.student
    try:
        if student in refusals:
            result = _merge_refusals(result, refusals[student])
        result = _name_unread(result, unread.get(student, {}))
        if student in summary.problems:
            result = replace(result, warnings=(*result.warnings, summary.problems[student]))
        journal.save(result)
        write_autograded(course.root, result, spec)
        apply_result(gb, result)
        journal.mark_applied(student, result.submission_hash)
        _record(summary, result, reused=False)
    except Exception as exc:  # noqa: BLE001 - recording one result failed: say so, go on
        _record_failure(summary, gb, student, exc)


def _record_failure(summary: GradeSummary, gb, student: str, exc: Exception) -> None:
    """A result that could not be recorded: the student is listed, the gradebook rolled back."""
    with contextlib.suppress(Exception):  # the failure itself is what gets reported
        gb.db.rollback()
    summary.graded.append(student)
    summary.errors[student] = f"grader error while recording: {type(exc).__name__}: {exc}"[:500]


def _record(summary: GradeSummary, result: SubmissionResult, reused: bool) -> None:
    student = result.student
    (summary.reused if reused else summary.graded).append(student)
    summary.results[student] = result
    reasons = [f"{name}: {nb.reason}" for name, nb in result.notebooks.items() if not nb.graded]
    if reasons:
        summary.errors[student] = "; ".join(reasons)
    for nb in result.notebooks.values():
        if nb.sandbox and not summary.sandbox:
            summary.sandbox = {
                "applied": list(nb.sandbox.applied),
                "missing": list(nb.sandbox.missing),
            }


def _progress(total: int, assignment: str, enabled: bool):
    if not enabled or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=f"grading {assignment}", unit="submission")


def _other_assignments(gb, assignment: str) -> dict[str, str]:
    """grade_id -> assignment name for the course's other assignments (wrong-assignment hints)."""
    owners: dict[str, str] = {}
    for a in gb.assignments:
        if a.name == assignment:
            continue
        for nb in a.notebooks:
            for cell in nb.source_cells:
                owners.setdefault(cell.name, a.name)
    return owners
