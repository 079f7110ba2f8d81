"""The grader's gradebook rows are the ones nbgrader's ORM path wrote, row for row.

``autograder.gradebook.apply_result`` writes nbgrader's tables with SQLAlchemy Core in
one transaction (issue 14 throughput). Formgrader, ``nbgrader export`` and the LMS
exports read those tables, so the gradebook must be indistinguishable from the one the
previous ORM path wrote (``add_submission``, then ``find_grade``/``find_comment`` per
cell; kept below as the reference): every row of every nbgrader table, ignoring only the
generated ids, and nbgrader's own score and needs-manual-grade properties. Checked on
SQLite and on a PostgreSQL server (tests/autograder/postgres_server.py).
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from nbgrader.api import Base, Gradebook, MissingEntry
from nbgrader.utils import parse_utc
from sqlalchemy import select

from autograder.gradebook import apply_result
from autograder.outcome import (
    CellKind,
    CellResult,
    CellStatus,
    NotebookResult,
    Status,
    SubmissionResult,
)
from tests.autograder.postgres_server import start_postgres

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")

A = "hw"
ANSWER, TEST, MANUAL, TASK = CellKind.ANSWER, CellKind.TEST, CellKind.MANUAL, CellKind.TASK


# --- the reference: the ORM path apply_result took before it wrote rows with Core --------


def orm_apply_result(gb: Gradebook, result: SubmissionResult) -> None:
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
            _orm_flag(gb, notebook_rows[nb_name], assignment, student, nb.reason)
            continue
        for cell in nb.cells:
            if cell.kind.scored:
                grade = gb.find_grade(cell.grade_id, nb_name, assignment, student)
                grade.auto_score = cell.score
                grade.needs_manual_grade = (
                    grade.manual_score is not None or grade.auto_score is None
                )
            if cell.kind.commented:
                comment = gb.find_comment(cell.grade_id, nb_name, assignment, student)
                comment.auto_comment = (
                    "No response." if cell.status.blank and cell.kind is not TASK else None
                )
    gb.db.commit()


def _orm_flag(gb, notebook, assignment, student, reason) -> None:
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


# --- an assignment with every kind of cell, and results of every kind ---------------------


def make_gradebook(url: str) -> Gradebook:
    gb = Gradebook(url, course_id="course101")
    gb.add_assignment(A)
    gb.add_notebook("part1", A)
    gb.add_notebook("part2", A)
    gb.add_notebook("notes", A)  # a notebook without graded cells still gets a row
    for name in ("a1", "a2"):
        gb.add_solution_cell(name, "part1", A)
    gb.add_grade_cell("t1", "part1", A, max_score=2, cell_type="code")
    gb.add_grade_cell("t2", "part1", A, max_score=3, cell_type="code")
    gb.add_grade_cell("m1", "part1", A, max_score=2, cell_type="markdown")
    gb.add_solution_cell("m1", "part1", A)
    gb.add_task_cell("k1", "part1", A, max_score=1, cell_type="markdown")
    gb.add_solution_cell("a3", "part2", A)
    gb.add_grade_cell("t3", "part2", A, max_score=1, cell_type="code")
    gb.add_grade_cell("m2", "part2", A, max_score=2, cell_type="markdown")
    gb.add_solution_cell("m2", "part2", A)
    gb.add_task_cell("k2", "part2", A, max_score=2, cell_type="markdown")
    # On the roster before grading, with the details an instructor imports.
    gb.add_student("ada", first_name="Ada", last_name="Lovelace", email="ada@example.org")
    return gb


def cell(gid, kind, status, score=None, points=None) -> CellResult:
    return CellResult(gid, kind, points, score, status)


def part1(t1=2.0, t2=1.5, a1=CellStatus.ANSWERED, m1=CellStatus.PENDING, k1=CellStatus.PENDING):
    return NotebookResult(
        Status.GRADED,
        filename="part1.ipynb",
        cells=(
            cell("a1", ANSWER, a1),
            cell("t1", TEST, CellStatus.PASSED if t1 == 2 else CellStatus.FAILED, t1, 2),
            cell("a2", ANSWER, CellStatus.ANSWERED),
            cell("t2", TEST, CellStatus.PARTIAL, t2, 3),
            cell("m1", MANUAL, m1, 0.0 if m1 is CellStatus.NOT_ANSWERED else None, 2),
            cell("k1", TASK, k1, 0.0 if k1 is CellStatus.NOT_ANSWERED else None, 1),
        ),
    )


def part2(t3=1.0):
    return NotebookResult(
        Status.GRADED,
        filename="part2.ipynb",
        cells=(
            cell("a3", ANSWER, CellStatus.ANSWERED),
            cell("t3", TEST, CellStatus.PASSED if t3 else CellStatus.ERROR, t3, 1),
            cell("m2", MANUAL, CellStatus.PENDING, None, 2),
            cell("k2", TASK, CellStatus.PENDING, None, 2),
        ),
    )


def result(student, notebooks, timestamp="2026-11-20 10:00:00.000000 UTC") -> SubmissionResult:
    return SubmissionResult(A, student, f"hash-{student}", notebooks, timestamp=timestamp)


STOPPED = "the student process stopped early: student code ended the process"
RESULTS = [
    # On the roster already; everything graded, written answers and tasks pending.
    result("ada", {"part1": part1(), "part2": part2()}),
    # Partly blank: an untouched answer, a blank written answer and a blank task.
    result(
        "bob",
        {
            "part1": part1(
                t1=0.0,
                a1=CellStatus.UNANSWERED,
                m1=CellStatus.NOT_ANSWERED,
                k1=CellStatus.NOT_ANSWERED,
            ),  # fmt: skip
            "part2": part2(t3=0.0),
        },
        timestamp="2026-11-21 09:30:00 +0200",
    ),
    # One notebook not gradable: its cells flagged, the reason on its first comment.
    result("cyd", {"part1": part1(t2=3.0), "part2": NotebookResult.not_graded(STOPPED)}),
    # Nothing gradable and no timestamp (refused at intake).
    result(
        "dan",
        {
            "part1": NotebookResult.not_graded("refused: not a notebook"),
            "part2": NotebookResult.not_graded("refused: not a notebook"),
        },
        timestamp=None,
    ),
    # A notebook the assignment does not have is ignored; one left out keeps its defaults.
    result("eve", {"part1": part1(t1=0.0), "stray": part2()}),
]


# --- the comparison: every row of every nbgrader table, generated ids replaced --------------


def table_rows(gb: Gradebook) -> dict[str, list[tuple]]:
    """Each nbgrader table's rows, every generated id replaced by what it identifies."""
    named: dict[tuple[str, object], object] = {}
    tables: dict[str, list[tuple]] = {}
    with gb.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:  # parents before the rows pointing at them
            rows = []
            for row in conn.execute(select(table)).mappings():
                values, generated = [], False
                for col in table.columns:
                    value = row[col]
                    if col.foreign_keys and value is not None:
                        target = next(iter(col.foreign_keys)).column
                        value = named[(target.table.name, value)]
                    elif col.primary_key and col.default is not None:
                        generated = True  # nbgrader's new_uuid: differs between gradebooks
                        continue
                    values.append((col.name, value))
                natural = tuple(values)
                pk = [c for c in table.primary_key.columns][0]
                named[(table.name, row[pk])] = (
                    (table.name, natural) if generated else dict(values).get(pk.name, natural)
                )
                rows.append(natural)
            tables[table.name] = sorted(rows, key=repr)
    return tables


