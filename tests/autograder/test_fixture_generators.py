"""The committed fixture notebooks are what their generators write.

tests/autograder/fixtures/make_source.py writes the fixture course's instructor notebook and
make_submissions.py the scenario-named submissions derived from its release. Each is run
into a temporary folder and compared with what is committed, as
``exercises/build_source.py --check`` does for the course's own notebooks, so a changed
generator and a hand-edited fixture cannot drift apart. Cell ids are left out of the
comparison: nbformat draws them at random on every run; a cell's source compares as one text
whether the file stores it as one string or as lines. ``corrupt-json/ps1.ipynb`` is broken
JSON on purpose and is compared as text.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REGENERATE = "regenerate with .venv/bin/python tests/autograder/fixtures/{}.py"


def _generator(name: str):
    """A generator script, loaded as a module (it is a script, not part of a package)."""
    spec = importlib.util.spec_from_file_location(f"fixture_{name}", FIXTURES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _comparable(path: Path):
    """A notebook as nbformat reads it, without its random cell ids; its text if not JSON."""
    text = path.read_text(encoding="utf-8")
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return text
    notebook = nbformat.reads(text, as_version=4)  # a cell's source lines joined into one text
    for cell in notebook.cells:
        cell.pop("id", None)
    return notebook


def _tree(root: Path) -> dict:
    return {
        str(p.relative_to(root)): _comparable(p) for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_the_fixture_course_notebook_is_what_make_source_writes(tmp_path):
    written = _generator("make_source").build(tmp_path / "ps1.ipynb")
    committed = FIXTURES / "course" / "source" / "ps1" / "ps1.ipynb"
    assert _comparable(written) == _comparable(committed), REGENERATE.format("make_source")


def test_the_fixture_submissions_are_what_make_submissions_writes(tmp_path):
    _generator("make_submissions").main(tmp_path / "submissions")
    written, committed = _tree(tmp_path / "submissions"), _tree(FIXTURES / "submissions")
    assert sorted(written) == sorted(committed), REGENERATE.format("make_submissions")
    assert len(committed) >= 37 and "corrupt-json/ps1.ipynb" in committed
    assert isinstance(committed["corrupt-json/ps1.ipynb"], str)  # broken JSON, compared as text
    differ = [name for name in committed if written[name] != committed[name]]
    assert not differ, f"{differ} differ from the generator: " + REGENERATE.format(
        "make_submissions"
    )
