"""Benchmark: our grader against plain `nbgrader autograde` on the same submissions.

For each assignment (one of the course's seven, or ``all`` of them one after the other;
the fixture course's ps1 as a fallback without exercises/), builds a scratch copy of
the course, generates N submissions (correct in several idioms, partly wrong, and
hostile), grades them once with plain nbgrader and once with
`python -m autograder grade` (sandbox on, one worker per core), and prints wall times,
the throughput ratio and a score comparison per assignment, side by side. Non-hostile
submissions must get identical totals; hostile ones where the two differ are listed
separately with our reason.

    GLOBALSOURCING_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_grading.py
    (options: --n 200 --timeout 30 --assignment ps1_market|...|all --keep)
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COURSE_ASSIGNMENTS = sorted(
    p.name for p in (REPO / "exercises" / "source").glob("ps*") if p.is_dir()
)

# The fixture course's ps1 (used when exercises/ is absent): (name, {grade_id: source}).
FIXTURE_WRONG = [
    ("wrong-q2", {"q2_answer": 'cheapest_vendor = "Cebu Care"'}),
    ("wrong-q3", {"q3_answer": 'fee_by_country = offers.groupby("country")["monthly_fee"].mean()'}),
    ("empty-q4", {"q4_answer": "shortlist = []"}),
]
# Hostile submissions: (name, grade_id of the cell to replace or None to add a cell, source).
# ps1_market and ps1 have their own; the other assignments get generic ones (below).
HOSTILE = {
    "ps1_market": [
        (
            "always-equal-letter",
            "ps1_q6_definitions",
            "class Chameleon(str):\n    def __eq__(self, other):\n        return True\n    def __ne__(self, other):\n"
            "        return False\n    __hash__ = str.__hash__\n    def strip(self):\n        return self\n"
            "    def upper(self):\n        return self\nanswer_q6 = Chameleon('Z')",
        ),
        (
            "patched-check-helpers",
            "ps1_q2_cagr",
            "import sys\n"
            "for _m in list(sys.modules.values()):\n"
            "    if getattr(_m, '__name__', '').startswith(('globalsourcing.checks', 'autograder')):\n"
            "        for _n in dir(_m):\n"
            "            if _n.startswith(('q', 'expect', 'run_hidden', 'fail')) and callable(getattr(_m, _n)):\n"
            "                setattr(_m, _n, lambda *a, **k: None)\n"
            "def cagr(start, end, years):\n    return 0.0",
        ),
        ("infinite-loop", "ps1_q4_idc_cagr", "while True:\n    pass"),
        ("os-exit", "ps1_q5_bpo_claims", "import os\nos._exit(0)"),
    ],
    "ps1": [
        (
            "always-equal",
            "q2_answer",
            "class C(str):\n    def __eq__(self, o):\n        return True\n    __hash__ = str.__hash__\ncheapest_vendor = C('x')",
        ),
        (
            "patched-helpers",
            None,
            "np.isclose = lambda *a, **k: True\nnp.allclose = lambda *a, **k: True\npd.testing.assert_series_equal = lambda *a, **k: None\n"
            "def cost_per_fte(df):\n    return df['monthly_fee'] * df['fte']",
        ),
        ("infinite-loop", "q3_answer", "while True:\n    pass"),
        ("os-exit", "q3_answer", "import os\nos._exit(0)"),
    ],
}
# Replaces every check helper in the student's process with a no-op before a wrong answer.
PATCH_HELPERS = (
    "import sys\n"
    "for _m in list(sys.modules.values()):\n"
    "    if getattr(_m, '__name__', '').startswith(('globalsourcing.checks', 'autograder')):\n"
    "        for _n in dir(_m):\n"
    "            if _n.startswith(('q', 'expect', 'run_hidden', 'fail', 'check')) and callable(getattr(_m, _n)):\n"
    "                setattr(_m, _n, lambda *a, **k: None)\n"
)


def variants(assignment: str):
    """tests/exercises/variants/<assignment>.py: ALTERNATIVES and WRONG for a course assignment."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return importlib.import_module(f"tests.exercises.variants.{assignment}")


