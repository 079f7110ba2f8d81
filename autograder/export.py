"""``export``: grades as CSV, plain or shaped for a Canvas or Moodle gradebook import.

Every format carries a status per student and per question, so a crashed or
missing submission is never mistaken for a genuine zero.
"""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path
from typing import TextIO

from .course import Course
from .results import collect_rows

FORMATS = ("csv", "canvas", "moodle")


def export(course: Course, assignment: str, fmt: str, out: Path | TextIO) -> Path | TextIO:
    """Write the grades to ``out``: a file path, or an open text stream (e.g. stdout)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    questions, rows = collect_rows(course, assignment)
    with contextlib.ExitStack() as stack:
        if isinstance(out, Path):
            out.parent.mkdir(parents=True, exist_ok=True)
            fh = stack.enter_context(out.open("w", newline="", encoding="utf-8"))
        else:
            fh = out
        writer = csv.writer(fh)
        if fmt == "csv":
            header = [
                "assignment",
                "student_id",
                "last_name",
                "first_name",
                "email",
                "score",
                "max_score",
                "status",
            ]
            for q in questions:
                header += [f"{q} score", f"{q} status"]
            writer.writerow(header)
            for r in rows:
                line = [
                    assignment,
                    r.student_id,
                    r.last_name or "",
                    r.first_name or "",
                    r.email or "",
                ]
                line += [_num(r.score), _num(r.max_score), r.status]
                for q in r.questions:
                    line += [_num(q.score), q.status]
                writer.writerow(line)
        elif fmt == "canvas":
            # Canvas gradebook import: identity columns, one column per assignment and a
            # "Points Possible" row.  The status columns are extra columns for the
            # instructor to read; check them in Canvas's import preview before confirming.
            title = f"{assignment} (autograder)"
            writer.writerow(
                [
                    "Student",
                    "ID",
                    "SIS User ID",
                    "SIS Login ID",
                    "Section",
                    title,
                    "Status",
                    *[f"{q} status" for q in questions],
                ]
            )
            max_score = rows[0].max_score if rows else 0
            writer.writerow(
                ["Points Possible", "", "", "", "", _num(max_score), "", *["" for _ in questions]]
            )
            for r in rows:
                name = ", ".join(x for x in (r.last_name, r.first_name) if x) or r.student_id
                score = "" if r.status == "not submitted" else _num(r.score)
                writer.writerow(
                    [
                        name,
                        r.lms_user_id or "",
                        r.student_id,
                        r.email or "",
                        "",
                        score,
                        r.status,
                        *[q.status for q in r.questions],
                    ]
                )
        else:
            # Moodle "Import grades from CSV": an identifier column mapped to the user's
            # email address, a grade column and a feedback column chosen in the import form.
            writer.writerow(
                [
                    "Email address",
                    "ID number",
                    "First name",
                    "Last name",
                    assignment,
                    f"{assignment} feedback",
                    "Status",
                    *[f"{q} status" for q in questions],
                ]
            )
            for r in rows:
                score = "" if r.status == "not submitted" else _num(r.score)
                feedback = "; ".join(f"{q.grade_id}: {q.status}" for q in r.questions)
                writer.writerow(
                    [
                        r.email or "",
                        r.student_id,
                        r.first_name or "",
                        r.last_name or "",
                        score,
                        feedback,
                        r.status,
                        *[q.status for q in r.questions],
                    ]
                )
    return out


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"
