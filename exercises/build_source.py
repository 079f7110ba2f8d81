"""Write every assignment's nbgrader source notebook from its description in authoring/.

    python exercises/build_source.py          # (re)write source/<assignment>/<assignment>.ipynb
    python exercises/build_source.py --check  # fail if a committed notebook is out of date

The descriptions in authoring/ are the single source of truth; the notebooks in source/
are what nbgrader reads and are committed without outputs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import nbformat
from nbgrader.nbgraderformat import MetadataValidator

HERE = Path(__file__).resolve().parent
AUTHORING = HERE / "authoring"
SOURCE = HERE / "source"


def assignment_modules() -> list[str]:
    return sorted(p.stem for p in AUTHORING.glob("ps*.py"))


def render(name: str) -> tuple[Path, str]:
    if str(AUTHORING) not in sys.path:
        sys.path.insert(0, str(AUTHORING))
    assignment = importlib.import_module(name).build()
    nb = assignment.notebook()
    MetadataValidator().validate_nb(nb)
    nbformat.validate(nb)
    return SOURCE / assignment.name / f"{assignment.name}.ipynb", nbformat.writes(nb) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date notebooks")
    args = parser.parse_args(argv)
    stale = []
    for name in assignment_modules():
        path, text = render(name)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(("out of date: " if args.check else "wrote ") + str(path.relative_to(HERE)))
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
