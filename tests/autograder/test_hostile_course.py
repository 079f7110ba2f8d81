"""Hostile submissions inside a class of honest ones, on the course's real assignments.

For ps1_market and ps2_geography, one run of ``python -m autograder grade`` (a
subprocess, sandbox on) grades the honest class of tests/exercises/variants/ together
with one submission per attack of issue 14 (items 2, 3, 4 and 6) and two honest
answers in pandas' standard dtypes (item 5). The run is started from an instructor's
Python script that holds a secret in a global variable, with a secret in its
environment and another in its command line (the course folder's name).

Every test checks what an instructor would notice: the run finishes, the exit status
and the summary name what could not be graded, the honest students keep exactly their
scores, nothing a student wrote is found outside the sandbox, and what a student could
see of other processes, the grader's argv and environment holds none of the secrets.
"""

from __future__ import annotations

import json
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tests.autograder.real_course import (
    REAL_COURSE_MARKS,
    REPO,
    fill,
    grader_env,
    honest_class,
    question_scores,
    write_submission,
)
from tests.autograder.test_sandbox_leaks import Listener

pytestmark = REAL_COURSE_MARKS
ASSIGNMENTS = ["ps1_market", "ps2_geography"]
# The first question's answer cell and the name its tests read.
FIRST_ANSWER = {
    "ps1_market": ("ps1_q1_ito", "ito"),
    "ps2_geography": ("ps2_q1_economies", "economies"),
}
# Code added after the honest first answer: the right rows and columns, invented values. The
# hidden tests must give it nothing; one per assignment, so that the check runs on every run.
MADE_UP_VALUES = {
    "ps1_market": "ito = ito.assign(midpoint_usd_bn=1.0, originator='x')",
    "ps2_geography": "economies = economies.assign(ict_service_exports_usd=1.0, labor_force=1.0, country_name='x')",
}
CELL_TIMEOUT, TOTAL_TIMEOUT = 10, 40
TOKEN = secrets.token_hex(6)  # marks everything a hostile student tries to leave behind
SECRETS = {
    "environment": f"env-secret-{secrets.token_hex(8)}",
    "script global": f"global-secret-{secrets.token_hex(8)}",
    "argv": f"argv{secrets.token_hex(8)}",
}
# Folders any local user may write to: a student must find none of them shared.
SHARED_WRITABLE = ["/run/lock", "/var/lock", "/tmp", "/var/tmp", "/dev/shm"]
SOCKET_PATH = Path(f"/run/gs-h3-{TOKEN}.sock")
ESCAPE_NAME = "esc\x1b[2J\x1b[32mALL 40 SUBMISSIONS GRADED OK\x1b[0m"

INSTRUCTOR_SCRIPT = """\
import sys
INSTRUCTOR_PASSWORD = {secret!r}  # a global of the instructor's own script
from autograder.cli import main
if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

SNOOP = """
import os, sys, json
seen = {"argv": sys.argv, "environ": dict(os.environ)}
try:
    pids = [p for p in os.listdir("/proc") if p.isdigit()]
except OSError as exc:
    pids = [repr(exc)]
seen["pids"] = pids
seen["cmdlines"], seen["environs"] = {}, {}
for pid in pids[:400]:
    for key, name in (("cmdlines", "cmdline"), ("environs", "environ")):
        try:
            with open(f"/proc/{pid}/{name}", "rb") as fh:
                seen[key][pid] = fh.read(4000).decode("utf-8", "replace")
        except OSError as exc:
            seen[key][pid] = type(exc).__name__
for mod in ("__mp_main__", "__main__"):
    m = sys.modules.get(mod)
    seen[mod] = {k: repr(v)[:200] for k, v in vars(m).items()} if m is not None else None
print("SNOOP" + json.dumps(seen, default=repr))
"""

WRITER = """
import os
payload = {payload!r}
for d in {dirs!r} + [os.path.expanduser("~"), os.getcwd(), os.path.dirname(os.getcwd())]:
    try:
        with open(os.path.join(d, "gs-{token}.py"), "w") as fh:
            fh.write(payload)
    except OSError:
        pass
"""

READER = """
import os
for d in {dirs!r} + [os.path.expanduser("~")]:
    path = os.path.join(d, "gs-{token}.py")
    if os.path.exists(path):
        exec(open(path).read())
