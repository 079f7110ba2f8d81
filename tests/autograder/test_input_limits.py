"""Limits where data enters (issue 14, items 4 and 6): zips, notebook folders, records.

collect streams zip members with a cap and refuses links and unsafe student ids; grading
reads notebooks with a cap and bounded memory; results, feedback, export and the
terminal never turn hostile text or a gradebook error into something else.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.cli import main
from autograder.collect import collect_zip
from autograder.course import REPO_ROOT, Course
from autograder.feedback import render
from autograder.intake import read_notebooks, read_timestamp
from autograder.outcome import SubmissionResult
from autograder.status_rows import QuestionRow, RowStatus, collect_rows
from autograder.terminal import clean

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
CORRECT = (
    Path(__file__).parent / "fixtures" / "submissions" / "correct" / "ps1.ipynb"
).read_bytes()


def _zip_with_big_member(path: Path, megabytes: int) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("doejane_4711_99812_ps1.ipynb", CORRECT)
        with zf.open("bigbob_5151_99813_ps1.ipynb", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(block)


def test_collect_refuses_a_300_mb_member_without_reading_it_into_memory(
    course_dir, tmp_path, monkeypatch
):
    archive = tmp_path / "canvas.zip"
    _zip_with_big_member(archive, 300)
    assert archive.stat().st_size < 2_000_000  # a small zip that unpacks to 300 MB

    def whole_member(*args, **kwargs):
        raise AssertionError("collect read a whole zip member into memory")

    monkeypatch.setattr(zipfile.ZipFile, "read", whole_member)
    got = collect_zip(Course.load(course_dir), "ps1", archive, "canvas")
    assert [c.student for c in got] == ["4711"]
    assert "larger than 50 MB unpacked (limit)" in got.refused["bigbob_5151_99813_ps1.ipynb"]
    assert not (course_dir / "submitted" / "5151").exists()


def test_the_cap_is_a_setting_and_a_refused_member_leaves_nothing(course_dir, tmp_path):
    archive = tmp_path / "canvas.zip"
    _zip_with_big_member(archive, 3)
    got = collect_zip(Course.load(course_dir), "ps1", archive, "canvas", max_mb=1)
    assert "larger than 1 MB unpacked (limit)" in got.refused["bigbob_5151_99813_ps1.ipynb"]
    assert not (course_dir / "submitted" / "5151").exists()


def test_collect_refuses_links_in_the_zip_and_unsafe_student_ids(course_dir, tmp_path):
    archive = tmp_path / "canvas.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("doejane_4711_99812_ps1.ipynb", CORRECT)
        link = zipfile.ZipInfo("linky_5151_99813_ps1.ipynb")
        link.external_attr = 0o120777 << 16  # a symbolic link entry
        zf.writestr(link, "/etc/passwd")
        zf.writestr("dotty_6262_99814_ps1.ipynb", CORRECT)
    roster = tmp_path / "roster.csv"
    roster.write_text("lms_id,student_id\n6262,../../escaped\n")
    got = collect_zip(Course.load(course_dir), "ps1", archive, "canvas", roster)
    assert [c.student for c in got] == ["4711"]
    assert "symbolic link" in got.refused["linky_5151_99813_ps1.ipynb"]
    assert "starts with '.'" in got.refused["dotty_6262_99814_ps1.ipynb"]
    assert not (course_dir.parent / "escaped").exists()


def test_collect_never_writes_through_a_planted_link(course_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (course_dir / "submitted").mkdir()
    (course_dir / "submitted" / "4711").symlink_to(elsewhere)
    archive = tmp_path / "canvas.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("doejane_4711_99812_ps1.ipynb", CORRECT)
        zf.writestr("roeric_5151_99813_ps1.ipynb", CORRECT)
    got = collect_zip(Course.load(course_dir), "ps1", archive, "canvas")
    assert [c.student for c in got] == ["5151"]
    assert "is a symbolic link, not a folder" in got.refused["doejane_4711_99812_ps1.ipynb"]
    assert list(elsewhere.iterdir()) == []


def test_the_collect_command_names_refusals_and_exits_non_zero(course_dir, tmp_path, capsys):
    archive = tmp_path / "canvas.zip"
    _zip_with_big_member(archive, 60)
    code = main(["collect", "ps1", "--course", str(course_dir), "--zip", str(archive)])
    out, err = capsys.readouterr()
    assert code == 1 and "collected 1 notebooks" in out
    assert "refused bigbob_5151_99813_ps1.ipynb: larger than 50 MB unpacked (limit)" in err


def test_a_folder_of_junk_notebooks_costs_bounded_memory(tmp_path):
    for i in range(40):
        with (tmp_path / f"junk{i:02}.ipynb").open("wb") as fh:
            fh.truncate(49 * 1024 * 1024)
    read = read_notebooks(tmp_path, ["ps1.ipynb"])
    assert sum(len(b) for b in read.files.values()) <= 50 * 1024 * 1024
    assert len(read.files) + len(read.refused) == 40
    assert all("exceed 50 MB in total" in r for r in read.refused.values())


def test_grading_a_folder_of_junk_notebooks_stays_small(course_dir):
    folder = course_dir / "submitted" / "junk" / "ps1"
    folder.mkdir(parents=True)
    for i in range(40):
        with (folder / f"junk{i:02}.ipynb").open("wb") as fh:
            fh.truncate(49 * 1024 * 1024)
    grader = (
        "import resource, subprocess, sys\n"
        "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(run.stdout)"
    )
    cmd = [sys.executable, "-c", grader, sys.executable, "-m", "autograder", "grade", "ps1",
           "--course", str(course_dir), "--quiet"]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=True).stdout
    code, peak_kb = (int(x) for x in out.splitlines()[0].split())
    assert code == 1 and "junk: ps1: ps1.ipynb was not submitted" in out, out
    assert "(the notebooks here exceed 50 MB in total) and 38 more" in out, out
    assert peak_kb < 900 * 1024, f"peak memory {peak_kb // 1024} MB"  # was 2.1 GB


def test_a_notebook_read_is_capped_and_a_timestamp_never_blocks(tmp_path):
    with (tmp_path / "ps1.ipynb").open("wb") as fh:
        fh.truncate(3 * 1024 * 1024)
    read = read_notebooks(tmp_path, ["ps1.ipynb"], max_mb=2)
    assert read.files == {} and read.refused["ps1.ipynb"] == (
        "refused: ps1.ipynb is larger than 2 MB (limit)"
    )
    os.mkfifo(tmp_path / "timestamp.txt")  # no writer: a blocking open would hang here
    assert read_timestamp(tmp_path) == (None, "timestamp.txt ignored: it is a named pipe")


def test_terminal_text_is_cleaned():
    assert clean("ok\x1b[2J\x9b\u202e\nx") == "ok\\x1b[2J\\x9b\\u202e\\x0ax"
    assert clean("Zoë 10/12") == "Zoë 10/12"


class _Row:
    status_text = "graded"
    questions = [
        QuestionRow("q1_test", "ps1", 2.0, 0.0, RowStatus.GRADED, "<script>alert(1)</script>")
    ]


def test_feedback_escapes_everything_a_student_wrote():
    entry = {
        "assignment": "ps1",
        "student": "<b>eve</b>",
        "submission_hash": "x",
        "notebooks": {
            "ps1": {
                "status": "graded",
                "warnings": ["<img src=x onerror=alert(2)>"],
                "outputs": [
                    {
                        "kind": "markdown",
                        "cell_type": "markdown",
                        "source": "</pre><script>alert(3)</script>",
                    },
                    {
                        "kind": "student",
                        "cell_type": "code",
                        "ok": True,
                        "source": "print('<iframe>')",
                        "stdout": "<iframe>",
                        "grade_id": None,
                    },  # fmt: skip
                ],
            }
        },
    }
    page = render(SubmissionResult.from_json(entry), "ps1", _Row())
    for raw in ("<script>", "<img", "<iframe>", "<b>eve"):
        assert raw not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;eve&lt;/b&gt;" in page


def test_a_gradebook_error_is_raised_never_a_zero(course_dir, monkeypatch):
    course = Course.load(course_dir)
    with Gradebook(course.db_url) as gb:
        gb.add_student("alice")

    def broken(self, assignment, student):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(Gradebook, "find_submission", broken)
    with pytest.raises(RuntimeError, match="database is locked"):
        collect_rows(course, "ps1")


def test_export_without_output_prints_and_writes_no_file(course_dir, capsys, monkeypatch):
    with Gradebook(Course.load(course_dir).db_url) as gb:
        gb.add_student("alice")
    monkeypatch.chdir(course_dir)
    before = sorted(p for p in course_dir.rglob("*"))
    assert main(["export", "ps1", "--course", str(course_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["student_id"] == "alice" and rows[0]["status"] == "not submitted"
    assert sorted(p for p in course_dir.rglob("*")) == before


RECORDS = ["exercises/.autograder/ps1/alice.json", "exercises/submitted/alice/ps1/ps1.ipynb",
           "exercises/autograded/alice/ps1/ps1.ipynb", "exercises/feedback/alice/ps1/ps1.html",
           "exercises/release/ps1/ps1.ipynb", "exercises/gradebook.db", "exercises/grades.csv",
           "exercises/exports/ps1.csv", "exercises/reports/ps1-items.html"]  # fmt: skip


@pytest.fixture(scope="module")
def repo_ignores(tmp_path_factory) -> Path:
    """An empty git repository with this repository's .gitignore (works from a tarball too)."""
    repo = tmp_path_factory.mktemp("ignores")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".gitignore").write_bytes((REPO_ROOT / ".gitignore").read_bytes())
    return repo


