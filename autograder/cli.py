"""Command line: ``python -m autograder VERB ...`` (a thin layer over the modules)."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import warnings
from pathlib import Path

from . import __version__
from .terminal import say

# The course a clone of this repository ships; the default when the current folder is no course.
REPO_COURSE = Path(__file__).resolve().parents[1] / "exercises"


def default_course(cwd: Path | None = None) -> Path:
    """The current folder if it is an nbgrader course, else the clone's ``exercises/``."""
    cwd = cwd or Path.cwd()
    if (cwd / "nbgrader_config.py").exists() or not (REPO_COURSE / "nbgrader_config.py").exists():
        return cwd
    return REPO_COURSE


def _course(args):
    from .course import Course

    return Course.load(args.course or default_course(), db_url=args.db_url)


def missing_grading_tools() -> str | None:
    """What to install when the grading extra is absent (e.g. after ``make book`` alone)."""
    missing = [m for m in ("nbgrader", "nbclient", "jinja2") if importlib.util.find_spec(m) is None]
    if not missing:
        return None
    return (
        f"grading needs {', '.join(missing)}, which this environment lacks "
        f"({sys.executable}). From the clone run `make course` "
        "(or `bash scripts/setup.sh instructor`); elsewhere "
        "`pip install 'globalsourcing[instructor]'`."
    )


def with_own_bin_on_path() -> None:
    """Put this interpreter's ``bin`` first on PATH: nbgrader starts ``alembic`` by name."""
    own_bin = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if parts[:1] != [own_bin]:
        os.environ["PATH"] = os.pathsep.join([own_bin, *[p for p in parts if p != own_bin]])


def cmd_collect(args) -> int:
    from .collect import collect_exchange, collect_zip

    course = _course(args)
    if args.zip:
        got = collect_zip(
            course,
            args.assignment,
            Path(args.zip),
            args.lms,
            Path(args.roster) if args.roster else None,
            args.notebook,
        )
        for c in got.collected:
            say(
                f"{c.student}: {c.filename}"
                + (f" (LMS user {c.lms_id})" if c.lms_id != c.student else "")
            )
        say(f"collected {len(got.collected)} notebooks into {course.root / 'submitted'}")
        for member, reason in got.refused.items():
            say(f"  refused {member}: {reason}", error=True)
        return 1 if got.refused else 0
    if not course.exchange_root and not Path("/srv/nbgraderexchange").is_dir():
        say(
            "error: no nbgrader exchange is configured for this course and the default "
            "/srv/nbgraderexchange does not exist. Either add "
            '`c.Exchange.root = "/path/to/exchange"` to '
            f"{course.root / 'nbgrader_config.py'}, or collect an LMS download with "
            f"`python -m autograder collect {args.assignment} --zip FILE.zip --lms canvas`.",
            error=True,
        )
        return 2
    collect_exchange(course, args.assignment)
    say(f"collected {args.assignment} from the nbgrader exchange")
    return 0


def _start_sandbox_early(course, args, limits) -> None:
    """Start the fork server before importing the grader's heavy modules.

    It needs a second of CPU for numpy, pandas and the course package, and the grader
    about as long for nbgrader's gradebook, the submissions and the checker's imports:
    started first, the two overlap on two cores. ``grade`` hands it the setup cells, or
    stops it unused (nothing to grade, other settings). Problems are left to ``grade``.
    """
    if args.scheduler or not course.submitted(args.assignment, args.student or None):
        return
    from .student_process import start_early

    try:
        declared = course.declaration
        preload = declared.preload_modules(args.assignment)
        start_early(preload, course.sandbox_limits(limits).env)
    except Exception:  # noqa: BLE001, S110 - grade() meets the same problem and reports it
        pass


