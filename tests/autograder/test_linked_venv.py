"""A virtual environment reached through a symbolic link grades the real course in full.

Issue 14, item 1: with the interpreter's environment reached as ``.venv -> elsewhere``
inside a folder the sandbox covers, modules pandas imports lazily (such as
``pandas.core.reshape.reshape``) were missing in the student process, and the ps4
solution got 9/14 with the run reported as graded. Here the grader itself runs from
such a link, and every honest submission must get exactly its expected score.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.autograder.real_course import (
    REAL_COURSE_MARKS,
    REPO,
    grader_env,
    honest_class,
    question_scores,
)

pytestmark = REAL_COURSE_MARKS


@pytest.mark.parametrize("assignment", ["ps2_geography", "ps4_decisions"])
def test_a_grader_run_from_a_linked_environment_gives_every_expected_score(tmp_path, assignment):
    honest = honest_class(assignment, tmp_path / "base")
    # /tmp is covered by a fresh tmpfs in the sandbox, like a checkout under /work or /home.
    link = tmp_path / "checkout" / ".venv"
    link.parent.mkdir()
    link.symlink_to(Path(sys.prefix).resolve())
    python = link / "bin" / "python"
    env = grader_env()
    env["PATH"] = f"{link / 'bin'}:{env['PATH']}"
    probe = subprocess.run(
        [str(python), "-c", "import pandas, sys; print(sys.prefix); print(pandas.__file__)"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert all(line.startswith(str(link)) for line in probe.stdout.split()), probe.stdout
    run = subprocess.run(
        [str(python), "-m", "autograder", "grade", assignment, "--course", str(honest.root), "--quiet"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    students = len(honest.expected)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert f"{students} graded, 0 already graded (journal), 0 not gradable" in run.stdout
    scores = question_scores(honest.db_url, assignment)
    wrong = {
        s: (scores.get(s), want) for s, want in honest.expected.items() if scores.get(s) != want
    }
    assert not wrong, f"student -> (got, expected): {wrong}\n{run.stderr[-3000:]}"