"""

SOCKET_POKER = """
import socket
try:
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(2)
    s.connect({path!r})
    s.sendall(b"from the sandbox")
    s.close()
except OSError:
    pass
"""

EXTENSION_REPLY = """
import sys
_codec = sys.modules["autograder.codec"]
_real = _codec.encode
def _patched(value, depth=0):
    if type(value) is str and value == "pyarrow-marker":
        return {"$": "series", "name": None, "index": {"$": "rangeindex", "v": [0, 2, 1], "names": [None]},
                "data": {"dtype": "string[pyarrow]", "list": ["a", "b"]}}
    return _real(value, depth)
_codec.encode = _patched
%s = "pyarrow-marker"
"""

# The reply to a value request is crafted: whether the student process dumps the whole
# reply (a dict with "values") or each encoded value (a dict with "$") on its own.
DEEP_REPLY = """
import json as _json
_dumps = _json.dumps
_deep_value = "[" * 200000 + "]" * 200000
def _deep(obj, *a, **k):
    if isinstance(obj, dict) and "values" in obj:
        return '{"values": {"%s": ' + _deep_value + "}}"
    if isinstance(obj, dict) and "$" in obj:
        return _deep_value
    return _dumps(obj, *a, **k)
_json.dumps = _deep
"""

COLLIDING_REPLY = """
import json as _json
_dumps = _json.dumps
_items = ",".join('{"$": "int", "v": "%%d"}' %% (i * (2**61 - 1)) for i in range(1, 80001))
_colliding_value = '{"$": "set", "v": [' + _items + ']}'
def _colliding(obj, *a, **k):
    if isinstance(obj, dict) and "values" in obj:
        return '{"values": {"%s": ' + _colliding_value + '}}'
    if isinstance(obj, dict) and "$" in obj:
        return _colliding_value
    return _dumps(obj, *a, **k)
