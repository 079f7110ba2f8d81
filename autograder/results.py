"""Per-student, per-question status: the gradebook's scores joined with the journal.

A status is one of: ``graded``, ``not submitted``, ``crashed: <reason>`` (the
notebook could not be graded) and ``manual grading pending``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .course import Course
from .journal import Journal

GRADED, NOT_SUBMITTED, PENDING = "graded", "not submitted", "manual grading pending"


@dataclass
class QuestionRow:
    grade_id: str
    notebook: str
    max_score: float
    score: float | None
    status: str
    message: str = ""


@dataclass
class StudentRow:
    student_id: str
    first_name: str | None
    last_name: str | None
    email: str | None
    lms_user_id: str | None
    status: str
    score: float
    max_score: float
    questions: list[QuestionRow] = field(default_factory=list)


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
            if submission is None:
                status = NOT_SUBMITTED
            elif any(s.startswith("crashed") for s in statuses):
                status = next(s for s in (q.status for q in questions) if s.startswith("crashed"))
            elif PENDING in statuses:
                status = PENDING
            else:
                status = GRADED
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
                )
            )
    return [c.grade_id for _, c in graded_ids], rows


def _question(gb, submission, entry, assignment, student, nb_name, cell) -> QuestionRow:
    row = QuestionRow(cell.grade_id, nb_name, float(cell.points or 0), None, NOT_SUBMITTED)
    if submission is None:
        return row
    nb_entry = entry.notebooks.get(nb_name) if entry is not None else None
    if nb_entry and not nb_entry.graded:
        row.status = f"crashed: {nb_entry.reason or 'unknown reason'}"
        return row
    grade = gb.find_grade(cell.grade_id, nb_name, assignment, student)
    row.score = grade.score
    if nb_entry:
        for c in nb_entry.cells:
            if c.grade_id == cell.grade_id:
                row.message = c.message
    if grade.needs_manual_grade:
        row.status = PENDING
    elif entry is None and grade.auto_score is None and grade.manual_score is None:
        row.status = "not graded yet"
    else:
        row.status = GRADED
    return row
