"""``feedback``: one HTML page per student and notebook, safe to hand out.

Built from the journal, not from the autograded notebook: test cells appear as the
students saw them (hidden blocks removed), a failing hidden test is reported by
name only, and no instructor traceback is ever included.  Manual scores from
formgrader are shown when present.
"""

from __future__ import annotations

from pathlib import Path

from .course import Course
from .html import render_template
from .journal import Journal, atomic_write
from .outcome import CellStatus, StepKind, StepOutput, SubmissionResult
from .questions import NOT_ANSWERED, in_words, label, question_titles, unanswered_tests
from .status_rows import collect_rows

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Feedback: {{ assignment }}, {{ notebook }} ({{ student }})</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; line-height: 1.45; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .25rem .6rem; text-align: left; }
pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }
.passed { color: #176b1c; } .failed { color: #a11b1b; } .note { color: #555; }
section { border-left: 4px solid #ddd; padding-left: .8rem; margin: 1rem 0; }
</style></head><body>
<h1>{{ assignment }}: {{ notebook }}</h1>
<p>Student: <strong>{{ student }}</strong>. Score: <strong>{{ score }} / {{ max_score }}</strong> ({{ status }}).</p>
{% if reason is not none %}<p class="failed">This notebook could not be graded: {{ reason }}</p>
{% endif %}{% for w in warnings %}<p class="note">Note: {{ w }}</p>
{% endfor %}<table><tr><th>Question</th><th>Score</th><th>Status</th><th>Message</th></tr>
{% for q in questions %}<tr><td>{{ q.label }}</td><td>{{ q.score }} / {{ q.max_score }}</td><td>{{ q.status }}</td><td>{% if q.message %}<pre>{{ q.message }}</pre>{% endif %}</td></tr>
{% endfor %}</table>
<h2>Your notebook, as graded</h2>
{% for c in cells %}{% if c.markdown is not none %}<section><pre>{{ c.markdown }}</pre></section>
{% else %}<section><p class="note">{{ c.label }}</p><pre><code>{{ c.source }}</code></pre>
{%- for text, css in c.parts %}<pre class="{{ css }}">{{ text }}</pre>{% endfor %}</section>
{% endif %}{% endfor %}</body></html>
"""


def _score(value) -> str:
    return "–" if value is None else f"{value:g}"


def _cell(out: StepOutput, titles: dict[str, str], blank: set[str]) -> dict:
    """One cell of the page: its source and the outputs a student may see."""
    if out.kind is StepKind.MARKDOWN:
        return {"markdown": out.source}
    parts = []
    if out.stdout:
        parts.append((out.stdout[:20000], "note"))
    if out.result:
        parts.append((out.result, "note"))
    if out.error and out.kind is not StepKind.TEST:
        if out.grade_id in blank:  # the stub's own NotImplementedError, or a NameError
            parts.append((NOT_ANSWERED, "failed"))
        else:
            parts.append((f"{out.error.ename}: {out.error.evalue}", "failed"))
    if out.kind is StepKind.TEST and out.test:
        t = out.test
        text = f"{t.status} ({_score(t.score)} / {t.points or 0:g})"
        if out.grade_id in blank:  # the error a blank answer caused says nothing useful
            text += "\n" + NOT_ANSWERED
        elif t.message:
            text += "\n" + t.message
        parts.append((text, "passed" if t.status is CellStatus.PASSED else "failed"))
    name = f"{label(titles, out.grade_id)}: " if out.grade_id else ""
    return {
        "markdown": None,
        "label": name + out.kind,
        "source": out.source,
        "parts": parts,
    }


def render(
    entry: SubmissionResult, nb_name: str, student_row, titles: dict[str, str] | None = None
) -> str:
    nb = entry.notebooks[nb_name]
    titles = titles or {}
    blank = unanswered_tests(nb.cells)
    questions = [q for q in student_row.questions if q.notebook == nb_name]
    return render_template(
        PAGE,
        assignment=entry.assignment,
        notebook=nb_name,
        student=entry.student,
        score=f"{sum(q.score or 0 for q in questions):g}",
        max_score=f"{sum(q.max_score for q in questions):g}",
        status=student_row.status_text,
        reason=None if nb.graded else nb.reason,
        warnings=[in_words(w, titles) for w in nb.warnings],
        questions=[
            {
                "label": label(titles, q.grade_id),
                "score": _score(q.score),
                "max_score": f"{q.max_score:g}",
                "status": q.status_text,
                "message": NOT_ANSWERED if q.grade_id in blank else q.message,
            }
            for q in questions
        ],
        cells=[_cell(out, titles, blank) for out in nb.outputs],
    )


def feedback(course: Course, assignment: str, students: list[str] | None = None) -> list[Path]:
    journal = Journal(course.journal_dir / assignment).all()
    _, rows = collect_rows(course, assignment)
    written = []
    for row in rows:
        entry = journal.get(row.student_id)
        if entry is None or (students and row.student_id not in students):
            continue
        for nb_name in entry.notebooks:
            path = course.root / "feedback" / row.student_id / assignment / f"{nb_name}.html"
            titles = question_titles(course.root / "source" / assignment, nb_name)
            atomic_write(path, render(entry, nb_name, row, titles).encode())
            written.append(path)
    return written
