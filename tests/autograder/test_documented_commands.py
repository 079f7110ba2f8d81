"""Every shell command in the README and the instructor docs is run by a test, or says why not.

The fast test reads each fenced ``bash`` block of the documents and fails on a command line
that is neither run here nor listed in ``NOT_RUN`` with the test or build that covers it, so
a command added to the docs is a tested command from the start. The slow test clones the
repository (linking the project's ``.venv``, as ``make course`` would have made it) and runs
the blocks of each document top to bottom in one bash session, as a reader following the page
would, with students' submissions dropped in where the page says they arrive.

The README's instructor block has its own runner in ``test_instructor_commands.py``; the
learner's lines are run against the installed wheel in ``tests/globalsourcing/test_learner.py``.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCS = [
    "README.md",
    "book/instructor/00-instructor-guide.md",
    "instructor/02-running-the-course.md",
    "docs/grading.md",
    "docs/exercises.md",
]
#: The documents whose blocks the slow test runs, in this order (state carries over: the
#: course of docs/grading.md is the one the running-the-course page then releases from).
RUN_HERE = ["docs/grading.md", "instructor/02-running-the-course.md", "docs/exercises.md"]

_README_RECIPE = (
    "test_instructor_commands.py::test_the_readme_recipe_runs_as_written_in_a_fresh_clone"
)
_SETUP_TABLE = "timed in a scratch clone for the README's 'How long each setup takes' table"
#: Command lines no test here runs as written, and what covers each instead.
NOT_RUN = {
    "make book": f"a full site build: {_SETUP_TABLE}; CI's make test runs it (.ci/run)",
    "make test": "the whole suite, this test included: CI runs it (.ci/run)",
    "make course": f"installs a new .venv: {_SETUP_TABLE}; the clones here link the project's "
    ".venv, installed from the same requirements.lock",
    "make instructor": "builds the instructor edition: make test runs "
    "scripts/build_instructor_edition.sh before the site tests",
    'pip install "globalsourcing[lab] @ git+https://github.com/globalsourcing/globalsourcing"': (
        "needs the published repository: test_learner.py installs the built wheel into a "
        "fresh venv and runs the README's learner lines there"
    ),
    "python -m globalsourcing copy --to my-course": "run against the installed wheel by "
    "test_learner.py::test_the_readmes_learner_lines_run_against_the_installed_wheel",
    "jupyter lab my-course": "starts a server that waits for a browser; the wheel test runs "
    "the copied notebooks with a kernel instead",
    "git clone {{ repository_url }} globalsourcing && cd globalsourcing": "the page's "
    "template for the repository address; the scratch clone here is that step",
    "cd <clone>": "a placeholder for the reader's clone; the session starts there",
    "export GLOBALSOURCING_DATA_DIR=/path/to/data-mirror": "a placeholder path; the session "
    "sets the variable to the project's mirror",
    "dask scheduler --host 10.0.0.5": "names the machines of a cluster; "
    "test_resilience.py grades through the dask backend on a local cluster",
    "DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker tcp://10.0.0.5:8786": "as above",
    ".venv/bin/python -m autograder grade ps1_market --course exercises --scheduler "
    "tcp://10.0.0.5:8786": "as above",
    "export PGPASSWORD=...": "a placeholder password for a database server; "
    "test_postgres_gradebook.py grades into a PostgreSQL server it starts",
    ".venv/bin/python -m autograder grade ps1_market --course exercises --db-url "
    "postgresql+psycopg://grader@db.example.org/gradebook --student 'a*'": "as above",
    ".venv/bin/pytest tests/autograder": "the test suite itself",
    '.venv/bin/pytest tests/autograder -m "not slow"': "the test suite itself",
    ".venv/bin/pytest tests/exercises/test_source_notebooks.py tests/globalsourcing/"
    "test_check.py": "the test suite itself",
    ".venv/bin/pytest tests/exercises/test_roundtrip.py -k ps5": "the test suite itself",
    ".venv/bin/pytest tests/exercises/test_roundtrip.py": "the test suite itself",
}


def shell_blocks(path: Path) -> list[list[str]]:
    """The command lines of each fenced bash/sh block, continuation lines joined, comments cut."""
    blocks, current, inside = [], [], False
    pending = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        fence = line.strip()
        if fence.startswith("```"):
            if inside:
                blocks.append(current)
            inside = not inside and fence[3:].strip() in ("bash", "sh", "shell", "console")
            current, pending = [], ""
            continue
        if not inside or not fence or fence.startswith("#"):
            continue
        command = re.split(r"\s+#\s", line, maxsplit=1)[0].strip().removeprefix("$ ")
        if command.endswith("\\"):
            pending += command[:-1].strip() + " "
            continue
        current.append(" ".join((pending + command).split()))
        pending = ""
    return blocks


def _commands(doc: str) -> list[str]:
    return [line for block in shell_blocks(REPO / doc) for line in block]


def _key(line: str) -> str:
    return " ".join(line.split())


def _readme_instructor_block() -> list[str]:
    return next(b for b in shell_blocks(REPO / "README.md") if "make course" in b)


def test_every_documented_command_is_run_or_says_what_covers_it():
    covered_elsewhere = {_key(line) for line in _readme_instructor_block()}
    unaccounted = [
        f"{doc}: {line}"
        for doc in DOCS
        for line in _commands(doc)
        if doc not in RUN_HERE and _key(line) not in covered_elsewhere and _key(line) not in NOT_RUN
    ]
    assert not unaccounted, (
        "commands in the docs that no test runs: run them in this module's session "
        "(RUN_HERE) or add them to NOT_RUN with what covers them"
    )
    stale = [
        line
        for line in NOT_RUN
        if not any(_key(line) == _key(c) for d in DOCS for c in _commands(d))
    ]
    assert not stale, f"NOT_RUN names commands no document has any more: {stale}"


def test_the_block_reader_joins_continuations_and_drops_comments(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text(
        "```bash\n# a comment\nmake course   # trailing\nrun --a \\\n    --b 'x y'\n```\n"
        "```python\nprint(1)\n```\n"
    )
    assert shell_blocks(doc) == [["make course", "run --a --b 'x y'"]]


TIMESTAMP = "2026-11-20 10:00:00.000000 UTC"


def _hooks(clone: Path, exchange: Path) -> list[tuple[str, str]]:
    """(a command line starts with this, bash to run just before it): the students' part."""
    release = "exercises/release/ps1_market/ps1_market.ipynb"
    inbound = exchange / "globalsourcing" / "inbound" / f"s01+ps1_market+{TIMESTAMP}+a1b2"
    canvas = (
        "import zipfile; z = zipfile.ZipFile('canvas.zip', 'w'); "
        f"z.write('{release}', 'doejane_4711_99812_ps1_market.ipynb'); z.close()"
    )
    student = clone.parent / "student"
    nbgrader = f"{clone}/.venv/bin/nbgrader"
    to_exchange = f"--Exchange.root={shlex.quote(str(exchange))}"
    return [
        # s01 submits PS1 through the exchange; s02's copy arrives in a Canvas download.
        (
            ".venv/bin/python -m autograder collect ps1_market",
            f"mkdir -p {shlex.quote(str(inbound))} && cp {release} {shlex.quote(str(inbound))}/ "
            f"&& echo '{TIMESTAMP}' > {shlex.quote(str(inbound))}/timestamp.txt "
            f"&& {clone}/.venv/bin/python -c {shlex.quote(canvas)} "
            "&& printf 'lms_id,student_id\\n4711,s02\\n' > roster.csv",
        ),
        # After the release, a student fetches PS5 and submits it untouched.
        (
            "nbgrader collect ps5_tco",
            f"mkdir -p {student} && (cd {student} && {nbgrader} fetch_assignment ps5_tco "
            f"--course globalsourcing {to_exchange} && {nbgrader} submit ps5_tco "
            f"--course globalsourcing {to_exchange})",
        ),
    ]


