"""One hostile submission never stops the class (issue 14, items 2, 4 and 6).

A class of honest students is graded in one `python -m autograder grade` run together
with every hostile input: answers the codec cannot carry, replies from a patched codec
(wrong dtype, deep nesting, keys built to collide in hashing), unusable timestamp.txt
files (garbage, non-UTF-8, an impossible date, a named pipe), a student folder whose
name starts with a dot, symbolic links and special files, an oversized notebook, and
names holding terminal escape sequences.  The run must finish, exit non-zero, name each
failing submission with its reason, and leave the honest students' scores unchanged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
SUBMISSIONS = Path(__file__).parent / "fixtures" / "submissions"
FULL = {"q1_test": 2.0, "q2_test": 1.0, "q3_test": 2.0, "q4_test": 2.0}
HONEST = {
    "honest-1": ("correct", FULL),
    "honest-2": ("correct", FULL),
    "honest-3": ("partly-wrong", {**FULL, "q2_test": 0.0, "q3_test": 0.0}),
}

# The student's own codec in the sandbox is patched: `get` replies are whatever it returns.
PATCH_CODEC = """import sys
_codec = sys.modules["autograder.codec"]
_real = _codec.encode
def _patched(value, depth=0):
    if type(value) is str and value == "{marker}":
        return {reply}
    return _real(value, depth)
_codec.encode = _patched
fee_by_country = "{marker}"
"""
EXTENSION_REPLY = (
    '{"$": "series", "name": None, "index": {"$": "rangeindex", "v": [0, 1, 1], "names": [None]},'
    ' "data": {"dtype": "string[pyarrow]", "list": ["India"]}}'
)
COLLIDING_REPLY = (
    '{"$": "dict", "v": [[{"$": "int", "v": str(k * (2**61 - 1))}, 1] for k in range(1, 60000)]}'
)
# The value (1) or the whole reply carrying it is dumped as 200,000 nested lists.
DEEP_JSON = """import json
_dumps = json.dumps
def _deep(obj, **kw):
    if (type(obj) is dict and "values" in obj) or (type(obj) is int and obj == 1):
        return "[" * 200000 + "]" * 200000
    return _dumps(obj, **kw)
