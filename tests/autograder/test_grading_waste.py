"""Work the grader used to repeat for nothing, and must not do again.

Profiling `python -m autograder grade` (docs/benchmarks/grading.md) found costs that
bought nothing: every student process imported IPython for the notebook's last
`check()` cell only to learn that no IPython shell was running, every student process
imported (and, without bytecode, compiled) all seven assignments' visible checks,
every run compiled an RFC 3987 grammar that jsonschema registers for string formats no
notebook schema uses (about 1.2 s of CPU), and every text value of an answer was hashed
and counted against crafted hash collisions that text cannot have.
"""

from __future__ import annotations

import os
import subprocess
import sys

from autograder.course import REPO_ROOT, Course


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_check_in_a_plain_python_process_does_not_import_ipython():
    out = _python(
        "import sys\n"
        "from globalsourcing import check\n"
        "report = check('q1', assignment='ps5_tco', namespace={})\n"
        "print('Not defined yet' in str(report), 'IPython' in sys.modules)"
    )
    assert out == "True False"


def test_the_fork_server_preloads_every_assignments_visible_checks():
    preload = Course.load(REPO_ROOT / "exercises").declaration.preload_modules()
    assert preload[0] == "globalsourcing"
    for n, name in enumerate(
        ["market", "geography", "location_index", "decisions", "tco", "retention", "case"],
        start=1,
    ):
        assert f"globalsourcing.checks.ps{n}_{name}" in preload
    # hidden tests stay out
    assert not any(m.split(".")[0] in {"autograder", "exercises", "hidden"} for m in preload)


def test_the_grader_validates_notebooks_without_compiling_the_iri_grammar():
    out = _python(
        "import runpy, sys\n"
        "runpy.run_module('autograder')  # __main__.py's set-up, without running the CLI\n"
        "import nbformat\n"
        "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')]))\n"
        "print(sys.modules.get('rfc3987_syntax'), 'lark' in sys.modules)"
    )
    assert out == "None False"


def test_text_columns_skip_the_collision_count_only_while_str_hashes_are_salted():
    """Decoding an answer's text columns no longer hashes and counts every name (25 ms of
    the 37 ms it took to decode ps2's `economies`): str hashes carry a random per-process
    key, so text cannot be built to collide in the grader. With PYTHONHASHSEED fixed the
    count is done again."""
    code = "from autograder import codec; print(codec._SALTED_STR_HASH)"
    salted = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    fixed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert (salted.stdout.strip(), fixed.stdout.strip()) == ("True", "False")


def test_student_processes_leave_what_the_fork_server_loaded_out_of_their_collections():
    """Every student process is a fork of one warm server (pandas, the course package, the
    cached data). Its garbage collections used to walk those inherited objects, writing to
    their pages and so making the kernel copy them in every child; the server now freezes
    them before the first fork."""
    from autograder.sandbox import Limits
    from autograder.student_process import StudentProcess

    limits = Limits(cell_timeout=20, total_timeout=60)
    proc = StudentProcess(
        ["import gc\nfrozen = gc.get_freeze_count()\nfrozen"], limits, warmup=["import json"]
    )
    try:
        reply = proc.run_cell(0)
    finally:
        proc.close()
    assert reply["ok"], reply
    assert int(reply["result"]) > 10_000  # numpy and pandas alone are far more objects


def test_a_grading_run_ends_without_the_interpreters_teardown_but_loses_nothing(tmp_path):
    """`python -m autograder grade` used to spend about half a second after its last
    result letting the interpreter take pandas, SQLAlchemy and nbgrader apart object by
    object. It now leaves at once, after what matters at exit: threads joined, atexit
    handlers run, output flushed, the exit status kept."""
    code = (
        "import atexit, sys, threading, time, pathlib\n"
        f"out = pathlib.Path({str(tmp_path)!r})\n"
        "from autograder.__main__ import leave\n"
        "class Teardown:\n"
        "    def __del__(self):\n"
        "        (out / 'teardown').write_text('ran')\n"
        "kept = Teardown()\n"
        "atexit.register(lambda: (out / 'atexit').write_text('ran'))\n"
        "threading.Thread(target=lambda: (time.sleep(0.3), (out / 'thread').write_text('done'))).start()\n"
        "sys.stdout.write('summary without a newline')\n"
        "leave(3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout == "summary without a newline"
    assert (tmp_path / "atexit").read_text() == "ran"
    assert (tmp_path / "thread").read_text() == "done"
    assert not (tmp_path / "teardown").exists()