def cmd_grade(args) -> int:
    from .sandbox import Limits

    limits = Limits(
        cell_timeout=args.timeout,
        total_timeout=args.total_timeout,
        cpu_seconds=args.cpu,
        memory_mb=args.memory,
        output_bytes=args.max_output,
    )
    course = _course(args)
    _start_sandbox_early(course, args, limits)
    from .grade import grade

    summary = grade(
        course,
        args.assignment,
        args.student or None,
        workers=args.workers,
        scheduler=args.scheduler,
        force=args.force,
        limits=limits,
        hidden_messages=args.hidden_messages,
        progress=not args.quiet,
    )
    if summary.sandbox:
        say("sandbox:", "; ".join(summary.sandbox["applied"]))
        if summary.sandbox["missing"]:
            say("NOT protected:", "; ".join(summary.sandbox["missing"]), error=True)
    say(
        f"{len(summary.graded)} graded, {len(summary.reused)} already graded (journal), "
        f"{len(summary.errors)} not gradable"
    )
    counts = summary.status_counts()
    say("by status: " + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    titles = _titles(course, args.assignment)
    for student, reason in sorted(summary.errors.items()):
        say(f"  {student}: {_in_words(reason, titles)}")
    for student, problem in sorted(summary.problems.items()):
        say(f"  {student}: graded, but {problem}")
    for student, notes in _notes(summary, titles):
        for note in notes:
            say(f"  {student}: {note}")
    if not args.quiet:
        _say_totals(course, args.assignment)
    return 0 if summary.clean else 1


def _titles(course, assignment: str) -> dict[str, str]:
    """grade id -> "Q1 <title>" over the assignment's source notebooks."""
    from .questions import assignment_titles

    return assignment_titles(course.root / "source" / assignment)


def _in_words(reason: str, titles: dict[str, str]) -> str:
    from .questions import in_words

    return "; ".join(in_words(part, titles) for part in reason.split("; "))


def _notes(summary, titles: dict[str, str]) -> list[tuple[str, list[str]]]:
    """What the grader noticed in each graded notebook (a test cell edited, a cell deleted),
    naming questions as the feedback does ("Q1 <title>"), one line per note."""
    from .questions import in_words

    found = []
    for student in sorted(summary.results):
        if student in summary.errors:
            continue  # its reasons are already printed
        notebooks = summary.results[student].notebooks
        notes = [
            f"{nb}: {in_words(note, titles)}" if len(notebooks) > 1 else in_words(note, titles)
            for nb, entry in notebooks.items()
            for note in entry.warnings
        ]
        if notes:
            found.append((student, notes))
    return found


def _say_totals(course, assignment: str) -> None:
    """One line per student: total, maximum and status (what a grader checks first)."""
    from .status_rows import collect_rows

    _, rows = collect_rows(course, assignment)
    if not rows:
        return
    width = max(len("student"), *(len(r.student_id) for r in rows))
    say(f"{'student':<{width}}  {'score':>13}  status")
    for r in sorted(rows, key=lambda r: r.student_id):
        score = f"{r.score:g} / {r.max_score:g}"
        say(f"{r.student_id:<{width}}  {score:>13}  {r.status_text}")


def cmd_feedback(args) -> int:
    from .feedback import feedback

    paths = feedback(_course(args), args.assignment, args.student or None)
    say(f"wrote {len(paths)} feedback pages")
    return 0


def cmd_export(args) -> int:
    from .export import blank_counts, export, status_report

    course = _course(args)
    roster = Path(args.roster) if args.roster else None
    if not args.output:  # never a file in the course folder, which may be under git
        export(course, args.assignment, args.format, sys.stdout, roster)
        if args.format != "csv":
            _say_blanks(blank_counts(course, args.assignment), None)
        return 0
    out = Path(args.output)
    say(export(course, args.assignment, args.format, out, roster))
    if args.format != "csv":
        status = out.with_name(f"{out.stem}-status.csv")
        say(status_report(course, args.assignment, status, roster))
        _say_blanks(blank_counts(course, args.assignment), status)
    return 0


def _say_blanks(counts: dict[str, int], status: Path | None) -> None:
    if not counts:
        return
    where = f"see {status}" if status else "export with --output FILE for the status report"
    listed = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
    say(f"left blank (not zero): {listed}; {where}", error=True)


def cmd_report(args) -> int:
    from .report import report

    paths = report(_course(args), args.assignment, Path(args.output), png=args.png)
    for p in paths.values():
        say(p)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m autograder",
        description="Sandboxed, parallel, resumable grading for an nbgrader course.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--course",
        help="course folder with nbgrader_config.py (default: the current folder if it is "
        "one, else the clone's exercises/)",
    )
    common.add_argument(
        "--db-url",
        help="gradebook URL (default: the course's nbgrader setting or sqlite gradebook.db)",
    )
    sub = parser.add_subparsers(dest="verb", required=True)

    p = sub.add_parser(
        "collect", parents=[common], help="collect submissions from the exchange or an LMS zip"
    )
    p.add_argument("assignment")
    p.add_argument("--zip", help="LMS bulk-download zip")
    p.add_argument("--lms", choices=["canvas", "moodle"], default="canvas")
    p.add_argument("--roster", help="CSV with lms_id,student_id columns")
    p.add_argument("--notebook", help="store every file under this notebook name (e.g. ps1)")
    p.set_defaults(func=cmd_collect)

    p = sub.add_parser("grade", parents=[common], help="autograde submissions into the gradebook")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="student id or glob; repeatable")
    p.add_argument("--workers", type=int, help="parallel submissions (default: one per core)")
    p.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    p.add_argument(
        "--force", action="store_true", help="regrade submissions already in the journal"
    )
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per cell (default 30)")
    p.add_argument(
        "--total-timeout", type=float, default=300.0, help="seconds per submission (default 300)"
    )
    p.add_argument("--cpu", type=int, default=300, help="CPU seconds per submission (default 300)")
    p.add_argument(
        "--memory", type=int, default=1024, help="extra memory per submission in MB (default 1024)"
    )
    p.add_argument(
        "--max-output", type=int, default=200_000, help="characters of output kept per submission"
    )
    p.add_argument(
        "--hidden-messages",
        choices=["auto", "type", "full"],
        default="auto",
        help="feedback for a failed hidden test: auto (the message if it comes from a module the course declares in safe_messages, else the exception type), type, full",
    )
    p.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar and no total per student (for scripts)",
    )
    p.set_defaults(func=cmd_grade)

    p = sub.add_parser(
        "feedback", parents=[common], help="HTML feedback per student (no hidden tests)"
    )
    p.add_argument("assignment")
    p.add_argument("--student", action="append")
    p.set_defaults(func=cmd_feedback)

    p = sub.add_parser("export", parents=[common], help="grades as CSV (plain, Canvas or Moodle)")
    p.add_argument("assignment")
    p.add_argument("--format", choices=["csv", "canvas", "moodle"], default="csv")
    p.add_argument(
        "--output",
        "-o",
        help="CSV file to write (default: stdout); canvas and moodle also write FILE-status.csv",
    )
    p.add_argument("--roster", help="CSV with lms_id,student_id columns (Canvas user ids)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", parents=[common], help="item analysis per question, with a chart")
    p.add_argument("assignment")
    p.add_argument("--output", "-o", default="reports")
    p.add_argument("--png", action="store_true", help="also save the chart as PNG (vl-convert)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    problem = missing_grading_tools()
    if problem:
        say(f"error: {problem}", error=True)
        return 2
    with_own_bin_on_path()
    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=".*not in session.*")
    from .collect import CollectError
    from .course import CourseError
    from .spec import SpecError

    try:
        return args.func(args)
    except (CourseError, SpecError, CollectError, ValueError, FileNotFoundError) as exc:
        say(f"error: {exc}", error=True)
        return 2