json.dumps = _deep
fee_by_country = 1
"""

# student -> (answer cell replaced, its new source, expected scores, phrase in the reason)
ANSWERS = {
    "module-object": (
        "q2_answer",
        'import types\ncheapest_vendor = types.ModuleType("numpy.no_such_module")',
        {**FULL, "q2_test": 0.0},
    ),
    "void-dtype": (
        "q3_answer",
        'import numpy as np\nfee_by_country = pd.Series(np.zeros(2, dtype="V8"))',
        {**FULL, "q3_test": 0.0},
    ),
    "compound-dtype": (
        "q3_answer",
        'import numpy as np\nfee_by_country = np.zeros(2, dtype=[("a", "i4"), ("b", "f8")])',
        {**FULL, "q3_test": 0.0},
    ),
    "extension-dtype": (
        "q3_answer",
        PATCH_CODEC.format(marker="x", reply=EXTENSION_REPLY),
        {**FULL, "q3_test": 0.0},
    ),
    "hash-collisions": (
        "q3_answer",
        PATCH_CODEC.format(marker="x", reply=COLLIDING_REPLY),
        {**FULL, "q3_test": 0.0},
    ),
    "deep-reply": ("q3_answer", DEEP_JSON, {**FULL, "q3_test": 0.0, "q4_test": 0.0}),
}
# Graded normally, but the timestamp is unusable: a problem the summary names.
TIMESTAMPS = {
    "stamp-garbage": (b"not a date at all", "is not a valid date"),
    "stamp-binary": (b"\xff\xfe\x00garbage", "not UTF-8"),
    "stamp-impossible": (b"2026-02-30 10:00:00 UTC", "is not a valid date"),
    "stamp-fifo": (None, "named pipe"),
}
ESCAPE_NAME = "\x1b[2J\x1b[32mALL 40 SUBMISSIONS GRADED OK"


def _notebook_with(answer: str, source: str) -> bytes:
    nb = nbformat.read(SUBMISSIONS / "correct" / "ps1.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == answer:
            cell.source = source
    return nbformat.writes(nb).encode()


def _folder(course: Path, student: str) -> Path:
    folder = course / "submitted" / student / "ps1"
    folder.mkdir(parents=True)
    return folder


def _build_class(course: Path, submit_scenario) -> None:
    for student, (scenario, _) in HONEST.items():
        submit_scenario(course, scenario, student=student)
    for student, (answer, source, _) in ANSWERS.items():
        (_folder(course, student) / "ps1.ipynb").write_bytes(_notebook_with(answer, source))
    correct = (SUBMISSIONS / "correct" / "ps1.ipynb").read_bytes()
    for student, (stamp, _) in TIMESTAMPS.items():
        folder = _folder(course, student)
        (folder / "ps1.ipynb").write_bytes(correct)
        if stamp is None:
            os.mkfifo(folder / "timestamp.txt")
        else:
            (folder / "timestamp.txt").write_bytes(stamp)
    (_folder(course, ".sneaky") / "ps1.ipynb").write_bytes(correct)
    (course / "submitted" / "linked-folder").symlink_to(course / "submitted" / "honest-1")
    (_folder(course, "linked-notebook") / "ps1.ipynb").symlink_to(
        course / "source" / "ps1" / "ps1.ipynb"
    )
    os.mkfifo(_folder(course, "fifo-notebook") / "ps1.ipynb")
    with (_folder(course, "huge-notebook") / "ps1.ipynb").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB long, no disk used
    (_folder(course, "escape-name") / f"{ESCAPE_NAME}.ipynb").write_bytes(b"{}")


REFUSED = {
    ".sneaky": "cannot start with '.'",
    "linked-folder": "student folder is a symbolic link",
    "linked-notebook": "ps1.ipynb is a symbolic link",
    "fifo-notebook": "ps1.ipynb is a named pipe",
    "huge-notebook": "ps1.ipynb is larger than 50 MB (limit)",
}


@pytest.fixture(scope="module")
def hostile_class(generated_course, tmp_path_factory, submit_scenario):
    import shutil

    course = tmp_path_factory.mktemp("hostile-class") / "course"
    shutil.copytree(generated_course, course)
    _build_class(course, submit_scenario)
    cmd = [sys.executable, "-m", "autograder", "grade", "ps1", "--course", str(course),
           "--quiet", "--workers", "2", "--timeout", "5", "--total-timeout", "60"]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    gb = Gradebook(f"sqlite:///{course / 'gradebook.db'}")
    try:
        scores = {
            sub.student_id: {g.name: g.auto_score for nb in sub.notebooks for g in nb.grades}
            for sub in gb.assignment_submissions("ps1")
        }
    finally:
        gb.close()
    journal = {
        p.stem: json.loads(p.read_text()) for p in (course / ".autograder" / "ps1").glob("*.json")
    }
    return {"run": run, "scores": scores, "journal": journal, "course": course}


def _tests_only(scores: dict) -> dict:
    return {k: v for k, v in scores.items() if k in FULL}


def test_the_run_completes_and_exits_non_zero(hostile_class):
    run = hostile_class["run"]
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr, run.stderr


@pytest.mark.parametrize("student", sorted(HONEST))
def test_honest_scores_do_not_change(hostile_class, student):
    assert _tests_only(hostile_class["scores"][student]) == HONEST[student][1]


@pytest.mark.parametrize("student", sorted(ANSWERS))
def test_a_hostile_answer_loses_only_its_own_question(hostile_class, student):
    assert _tests_only(hostile_class["scores"][student]) == ANSWERS[student][2]
    assert hostile_class["journal"][student]["notebooks"]["ps1"]["status"] == "graded"


def test_a_colliding_reply_is_refused_by_name(hostile_class):
    cells = hostile_class["journal"]["hash-collisions"]["notebooks"]["ps1"]["cells"]
    q3 = next(c for c in cells if c["grade_id"] == "q3_test")
    assert "share a hash value" in q3["message"]
    assert "does not support" in next(
        c["message"]
        for c in hostile_class["journal"]["extension-dtype"]["notebooks"]["ps1"]["cells"]
        if c["grade_id"] == "q3_test"
    )


@pytest.mark.parametrize("student", sorted(TIMESTAMPS))
def test_an_unusable_timestamp_is_named_and_the_work_still_graded(hostile_class, student):
    assert _tests_only(hostile_class["scores"][student]) == FULL
    line = next(
        ln for ln in hostile_class["run"].stdout.splitlines() if ln.startswith(f"  {student}:")
    )
    assert "timestamp.txt ignored" in line and TIMESTAMPS[student][1] in line


@pytest.mark.parametrize("student", sorted(REFUSED))
def test_links_special_files_and_oversized_notebooks_are_refused(hostile_class, student):
    line = next(
        ln for ln in hostile_class["run"].stdout.splitlines() if ln.startswith(f"  {student}:")
    )
    assert "refused" in line and REFUSED[student] in line
    if not student.startswith("."):
        # recorded for the instructor: flagged in the gradebook, never a silent zero
        assert all(v is None for v in hostile_class["scores"][student].values())


def test_the_summary_counts_every_status(hostile_class):
    out = hostile_class["run"].stdout
    refused, problems = len(REFUSED), len(TIMESTAMPS)
    graded = len(HONEST) + len(ANSWERS)
    assert "by status: " in out
    status_line = next(ln for ln in out.splitlines() if ln.startswith("by status: "))
    assert f"{graded} graded" in status_line
    assert f"{refused} refused" in status_line
    assert f"{problems} graded with a problem" in status_line
    assert "1 not gradable" in status_line  # the escape-name notebook: nothing to grade


def test_terminal_escape_sequences_are_never_printed_raw(hostile_class):
    run = hostile_class["run"]
    assert "\x1b" not in run.stdout + run.stderr
    assert "\\x1b[2J\\x1b[32mALL 40 SUBMISSIONS GRADED OK" in run.stdout
