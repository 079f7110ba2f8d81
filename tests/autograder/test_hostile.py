"""The hostile-submission suite: every scenario ends with the right score or a clear reason.

All scenarios are graded in one run (two workers, a 3-second cell limit), then each
test checks one scenario's outcome.  Scores are (q1, q2, q3, q4) out of (2, 1, 2, 2).
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.course import Course
from autograder.feedback import feedback
from autograder.grade import grade
from autograder.sandbox import Limits

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
SUBMISSIONS = Path(__file__).parent / "fixtures" / "submissions"
FULL = (2.0, 1.0, 2.0, 2.0)

# scenario -> (expected test scores, a phrase that must appear in the warnings/messages or None)
EXPECTED = {
    "correct": (FULL, None),
    "partly-wrong": ((2.0, 0.0, 0.0, 2.0), "A hidden test failed"),
    "unanswered": ((0.0, 0.0, 0.0, 0.0), "NotImplementedError"),
    "syntax-error": ((0.0, 1.0, 2.0, 2.0), "cost_per_fte"),
    "runtime-error-in-answer": ((2.0, 1.0, 0.0, 2.0), "fee_by_country"),
    "hardcoded-passes-visible-fails-hidden": ((0.0, 0.0, 2.0, 2.0), "A hidden test failed"),
    "test-cell-deleted": (FULL, "test cell 'q1_test' was deleted"),
    "test-cell-edited": ((2.0, 0.0, 2.0, 2.0), "test cell 'q2_test' was modified"),
    "test-cell-duplicated": ((2.0, 0.0, 2.0, 2.0), "appears more than once"),
    "test-cell-points-raised": (FULL, None),
    "forged-grade-cell": ((2.0, 0.0, 2.0, 2.0), "'bonus' is not a graded cell"),
    "test-cell-retyped": ((2.0, 0.0, 2.0, 2.0), "test cell 'q2_test' was modified"),
    "answer-cell-retyped": (FULL, "changed to markdown"),
    "answer-cell-deleted": ((2.0, 1.0, 0.0, 2.0), "'q3_answer' was deleted"),
    "builtins-monkeypatched": ((0.0, 0.0, 0.0, 0.0), None),
    "helpers-monkeypatched": ((0.0, 0.0, 0.0, 2.0), None),
    "shadowed-imports": ((0.0, 1.0, 0.0, 2.0), None),
    "always-equal-object": ((2.0, 0.0, 2.0, 2.0), None),
    "fake-output": ((2.0, 1.0, 2.0, 0.0), None),
    "sys-exit": (FULL, None),
    "os-exit": ((2.0, 0.0, 0.0, 0.0), "ended the process"),
    "infinite-loop-top-level": ((2.0, 0.0, 2.0, 2.0), "interrupted"),
    "infinite-loop-in-function": ((0.0, 1.0, 2.0, 2.0), "ran longer than"),
    "ignores-interrupt": ((2.0, 1.0, 0.0, 0.0), "ignored the interrupt"),
    "memory-hog": (FULL, None),
    "fork-and-threads": (FULL, None),
    "network-exfiltration": (FULL, None),
    "reads-hidden-tests": (FULL, None),
    "writes-outside-its-folder": (FULL, None),
    "gradebook-tamper": (FULL, None),
    "huge-output": (FULL, None),
    "kills-the-grader": (FULL, None),
    "segfault": ((2.0, 1.0, 0.0, 0.0), "segmentation fault"),
    "stderr-noise": (FULL, None),
    "renamed-notebook": (FULL, "submitted as 'ps1 (1).ipynb'"),
}
UNGRADABLE = {
    "corrupt-json": "broken JSON",
    "wrong-assignment": "none of the graded cells",
}
HIDDEN_SOURCE = [
    'assert cheapest_vendor == "Manila BPO"',
    "pd.testing.assert_series_equal(fee_by_country, expected)",
]


def test_every_fixture_has_an_expectation():
    names = {p.name for p in SUBMISSIONS.iterdir() if p.is_dir()}
    assert names == set(EXPECTED) | set(UNGRADABLE)
    assert len(names) >= 25


@pytest.fixture(scope="module")
def graded(generated_course, tmp_path_factory, submit_scenario):
    import shutil

    root = tmp_path_factory.mktemp("hostile") / "course"
    shutil.copytree(generated_course, root)
    received: list[bytes] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            received.append(conn.recv(100))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    for scenario in list(EXPECTED) + list(UNGRADABLE):
        submit_scenario(root, scenario, port=server.getsockname()[1])
    course = Course.load(root)
    summary = grade(
        course, "ps1", workers=2, limits=Limits(cell_timeout=3, total_timeout=60), progress=False
    )
    stop.set()
    thread.join(2)
    server.close()
    feedback(course, "ps1")
    return {"root": root, "course": course, "summary": summary, "received": received}


def _text(nb) -> str:
    parts = list(nb.warnings) + [c.message for c in nb.cells]
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_scenario_scores(graded, scenario):
    scores, phrase = EXPECTED[scenario]
    nb = graded["summary"].results[scenario].notebooks["ps1"]
    assert nb.status == "graded"
    got = tuple(c.score for c in nb.cells if c.kind == "test")
    assert got == scores
    if phrase:
        assert phrase in _text(nb)


@pytest.mark.slow
@pytest.mark.parametrize("scenario", sorted(UNGRADABLE))
def test_ungradable_submissions_get_a_reason_not_a_silent_zero(graded, scenario):
    assert UNGRADABLE[scenario] in graded["summary"].errors[scenario]
    gb = Gradebook(graded["course"].db_url)
    try:
        grades = gb.find_submission("ps1", scenario).notebooks[0].grades
        assert all(g.auto_score is None and g.needs_manual_grade for g in grades)
    finally:
        gb.close()


@pytest.mark.slow
def test_scores_in_gradebook_use_instructor_points(graded):
    gb = Gradebook(graded["course"].db_url)
    try:
        sub = gb.find_submission("ps1", "test-cell-points-raised")
        assert sub.max_score == 9.0
        assert sub.score == 7.0
        assert gb.find_submission("ps1", "correct").score == 7.0
        # no score was written by student code
        assert all(
            g.manual_score is None
            for s in gb.assignment_submissions("ps1")
            for n in s.notebooks
            for g in n.grades
        )
    finally:
        gb.close()


@pytest.mark.slow
def test_sandbox_blocked_network_and_escape(graded, repo_root):
    assert graded["received"] == []
    for path in (
        str(repo_root / "autograder" / "PWNED.txt"),
        str(repo_root / "PWNED.txt"),
        "/tmp/PWNED-by-student.txt",
    ):
        assert not Path(path).exists()
    assert not list(graded["root"].rglob("PWNED.txt"))
    outputs = graded["summary"].results["fork-and-threads"].notebooks["ps1"].outputs
    text = "".join(o.stdout for o in outputs)
    assert "allowed" not in text
    leak = graded["summary"].results["reads-hidden-tests"].notebooks["ps1"].outputs
    assert "found []" in "".join(o.stdout for o in leak)


@pytest.mark.slow
def test_huge_output_is_capped(graded):
    outputs = graded["summary"].results["huge-output"].notebooks["ps1"].outputs
    assert sum(len(o.stdout) for o in outputs) < 250_000


@pytest.mark.slow
def test_feedback_never_shows_hidden_tests(graded):
    pages = list((graded["root"] / "feedback").rglob("*.html"))
    assert len(pages) == len(EXPECTED) + len(UNGRADABLE)
    for page in pages:
        html = page.read_text()
        for secret in HIDDEN_SOURCE:
            assert secret not in html and secret.replace('"', "&quot;") not in html, page
    partly = (graded["root"] / "feedback" / "partly-wrong" / "ps1" / "ps1.html").read_text()
    assert "A hidden test failed (AssertionError)." in partly
    corrupt = (graded["root"] / "feedback" / "corrupt-json" / "ps1" / "ps1.html").read_text()
    assert "could not be graded" in corrupt and "broken JSON" in corrupt


@pytest.mark.slow
def test_autograded_notebooks_keep_instructor_tests_for_formgrader(graded):
    import nbformat

    nb = nbformat.read(
        graded["root"] / "autograded" / "test-cell-edited" / "ps1" / "ps1.ipynb", as_version=4
    )
    test = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q2_test")
    assert HIDDEN_SOURCE[0] in test.source
    assert test.metadata["nbgrader"]["points"] == 1.0
