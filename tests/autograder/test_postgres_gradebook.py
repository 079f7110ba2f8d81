"""Two graders at once into one PostgreSQL gradebook give the totals of a SQLite run.

The server is started by the fixture on 127.0.0.1 (tests/autograder/postgres_server.py);
the graders get its password from PGPASSWORD in the environment, never on the
command line (``--db-url`` carries no password).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.autograder.postgres_server import start_postgres
from tests.autograder.real_course import (
    REPO,
    VENV_BIN,
    grader_env,
    honest_class,
    question_scores,
    run_autograder,
    totals,
)

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:.*not in session")]
ASSIGNMENT = "ps1_market"


@pytest.fixture(scope="module")
def postgres():
    server = start_postgres()
    yield server
    server.stop()


def test_two_concurrent_graders_fill_one_postgres_gradebook_like_sqlite(
    postgres, tmp_path, monkeypatch
):
    honest = honest_class(ASSIGNMENT, tmp_path / "base")
    # Twice the class, so that each grader has several students to write at the same time.
    for student in list(honest.expected):
        shutil.copytree(
            honest.root / "submitted" / student, honest.root / "submitted" / f"{student}_b"
        )
        honest.expected[f"{student}_b"] = honest.expected[student]

    sqlite_root = tmp_path / "sqlite"
    shutil.copytree(honest.root, sqlite_root)
    sqlite_run = run_autograder(sqlite_root, ASSIGNMENT, grader_env())
    assert sqlite_run.returncode == 0, sqlite_run.stdout + sqlite_run.stderr
    sqlite_url = f"sqlite:///{sqlite_root / 'gradebook.db'}"

    pg_root = tmp_path / "postgres"
    shutil.copytree(honest.root, pg_root)
    (pg_root / "gradebook.db").unlink()  # nothing may fall back to a local gradebook
    env = {**grader_env(), "PGPASSWORD": postgres.password}
    generated = subprocess.run(
        [str(VENV_BIN / "nbgrader"), "generate_assignment", ASSIGNMENT, "--force", f"--CourseDirectory.db_url={postgres.url}"],
        cwd=pg_root, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert generated.returncode == 0, generated.stderr[-3000:]

    students = sorted(honest.expected)
    halves = [students[0::2], students[1::2]]
    graders = []
    for half in halves:
        cmd = [sys.executable, "-m", "autograder", "grade", ASSIGNMENT, "--course", str(pg_root),
               "--db-url", postgres.url, "--quiet", "--workers", "1"]  # fmt: skip
        for student in half:
            cmd += ["--student", student]
        assert postgres.password not in " ".join(cmd)
        graders.append(
            subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        )  # fmt: skip
    for grader, half in zip(graders, halves, strict=True):
        out, err = grader.communicate(timeout=900)
        assert grader.returncode == 0, out + err + postgres.log[-2000:]
        assert f"{len(half)} graded, 0 already graded (journal), 0 not gradable" in out, out + err

    assert not (pg_root / "gradebook.db").exists()
    monkeypatch.setenv("PGPASSWORD", postgres.password)
    in_postgres = question_scores(postgres.url, ASSIGNMENT)
    assert in_postgres == question_scores(sqlite_url, ASSIGNMENT)
    assert in_postgres["solution"] == honest.expected["solution"]  # full marks, not empty
    assert totals(postgres.url, ASSIGNMENT) == totals(sqlite_url, ASSIGNMENT)
    assert len(totals(postgres.url, ASSIGNMENT)) == len(students)
    # The password lives only in the environment: no record the grader wrote holds it.
    for path in pg_root.rglob("*"):
        if path.is_file() and path.stat().st_size < 5_000_000:
            assert postgres.password.encode() not in path.read_bytes(), path
