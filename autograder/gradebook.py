"""Write results into nbgrader's own gradebook, the way ``nbgrader autograde`` does.

Every update sets absolute values (an auto score, a flag, an auto comment), so
applying the same result twice leaves the same gradebook: reruns are idempotent.
Manual scores entered in formgrader are never touched; as in nbgrader, a cell that
has one is flagged for review when its auto score is rewritten.
"""

from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.utils import parse_utc

from .outcome import CellKind, SubmissionResult


def apply_result(gb: Gradebook, result: SubmissionResult) -> None:
    assignment, student = result.assignment, result.student
    try:
        gb.find_student(student)
    except MissingEntry:
        gb.add_student(student)
    timestamp = parse_utc(result.timestamp) if result.timestamp else None
    gb.update_or_create_submission(assignment, student, timestamp=timestamp)
    notebook_rows = {nb.name: nb for nb in gb.find_assignment(assignment).notebooks}
    for nb_name, nb in result.notebooks.items():
        if nb_name not in notebook_rows:
            continue
        if not nb.graded:
            _flag_for_review(gb, notebook_rows[nb_name], assignment, student, nb.reason)
            continue
        for cell in nb.cells:
            gid = cell.grade_id
            if cell.kind.scored:
                grade = gb.find_grade(gid, nb_name, assignment, student)
                grade.auto_score = cell.score
                grade.needs_manual_grade = (
                    grade.manual_score is not None or grade.auto_score is None
                )
            if cell.kind.commented:
                comment = gb.find_comment(gid, nb_name, assignment, student)
                comment.auto_comment = (
                    "No response." if cell.status.blank and cell.kind is not CellKind.TASK else None
                )
    gb.db.commit()


def _flag_for_review(gb: Gradebook, notebook, assignment: str, student: str, reason: str) -> None:
    """An ungradable notebook: no auto scores, every cell flagged, the reason as a comment."""
    for cell in list(notebook.grade_cells) + list(notebook.task_cells):
        try:
            grade = gb.find_grade(cell.name, notebook.name, assignment, student)
        except MissingEntry:
            continue
        grade.auto_score = None
        grade.needs_manual_grade = True
    first = True
    for cell in list(notebook.solution_cells) + list(notebook.task_cells):
        try:
            comment = gb.find_comment(cell.name, notebook.name, assignment, student)
        except MissingEntry:
            continue
        comment.auto_comment = f"Not graded automatically: {reason}" if first else None
        first = False
