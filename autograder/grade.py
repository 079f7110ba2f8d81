"""``grade``: autograde every (or some) submission of an assignment.

The coordinating process reads the gradebook and the submissions, hands tasks to a
backend (a local pool, one worker per core, or a Dask cluster), and, as results come
back, journals each one, writes the autograded notebook and updates the gradebook.
Only this process writes to the gradebook, one short transaction per submission.
"""

from __future__ import annotations

import importlib.util
import os
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from .autograded import write_autograded
from .course import Course
from .gradebook import apply_result
from .journal import Journal
from .plan import to_python
from .runner import Task, grade_submission, read_submission, spec_digest, submission_hash
from .sandbox import Limits
from .spec import load_spec


@dataclass
class GradeSummary:
    assignment: str
    graded: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    sandbox: dict[str, list[str]] = field(default_factory=dict)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)


def local_backend(tasks: list[Task], workers: int) -> Iterator[dict[str, Any]]:
    """Threads drive one sandboxed process each; the heavy work runs in those processes."""
    if not tasks:
        return
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(grade_submission, t) for t in tasks]
        for future in as_completed(futures):
            yield future.result()


def dask_backend(tasks: list[Task], scheduler: str) -> Iterator[dict[str, Any]]:
    from .distributed import run_on_dask

    yield from run_on_dask(tasks, scheduler)


def default_preload() -> list[str]:
    return [m for m in ("globalsourcing",) if importlib.util.find_spec(m) is not None]


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
    from .checker import _install_streams

    _install_streams()  # before our filter: it resets the warning filters once
    # nbgrader's own gradebook code triggers harmless SQLAlchemy autoflush warnings.
    warnings.filterwarnings("ignore", message=".*not in session.*")
    limits = limits or Limits()
    limits = Limits(
        **{
            **limits.__dict__,
            "hide": course.hidden_paths(extra_hidden + tuple(limits.hide)),
            "readable": course.readable_paths() + tuple(limits.readable),
        }
    )
    gb = course.gradebook()
    try:
        spec = load_spec(gb, course.root, assignment)
        known_elsewhere = _other_assignments(gb, assignment)
        submissions = course.submitted(assignment, students)
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
        reuse: list[dict[str, Any]] = []
        for student, folder in submissions.items():
            files = read_submission(folder)
            entry = journal.load(student)
            if (
                entry
                and not force
                and entry.get("submission_hash") == submission_hash(files, digest)
            ):
                reuse.append(entry)
                continue
            stamp = folder / "timestamp.txt"
            tasks.append(
                Task(
                    assignment=assignment,
                    student=student,
                    files=files,
                    spec=spec,
                    limits=limits,
                    timestamp=stamp.read_text().strip() if stamp.exists() else None,
                    preload=default_preload(),
                    hidden_messages=hidden_messages,
                    known_elsewhere=known_elsewhere,
                    warmup=warmup,
                )
            )
        for entry in reuse:
            if journal.applied(entry["student"]) != entry["submission_hash"]:
                apply_result(gb, entry)
                journal.mark_applied(entry["student"], entry["submission_hash"])
            _record(summary, entry, reused=True)

        results: Iterable[dict[str, Any]]
        if scheduler:
            results = dask_backend(tasks, scheduler)
        else:
            results = local_backend(tasks, workers or os.cpu_count() or 1)
        bar = _progress(len(tasks), assignment, progress)
        for result in results:
            journal.save(result)
            write_autograded(course.root, result, spec)
            apply_result(gb, result)
            journal.mark_applied(result["student"], result["submission_hash"])
            _record(summary, result, reused=False)
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
        return summary
    finally:
        gb.close()


def _record(summary: GradeSummary, result: dict[str, Any], reused: bool) -> None:
    student = result["student"]
    (summary.reused if reused else summary.graded).append(student)
    summary.results[student] = result
    reasons = [
        f"{nb}: {r['reason']}" for nb, r in result["notebooks"].items() if r["status"] != "graded"
    ]
    if reasons:
        summary.errors[student] = "; ".join(reasons)
    for nb in result["notebooks"].values():
        if nb.get("sandbox") and not summary.sandbox:
            summary.sandbox = nb["sandbox"]


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