def nbgrader_views(gb: Gradebook) -> dict:
    """What formgrader and nbgrader's exports compute from the rows, without ids."""

    def no_ids(d: dict) -> dict:
        return {k: v for k, v in d.items() if k != "id"}

    views: dict = {
        "submissions": sorted(map(no_ids, gb.submission_dicts(A)), key=lambda d: d["student"]),
        "notebooks": {
            nb: sorted(map(no_ids, gb.notebook_submission_dicts(nb, A)), key=lambda d: d["student"])
            for nb in ("part1", "part2", "notes")
        },
        "students": sorted(gb.student_dicts(), key=lambda d: d["id"]),
    }
    for sub in gb.assignment_submissions(A):
        for nb in sub.notebooks:
            key = f"{sub.student_id}/{nb.name}"
            views[key] = {
                "score": nb.score,
                "needs_manual_grade": nb.needs_manual_grade,
                "failed_tests": nb.failed_tests,
                "flagged": nb.flagged,
                "grades": sorted((no_ids(g.to_dict()) for g in nb.grades), key=repr),
                "comments": sorted((no_ids(c.to_dict()) for c in nb.comments), key=repr),
            }
        views[sub.student_id] = (sub.score, sub.max_score, sub.needs_manual_grade, sub.timestamp)
    return views


def assert_same_gradebook(old: Gradebook, new: Gradebook) -> None:
    old_rows, new_rows = table_rows(old), table_rows(new)
    assert old_rows.keys() == new_rows.keys()
    for name in old_rows:
        assert new_rows[name] == old_rows[name], f"table {name} differs"
    assert nbgrader_views(new) == nbgrader_views(old)


def hand_grade(gb: Gradebook, cell_id: str, nb: str, student: str, score: float) -> None:
    """As formgrader saves a manual score."""
    grade = gb.find_grade(cell_id, nb, A, student)
    grade.manual_score, grade.needs_manual_grade = score, False
    gb.db.commit()


# --- the two back ends -----------------------------------------------------------------------

_names = itertools.count()


@pytest.fixture(scope="module")
def postgres():
    server = start_postgres()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def alembic_on_path():
    # A new gradebook runs nbgrader's `alembic` script, which sits beside the interpreter.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
        yield


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory, alembic_on_path) -> Path:
    """The assignment's gradebook, made once (nbgrader's alembic stamp takes seconds)."""
    path = tmp_path_factory.mktemp("gradebook") / "template.db"
    make_gradebook(f"sqlite:///{path}").close()
    return path


