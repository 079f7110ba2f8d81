"""The committed nbgrader course: generated from authoring/, valid, readable, complete."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator

from autograder.declaration import Declaration
from globalsourcing.checks import get as get_question

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
SOURCES = sorted(EXERCISES.glob("source/*/*.ipynb"))
GRADE_ID = re.compile(r"^ps\d_[a-z0-9_]+$")


def _meta(cell):
    return cell.metadata.get("nbgrader", {})


def test_there_are_at_least_six_assignments_each_in_its_own_folder():
    names = [p.stem for p in SOURCES]
    assert len(names) >= 6, names
    assert all(p.parent.name == p.stem for p in SOURCES)


def test_committed_notebooks_match_their_authoring_descriptions():
    done = subprocess.run(
        [sys.executable, str(EXERCISES / "build_source.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"run exercises/build_source.py: {done.stdout}{done.stderr}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_source_notebook_is_valid_nbgrader_v3_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    MetadataValidator().validate_nb(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
        if _meta(cell):
            assert _meta(cell)["schema_version"] == 3
            assert GRADE_ID.match(_meta(cell)["grade_id"]), _meta(cell)["grade_id"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_notebook_opens_with_the_do_not_delete_header_and_setup(path):
    nb = nbformat.read(path, as_version=4)
    header, setup = nb.cells[0], nb.cells[1]
    assert _meta(header)["locked"] and "Do not delete, split" in header.source
    assert _meta(setup)["locked"] and f'ASSIGNMENT = "{path.stem}"' in setup.source
    # A guided variant opens with its coding variant's setup.
    assert "from globalsourcing.data import load" in setup.source or path.stem.removesuffix(
        "_guided"
    ) in {"ps5_tco", "ps6_retention"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_every_test_cell_calls_a_visible_and_a_hidden_test_of_plain_values(path):
    nb = nbformat.read(path, as_version=4)
    assignment = path.stem
    hidden = Declaration.read(EXERCISES).hidden_module(assignment)
    tests = [c for c in nb.cells if _meta(c).get("grade") and c.cell_type == "code"]
    assert len(tests) >= 4
    for cell in tests:
        ast.parse(cell.source)
        visible_call, hidden_block = cell.source.split("### BEGIN HIDDEN TESTS")
        qid = re.search(r"visible_tests\.(q\d+)\(", visible_call).group(1)
        question = get_question(assignment, qid)
        assert f"visible_tests.{qid}({', '.join(question.uses)})" in visible_call
        assert f"run_hidden(hidden_tests.{qid}, {', '.join(question.uses)})" in hidden_block
        assert callable(getattr(hidden, qid))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_every_assignment_has_a_written_answer_with_a_rubric(path):
    nb = nbformat.read(path, as_version=4)
    written = {
        _meta(c)["grade_id"]: _meta(c)["points"]
        for c in nb.cells
        if c.cell_type == "markdown" and _meta(c).get("grade")
    }
    assert written, "at least one manually graded answer"
    rubric = (REPO / "instructor" / "rubrics" / f"{path.stem}.md").read_text()
    for grade_id, points in written.items():
        assert f"`{grade_id}`, {points:g} points" in rubric
        section = rubric.split(f"`{grade_id}`")[1].split("\n## ")[0]
        rows = re.findall(r"^\| [^|]+ \| (\d+(?:\.\d+)?) \|", section, flags=re.MULTILINE)
        assert sum(map(float, rows)) == points, f"{grade_id}: criteria add to {rows}"


def test_hidden_tests_are_not_shipped_in_the_wheel():
    pyproject = (REPO / "pyproject.toml").read_text()
    assert 'packages = ["globalsourcing"]' in pyproject
    assert not (REPO / "globalsourcing" / "autograder").exists()
    # Only the self-study copies of exercises/ are shipped, never the hidden tests beside them.
    include = pyproject.split("[tool.hatch.build.targets.wheel.force-include]")[1].split("\n[")[0]
    shipped = re.findall(r'^"(exercises[^"]*)" = ', include, flags=re.MULTILINE)
    assert shipped == ["exercises/selfstudy"]
    assert (EXERCISES / "hidden" / "ps1_market.py").is_file()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_header_states_precision_and_the_students_page_the_same_time(source):
    header = nbformat.read(source, as_version=4).cells[0].source
    assert "**Precision.** Answers are checked to these precisions:" in header
    minutes = re.search(r"\*Time: about (\d+) to (\d+) minutes", header)
    assert minutes, header[:300]
    page = (REPO / "book" / "exercises" / "00-graded-exercises.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if f"`{source.stem}`" in line)
    assert row.rstrip(" |").endswith(f"{minutes[1]}-{minutes[2]} min"), row
