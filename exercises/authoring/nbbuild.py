"""Build an nbgrader source notebook from a short Python description.

Each assignment is described once, in ``authoring/<assignment>.py``, with the helpers
below; ``build_source.py`` turns every description into
``source/<assignment>/<assignment>.ipynb`` (no outputs, deterministic cell ids,
nbgrader schema v3 metadata). Test cells are generated from the visible-test registry
in ``globalsourcing.checks``, so a question's variable names are written in one place.
"""

from __future__ import annotations

import json
import string
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

GUIDED_RULES = """\
**How this notebook works.** This is the guided version of the problem set: the code is
written for you. Run each code cell in order, read what it does, and change its inputs
where a question asks you to (a parameter near the top of the cell, a filter, a year, a
weight); the comments say which lines to change. You may add your own cells anywhere.

**How it is graded.** The read-only cells (like this one) and the test cells are restored
from the instructor's copy when your work is graded. Do not delete, split, copy, move or
change the type of the answer cells and test cells. In each answer cell, replace the lines
`# YOUR CODE HERE` and `raise NotImplementedError()` with the names the question asks for,
for example `growth_rate = 0.078` (a number) or `answer_q6 = "B"` (a letter), and write
your written answers where it says "YOUR ANSWER HERE". You may type the number you read
from an output or assign the value from a table, as in `growth_rate = ito_growth["cagr"].max()`.

Numbers may be stored unrounded or rounded to the precision stated below; one rounded
more coarsely is reported as rounded. Rates and shares are fractions (0.078, not 7.8).
Choices are letters or labels written as the question shows them ("B", "b", "(B)" or
"B." all count). Each test cell checks one question and explains what to fix when it
fails; the graded version also runs hidden tests. Working on your own? Run `check("q1")`
(or `check()` for all questions) at any point. Before you submit, set every input back
to the value the notebook started with, choose *Kernel > Restart Kernel and Run All
Cells* and make sure no cell shows an error you did not expect."""


def coding_cell(assignment: str, qid: str) -> str:
    """The coding variant's reference code for ``qid``, without the solution markers.

    A guided variant shows this code as given cells, so the code students run is the
    coding variant's own reference solution, written once in its authoring module.
    """
    import importlib

    built = importlib.import_module(assignment).build()
    prefix = f"{built.prefix}_{qid}_"
    for cell in built.cells:
        meta = cell.metadata.get("nbgrader", {})
        if (
            meta.get("solution")
            and cell.cell_type == "code"
            and meta["grade_id"].startswith(prefix)
        ):
            lines = [
                line
                for line in cell.source.splitlines()
                if line.strip() not in {"### BEGIN SOLUTION", "### END SOLUTION"}
            ]
            return "\n".join(lines)
    raise KeyError(f"{assignment} has no answer cell for {qid}")


def coding_setup(assignment: str) -> str:
    """The coding variant's setup code (imports, data, constants) without its ASSIGNMENT line."""
    import importlib

    built = importlib.import_module(assignment).build()
    setup = next(c for c in built.cells if c["id"] == f"{built.prefix}-setup")
    return setup.source.split("\n\n", 1)[1]


def coding_text(assignment: str, slug: str) -> str:
    """The coding variant's Markdown cell ``slug`` (a question both variants ask word for word)."""
    import importlib

    built = importlib.import_module(assignment).build()
    gid = f"{built.prefix}_{slug}"
    for cell in built.cells:
        if (
            cell.cell_type == "markdown"
            and cell.metadata.get("nbgrader", {}).get("grade_id") == gid
        ):
            return cell.source
    raise KeyError(f"{assignment} has no text cell {slug}")


def coding_written(assignment: str, qid: str) -> tuple[str, str]:
    """The coding variant's written prompt and model answer for ``qid`` (the same question)."""
    import importlib

    built = importlib.import_module(assignment).build()
    head = f"{built.prefix}_{qid}_"
    grade_ids = {c["id"]: c.metadata.get("nbgrader", {}).get("grade_id", "") for c in built.cells}
    prompt = next(
        c
        for c in built.cells
        if grade_ids[c["id"]].startswith(head) and grade_ids[c["id"]].endswith("_prompt")
    )
    answer = next(
        c
        for c in built.cells
        if c.cell_type == "markdown"
        and c.metadata["nbgrader"].get("grade")
        and grade_ids[c["id"]].startswith(head)
    )
    return prompt.source.split("graded by hand).** ", 1)[1], answer.source


def literal(value: object) -> str:
    """``value`` as Python source for a setup cell (``build_source.py`` formats it with ruff).

    Assignment constants live once, in the visible checks (``globalsourcing.checks.<ps>``),
    which the hidden tests import too; the notebook gets their values written in at build
    time, so students still read them in the setup cell.
    """
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return f"{value:_}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no literal for {type(value).__name__}")


def literals(module: object) -> dict[str, str]:
    """Every UPPERCASE constant of ``module`` (a visible-checks module) as :func:`literal`."""
    found = {}
    for name, value in vars(module).items():
        if name.isupper():
            try:
                found[name] = literal(value)
            except TypeError:
                continue
    return found


def commented_list(notes: dict[str, str]) -> str:
    """A list literal of the keys of ``notes``, one a line, each with its note as a comment."""
    lines = "".join(f"    {literal(key)},  # {note}\n" for key, note in notes.items())
    return f"[\n{lines}]"


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
    guided: bool = False
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
            f"**Precision.** {self.precision}\n\n{GUIDED_RULES if self.guided else HEADER_RULES}"
        )
        gid = f"{self.prefix}_header"
        self._add(
            nbformat.v4.new_markdown_cell(
                body, metadata=_meta(gid, grade=False, solution=False, locked=True, points=None)
            ),
            gid,
        )

    def setup(self, code: str, **constants: str) -> None:
        """The read-only first code cell; it sets ASSIGNMENT so check() knows the notebook.

        ``$NAME`` in ``code`` is replaced by ``constants[NAME]``, Python source made with
        :func:`literal` or :func:`commented_list` from a constant the checks define once.
        """
        body = _dedent(code)
        if constants:
            body = string.Template(body).substitute(constants)
        source = f'ASSIGNMENT = "{self.name}"\n\n{body}'
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

    def given(self, slug: str, code: str) -> None:
        """Code written for the student (guided variants): run it, change its inputs."""
        self.scratch(slug, code)

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
        """The locked test cell: visible test from the package, hidden test from exercises/hidden/."""
        question = get_question(self.name, qid)
        args = ", ".join(question.uses)
        source = (
            f"# Tests for {qid.upper()} ({_plural(points)}). Run this cell; a failing test "
            "explains what to fix.\n"
            f"from globalsourcing.checks import {self.name} as visible_tests\n\n"
            f"visible_tests.{qid}({args})\n"
            "### BEGIN HIDDEN TESTS\n"
            f"from hidden import {self.name} as hidden_tests\n\n"
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