_json.dumps = _colliding
"""


# Item 5: an honest first answer carrying pandas' standard dtypes (period, interval from
# pd.cut, categorical, datetime with time zone, timedelta, nullable integer, boolean and
# string) in extra columns, indexed by a PeriodIndex or an IntervalIndex.
STANDARD_DTYPES = """
import numpy as np
import pandas as pd
_n = len({name})
{name} = {name}.assign(
    as_period=pd.period_range("2001-01-01", periods=_n, freq="D"),
    band=pd.cut(np.arange(_n), 3),
    label=pd.Categorical(["x"] * _n),
    stamp=pd.date_range("2026-01-01", periods=_n, freq="h", tz="Europe/Paris"),
    span=pd.to_timedelta(np.arange(_n), unit="D"),
    count=pd.array(np.arange(_n), dtype="Int64"),
    flag=pd.array([True] * _n, dtype="boolean"),
    text=pd.array(["t"] * _n, dtype="string"),
).set_index({index})
"""
STANDARD_INDEXES = {
    "standard-dtypes-period": 'pd.period_range("2001-01", periods=_n, freq="M")',
    "standard-dtypes-interval": "pd.interval_range(0, _n)",
}


def _with(honest, extra: dict[str, str], after: bool = True) -> nbformat.NotebookNode:
    """The solution with code added to (after=True) or replacing some answer cells."""
    answers = dict(honest.solution)
    for gid, code in extra.items():
        answers[gid] = answers[gid] + "\n" + code if after else code
    return fill(honest.release, answers)


def _add_cells(nb, codes: list[str], at: int) -> nbformat.NotebookNode:
    nb = nbformat.from_dict(nb)
    nb.cells[at:at] = [nbformat.v4.new_code_cell(c) for c in codes]
    return nb


def hostile_submissions(honest, root: Path) -> dict[str, str]:
    """Writes every hostile submission into ``root``; returns student -> what it attacks."""
    a = honest.assignment
    gid, name = FIRST_ANSWER[a]
    solution = fill(honest.release, honest.solution)
    first = next(
        i
        for i, c in enumerate(solution.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == gid
    )
    attacks: dict[str, tuple[str, nbformat.NotebookNode | None]] = {
        # item 2: one submission must not stop the class
        "module-answer": (
            "answer is a module object",
            _with(
                honest, {gid: f"import types\n{name} = types.ModuleType('numpy.no_such_module')"}
            ),
        ),
        "void-dtype": (
            "Series of a compound dtype",
            _with(honest, {gid: f"{name} = pd.Series(np.zeros(2, dtype='V8'))"}),
        ),
        "pyarrow-string": (
            "extension dtype the grader lacks, from a patched codec",
            _with(honest, {gid: EXTENSION_REPLY % name}),
        ),
        "deep-reply": (
            "deeply nested reply from a patched codec",
            _with(honest, {gid: DEEP_REPLY % name}),
        ),
        "colliding-reply": (
            "reply built to collide in hashing",
            _with(honest, {gid: COLLIDING_REPLY % name}),
        ),
        "timestamp-garbage": ("timestamp.txt with garbage", solution),
        "timestamp-bytes": ("timestamp.txt with non-UTF-8 bytes", solution),
        "timestamp-impossible": ("timestamp.txt with an impossible date", solution),
        "timestamp-fifo": ("timestamp.txt is a named pipe", solution),
        ".dot-student": ("a student folder whose name starts with a dot", solution),
        # item 3: the sandbox must not leak
        "lock-writer": (
            "writes answers into world-writable folders",
            _with(
                honest,
                {
                    gid: WRITER.format(
                        payload=honest.solution[gid], dirs=SHARED_WRITABLE, token=TOKEN
                    )
                },
            ),
        ),
        "socket-poker": (
            "host unix socket under /run",
            _with(honest, {gid: SOCKET_POKER.format(path=str(SOCKET_PATH))}),
        ),
        "snoop": ("other processes, argv, environment, __mp_main__", _with(honest, {gid: SNOOP})),
        "link-to-source": ("notebook is a link to the instructor's source", None),
        "link-to-student": ("student folder is a link to another student's", None),
        "link-notebook-to-student": ("notebook is a link to another student's", None),
        # item 4: limits that hold
        "total-timeout": (
            "cells each just under the cell limit",
            _add_cells(solution, [f"import time\ntime.sleep({CELL_TIMEOUT - 1})"] * 8, first + 1),
        ),
        "output-flood": (
            "20,000 cells each displaying 5,000 characters",
            _add_cells(solution, ["display('x' * 5000)"] * 20_000, first + 1),
        ),
        "junk-notebooks": ("40 junk 49 MB notebooks and no real one", None),
        "huge-notebook": ("a 200 MB notebook", None),
        # item 6: nothing a student names may drive the instructor's terminal
        ESCAPE_NAME: ("file name with terminal escape sequences", solution),
    }
    for student, index in STANDARD_INDEXES.items():  # item 5: honest, must keep every point
        attacks[student] = (
            f"honest answer in pandas' standard dtypes, indexed by {index}",
            _with(honest, {gid: STANDARD_DTYPES.format(name=name, index=index)}),
        )
    # Runs after the writer (students are graded in name order, two at a time).
    attacks["z-lock-reader"] = (
        "executes what another student left in a shared folder",
        _with(honest, {gid: READER.format(dirs=SHARED_WRITABLE, token=TOKEN)}, after=False),
    )
    attacks["made-up-values"] = (
        "first answer with the right row count and invented values",
        _with(honest, {gid: MADE_UP_VALUES[a]}),
    )
    for student, (_, nb) in attacks.items():
        if nb is not None:
            write_submission(root, a, student, nb)
    stamp = lambda s: root / "submitted" / s / a / "timestamp.txt"  # noqa: E731
    stamp("timestamp-garbage").write_text("not a date at all")
    stamp("timestamp-bytes").write_bytes(b"\xff\xfe\x00\x80 2026-11-20")
    stamp("timestamp-impossible").write_text("2026-02-31 25:61:00.000000 UTC")
    stamp(ESCAPE_NAME).write_text("\x1b[2J garbage")  # so the summary must print its name
    stamp("timestamp-fifo").unlink()
    os.mkfifo(stamp("timestamp-fifo"))
    folder = root / "submitted" / "link-to-source" / a
    folder.mkdir(parents=True)
    (folder / f"{a}.ipynb").symlink_to(root / "source" / a / f"{a}.ipynb")
    (root / "submitted" / "link-to-student").symlink_to(root / "submitted" / "solution")
    folder = root / "submitted" / "link-notebook-to-student" / a
    folder.mkdir(parents=True)
    (folder / f"{a}.ipynb").symlink_to(root / "submitted" / "solution" / a / f"{a}.ipynb")
    folder = root / "submitted" / "junk-notebooks" / a
    folder.mkdir(parents=True)
    for i in range(40):  # sparse files: 49 MB each to read, no disk used
        with open(folder / f"junk{i:02d}.ipynb", "wb") as fh:
            fh.truncate(49 * 1024 * 1024)
    folder = root / "submitted" / "huge-notebook" / a
    folder.mkdir(parents=True)
    with open(folder / f"{a}.ipynb", "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    return {student: what for student, (what, _) in attacks.items()}


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def hostile_run(request, tmp_path_factory):
    assignment = request.param
    tmp = tmp_path_factory.mktemp(f"hostile-{assignment}")
    honest = honest_class(assignment, tmp / "base")
    root = tmp / f"course-{SECRETS['argv']}"  # the grader's argv names the course folder
    shutil.copytree(honest.root, root)
    attacks = hostile_submissions(honest, root)
    script = tmp / "grade_my_course.py"
    script.write_text(INSTRUCTOR_SCRIPT.format(secret=SECRETS["script global"]))
    env = {
        **grader_env(),
        "INSTRUCTOR_DB_PASSWORD": SECRETS["environment"],
        "PYTHONPATH": str(REPO),
    }
    listener = Listener(SOCKET_PATH)  # open to every uid: only hiding can protect it
    leaked: list[str] = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    try:
        run = subprocess.run(
            [sys.executable, str(script), "grade", assignment, "--course", str(root), "--quiet",
             "--timeout", str(CELL_TIMEOUT), "--total-timeout", str(TOTAL_TIMEOUT), "--workers", "2"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=1200,
        )  # fmt: skip
        seconds = time.monotonic() - start
        feedback = subprocess.run(
            [sys.executable, "-m", "autograder", "feedback", assignment, "--course", str(root)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    finally:
        listener.close()
        for d in SHARED_WRITABLE:  # a leaking sandbox must not leave them for later runs
            for p in Path(d).glob(f"gs-{TOKEN}*"):
                leaked.append(str(p))
                p.unlink()
    return {
        "leaked": leaked,
        "honest": honest,
        "root": root,
        "attacks": attacks,
        "run": run,
        "seconds": seconds,
        "feedback": feedback,
        "maxrss_mb": max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024,
        "connections": listener.connections,
        "scores": question_scores(f"sqlite:///{root / 'gradebook.db'}", assignment),
    }


def _journal(run, student: str) -> dict:
    path = run["root"] / ".autograder" / run["honest"].assignment / f"{student}.json"
    return json.loads(path.read_text())


def _summary(run) -> str:
    return run["run"].stdout + run["run"].stderr


def test_the_run_completes_and_honest_students_keep_their_scores(hostile_run):
    expected = hostile_run["honest"].expected
    got = {s: hostile_run["scores"].get(s) for s in expected}
    assert got == expected, _summary(hostile_run)[-4000:]


def test_exit_status_and_summary_name_every_refused_submission(hostile_run):
    run, out = hostile_run["run"], _summary(hostile_run)
    assert run.returncode == 1, out[-4000:]
    lines = out.splitlines()
    for student, phrase in {
        "timestamp-garbage": "timestamp",
        "timestamp-bytes": "timestamp",
        "timestamp-impossible": "timestamp",
        "timestamp-fifo": "named pipe",
        ".dot-student": "'.'",
        "link-to-source": "symbolic link",
        "link-to-student": "symbolic link",
        "link-notebook-to-student": "symbolic link",
        "junk-notebooks": "MB",
        "huge-notebook": "MB",
    }.items():
        mine = [line for line in lines if line.startswith(f"  {student}: ")]
        assert mine and phrase in mine[0], (
            f"{student}: {mine or 'not in the summary'}\n{out[-3000:]}"
        )


def test_links_are_refused_not_graded_as_someone_else(hostile_run):
    for student in ("link-to-source", "link-to-student", "link-notebook-to-student"):
        scores = hostile_run["scores"].get(student, {})
        assert all(v is None for v in scores.values()), f"{student} was scored: {scores}"
    html = list((hostile_run["root"] / "feedback").rglob("*.html"))
    assert html, hostile_run["feedback"].stderr
    source = hostile_run["root"] / "source"
    model = next(source.rglob("*.ipynb")).read_text()
    marker = "### BEGIN SOLUTION"
    assert marker in model
    for page in html:
        assert marker not in page.read_text(errors="replace"), page


def test_bad_answers_cost_only_their_own_questions(hostile_run):
    gid, _ = FIRST_ANSWER[hostile_run["honest"].assignment]
    for student in (
        "module-answer",
        "void-dtype",
        "pyarrow-string",
        "deep-reply",
        "colliding-reply",
    ):
        result = _journal(hostile_run, student)
        nb = next(iter(result["notebooks"].values()))
        assert nb["status"] == "graded", (student, nb.get("reason"))
        first = next(c for c in nb["cells"] if c["grade_id"] == f"{gid}_tests")
        assert first["score"] == 0 and first["message"], (student, first)


def test_honest_answers_in_standard_pandas_dtypes_keep_every_point(hostile_run):
    full = hostile_run["honest"].expected["solution"]
    for student in STANDARD_INDEXES:
        got = hostile_run["scores"].get(student)
        assert got == full, (
            f"{student}: {got}\n" + json.dumps(_journal(hostile_run, student))[:3000]
        )


def test_the_collision_reply_is_refused_quickly(hostile_run):
    # Decoding it naively takes minutes; the run must not wait for it.
    result = _journal(hostile_run, "colliding-reply")
    assert result["seconds"] < 30, result["seconds"]


def test_nothing_a_student_wrote_is_found_outside_the_sandbox(hostile_run):
    left = hostile_run["leaked"] + [
        str(p)
        for d in SHARED_WRITABLE + [str(Path.home()), str(REPO), str(REPO.parent)]
        for p in Path(d).glob(f"gs-{TOKEN}*")
    ]
    left += [str(p) for p in hostile_run["root"].rglob(f"gs-{TOKEN}*")]
    assert not left
    gid, _ = FIRST_ANSWER[hostile_run["honest"].assignment]
    reader = hostile_run["scores"]["z-lock-reader"]
    assert reader[f"{gid}_tests"] == 0, f"the reader scored with another student's answer: {reader}"


def test_host_unix_sockets_are_unreachable(hostile_run):
    assert hostile_run["connections"] == 0


def test_no_other_process_argv_environment_or_instructor_global_is_visible(hostile_run):
    outputs = _journal(hostile_run, "snoop")["notebooks"]
    text = json.dumps(outputs)
    for where, secret in SECRETS.items():
        assert secret not in text, f"the {where} secret reached the student process"
    printed = "".join(o.get("stdout", "") for nb in outputs.values() for o in nb.get("outputs", []))
    assert "SNOOP" in printed, "the snooping cell did not run"
    seen = json.loads(printed.split("SNOOP", 1)[1].splitlines()[0])
    assert len(seen["pids"]) <= 3, f"the student sees {len(seen['pids'])} processes"
    assert "--course" not in " ".join(seen["argv"]), seen["argv"]


def test_total_timeout_holds(hostile_run):
    result = _journal(hostile_run, "total-timeout")
    assert result["seconds"] <= TOTAL_TIMEOUT + 15, result["seconds"]
    nb = next(iter(result["notebooks"].values()))
    assert any("total" in w or str(TOTAL_TIMEOUT) in w for w in nb.get("warnings", [])) or (
        "total" in nb.get("reason", "")
    ), nb.get("warnings")


def test_output_flood_is_capped_in_journal_and_feedback(hostile_run):
    a = hostile_run["honest"].assignment
    cap = 200_000  # the grader's default --max-output, in characters per submission
    result = _journal(hostile_run, "output-flood")
    kept = sum(
        len(o.get("stdout", "")) + len(o.get("stderr", ""))
        for nb in result["notebooks"].values()
        for o in nb["outputs"]
    )
    assert kept <= cap * 1.05, f"{kept} characters of output kept, cap {cap}"
    # Records may grow with the notebook's own size (its cells), never with its output.
    submitted = hostile_run["root"] / "submitted" / "output-flood" / a / f"{a}.ipynb"
    bound = 2 * submitted.stat().st_size + cap * 4
    journal = hostile_run["root"] / ".autograder" / a / "output-flood.json"
    page = hostile_run["root"] / "feedback" / "output-flood" / a / f"{a}.html"
    assert journal.stat().st_size < bound and page.stat().st_size < bound


def test_junk_notebooks_do_not_take_the_grader_to_gigabytes(hostile_run):
    assert hostile_run["maxrss_mb"] < 1024, hostile_run["maxrss_mb"]


def test_terminal_escape_sequences_are_never_printed(hostile_run):
    out = _summary(hostile_run)
    assert "\x1b" not in out and "\x9b" not in out
    assert "esc\\x1b[2J\\x1b[32mALL 40 SUBMISSIONS GRADED OK" in out  # named, harmlessly


def test_made_up_values_do_not_pass_the_first_question(hostile_run):
    assert set(MADE_UP_VALUES) == set(ASSIGNMENTS)
    gid, _ = FIRST_ANSWER[hostile_run["honest"].assignment]
    scores = hostile_run["scores"]["made-up-values"]
    assert scores[f"{gid}_tests"] == 0, scores


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_students_die_with_a_killed_grader(tmp_path, assignment):
    """kill -9 of the grader takes its student processes with it."""
    honest = honest_class(assignment, tmp_path / "base")
    gid, _ = FIRST_ANSWER[assignment]
    burner = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"
    for i in range(2):
        write_submission(honest.root, assignment, f"burner{i}", _with(honest, {gid: burner}))
    grader = subprocess.Popen(
        [sys.executable, "-m", "autograder", "grade", assignment, "--course", str(honest.root),
         "--quiet", "--timeout", "300", "--total-timeout", "600", "--workers", "2", "--student", "burner*"],
        cwd=REPO, env=grader_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    tree: set[tuple[int, int]] = set()
    try:
        students = _wait_for(lambda: len(_students_of(grader.pid)) >= 2, 300)
        assert students, "the burning student processes never started"
        time.sleep(2)
        # Below the grader's own helpers (fork server, resource tracker): the students.
        # Kept as (pid, start time), so that a reused pid is not taken for a survivor.
        below = {pid for pid, _ in _descendants(grader.pid)} - set(_children(grader.pid))
        tree = {p for p in _descendants(grader.pid) if p[0] in below}
        os.kill(grader.pid, signal.SIGKILL)
        grader.wait(10)
        _wait_for(lambda: not (tree & _all_processes()), 15)
        survivors = tree & _all_processes()
        assert not survivors, f"processes outlived the grader: {_describe(survivors)}"
    finally:
        if grader.poll() is None:
            grader.kill()
        for pid, _ in tree & _all_processes():  # only processes this test started
            os.kill(pid, signal.SIGKILL)


def _all_processes() -> set[tuple[int, int]]:
    """(pid, start time) of every process, from /proc/<pid>/stat."""
    return {(pid, stat[19]) for pid, stat in _stats().items()}


def _stats() -> dict[int, list[str]]:
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            out[int(entry.name)] = text[text.rindex(")") + 2 :].split()  # fields from state on
    return out


def _descendants(root: int) -> set[tuple[int, int]]:
    stats = _stats()
    children: dict[int, list[int]] = {}
    for pid, fields in stats.items():
        children.setdefault(int(fields[1]), []).append(pid)
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child in stats:
                found.add((child, stats[child][19]))
                todo.append(child)
    return found


def _children(pid: int) -> list[int]:
    return [p for p, fields in _stats().items() if int(fields[1]) == pid]


def _students_of(grader: int) -> list[int]:
    """Processes forked by the grader's fork server (the student processes), burning CPU."""
    stats = _stats()
    tree = {pid for pid, _ in _descendants(grader)}
    return [p for p in tree if int(stats.get(p, ["", "0"])[1]) in tree and _is_forked_student(p)]


def _is_forked_student(pid: int) -> bool:
    try:
        parent = int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
        mine = (Path("/proc") / str(pid) / "cmdline").read_bytes()
        theirs = (Path("/proc") / str(parent) / "cmdline").read_bytes()
    except (OSError, ValueError, IndexError):
        return False
    return b"forkserver" in mine and mine == theirs


def _describe(processes: set[tuple[int, int]]) -> list[str]:
    out = []
    for pid, _ in processes:
        try:
            cmd = (Path("/proc") / str(pid) / "cmdline").read_bytes()[:120]
        except OSError:
            cmd = b"?"
        out.append(f"{pid}: {cmd.decode(errors='replace')}")
    return out


def _wait_for(check, seconds: float):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        got = check()
        if got:
            return got
        time.sleep(0.2)
    return check()
