"""Per-student, per-question status: the gradebook's scores joined with the journal.

A status is a ``RowStatus``: graded, not submitted, crashed (the notebook could not be
graded; ``reason`` says why, and the status reads ``crashed: <reason>``), manual grading
pending, or not graded yet (submitted, never run through ``grade``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .course import Course
from .journal import Journal


class RowStatus(StrEnum):
    GRADED = "graded"
    NOT_SUBMITTED = "not submitted"
    CRASHED = "crashed"
    PENDING = "manual grading pending"
    NOT_GRADED_YET = "not graded yet"


GRADED, NOT_SUBMITTED, PENDING = RowStatus.GRADED, RowStatus.NOT_SUBMITTED, RowStatus.PENDING


def status_text(status: RowStatus, reason: str) -> str:
    """The status as people read it in a CSV, a page or the terminal."""
    return f"{status.value}: {reason}" if status is RowStatus.CRASHED else status.value


@dataclass
class QuestionRow:
    grade_id: str
    notebook: str
    max_score: float
    score: float | None
    status: RowStatus
    message: str = ""
    reason: str = ""  # why the notebook crashed

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.reason)


@dataclass
class StudentRow:
    student_id: str
    first_name: str | None
    last_name: str | None
    email: str | None
    lms_user_id: str | None
    status: RowStatus
    score: float
    max_score: float
    questions: list[QuestionRow] = field(default_factory=list)
    reason: str = ""  # why its first crashed notebook crashed

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.reason)


def collect_rows(course: Course, assignment: str) -> tuple[list[str], list[StudentRow]]:
    """Question ids (in notebook order) and one row per student in the gradebook.

    Only a missing submission means "not submitted"; any other gradebook error is raised,
    never turned into a zero.
    """
    from nbgrader.api import MissingEntry

    from .spec import load_spec

    journal = Journal(course.journal_dir / assignment).all()
    with course.gradebook() as gb:
        spec = load_spec(gb, course.root, assignment)
        graded_ids = [
            (nb, c)
            for nb, s in spec.notebooks.items()
            for c in s.cells
            if c.kind in ("test", "manual", "task")
        ]
        rows = []
        for student in gb.students:
            entry = journal.get(student.id)
            try:
                submission = gb.find_submission(assignment, student.id)
            except MissingEntry:
                submission = None
            questions = []
            for nb_name, cell in graded_ids:
                questions.append(
                    _question(gb, submission, entry, assignment, student.id, nb_name, cell)
                )
            statuses = {q.status for q in questions}
            crashed = next((q for q in questions if q.status is RowStatus.CRASHED), None)
            reason = ""
            if submission is None:
                status = RowStatus.NOT_SUBMITTED
            elif crashed is not None:
                status, reason = RowStatus.CRASHED, crashed.reason
            elif RowStatus.PENDING in statuses:
                status = RowStatus.PENDING
            else:
                status = RowStatus.GRADED
            rows.append(
                StudentRow(
                    student_id=student.id,
                    first_name=student.first_name,
                    last_name=student.last_name,
                    email=student.email,
                    lms_user_id=student.lms_user_id,
                    status=status,
                    score=sum(q.score or 0 for q in questions),
                    max_score=sum(q.max_score for q in questions),
                    questions=questions,
                    reason=reason,
                )
            )
    return [c.grade_id for _, c in graded_ids], rows


def _question(gb, submission, entry, assignment, student, nb_name, cell) -> QuestionRow:
    row = QuestionRow(cell.grade_id, nb_name, float(cell.points or 0), None, NOT_SUBMITTED)
    if submission is None:
        return row
    nb_entry = entry.notebooks.get(nb_name) if entry is not None else None
    if nb_entry and not nb_entry.graded:
        row.status, row.reason = RowStatus.CRASHED, nb_entry.reason or "unknown reason"
        return row
    grade = gb.find_grade(cell.grade_id, nb_name, assignment, student)
    row.score = grade.score
    if nb_entry:
        for c in nb_entry.cells:
            if c.grade_id == cell.grade_id:
                row.message = c.message
    if grade.needs_manual_grade:
        row.status = RowStatus.PENDING
    elif entry is None and grade.auto_score is None and grade.manual_score is None:
        row.status = RowStatus.NOT_GRADED_YET
    else:
        row.status = RowStatus.GRADED
    return row
