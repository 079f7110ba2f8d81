"""The instructor's commands: what the docs tell an instructor to type, and what they get.

`python -m autograder` finds the course in a clone, puts its own `bin` on PATH (nbgrader
starts `alembic` by name), names what to install when the grading tools are missing, and
says what to configure when `collect` has no exchange. Every `python -m autograder`,
`nbgrader` and `make` command in the README and the instructor docs parses, names a real
assignment and a real make target.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from autograder import cli
from tests.autograder.conftest import FIXTURES

REPO = Path(__file__).resolve().parents[2]
DOCS = [
    "README.md",
    "book/instructor/00-instructor-guide.md",
    "instructor/02-running-the-course.md",
    "docs/grading.md",
]
ASSIGNMENTS = {p.name for p in (REPO / "exercises" / "source").iterdir() if p.is_dir()}
MAKE_TARGETS = set(re.findall(r"^([a-z-]+):", (REPO / "Makefile").read_text(), re.M))


def test_the_course_defaults_to_the_clones_exercises(tmp_path):
    assert cli.default_course(tmp_path) == REPO / "exercises"
    course = tmp_path / "course"
    shutil.copytree(FIXTURES / "course", course)
    assert cli.default_course(course) == course  # a course folder is used as it is


def test_the_environments_own_bin_comes_first_on_path(monkeypatch):
    own = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", os.pathsep.join(["/usr/bin", own, "/bin"]))
    cli.with_own_bin_on_path()
    assert os.environ["PATH"].split(os.pathsep) == [own, "/usr/bin", "/bin"]


def test_missing_grading_tools_say_what_to_install(monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "nbgrader" else real(name, *a)
    )
    assert cli.main(["grade", "ps1_market"]) == 2
    err = capsys.readouterr().err
    assert "nbgrader" in err and "make course" in err and "Traceback" not in err


def test_collect_without_an_exchange_says_what_to_configure(tmp_path, capsys):
    if Path("/srv/nbgraderexchange").is_dir():
        pytest.skip("this machine has nbgrader's default exchange folder")
    course = tmp_path / "course"
    shutil.copytree(FIXTURES / "course", course)
    assert cli.main(["collect", "ps1", "--course", str(course)]) == 2
    err = capsys.readouterr().err
    assert "c.Exchange.root" in err and "nbgrader_config.py" in err and "--zip" in err


def _shell_lines(path: Path) -> list[str]:
    """Each command line of the fenced bash/shell blocks in a Markdown file."""
    lines, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        fence = line.strip()
        if fence.startswith("```"):
            inside = not inside and fence[3:].strip() in ("bash", "sh", "shell", "console")
            continue
        if inside and line.strip() and not line.lstrip().startswith("#"):
            lines.append(line.split(" #")[0].strip().removeprefix("$ "))
    return lines


INLINE = re.compile(
    r"`([^`\n]*(?:python -m autograder \w|nbgrader \w+_assignment |make [a-z])[^`\n]*)`"
)


def _inline_commands(path: Path) -> list[str]:
    """Commands quoted in the prose and tables (`python -m autograder grade ps1_market`)."""
    return [m.group(1) for m in INLINE.finditer(path.read_text(encoding="utf-8"))]


def _doc_commands() -> list[tuple[str, str]]:
    return [
        (doc, line)
        for doc in DOCS
        for line in _shell_lines(REPO / doc) + _inline_commands(REPO / doc)
    ]


def test_the_docs_have_shell_blocks_to_check():
    docs = {doc for doc, _ in _doc_commands()}
    assert docs == set(DOCS), f"no fenced bash block in {set(DOCS) - docs}"


@pytest.mark.parametrize("doc,line", _doc_commands())
def test_every_documented_command_names_real_things(doc, line):
    words = shlex.split(line.rstrip("\\"))
    for i, word in enumerate(words):
        if word == "make" and i + 1 < len(words):
            assert words[i + 1] in MAKE_TARGETS, f"{doc}: no make target {words[i + 1]!r}"
        if word.endswith("nbgrader") and i + 2 < len(words) and "assignment" in words[i + 1]:
            assert words[i + 2] in ASSIGNMENTS, f"{doc}: no assignment {words[i + 2]!r}"
        if word == "-m" and i + 1 < len(words) and words[i + 1] == "autograder":
            args = words[i + 2 :]
            if args and args[0] not in ("--help", "--version"):
                parsed = cli.build_parser().parse_args(args)
                assert parsed.assignment in ASSIGNMENTS, (
                    f"{doc}: no assignment {parsed.assignment!r}"
                )


def _readme_recipe() -> list[str]:
    """The instructor block of the README, the one recipe the instructor docs repeat."""
    blocks, current, inside = [], [], False
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if inside:
                blocks.append(current)
            inside, current = line.strip() == "```bash", []
        elif inside and line.strip():
            current.append(line.split("  #")[0].strip())
    return next(b for b in blocks if "make course" in b)


@pytest.mark.slow
def test_the_readme_recipe_runs_as_written_in_a_fresh_clone(tmp_path):
    """Every line of the README's instructor block, run by bash in a clone of the repository.

    `make course` itself is timed separately (it installs into a new .venv); here the clone
    links the project's .venv so nothing is reinstalled. One blank release notebook is
    submitted before `grade`, so grading, feedback, export and report have a student.
    """
    import subprocess

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=300)
    (clone / ".venv").symlink_to(REPO / ".venv")
    env = dict(os.environ)
    shared = REPO.parent / "shared" / "data"
    if "GLOBALSOURCING_DATA_DIR" not in env and shared.is_dir():
        env["GLOBALSOURCING_DATA_DIR"] = str(shared)
    ran = []
    for line in _readme_recipe():
        if line == "make course":
            continue
        if " autograder grade " in f" {line} ":
            release = clone / "exercises" / "release" / "ps1_market" / "ps1_market.ipynb"
            target = clone / "exercises" / "submitted" / "s01" / "ps1_market"
            target.mkdir(parents=True)
            shutil.copy(release, target / "ps1_market.ipynb")
            (target / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
        done = subprocess.run(
            ["bash", "-c", line], cwd=clone, env=env, capture_output=True, text=True, timeout=900
        )
        ran.append(line)
        if " collect ps1_market" in line and "--zip" not in line:
            # No exchange on this machine: the documented command says what to configure.
            assert done.returncode == 2 and "c.Exchange.root" in done.stderr, done.stderr
            continue
        assert done.returncode == 0, f"{line}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        if " grade " in line:
            assert "s01" in done.stdout and "/ 16" in done.stdout, done.stdout  # the totals table
    assert any("generate_assignment ps1_market" in r for r in ran)
    canvas = (clone / "grades" / "ps1_market.csv").read_text().splitlines()
    assert canvas[0].startswith("Student,ID,SIS User ID,SIS Login ID,Section,ps1_market")
    assert (clone / "grades" / "ps1_market-status.csv").exists()
    assert (clone / "exercises" / "feedback" / "s01" / "ps1_market" / "ps1_market.html").exists()
    assert (clone / "reports" / "ps1_market-items.html").exists()
