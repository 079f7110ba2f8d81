"""``export``: grades as CSV, plain or shaped for a Canvas or Moodle gradebook import.

The plain CSV carries a status per student and per question, so a crashed or missing
submission is never mistaken for a genuine zero.  The Canvas and Moodle files carry
only what each LMS imports (identity columns and one grade column), with a score only
for a fully graded submission: pending hand grading, crashed and missing submissions
are left blank, never zero.  Their statuses go to a separate status report.
"""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path
from typing import TextIO

from .course import Course
from .questions import assignment_titles, label
from .status_rows import GRADED, NOT_SUBMITTED, StudentRow, collect_rows

FORMATS = ("csv", "canvas", "moodle")

# Canvas "Import scores in the Gradebook": the columns of its own gradebook export,
# Student, ID, SIS User ID, SIS Login ID, Section, then one column per assignment
# (https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades,
# and the Canvas Instructor Guide page "How do I import grades in the Gradebook?").
# Any other column is imported as a new assignment, hence no status columns here.
CANVAS_IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
# Moodle "Import grades from CSV" (grade/import/csv): one column identifies the user
# (mapped to email address, ID number or username in the import form), each other
# column is mapped to a grade item (https://docs.moodle.org/en/Grade_import, and
# moodle/moodle grade/import/csv/classes/load_data.php).
MOODLE_IDENTITY = ("Email address", "ID number", "First name", "Last name")


def export(
    course: Course,
    assignment: str,
    fmt: str,
    out: Path | TextIO,
    roster: Path | None = None,
) -> Path | TextIO:
    """Write the grades to ``out``: a file path, or an open text stream (e.g. stdout).

    ``roster`` (CSV with ``lms_id,student_id`` columns, as for ``collect``) supplies the
    Canvas user ids of students whose gradebook entry has none.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    questions, rows = collect_rows(course, assignment)
    rows = sorted(rows, key=_sort_key)
    lms_ids = _lms_ids(rows, roster)
    with contextlib.ExitStack() as stack:
        if isinstance(out, Path):
            out.parent.mkdir(parents=True, exist_ok=True)
            fh = stack.enter_context(out.open("w", newline="", encoding="utf-8"))
        else:
            fh = out
        writer = SafeWriter(fh)
        if fmt == "csv":
            _write_plain(writer, assignment, questions, rows)
        elif fmt == "canvas":
            writer.writerow([*CANVAS_IDENTITY, assignment])
            max_score = rows[0].max_score if rows else 0
            writer.writerow(["Points Possible", "", "", "", "", _num(max_score)])
            for r in rows:
                name = ", ".join(x for x in (r.last_name, r.first_name) if x) or r.student_id
                writer.writerow(
                    [
                        name,
                        lms_ids.get(r.student_id, ""),
                        r.student_id,
                        r.email or "",
                        "",
                        _lms_score(r),
                    ]
                )
        else:
            writer.writerow([*MOODLE_IDENTITY, assignment])
            for r in rows:
                writer.writerow(
                    [
                        r.email or "",
                        r.student_id,
                        r.first_name or "",
                        r.last_name or "",
                        _lms_score(r),
                    ]
                )
    return out


def status_report(course: Course, assignment: str, out: Path | TextIO, roster: Path | None = None):
    """Why each blank in an LMS file is blank: one row per student with status and reason."""
    questions, rows = collect_rows(course, assignment)
    rows = sorted(rows, key=_sort_key)
    lms_ids = _lms_ids(rows, roster)
    # A person reads "Q5 <title>", not the grade id; a cell with no title keeps its id.
    titles = assignment_titles(course.root / "source" / assignment)
    with contextlib.ExitStack() as stack:
        if isinstance(out, Path):
            out.parent.mkdir(parents=True, exist_ok=True)
            fh = stack.enter_context(out.open("w", newline="", encoding="utf-8"))
        else:
            fh = out
        writer = SafeWriter(fh)
        writer.writerow(
            [
                "student_id",
                "lms_id",
                "status",
                "exported_score",
                "autograded_score",
                "max_score",
                "note",
            ]
        )
        for r in rows:
            notes = [
                f"{label(titles, q.grade_id)}: {q.status_text}"
                for q in r.questions
                if q.status != GRADED
            ]
            if not lms_ids.get(r.student_id):
                notes.insert(0, "no LMS user id (Canvas matches on SIS User ID only)")
            writer.writerow(
                [
                    r.student_id,
                    lms_ids.get(r.student_id, ""),
                    r.status_text,
                    _lms_score(r),
                    "" if r.status == NOT_SUBMITTED else _num(r.score),
                    _num(r.max_score),
                    "; ".join(notes),
                ]
            )
    return out


def blank_counts(course: Course, assignment: str) -> dict[str, int]:
    """Students left blank in an LMS file, by status (for the command's summary line)."""
    _, rows = collect_rows(course, assignment)
    counts: dict[str, int] = {}
    for r in rows:
        if r.status != GRADED:
            counts[r.status.value] = counts.get(r.status.value, 0) + 1
    return counts


def _write_plain(writer, assignment: str, questions: list[str], rows: list[StudentRow]) -> None:
    header = ["assignment", "student_id", "last_name", "first_name", "email"]
    header += ["score", "max_score", "status"]
    for q in questions:
        header += [f"{q} score", f"{q} status"]
    writer.writerow(header)
    for r in rows:
        line = [assignment, r.student_id, r.last_name or "", r.first_name or "", r.email or ""]
        line += [_num(r.score), _num(r.max_score), r.status_text]
        for q in r.questions:
            line += [_num(q.score), q.status_text]
        writer.writerow(line)


def _lms_score(row: StudentRow) -> str:
    # Only a fully graded submission has a score an LMS may record; anything else is blank
    # so that neither a pending written answer nor a crash becomes a silent partial grade.
    return _num(row.score) if row.status == GRADED else ""


def _sort_key(row: StudentRow) -> tuple[str, str, str]:
    return ((row.last_name or "").casefold(), (row.first_name or "").casefold(), row.student_id)


def _lms_ids(rows: list[StudentRow], roster: Path | None) -> dict[str, str]:
    ids = {r.student_id: str(r.lms_user_id) for r in rows if r.lms_user_id}
    if roster is not None:
        with roster.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = {"lms_id", "student_id"} - set(reader.fieldnames or [])
            if missing:
                raise ValueError(f"{roster}: the roster needs the columns lms_id,student_id")
            for line in reader:
                ids.setdefault(line["student_id"].strip(), line["lms_id"].strip())
    return ids


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
# Names, ids and reasons can come from students, so such a text cell gets a leading
# apostrophe, which spreadsheets show as text; numbers (e.g. "-1.5") are left alone.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """The cell as a spreadsheet will show it: text that would run as a formula is quoted."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        try:
            float(cell)
        except ValueError:
            return "'" + cell
    return cell


class SafeWriter:
    """``csv.writer`` whose rows cannot carry a formula into the instructor's spreadsheet."""

    def __init__(self, fh: TextIO):
        self._writer = csv.writer(fh)

    def writerow(self, row: list[object]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"