def _script(doc: str, clone: Path, exchange: Path) -> str:
    hooks = _hooks(clone, exchange)
    out = ["set -eo pipefail", f"cd {shlex.quote(str(clone))}"]
    for n, line in enumerate(_commands(doc)):
        if _key(line) in NOT_RUN:
            out.append(f"# not run here: {line}")
            continue
        for start, bash in hooks:
            if _key(line).startswith(start):
                out.append(bash)
        out.append(f"echo '>>> {n}: {line.replace(chr(39), '')}'")
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.slow
@pytest.mark.skipif(
    not (REPO.parent / "shared" / "data").is_dir() and "GLOBALSOURCING_DATA_DIR" not in os.environ,
    reason="needs the data mirror for the exercises' setup cells",
)
def test_the_instructor_docs_run_as_written_in_a_fresh_clone(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=300)
    (clone / ".venv").symlink_to(REPO / ".venv")
    # The exchange the docs tell an instructor to configure (c.Exchange.root).
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    config = clone / "exercises" / "nbgrader_config.py"
    config.write_text(config.read_text() + f'\nc.Exchange.root = "{exchange}"\n')
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env.setdefault("GLOBALSOURCING_DATA_DIR", str(REPO.parent / "shared" / "data"))
    # The project's bin is not on PATH: each page says when to put it there.
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(REPO / ".venv"))
    )
    for doc in RUN_HERE:
        script = _script(doc, clone, exchange)
        if doc == "docs/exercises.md":
            # The page: "the virtual environment's bin/ must be on PATH" for nbgrader.
            script = f'export PATH="{clone}/.venv/bin:$PATH"\n' + script
        done = subprocess.run(
            ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=1800
        )
        last = [line for line in done.stdout.splitlines() if line.startswith(">>> ")]
        assert done.returncode == 0, (
            f"{doc}: failed at {last[-1] if last else 'the start'}\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
        assert len(last) == sum(_key(c) not in NOT_RUN for c in _commands(doc)), done.stdout

    # docs/grading.md: both students collected, graded, fed back, exported and reported.
    for student in ("s01", "s02"):
        assert (clone / "exercises" / "submitted" / student / "ps1_market").is_dir(), student
        page = clone / "exercises" / "feedback" / student / "ps1_market" / "ps1_market.html"
        assert page.exists(), student
    canvas = (clone / "grades" / "ps1_market.csv").read_text().splitlines()
    assert canvas[0].startswith("Student,ID,SIS User ID,SIS Login ID,Section,ps1_market")
    assert any(",4711," in row for row in canvas), canvas  # the roster's Canvas id
    assert (clone / "reports" / "ps1_market-items.png").read_bytes()[:4] == b"\x89PNG"
    # The running-the-course page: released, fetched, submitted, collected; quizzes exported.
    assert (exchange / "globalsourcing" / "outbound" / "ps5_tco").is_dir()
    assert list((clone / "exercises" / "submitted").glob("*/ps5_tco/ps5_tco.ipynb"))
    for name in ("globalsourcing-quizzes.xml", "lessons.xml", "selective.xml"):
        xml = (clone / "exercises" / name).read_text()
        assert xml.startswith("<?xml") and "<quiz>" in xml, name
    # docs/exercises.md: nbgrader's own autograde of the collected submission.
    assert list((clone / "exercises" / "autograded").glob("*/ps5_tco/ps5_tco.ipynb"))
