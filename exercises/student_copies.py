"""Write student copies of the assignments for self-study, without nbgrader's exchange.

    python exercises/student_copies.py my-exercises              # every assignment
    python exercises/student_copies.py my-exercises ps5_tco      # one assignment
    python exercises/student_copies.py --selfstudy               # refresh exercises/selfstudy/

``exercises/selfstudy/`` holds the copies the wheel ships (as ``globalsourcing/_exercises``),
so a pip-installed learner gets them with ``python -m globalsourcing copy``; a test fails
when they no longer match the source notebooks.

The copies are what ``nbgrader generate_assignment`` releases: solutions replaced by
stubs, hidden tests and written model answers removed, outputs cleared. Self-study
learners check their work with ``check("q1")``; the hidden tests stay with instructors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearHiddenTests, ClearOutput, ClearSolutions
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
SELFSTUDY = HERE / "selfstudy"


def _config() -> Config:
    # The course's own configuration, so the stubs match what nbgrader releases.
    return PyFileConfigLoader("nbgrader_config.py", path=str(HERE)).load_config()


def student_copy(assignment: str) -> nbformat.NotebookNode:
    path = SOURCE / assignment / f"{assignment}.ipynb"
    if not path.exists():
        known = sorted(p.name for p in SOURCE.iterdir() if p.is_dir())
        raise SystemExit(f"no assignment {assignment!r}; the assignments are {known}")
    nb = nbformat.read(path, as_version=4)
    resources = {"language": "python"}
    for preprocessor in (ClearSolutions, ClearHiddenTests, ClearOutput):
        nb, resources = preprocessor(config=_config()).preprocess(nb, resources)
    return nb


def assignments() -> list[str]:
    return sorted(p.name for p in SOURCE.iterdir() if p.is_dir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", help="folder to write the notebooks into")
    parser.add_argument("assignments", nargs="*", help="default: all")
    parser.add_argument(
        "--selfstudy", action="store_true", help=f"write every assignment into {SELFSTUDY}"
    )
    args = parser.parse_args(argv)
    if args.selfstudy:
        args.out, args.assignments = SELFSTUDY, []
    elif args.out is None:
        parser.error("give a folder to write into, or --selfstudy")
    names = args.assignments or assignments()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        target = args.out / f"{name}.ipynb"
        nbformat.write(student_copy(name), target)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
