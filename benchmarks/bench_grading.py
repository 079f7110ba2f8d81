"""Benchmark: our grader against plain `nbgrader autograde` on the same submissions.

Builds a scratch copy of a real course assignment (exercises/ps1_market by default,
with the fixture course's ps1 as a fallback), generates N submissions (correct,
partly wrong and hostile), grades them once with plain nbgrader and once with
`python -m autograder grade` (sandbox on, one worker per core), and prints wall
times, the throughput ratio, and a score comparison.  Non-hostile submissions must
get identical totals; hostile ones where the two differ are listed separately.

    GLOBALSOURCING_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_grading.py
    (options: --n 200 --timeout 10 --assignment ps1_market --keep)
"""

from __future__ import annotations

import argparse
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

# Mutations per assignment: (name, grade_id, new source). Partly-wrong answers first.
WRONG = {
    "ps1_market": [
        (
            "cagr-off-by-one",
            "ps1_q2_cagr",
            "def cagr(start, end, years):\n    return (end / start) ** (1 / (years + 1)) - 1",
        ),
        ("wrong-letter", "ps1_q6_definitions", 'answer_q6 = "A"'),
        (
            "unsorted-ito",
            "ps1_q1_ito",
            'market["midpoint_usd_bn"] = (market["value_low_usd_bn"] + market["value_high_usd_bn"]) / 2\n'
            'ito = market.query("market == \'ito\' and geography == \'World\'")[["year", "midpoint_usd_bn", "originator"]]',
        ),
        ("no-answer-q5", "ps1_q5_bpo_claims", "# YOUR CODE HERE\nraise NotImplementedError()"),
    ],
    "ps1": [
        ("wrong-q2", "q2_answer", 'cheapest_vendor = "Cebu Care"'),
        (
            "wrong-q3",
            "q3_answer",
            'fee_by_country = offers.groupby("country")["monthly_fee"].mean()',
        ),
        ("empty-q4", "q4_answer", "shortlist = []"),
    ],
}
# Hostile submissions: (name, grade_id of the cell to replace or None to add a cell, source)
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


def write_submissions(course: Path, assignment: str, n: int, seed: int = 7) -> dict[str, str]:
    """Returns student -> kind ("correct", "wrong:<name>", "hostile:<name>")."""
    release = nbformat.read(course / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    sol = solutions(course, assignment)
    rng = random.Random(seed)
    hostile = HOSTILE[assignment]
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
            picks = rng.sample(WRONG[assignment], k=rng.randint(1, 2))
            for _, gid, src in picks:
                by_id[gid].source = src
            kind = "wrong:" + "+".join(sorted(p[0] for p in picks))
        else:
            kind = "correct"
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--timeout", type=int, default=10, help="per-cell timeout for both graders (s)")
    ap.add_argument(
        "--assignment",
        default="ps1_market" if (REPO / "exercises" / "source" / "ps1_market").is_dir() else "ps1",
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--keep", action="store_true", help="keep the scratch courses")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    try:
        base = make_course(work / "base", args.assignment)
        kinds = write_submissions(base, args.assignment, args.n)
        ours_course, theirs_course = work / "ours", work / "nbgrader"
        shutil.copytree(base, ours_course)
        shutil.copytree(base, theirs_course)

        t_nb, p_nb = timed([str(BIN / "nbgrader"), "autograde", args.assignment, f"--ExecutePreprocessor.timeout={args.timeout}",
                            "--Execute.shutdown_kernel=immediate", "--OverwriteCells.add_missing_cells=True"], theirs_course)  # fmt: skip
        t_us, p_us = timed([sys.executable, "-m", "autograder", "grade", args.assignment, "--course", str(ours_course),
                            "--quiet", "--timeout", str(args.timeout), "--workers", str(args.workers)], REPO)  # fmt: skip
        if "sandbox:" not in p_us.stdout:
            print(p_us.stdout, p_us.stderr, file=sys.stderr)
            return 1
        ours, theirs = totals(ours_course, args.assignment), totals(theirs_course, args.assignment)
        same = [s for s in kinds if ours.get(s) == theirs.get(s)]
        differ = {s: (kinds[s], theirs.get(s), ours.get(s)) for s in kinds if s not in same}
        honest_differ = {s: v for s, v in differ.items() if not v[0].startswith("hostile")}
        # Our per-question outcome for every difference, so a mismatch can be explained.
        ours_detail = {}
        for student in differ:
            entry = json.loads(
                (ours_course / ".autograder" / args.assignment / f"{student}.json").read_text()
            )
            ours_detail[student] = [
                f"{c['grade_id']}: {c['status']} {c['message'][:120]}".strip()
                for nb in entry["notebooks"].values()
                for c in nb["cells"]
                if c["kind"] == "test" and c["status"] != "passed"
            ] + [w for nb in entry["notebooks"].values() for w in nb.get("warnings", [])]
        (REPO / ".benchmarks-out").mkdir(exist_ok=True)
        (REPO / ".benchmarks-out" / "grading-nbgrader.log").write_text(p_nb.stderr[-200_000:])
        counts = {
            k: sum(1 for v in kinds.values() if v.split(":")[0] == k)
            for k in ("correct", "wrong", "hostile")
        }
        report = {
            "assignment": args.assignment,
            "submissions": args.n,
            "mix": counts,
            "cores": os.cpu_count(),
            "workers": args.workers,
            "nbgrader_wall_s": round(t_nb, 1),
            "ours_wall_s": round(t_us, 1),
            "nbgrader_per_submission_s": round(t_nb / args.n, 3),
            "ours_per_submission_s": round(t_us / args.n, 3),
            "throughput_ratio": round(t_nb / t_us, 1),
            "identical_totals": len(same),
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
        print(json.dumps(report, indent=1))
        out = REPO / ".benchmarks-out"
        out.mkdir(exist_ok=True)
        (out / "grading.json").write_text(json.dumps(report, indent=1))
        return 1 if honest_differ else 0
    finally:
        if args.keep:
            print(f"scratch courses kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
