"""CPU seconds per submission: our grader's marginal cost, split by process, and the floor.

On a machine shared with other work, wall time measures the others as much as the
grader. CPU time does not (much). For each assignment this builds a class of N
submissions the way `bench_grading.py` does (no infinite loop), grades it with
`python -m autograder grade`, grades a class of one correct submission, and reports

* the marginal CPU per submission: (CPU for N - CPU for 1) / (N - 1), for the grader
  process (the checker, the gradebook, the journal, the autograded notebook) and for
  the sandbox side (the fork server and the student processes) separately;
* the fixed CPU of a run (the class of one): imports, the fork server's start-up;
* the floor: the CPU to run the assignment's solution cells, visible and hidden tests
  once more in a warm Python process (pandas imported, data loaded and cached), the
  least any grader spends per submission.

    GLOBALSOURCING_DATA_DIR=../shared/data .venv/bin/python benchmarks/grading_cpu.py ps1_market --n 24
    (options: several assignments or all, --n, --keep)

The grader runs in a child of a process that is its subreaper, so the fork server
(which outlives the grader by a moment) is reaped, and counted, here.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_grading as bench  # noqa: E402

# Runs `python -m autograder ...` in a fork; prints its own CPU and, once every descendant
# is reaped, theirs.
CHILD = r"""
import ctypes, json, os, resource, runpy, signal, sys
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
OUT = sys.argv[1]
pid = os.fork()
if pid == 0:
    import atexit
    def usage():  # at exit: `grade` leaves with os._exit once the atexit handlers ran
        u = resource.getrusage(resource.RUSAGE_SELF)
        with open(OUT, "w") as fh:
            fh.write(str(u.ru_utime + u.ru_stime))
    atexit.register(usage)
    sys.argv = ["autograder", *sys.argv[2:]]
    code = 0
    try:
        runpy.run_module("autograder", run_name="__main__", alter_sys=True)
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    sys.exit(code)
_, status = os.waitpid(pid, 0)
def stop(*_):
    raise TimeoutError
signal.signal(signal.SIGALRM, stop)
signal.alarm(120)
try:
    while True:
        os.waitpid(-1, 0)
except (ChildProcessError, TimeoutError):
    pass
try:
    with open(OUT) as fh:
        grader = float(fh.read())
except (OSError, ValueError):
    grader = float("nan")
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"grader": grader, "sandbox": u.ru_utime + u.ru_stime - grader,
                  "exit": os.waitstatus_to_exitcode(status)}))
"""


def grade_cpu(course: Path, assignment: str, workers: int) -> dict:
    """CPU seconds of one `python -m autograder grade` run: grader process and the rest."""
    out_file = course.with_name(course.name + ".grader-cpu")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(out_file), "grade", assignment, "--course", str(course),
         "--quiet", "--timeout", "30", "--workers", str(workers)],
        cwd=bench.REPO, env=bench.env(), capture_output=True, text=True,
    )  # fmt: skip
    wall = time.perf_counter() - start
    try:
        out = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        message = f"{assignment}: the grader did not run:\n{done.stdout}\n{done.stderr}"
        raise RuntimeError(message) from None
    return out | {"wall": wall}


def floor_cpu(assignment: str, repeats: int = 5) -> float:
    """Least CPU over ``repeats`` runs of the solution and test cells in this warm process."""
    hidden_home = str(bench.REPO / "exercises")  # the course declaration's import_path
    if hidden_home not in sys.path:
        sys.path.insert(0, hidden_home)
    nb = json.loads(
        (bench.REPO / "exercises" / "source" / assignment / f"{assignment}.ipynb").read_text()
    )
    marker = re.compile(r"^[ \t]*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)[^\n]*\n?", re.M)
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            meta = cell["metadata"].get("nbgrader", {})
            graded = bool(meta.get("solution") or meta.get("grade"))
            cells.append(
                (graded, compile(marker.sub("", "".join(cell["source"])), "<cell>", "exec"))
            )
    first = next(i for i, (graded, _) in enumerate(cells) if graded)
    setup: dict = {"__name__": "__main__"}
    quiet = contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO())
    with quiet[0], quiet[1]:
        for _, code in cells[:first]:
            exec(code, setup)
        best = float("inf")
        for _ in range(repeats + 1):  # the first run warms the caches
            ns = dict(setup)
            start = time.process_time()
            for _, code in cells[first:]:
                exec(code, ns)
            best = min(best, time.process_time() - start)
    return best


def class_of(base: Path, dest: Path, students: list[str]) -> Path:
    keep = set(students)
    shutil.copytree(
        base, dest,
        ignore=lambda d, names: [n for n in names if Path(d).name == "submitted" and n not in keep],
    )  # fmt: skip
    return dest


def measure(assignment: str, n: int, workers: int, work: Path) -> dict:
    base = bench.make_course(work / assignment / "base", assignment)
    kinds = bench.write_submissions(base, assignment, n, loops=False)
    one = next(s for s in sorted(kinds, reverse=True) if kinds[s].startswith("correct"))
    load = os.getloadavg()[0]
    single = grade_cpu(class_of(base, work / assignment / "one", [one]), assignment, workers)
    full = grade_cpu(class_of(base, work / assignment / "all", list(kinds)), assignment, workers)
    per = lambda key: (full[key] - single[key]) / (n - 1)  # noqa: E731
    return {
        "assignment": assignment,
        "submissions": n,
        "marginal_cpu_s": round(per("grader") + per("sandbox"), 3),
        "marginal_grader_process_cpu_s": round(per("grader"), 3),
        "marginal_sandbox_cpu_s": round(per("sandbox"), 3),
        "fixed_cpu_s": {"grader": round(single["grader"], 2), "sandbox": round(single["sandbox"], 2)},
        "floor_cpu_s": round(floor_cpu(assignment), 3),
        "wall_s": round(full["wall"], 1),
        "load_average_before_after": [round(load, 1), round(os.getloadavg()[0], 1)],
        "exit": full["exit"],
    }  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("assignments", nargs="+", help="course assignments, or all (the seven)")
    ap.add_argument("--n", type=int, default=24, help="submissions in the class")
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--keep", action="store_true", help="keep the scratch courses")
    args = ap.parse_args()
    if args.n < 2:
        ap.error("--n must be at least 2")
    names = args.assignments
    if names == ["all"]:
        names = [a for a in bench.COURSE_ASSIGNMENTS if not a.endswith("_guided")]
    work = Path(tempfile.mkdtemp(prefix="grading-cpu-"))
    try:
        for assignment in names:
            print(json.dumps(measure(assignment, args.n, args.workers, work)), flush=True)
    finally:
        if args.keep:
            print(f"scratch courses kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