@pytest.mark.parametrize("path", RECORDS)
def test_grading_records_are_git_ignored(path, repo_ignores):
    run = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=repo_ignores)
    assert run.returncode == 0, f"{path} is not git-ignored"


def test_exchange_collect_copies_links_as_links_so_grade_refuses_them(course_dir, tmp_path):
    from autograder.collect import collect_exchange
    from autograder.intake import find_submissions

    stamp = "2026-11-20 10:00:00.000000 UTC"
    inbound = tmp_path / "exchange" / "globalsourcing-fixture" / "inbound"
    source = course_dir / "source" / "ps1"
    for student in ("alice", "bob"):
        folder = inbound / f"{student}+ps1+{stamp}+r{student}"
        folder.mkdir(parents=True)
        (folder / "timestamp.txt").write_text(stamp)
    (inbound / f"alice+ps1+{stamp}+ralice" / "ps1.ipynb").write_bytes(CORRECT)
    (inbound / f"bob+ps1+{stamp}+rbob" / "ps1.ipynb").symlink_to(source / "ps1.ipynb")
    (inbound / f"eve+ps1+{stamp}+reve").symlink_to(source)  # the whole folder is a link
    config = course_dir / "nbgrader_config.py"
    config.write_text(config.read_text() + f'\nc.Exchange.root = "{tmp_path / "exchange"}"\n')

    collect_exchange(Course.load(course_dir), "ps1")
    submitted = course_dir / "submitted"
    assert (submitted / "alice" / "ps1" / "ps1.ipynb").read_bytes() == CORRECT
    assert (submitted / "bob" / "ps1" / "ps1.ipynb").is_symlink()
    assert (submitted / "eve" / "ps1").is_symlink()
    folders = find_submissions(course_dir, "ps1")
    assert folders.refused == {"eve": "refused: the submission folder ps1 is a symbolic link"}
    bob = read_notebooks(folders.found["bob"], ["ps1.ipynb"])
    assert bob.files == {} and "is a symbolic link" in bob.refused["ps1.ipynb"]


def test_a_student_folder_that_cannot_be_examined_is_refused_not_fatal(tmp_path, monkeypatch):
    from autograder.intake import find_submissions

    for student in ("alice", "bob"):
        (tmp_path / "submitted" / student / "ps1").mkdir(parents=True)
    real = os.lstat

    def denied_for_bob(path, *args, **kwargs):
        if "bob" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", denied_for_bob)
    folders = find_submissions(tmp_path, "ps1")
    assert list(folders.found) == ["alice"]
    assert "could not be examined" in folders.refused["bob"]