def hostile_cases(assignment: str, answer_ids: list[str]) -> list[tuple[str, str | None, str]]:
    """Generic hostile submissions for a course assignment without its own list."""
    if assignment in HOSTILE:
        return HOSTILE[assignment]
    wrong = variants(assignment).WRONG[0]
    first_gid, first_src = next(iter(wrong.answers.items()))
    return [
        ("patched-check-helpers", first_gid, PATCH_HELPERS + first_src),
        ("infinite-loop", answer_ids[len(answer_ids) // 2], "while True:\n    pass"),
        ("os-exit", answer_ids[-1], "import os\nos._exit(0)"),
    ]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PATH"] = f"{BIN}{os.pathsep}{e.get('PATH', '')}"
    e["GLOBALSOURCING_REPO"] = str(REPO)
    e.setdefault("GLOBALSOURCING_DATA_DIR", str(REPO.parent / "shared" / "data"))
    return e


def make_course(workdir: Path, assignment: str) -> Path:
    course = workdir / "course"
    if assignment == "ps1":
        shutil.copytree(REPO / "tests" / "autograder" / "fixtures" / "course", course)
    else:
        course.mkdir(parents=True)
        shutil.copy(REPO / "exercises" / "nbgrader_config.py", course)
        shutil.copy(REPO / "exercises" / "grading.toml", course)
        shutil.copytree(REPO / "exercises" / "source" / assignment, course / "source" / assignment)
    subprocess.run([str(BIN / "nbgrader"), "generate_assignment", assignment], cwd=course, env=env(),
                   check=True, capture_output=True)  # fmt: skip
    return course


def solutions(course: Path, assignment: str) -> dict[str, str]:
    nb = nbformat.read(course / "source" / assignment / f"{assignment}.ipynb", as_version=4)
    out = {}
    for c in nb.cells:
        meta = c.metadata.get("nbgrader", {})
        if meta.get("solution") and c.cell_type == "code":
            out[meta["grade_id"]] = re.sub(
                r"^[ \t]*### (BEGIN|END) SOLUTION[^\n]*\n?", "", c.source, flags=re.M
            )
    return out


def write_submissions(
    course: Path, assignment: str, n: int, seed: int = 7, loops: bool = True
) -> dict[str, str]:
    """Returns student -> kind ("correct:<idiom>", "wrong:<names>", "hostile:<name>").

    ``loops=False`` leaves out the infinite loop, whose cell timeout costs both graders the
    same fixed time and, in a small class, would measure the timeout instead of throughput.
    """
    release = nbformat.read(course / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    sol = solutions(course, assignment)
    answer_ids = [
        c.metadata["nbgrader"]["grade_id"]
        for c in release.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") in sol
    ]
    rng = random.Random(seed)
    hostile = [h for h in hostile_cases(assignment, answer_ids) if loops or h[0] != "infinite-loop"]
    if assignment == "ps1":
        correct, wrong = {"solution": {}}, FIXTURE_WRONG
    else:
        module = variants(assignment)
        correct = {"solution": {}, **module.ALTERNATIVES}
        wrong = [(w.name, w.answers) for w in module.WRONG]
    kinds = {}
    n_hostile = max(len(hostile), n * 15 // 100)
    n_wrong = n * 30 // 100
    for i in range(n):
        nb = nbformat.from_dict(json.loads(json.dumps(release)))
        by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
        for gid, src in sol.items():
            by_id[gid].source = src
        if i < n_hostile:
            name, gid, src = hostile[i % len(hostile)]
            if name == "infinite-loop" and i >= len(hostile):
                name, gid, src = hostile[0]  # keep the timeouts to one per run
            if gid is None:
                nb.cells.insert(2, nbformat.v4.new_code_cell(src))
            else:
                by_id[gid].source = src
            kind = f"hostile:{name}"
        elif i < n_hostile + n_wrong:
            picks = rng.sample(wrong, k=rng.randint(1, 2))
            for _, answers in picks:
                for gid, src in answers.items():
                    by_id[gid].source = src
            kind = "wrong:" + "+".join(sorted(p[0] for p in picks))
        else:
            idiom = list(correct)[i % len(correct)]
            for gid, src in correct[idiom].items():
                by_id[gid].source = src
            kind = f"correct:{idiom}"
        student = f"s{i:03d}"
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{assignment}.ipynb")
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
        kinds[student] = kind
    return kinds


def totals(course: Path, assignment: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    gb = Gradebook(f"sqlite:///{course / 'gradebook.db'}")
    try:
        return {
            s.student_id: round(float(s.score), 6) for s in gb.assignment_submissions(assignment)
        }
    finally:
        gb.close()


def timed(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env(), capture_output=True, text=True)
    return time.perf_counter() - start, proc


def bench_one(
    assignment: str, n: int, timeout: int, workers: int, work: Path, loops: bool = True
) -> dict:
    """Grade one class with both graders, one after the other; the report for that assignment."""
    base = make_course(work / assignment / "base", assignment)
    kinds = write_submissions(base, assignment, n, loops=loops)
    ours_course, theirs_course = work / assignment / "ours", work / assignment / "nbgrader"
    shutil.copytree(base, ours_course)
    shutil.copytree(base, theirs_course)
    # Execute.timeout, not ExecutePreprocessor.timeout: the course config sets Execute's,
    # and traitlets lets the subclass's setting win over the base class's.
    load_before = os.getloadavg()[0]
    t_nb, p_nb = timed([str(BIN / "nbgrader"), "autograde", assignment, f"--Execute.timeout={timeout}",
                        "--Execute.shutdown_kernel=immediate", "--OverwriteCells.add_missing_cells=True"], theirs_course)  # fmt: skip
    t_us, p_us = timed([sys.executable, "-m", "autograder", "grade", assignment, "--course", str(ours_course),
                        "--quiet", "--timeout", str(timeout), "--workers", str(workers)], REPO)  # fmt: skip
    load_after = os.getloadavg()[0]
    if "sandbox:" not in p_us.stdout:
        raise RuntimeError(f"{assignment}: our grader did not run:\n{p_us.stdout}\n{p_us.stderr}")
    ours, theirs = totals(ours_course, assignment), totals(theirs_course, assignment)
    same = [s for s in kinds if ours.get(s) == theirs.get(s)]
    differ = {s: (kinds[s], theirs.get(s), ours.get(s)) for s in kinds if s not in same}
    honest_differ = {s: v for s, v in differ.items() if not v[0].startswith("hostile")}
    # Our per-question outcome for every difference, so a mismatch can be explained.
    ours_detail = {}
    for student in differ:
        entry = json.loads(
            (ours_course / ".autograder" / assignment / f"{student}.json").read_text()
        )
        ours_detail[student] = [
            f"{c['grade_id']}: {c['status']} {c['message'][:120]}".strip()
            for nb in entry["notebooks"].values()
            for c in nb["cells"]
            if c["kind"] == "test" and c["status"] != "passed"
        ] + [w for nb in entry["notebooks"].values() for w in nb.get("warnings", [])]
    out = REPO / ".benchmarks-out"
    out.mkdir(exist_ok=True)
    (out / f"grading-nbgrader-{assignment}.log").write_text(p_nb.stderr[-200_000:])
    counts = {
        k: sum(1 for v in kinds.values() if v.split(":")[0] == k)
        for k in ("correct", "wrong", "hostile")
    }
    honest = [s for s in kinds if not kinds[s].startswith("hostile")]
    return {
        "assignment": assignment,
        "submissions": n,
        "mix": counts,
        # The class's points, non-hostile submissions only: identical when every total is.
        "class_total_non_hostile": {
            "nbgrader": round(sum(theirs.get(s, 0.0) for s in honest), 6),
            "ours": round(sum(ours.get(s, 0.0) for s in honest), 6),
        },
        "load_average_before_after": [round(load_before, 1), round(load_after, 1)],
        "nbgrader_wall_s": round(t_nb, 1),
        "ours_wall_s": round(t_us, 1),
        "nbgrader_per_submission_s": round(t_nb / n, 3),
        "ours_per_submission_s": round(t_us / n, 3),
        "throughput_ratio": round(t_nb / t_us, 1),
        "identical_totals": len(same),
        "non_hostile_identical": f"{sum(1 for s in same if not kinds[s].startswith('hostile'))}"
        f"/{sum(1 for k in kinds.values() if not k.startswith('hostile'))}",
        "non_hostile_mismatches": {
            s: {"case": k, "nbgrader": a, "ours": b, "ours_detail": ours_detail[s]}
            for s, (k, a, b) in honest_differ.items()
        },  # fmt: skip
        "hostile_differences": {
            s: {"case": k, "nbgrader": a, "ours": b, "ours_detail": ours_detail[s]}
            for s, (k, a, b) in differ.items()
            if k.startswith("hostile")
        },  # fmt: skip
        "sandbox": p_us.stdout.splitlines()[0],
    }


def print_table(reports: list[dict]) -> None:
    print(
        f"{'assignment':<20} {'n':>4} {'nbgrader s':>10} {'ours s':>8} {'ratio':>6}  identical (non-hostile)"
        "  class points nbgrader / ours (non-hostile)  load"
    )
    for r in reports:
        points = r["class_total_non_hostile"]
        print(f"{r['assignment']:<20} {r['submissions']:>4} {r['nbgrader_wall_s']:>10} {r['ours_wall_s']:>8} "
              f"{r['throughput_ratio']:>5}x  {r['non_hostile_identical']:>23}  "
              f"{points['nbgrader']:>20g} / {points['ours']:<20g}  {r['load_average_before_after']}")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="submissions per assignment")
    ap.add_argument("--timeout", type=int, default=30, help="per-cell timeout for both graders (s)")
    ap.add_argument(
        "--assignment",
        default="ps1_market" if COURSE_ASSIGNMENTS else "ps1",
        help=f"one of {', '.join(COURSE_ASSIGNMENTS) or 'ps1'}, or 'all'",
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--keep", action="store_true", help="keep the scratch courses")
    ap.add_argument(
        "--no-loops",
        action="store_true",
        help="leave out the infinite-loop submission (its timeout costs both graders the same)",
    )
    args = ap.parse_args()
    names = COURSE_ASSIGNMENTS if args.assignment == "all" else [args.assignment]
    unknown = [a for a in names if a not in COURSE_ASSIGNMENTS and a != "ps1"]
    if unknown or not names:
        ap.error(f"unknown assignment {args.assignment!r}; choose from {COURSE_ASSIGNMENTS} or all")
    work = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    reports = []
    load_start = [round(x, 2) for x in os.getloadavg()]
    print(f"load average (1, 5, 15 min) at the start: {load_start}", flush=True)
    try:
        for assignment in names:
            reports.append(
                bench_one(assignment, args.n, args.timeout, args.workers, work, not args.no_loops)
            )
            print_table(reports[-1:])
            sys.stdout.flush()
        load_end = [round(x, 2) for x in os.getloadavg()]
        summary = {"cores": os.cpu_count(), "workers": args.workers, "timeout_s": args.timeout,
                   "infinite_loops": not args.no_loops, "load_average_1_5_15_min": {"start": load_start, "end": load_end},
                   "assignments": reports}  # fmt: skip
        print(json.dumps(summary, indent=1))
        print_table(reports)
        print(f"load average (1, 5, 15 min): {load_start} at the start, {load_end} at the end")
        out = REPO / ".benchmarks-out"
        out.mkdir(exist_ok=True)
        (out / "grading.json").write_text(json.dumps(summary, indent=1))
        return 1 if any(r["non_hostile_mismatches"] for r in reports) else 0
    finally:
        if args.keep:
            print(f"scratch courses kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
