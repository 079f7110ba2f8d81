"""Write every assignment's nbgrader source notebook from its description in authoring/.

    python exercises/build_source.py          # (re)write source/<assignment>/<assignment>.ipynb
    python exercises/build_source.py --check  # fail if a committed notebook is out of date

The descriptions in authoring/ are the single source of truth; the notebooks in source/
are what nbgrader reads and are committed without outputs. An assignment whose module
defines ``rubric_reference()`` also owns the reference-results paragraph of its rubric
(instructor/rubrics/<assignment>.md, between the two REFERENCE_MARKS): the paragraph is
computed from the data when this script runs, so the rubric never quotes a stale draw.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbgrader.nbgraderformat import MetadataValidator

HERE = Path(__file__).resolve().parent
PYPROJECT = HERE.parent / "pyproject.toml"
AUTHORING = HERE / "authoring"
SOURCE = HERE / "source"
RUBRICS = HERE.parent / "instructor" / "rubrics"
REFERENCE_MARKS = (
    "<!-- reference results: computed from the data by exercises/build_source.py -->\n",
    "<!-- end of reference results -->\n",
)


def assignment_modules() -> list[str]:
    return sorted(p.stem for p in AUTHORING.glob("ps*.py"))


def render(name: str) -> tuple[Path, str]:
    if str(AUTHORING) not in sys.path:
        sys.path.insert(0, str(AUTHORING))
    assignment = importlib.import_module(name).build()
    nb = assignment.notebook()
    MetadataValidator().validate_nb(nb)
    nbformat.validate(nb)
    return SOURCE / assignment.name / f"{assignment.name}.ipynb", _ruff_format(nbformat.writes(nb))


def render_rubric(name: str) -> tuple[Path, str] | None:
    """The rubric with its reference paragraph recomputed, or None if the module has none."""
    module = importlib.import_module(name)
    if not hasattr(module, "rubric_reference"):
        return None
    path = RUBRICS / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    begin, end = REFERENCE_MARKS
    if text.count(begin) != 1 or text.count(end) != 1:
        raise SystemExit(f"{path}: the reference paragraph must sit between {begin!r} and {end!r}")
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    return path, head + begin + module.rubric_reference().strip("\n") + "\n" + end + tail


def _ruff_format(text: str) -> str:
    """Format the code cells as the repository's ruff settings want them.

    Authors write solutions naturally; the committed notebooks still pass `ruff format
    --check`, and students see consistently formatted code.
    """
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        raise SystemExit("build_source.py needs ruff (pip install -e '.[dev]')")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notebook.ipynb"
        path.write_text(text + "\n", encoding="utf-8")
        subprocess.run(
            [ruff, "format", "--quiet", "--config", str(PYPROJECT), str(path)], check=True
        )
        return path.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date notebooks")
    args = parser.parse_args(argv)
    stale = []
    for name in assignment_modules():
        for rendered in (render(name), render_rubric(name)):
            if rendered is None:
                continue
            path, text = rendered
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == text:
                continue
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for path in stale:
        print(("out of date: " if args.check else "wrote ") + str(path.relative_to(HERE.parent)))
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
