"""``feedback``: one HTML page per student and notebook, safe to hand out.

Built from the journal, not from the autograded notebook: test cells appear as the
students saw them (hidden blocks removed), a failing hidden test is reported by
name only, and no instructor traceback is ever included.  Manual scores from
formgrader are shown when present.
"""

from __future__ import annotations

import html
from pathlib import Path

from .course import Course
from .journal import Journal, atomic_write
from .results import collect_rows

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Feedback: {assignment}, {notebook} ({student})</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; line-height: 1.45; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #bbb; padding: .25rem .6rem; text-align: left; }}
pre {{ background: #f6f6f6; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }}
.passed {{ color: #176b1c; }} .failed {{ color: #a11b1b; }} .note {{ color: #555; }}
section {{ border-left: 4px solid #ddd; padding-left: .8rem; margin: 1rem 0; }}
</style></head><body>
<h1>{assignment}: {notebook}</h1>
<p>Student: <strong>{student}</strong>. Score: <strong>{score} / {max_score}</strong> ({status}).</p>
{notes}
<table><tr><th>Question</th><th>Score</th><th>Status</th><th>Message</th></tr>
{rows}
</table>
<h2>Your notebook, as graded</h2>
{cells}
</body></html>
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _score(value) -> str:
    return "–" if value is None else f"{value:g}"


def render(entry: dict, nb_name: str, student_row) -> str:
    nb = entry["notebooks"][nb_name]
    questions = [q for q in student_row.questions if q.notebook == nb_name]
    rows = "\n".join(
        f"<tr><td>{_e(q.grade_id)}</td><td>{_score(q.score)} / {q.max_score:g}</td>"
        f"<td>{_e(q.status)}</td><td><pre>{_e(q.message)}</pre></td></tr>"
        if q.message
        else f"<tr><td>{_e(q.grade_id)}</td><td>{_score(q.score)} / {q.max_score:g}</td><td>{_e(q.status)}</td><td></td></tr>"
        for q in questions
    )
    notes = ""
    if nb["status"] != "graded":
        notes += (
            f"<p class='failed'>This notebook could not be graded: {_e(nb.get('reason', ''))}</p>"
        )
    for w in nb.get("warnings", []):
        notes += f"<p class='note'>Note: {_e(w)}</p>"
    cells = []
    for out in nb.get("outputs", []):
        if out["kind"] == "markdown":
            cells.append(f"<section><pre>{_e(out.get('source', ''))}</pre></section>")
            continue
        parts = [f"<pre><code>{_e(out.get('source', ''))}</code></pre>"]
        if out.get("stdout"):
            parts.append(f"<pre class='note'>{_e(out['stdout'][:20000])}</pre>")
        if out.get("result"):
            parts.append(f"<pre class='note'>{_e(out['result'])}</pre>")
        if out.get("error") and out["kind"] != "test":
            err = out["error"]
            parts.append(
                f"<pre class='failed'>{_e(err.get('ename', ''))}: {_e(err.get('evalue', ''))}</pre>"
            )
        if out["kind"] == "test" and out.get("test"):
            t = out["test"]
            css = "passed" if t["status"] == "passed" else "failed"
            text = f"{t['status']} ({_score(t['score'])} / {t['points']:g})"
            if t.get("message"):
                text += "\n" + t["message"]
            parts.append(f"<pre class='{css}'>{_e(text)}</pre>")
        label = f"{out['grade_id']} " if out.get("grade_id") else ""
        cells.append(
            f"<section><p class='note'>{_e(label + out['kind'])}</p>{''.join(parts)}</section>"
        )
    total = sum(q.score or 0 for q in questions)
    maximum = sum(q.max_score for q in questions)
    return PAGE.format(
        assignment=_e(entry["assignment"]),
        notebook=_e(nb_name),
        student=_e(entry["student"]),
        score=f"{total:g}",
        max_score=f"{maximum:g}",
        status=_e(student_row.status),
        notes=notes,
        rows=rows,
        cells="\n".join(cells),
    )


def feedback(course: Course, assignment: str, students: list[str] | None = None) -> list[Path]:
    journal = Journal(course.journal_dir / assignment).all()
    _, rows = collect_rows(course, assignment)
    written = []
    for row in rows:
        entry = journal.get(row.student_id)
        if entry is None or (students and row.student_id not in students):
            continue
        for nb_name in entry["notebooks"]:
            path = course.root / "feedback" / row.student_id / assignment / f"{nb_name}.html"
            atomic_write(path, render(entry, nb_name, row).encode())
            written.append(path)
    return written
