"""What the instructor wrote: the graded cells of an assignment, read from the gradebook.

nbgrader's ``generate_assignment`` stores every locked, solution, grade and task cell
in the gradebook, test cells with their hidden tests.  The grader takes test code
from there (never from a submission), and the order of cells from the instructor's
source notebook (or the release copy when the source is absent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

HIDDEN_BLOCK = re.compile(
    r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[^\n]*\n?", re.M | re.S
)


class SpecError(RuntimeError):
    """The assignment is not ready to grade (for instance, not in the gradebook yet)."""


@dataclass
class SpecCell:
    grade_id: str
    kind: str  # "test", "setup", "answer", "manual", "task", "locked-markdown"
    cell_type: str
    source: str  # test: full instructor source incl. hidden tests; answer: the release stub
    checksum: str | None = None
    points: float | None = None

    @property
    def visible_source(self) -> str:
        """The test as students see it: hidden blocks removed."""
        return HIDDEN_BLOCK.sub("", self.source)

    def hidden_lines(self) -> set[int]:
        """1-based line numbers inside hidden-test blocks."""
        lines: set[int] = set()
        for m in HIDDEN_BLOCK.finditer(self.source):
            first = self.source.count("\n", 0, m.start()) + 1
            last = self.source.count("\n", 0, m.end()) + 1
            lines.update(range(first, last + 1))
        return lines


@dataclass
class NotebookSpec:
    name: str
    cells: list[SpecCell] = field(default_factory=list)

    def by_id(self) -> dict[str, SpecCell]:
        return {c.grade_id: c for c in self.cells}

    @property
    def max_score(self) -> float:
        return sum(c.points or 0 for c in self.cells)


@dataclass
class AssignmentSpec:
    name: str
    notebooks: dict[str, NotebookSpec]

    def public(self) -> dict[str, list[str]]:
        return {nb: [c.grade_id for c in spec.cells] for nb, spec in self.notebooks.items()}


def _kind(source_cell, grade, solution, task) -> str:
    if task is not None:
        return "task"
    if grade is not None and solution is not None:
        return "manual"
    if solution is not None:
        return "answer"
    if grade is not None:
        return "test" if source_cell.cell_type == "code" else "manual"
    return "setup" if source_cell.cell_type == "code" else "locked-markdown"


def _cell_order(course_root: Path, assignment: str, notebook: str) -> list[str]:
    for step in ("source", "release"):
        path = course_root / step / assignment / f"{notebook}.ipynb"
        if step == "release" and not path.exists():
            path = course_root / step / "." / assignment / f"{notebook}.ipynb"
        if path.exists():
            nb = nbformat.read(path, as_version=4)
            return [
                c.metadata["nbgrader"]["grade_id"]
                for c in nb.cells
                if "grade_id" in c.metadata.get("nbgrader", {})
            ]
    return []


def load_spec(gradebook, course_root: Path, assignment: str) -> AssignmentSpec:
    """Read an assignment's graded cells from an open nbgrader Gradebook."""
    from nbgrader.api import MissingEntry

    try:
        assignment_row = gradebook.find_assignment(assignment)
    except MissingEntry:
        known = ", ".join(a.name for a in gradebook.assignments) or "none"
        raise SpecError(
            f"assignment {assignment!r} is not in the gradebook (known: {known}). "
            f"Run `nbgrader generate_assignment {assignment}` in the course folder first."
        ) from None
    notebooks = {}
    for nb in assignment_row.notebooks:
        grades = {c.name: c for c in nb.grade_cells}
        solutions = {c.name: c for c in nb.solution_cells}
        tasks = {c.name: c for c in nb.task_cells}
        cells = {}
        for sc in nb.source_cells:
            kind = _kind(sc, grades.get(sc.name), solutions.get(sc.name), tasks.get(sc.name))
            graded = grades.get(sc.name) or tasks.get(sc.name)
            cells[sc.name] = SpecCell(
                grade_id=sc.name,
                kind=kind,
                cell_type=sc.cell_type,
                source=sc.source or "",
                checksum=sc.checksum,
                points=float(graded.max_score) if graded is not None else None,
            )
        order = [gid for gid in _cell_order(course_root, assignment, nb.name) if gid in cells]
        order += sorted(set(cells) - set(order))
        notebooks[nb.name] = NotebookSpec(nb.name, [cells[g] for g in order])
    if not notebooks:
        raise SpecError(f"assignment {assignment!r} has no notebooks in the gradebook")
    return AssignmentSpec(assignment, notebooks)
