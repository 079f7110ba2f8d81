"""``report``: item analysis per question, with a chart.

For each autograded question: the score distribution, difficulty (mean share of
points earned, so 1.0 means everyone got it), the discrimination index D (share of
points in the top 27 % of students by total score minus the share in the bottom
27 %), the item-rest correlation, and the most common failure messages.
Only graded submissions count (crashed and missing ones are listed separately).
Answers still awaiting hand grading are left out of every statistic (not counted as 0):
the column ``pending`` says how many there are, and the page says so.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd

from .course import Course
from .html import render_template
from .status_rows import GRADED, PENDING, collect_rows

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ assignment }} item analysis</title></head>
<body><h1>{{ assignment }}: item analysis</h1>
<p>{{ graded }} graded submissions. Difficulty is the mean share of points earned;
discrimination is the top-27% minus bottom-27% share.</p>
{% if pending %}<p><strong>{{ pending }} answer{{ 's' if pending != 1 }} awaiting hand grading are left out</strong>
(column <code>pending</code>); their questions' statistics cover graded answers only.
Run the report again after hand grading.</p>
{% endif %}{{ table }}
<iframe style="width:100%;height:560px;border:0" srcdoc="{{ chart }}"></iframe>
</body></html>
"""


def item_analysis(course: Course, assignment: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-question statistics, per-student score matrix)."""
    questions, rows = collect_rows(course, assignment)
    usable = [r for r in rows if r.status in (GRADED, PENDING)]
    matrix = pd.DataFrame(
        {r.student_id: {q.grade_id: _graded_score(q) for q in r.questions} for r in usable},
        index=questions,
    ).T.astype(float)
    maxima = {q.grade_id: q.max_score for q in rows[0].questions} if rows else {}
    stats = []
    total = matrix.fillna(0).sum(axis=1)
    n_group = max(1, round(0.27 * len(matrix)))
    ranked = total.sort_values(kind="stable")
    low, high = ranked.index[:n_group], ranked.index[-n_group:]
    for gid in questions:
        col = matrix[gid].dropna() if gid in matrix else pd.Series(dtype=float)
        maximum = maxima.get(gid, 0) or 0
        share = col / maximum if maximum else col * 0
        rest = (total - matrix[gid].fillna(0)).loc[col.index] if len(col) else col
        corr = (
            float(share.corr(rest))
            if len(col) > 2 and share.std() > 0 and rest.std() > 0
            else float("nan")
        )
        failures = Counter()
        for r in rows:
            for q in r.questions:
                if q.grade_id == gid and q.message:
                    failures[q.message.splitlines()[-1][:120]] += 1
        pending = sum(
            1 for r in usable for q in r.questions if q.grade_id == gid and q.status == PENDING
        )
        stats.append(
            {
                "question": gid,
                "max_score": maximum,
                "n": int(len(col)),
                "pending": pending,
                "mean": float(col.mean()) if len(col) else float("nan"),
                "difficulty": float(share.mean()) if len(col) else float("nan"),
                "discrimination": float(
                    (matrix.loc[high, gid].mean() - matrix.loc[low, gid].mean()) / maximum
                )
                if maximum and len(matrix)
                else float("nan"),
                "item_rest_correlation": corr,
                "full_marks": int((col >= maximum).sum()) if maximum else 0,
                "zero": int((col == 0).sum()),
                "common_failures": json.dumps(failures.most_common(3)),
            }
        )
    return pd.DataFrame(stats), matrix


def _graded_score(q) -> float | None:
    # An answer awaiting hand grading has no score yet: NaN keeps it out of every statistic.
    return None if q.status == PENDING else q.score


def chart(stats: pd.DataFrame, matrix: pd.DataFrame, assignment: str):
    import altair as alt

    long = stats.melt(
        id_vars="question", value_vars=["difficulty", "discrimination"], var_name="measure"
    )
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("question:N", sort=list(stats["question"]), title="Question"),
            xOffset="measure:N",
            y=alt.Y("value:Q", title="Value", scale=alt.Scale(domain=[-1, 1])),
            color=alt.Color("measure:N", title="Measure"),
            tooltip=["question", "measure", alt.Tooltip("value:Q", format=".2f")],
        )
        .properties(
            title=f"{assignment}: difficulty and discrimination per question", width=420, height=220
        )
    )
    dist = matrix.reset_index(names="student").melt(
        id_vars="student", var_name="question", value_name="score"
    )
    hist = (
        alt.Chart(dist.dropna())
        .mark_bar()
        .encode(
            x=alt.X("score:O", title="Score"),
            y=alt.Y("count():Q", title="Students"),
            column=alt.Column("question:N", title=None, sort=list(stats["question"])),
        )
        .properties(title="Score distribution", width=90, height=140)
    )
    return alt.vconcat(bars, hist)


def report(course: Course, assignment: str, out_dir: Path, png: bool = False) -> dict[str, Path]:
    stats, matrix = item_analysis(course, assignment)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "csv": out_dir / f"{assignment}-items.csv",
        "html": out_dir / f"{assignment}-items.html",
    }
    stats.to_csv(paths["csv"], index=False)
    figure = chart(stats, matrix, assignment)
    from markupsafe import Markup

    # pandas escapes every cell (failure messages quote student text); the chart page is
    # escaped into the srcdoc attribute by Jinja2 like any other value.
    table = stats.to_html(index=False, float_format=lambda x: f"{x:.2f}", na_rep="–", escape=True)
    page = render_template(
        PAGE, assignment=assignment, graded=len(matrix), table=Markup(table),
        pending=int(stats["pending"].sum()) if len(stats) else 0,
        chart=figure.to_html(inline=True),
    )  # fmt: skip
    paths["html"].write_text(page, encoding="utf-8")
    if png:
        import vl_convert as vlc

        paths["png"] = out_dir / f"{assignment}-items.png"
        paths["png"].write_bytes(vlc.vegalite_to_png(figure.to_json(), scale=1))
    return paths