@pytest.fixture(scope="module")
def postgres_template(postgres, alembic_on_path):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PGPASSWORD", postgres.password)
        _create_database(postgres, "rows_template")
        make_gradebook(_database_url(postgres, "rows_template")).close()
    return "rows_template"


def _create_database(server, name: str, template: str | None = None) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=server.port, user="grader", password=server.password,
        dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))


def _database_url(server, name: str) -> str:
    return server.url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def gradebooks(request, tmp_path, monkeypatch):
    """Two copies of the assignment's gradebook on one back end: ORM path, Core path."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        urls = []
        for side in ("orm", "core"):
            shutil.copy(template, tmp_path / f"{side}.db")
            urls.append(f"sqlite:///{tmp_path / side}.db")
    else:
        template = request.getfixturevalue("postgres_template")
        server = request.getfixturevalue("postgres")
        monkeypatch.setenv("PGPASSWORD", server.password)
        urls = []
        for side in ("orm", "core"):
            name = f"rows_{next(_names)}_{side}"
            _create_database(server, name, template)
            urls.append(_database_url(server, name))
    old, new = Gradebook(urls[0], course_id="course101"), Gradebook(urls[1], course_id="course101")
    yield old, new
    old.close()
    new.close()


# --- the tests -------------------------------------------------------------------------------


def test_new_submissions_give_the_rows_of_the_orm_path(gradebooks):
    old, new = gradebooks
    for r in RESULTS:
        orm_apply_result(old, r)
        apply_result(new, r)
    assert_same_gradebook(old, new)
    # The values that matter, as nbgrader reports them (the comparison above is not vacuous).
    subs = {s.student_id: s for s in new.assignment_submissions(A)}
    assert sorted(subs) == ["ada", "bob", "cyd", "dan", "eve"]
    assert subs["ada"].score == pytest.approx(4.5) and subs["ada"].needs_manual_grade
    assert new.find_grade("t1", "part1", A, "ada").needs_manual_grade is False
    assert new.find_comment("a1", "part1", A, "bob").auto_comment == "No response."
    assert new.find_comment("k1", "part1", A, "bob").auto_comment is None
    assert new.find_grade("k1", "part1", A, "bob").auto_score == 0.0
    flagged = [new.find_comment(c, "part2", A, "cyd").auto_comment for c in ("a3", "m2", "k2")]
    assert [c for c in flagged if c] == [f"Not graded automatically: {STOPPED}"]
    assert new.find_grade("t3", "part2", A, "cyd").needs_manual_grade is True
    assert subs["dan"].timestamp is None and subs["dan"].score == 0
    assert new.find_grade("t3", "part2", A, "eve").auto_score is None
    assert new.find_student("ada").email == "ada@example.org"


def test_a_regrade_after_new_is_idempotent_and_matches_the_orm_path(gradebooks):
    old, new = gradebooks
    for r in RESULTS:
        orm_apply_result(old, r)
        apply_result(new, r)
    before = table_rows(new)
    for r in RESULTS:  # a rerun re-applies the journal: nothing changes
        apply_result(new, r)
    assert table_rows(new) == before

    # The instructor hand-grades, then the class is regraded with new results.
    for gb in (old, new):
        hand_grade(gb, "m1", "part1", "ada", 1.5)
        hand_grade(gb, "t1", "part1", "bob", 1.0)
    regraded = [
        result("ada", {"part1": part1(t2=3.0), "part2": NotebookResult.not_graded(STOPPED)}),
        result("bob", {"part1": part1(t1=2.0), "part2": part2()}, timestamp=None),
        result("cyd", {"part1": part1(), "part2": part2()}),  # gradable now
        result("fay", {"part1": part1(), "part2": part2()}),  # a new student in the regrade
    ]
    for r in regraded:
        orm_apply_result(old, r)
        apply_result(new, r)
    assert_same_gradebook(old, new)
    assert new.find_grade("m1", "part1", A, "ada").manual_score == 1.5
    assert new.find_grade("m1", "part1", A, "ada").needs_manual_grade is True
    assert new.find_grade("t1", "part1", A, "bob").needs_manual_grade is True
    assert new.find_submission(A, "bob").timestamp is None
    assert new.find_comment("a3", "part2", A, "cyd").auto_comment is None


def test_an_unknown_cell_changes_nothing(gradebooks):
    _, new = gradebooks
    apply_result(new, RESULTS[0])
    before = table_rows(new)
    nb = part1()
    stray = replace(nb, cells=(*nb.cells, cell("t9", TEST, CellStatus.PASSED, 1.0, 1)))
    for r in (result("ada", {"part1": stray}), result("gus", {"part1": stray})):
        with pytest.raises(MissingEntry, match="t9"):
            apply_result(new, r)
        assert table_rows(new) == before  # one transaction: no half-written submission
