"""Build an nbgrader source notebook from a short Python description.

Each assignment is described once, in ``authoring/<assignment>.py``, with the helpers
below; ``build_source.py`` turns every description into
``source/<assignment>/<assignment>.ipynb`` (no outputs, deterministic cell ids,
nbgrader schema v3 metadata). Test cells are generated from the visible-test registry
in ``globalsourcing.checks``, so a question's variable names are written in one place.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import nbformat
from nbformat.notebooknode import NotebookNode

from globalsourcing.checks import get as get_question

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

HEADER_RULES = """\
**How this notebook is graded.** The read-only cells (like this one) and the test cells
are restored from the instructor's copy when your work is graded. Do not delete, split,
copy, move or change the type of the answer cells and test cells: write your code where
it says `# YOUR CODE HERE` (remove the `raise NotImplementedError()` line) and your
written answers where it says "YOUR ANSWER HERE". You may add your own cells anywhere
for exploration.

Answers are plain Python values (numbers, strings, DataFrames, functions) assigned to the
names each question gives. Store numbers unrounded: each number is checked to the precision
stated below, so any value at least that precise passes, and one rounded more coarsely is
reported as rounded. A later question is checked against your own earlier answers, so one
mistake costs only its own question's points. Choices are letters or labels written as the
question shows them ("B", "b", "(B)" or "B." all count). Each test cell checks one question and explains what to fix
when it fails; the graded version also runs hidden tests. Working on your own? Run
`check("q1")` (or `check()` for all questions) at any point. Before you submit, choose
*Kernel > Restart Kernel and Run All Cells* and make sure no cell shows an error you did
not expect."""


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def _meta(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float | None):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


@dataclass
class Assignment:
    """Cells of one assignment, in order."""

    name: str
    title: str
    minutes: str
    datasets: list[str]
    precision: str = ""
    prefix: str = ""
    cells: list[NotebookNode] = field(default_factory=list)
    points: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.prefix = self.prefix or self.name.split("_")[0]

    # -- cell makers ------------------------------------------------------------------
    def _add(self, cell: NotebookNode, cell_id: str) -> None:
        cell["id"] = cell_id.replace("_", "-")
        self.cells.append(cell)

    def header(self, intro: str) -> None:
        data = ", ".join(f"`{d}`" for d in self.datasets) or "none (all inputs are in the notebook)"
        if not self.precision:
            raise ValueError(f"{self.name}: state the precision answers are checked to")
        body = (
            f"# {self.title}\n\n{_dedent(intro)}\n\n"
            f"*Time: about {self.minutes} minutes. Datasets: {data}.*\n\n"
            f"**Precision.** {self.precision}\n\n{HEADER_RULES}"
        )
        gid = f"{self.prefix}_header"
        self._add(
            nbformat.v4.new_markdown_cell(
                body, metadata=_meta(gid, grade=False, solution=False, locked=True, points=None)
            ),
            gid,
        )

    def setup(self, code: str) -> None:
        """The read-only first code cell; it sets ASSIGNMENT so check() knows the notebook."""
        source = f'ASSIGNMENT = "{self.name}"\n\n{_dedent(code)}'
        if "from globalsourcing import check" not in source:
            raise ValueError(f"{self.name}: the setup cell must import check")
        gid = f"{self.prefix}_setup"
        self._add(
            nbformat.v4.new_code_cell(
                source, metadata=_meta(gid, grade=False, solution=False, locked=True, points=None)
            ),
            gid,
        )

    def text(self, slug: str, markdown: str) -> None:
        gid = f"{self.prefix}_{slug}"
        self._add(
            nbformat.v4.new_markdown_cell(
                _dedent(markdown),
                metadata=_meta(gid, grade=False, solution=False, locked=True, points=None),
            ),
            gid,
        )

    def scratch(self, slug: str, code: str) -> None:
        """An ordinary code cell students may change (demonstrations, exploration)."""
        self._add(nbformat.v4.new_code_cell(_dedent(code)), f"{self.prefix}_{slug}")

    def answer(self, qid: str, slug: str, code: str) -> None:
        """An autograded answer cell; its solution sits between BEGIN/END SOLUTION."""
        source = _dedent(code)
        if "### BEGIN SOLUTION" not in source:
            raise ValueError(f"{self.name} {qid}: an answer cell needs a solution region")
        gid = f"{self.prefix}_{qid}_{slug}"
        self._add(
            nbformat.v4.new_code_cell(
                source, metadata=_meta(gid, grade=False, solution=True, locked=False, points=None)
            ),
            gid,
        )

    def tests(self, qid: str, slug: str, points: float) -> None:
        """The locked test cell: visible test from the package, hidden test from autograder/."""
        question = get_question(self.name, qid)
        args = ", ".join(question.uses)
        source = (
            f"# Tests for {qid.upper()} ({_plural(points)}). Run this cell; a failing test "
            "explains what to fix.\n"
            f"from globalsourcing.checks import {self.name} as visible_tests\n\n"
            f"visible_tests.{qid}({args})\n"
            "### BEGIN HIDDEN TESTS\n"
            f"from autograder.hidden import {self.name} as hidden_tests\n"
            "from globalsourcing.checks import run_hidden\n\n"
            f"run_hidden(hidden_tests.{qid}, {args})\n"
            "### END HIDDEN TESTS"
        )
        gid = f"{self.prefix}_{qid}_{slug}_tests"
        self.points[gid] = points
        self._add(
            nbformat.v4.new_code_cell(
                source, metadata=_meta(gid, grade=True, solution=False, locked=True, points=points)
            ),
            gid,
        )

    def written(self, qid: str, slug: str, points: float, prompt: str, model_answer: str) -> None:
        """A read-only prompt followed by a manually graded Markdown answer cell.

        The model answer is replaced by "YOUR ANSWER HERE" in the release; the rubric
        for graders is in instructor/rubrics/<assignment>.md.
        """
        self.text(
            f"{qid}_{slug}_prompt",
            f"**{qid.upper()} ({_plural(points)}, graded by hand).** {_dedent(prompt)}",
        )
        gid = f"{self.prefix}_{qid}_{slug}"
        self.points[gid] = points
        self._add(
            nbformat.v4.new_markdown_cell(
                _dedent(model_answer),
                metadata=_meta(gid, grade=True, solution=True, locked=False, points=points),
            ),
            gid,
        )

    def footer(self) -> None:
        self.scratch("check_all", "# Self-check: run the visible tests of every question.\ncheck()")

    # -- output -----------------------------------------------------------------------
    def notebook(self) -> NotebookNode:
        nb = nbformat.v4.new_notebook()
        nb.metadata = {
            "kernelspec": dict(KERNELSPEC),
            "language_info": {"name": "python"},
        }
        nb.cells = [nbformat.from_dict(cell) for cell in self.cells]
        return nb


def _plural(points: float) -> str:
    value = int(points) if float(points).is_integer() else points
    return f"{value} point" if value == 1 else f"{value} points"
