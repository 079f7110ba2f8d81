"""Merge a submitted notebook with the instructor's cells into an execution plan.

The plan follows the student's cell order (students add scratch cells), but every
locked or test cell is the instructor's copy, answer cells keep the instructor's
cell type, duplicates of graded cells are ignored, forged grade metadata is
ignored, and deleted graded cells are put back where the instructor had them.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

import nbformat
from nbformat import NotebookNode

from .spec import NotebookSpec, SpecCell

_transformer = None


# Sources up to this size are remembered: the instructor's cells and the release's stubs
# come back in every submission, and transforming one costs about 0.2 ms per cell.
CACHED_SOURCE_CHARS = 20_000


def to_python(source: str) -> str:
    """IPython syntax (magics, !shell) to plain Python, as the kernel would see it."""
    if len(source) <= CACHED_SOURCE_CHARS:
        return _to_python_cached(source)
    return _to_python(source)


@functools.lru_cache(maxsize=2048)
def _to_python_cached(source: str) -> str:
    return _to_python(source)


def _to_python(source: str) -> str:
    global _transformer
    if _transformer is None:
        from IPython.core.inputtransformer2 import TransformerManager

        _transformer = TransformerManager()
    try:
        return _transformer.transform_cell(source)
    except Exception:
        return source


class SubmissionError(RuntimeError):
    """The submission cannot be graded; the message is shown to instructor and student."""


@dataclass
class Step:
    kind: str  # "student", "setup", "answer", "manual", "test", "task", "markdown"
    source: str
    cell_type: str
    grade_id: str | None = None
    spec: SpecCell | None = None
    code_index: int | None = None  # index into Plan.code_cells for cells the sandbox runs
    unanswered: bool = False
    restored: bool = False


@dataclass
class Plan:
    notebook: str
    steps: list[Step] = field(default_factory=list)
    code_cells: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)


def read_notebook(name: str, data: bytes) -> NotebookNode:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError(f"{name} is not a text file (it is not UTF-8)") from None
    try:
        json.loads(text)
    except ValueError as exc:
        raise SubmissionError(f"{name} is not a valid notebook: broken JSON ({exc})") from None
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:
        raise SubmissionError(f"{name} is not a valid notebook: {exc}") from None
    if not isinstance(nb.get("cells"), list):
        raise SubmissionError(f"{name} is not a valid notebook: it has no cells")
    return nb


def _grade_id(cell) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    gid = meta.get("grade_id") if isinstance(meta, dict) else None
    return gid if isinstance(gid, str) else None


def find_notebook(
    files: dict[str, bytes], spec: NotebookSpec, warnings: list[str]
) -> tuple[str, NotebookNode]:
    """The submitted notebook for ``spec``; accepts one renamed copy if its cells identify it."""
    expected = f"{spec.name}.ipynb"
    if expected in files:
        return expected, read_notebook(expected, files[expected])
    ids = set(spec.by_id())
    candidates = sorted(n for n in files if n.endswith(".ipynb") and not n.startswith("."))
    matches = []
    for name in candidates:
        try:
            nb = read_notebook(name, files[name])
        except SubmissionError:
            continue
        if ids & {_grade_id(c) for c in nb.cells}:
            matches.append((name, nb))
    if len(matches) == 1:
        warnings.append(f"the notebook was submitted as {matches[0][0]!r} instead of {expected!r}")
        return matches[0]
    found = ", ".join(candidates) or "no notebooks"
    if len(matches) > 1:
        raise SubmissionError(
            f"{expected} is missing and several renamed copies were found: {found}"
        )
    raise SubmissionError(f"{expected} was not submitted (found: {found})")


def build_plan(
    nb: NotebookNode, spec: NotebookSpec, known_elsewhere: dict[str, str] | None = None
) -> Plan:
    from nbgrader.utils import compute_checksum

    plan = Plan(spec.name, metadata=dict(nb.get("metadata", {})))
    by_id = spec.by_id()
    order = {c.grade_id: i for i, c in enumerate(spec.cells)}
    seen: set[str] = set()
    anchored: list[tuple[int, Step]] = []  # (spec index, step) for graded cells placed

    for cell in nb.cells:
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        cell_type = cell.get("cell_type", "code")
        gid = _grade_id(cell)
        sc = by_id.get(gid) if gid else None
        if sc is not None and gid in seen:
            plan.warnings.append(f"cell {gid!r} appears more than once; only the first copy counts")
            if sc.kind in ("answer", "manual") and cell_type == "code":
                plan.steps.append(Step("student", source, "code"))
            continue
        if sc is None:
            if gid and cell.get("metadata", {}).get("nbgrader", {}).get("grade"):
                plan.warnings.append(
                    f"cell {gid!r} is not a graded cell of this assignment and was not graded"
                )
            if cell_type == "code":
                plan.steps.append(Step("student", source, "code"))
            else:
                plan.steps.append(Step("markdown", source, cell_type))
            continue
        seen.add(gid)
        step = _instructor_step(sc, source, cell_type, plan.warnings, compute_checksum)
        plan.steps.append(step)
        anchored.append((order[gid], step))

    missing = [c for c in spec.cells if c.grade_id not in seen]
    if len(missing) == len(spec.cells):
        hint = ""
        if known_elsewhere:
            ids = {_grade_id(c) for c in nb.cells} & set(known_elsewhere)
            others = sorted({known_elsewhere[i] for i in ids})
            if others:
                hint = f" It looks like a notebook of {', '.join(others)}."
        raise SubmissionError(
            f"this notebook contains none of the graded cells of {spec.name!r} (wrong notebook or "
            f"wrong assignment?).{hint}"
        )
    for sc in missing:
        step = _restored_step(sc, plan.warnings)
        later = [s for i, s in anchored if i > order[sc.grade_id]]
        position = plan.steps.index(later[0]) if later else len(plan.steps)
        plan.steps.insert(position, step)
        anchored.append((order[sc.grade_id], step))

    for step in plan.steps:
        if step.kind in ("student", "setup", "answer") or (
            step.kind == "manual" and step.cell_type == "code"
        ):
            step.code_index = len(plan.code_cells)
            plan.code_cells.append(to_python(step.source))
    return plan


def _instructor_step(
    sc: SpecCell, source: str, cell_type: str, warnings: list[str], checksum
) -> Step:
    gid = sc.grade_id
    if sc.kind in ("answer", "manual"):
        if cell_type != sc.cell_type:
            warnings.append(
                f"answer cell {gid!r} was changed to {cell_type}; graded as {sc.cell_type}"
            )
        probe = (
            nbformat.v4.new_code_cell(source)
            if sc.cell_type == "code"
            else nbformat.v4.new_markdown_cell(source)
        )
        probe.metadata["nbgrader"] = {
            "grade_id": gid,
            "grade": sc.kind == "manual",
            "solution": True,
            "locked": False,
            "points": sc.points or 0,
        }
        unanswered = sc.checksum is not None and checksum(probe) == sc.checksum
        return Step(sc.kind, source, sc.cell_type, gid, sc, unanswered=unanswered)
    if sc.kind == "test":
        if source.strip() != sc.visible_source.strip() or cell_type != sc.cell_type:
            warnings.append(f"test cell {gid!r} was modified; the instructor's version was run")
        return Step("test", "", "code", gid, sc)
    if sc.kind == "task":
        return Step("task", sc.source, sc.cell_type, gid, sc)
    if source != sc.source or cell_type != sc.cell_type:
        warnings.append(f"read-only cell {gid!r} was modified; the instructor's version was used")
    kind = "setup" if sc.cell_type == "code" else "markdown"
    return Step(kind, sc.source, sc.cell_type, gid, sc)


def _restored_step(sc: SpecCell, warnings: list[str]) -> Step:
    gid = sc.grade_id
    if sc.kind in ("answer", "manual"):
        warnings.append(f"answer cell {gid!r} was deleted; graded as unanswered")
        step = Step(sc.kind, sc.source, sc.cell_type, gid, sc, unanswered=True, restored=True)
    elif sc.kind == "test":
        warnings.append(f"test cell {gid!r} was deleted; it was restored and run")
        step = Step("test", "", "code", gid, sc, restored=True)
    elif sc.kind == "task":
        step = Step("task", sc.source, sc.cell_type, gid, sc, restored=True)
    else:
        warnings.append(f"read-only cell {gid!r} was deleted; it was restored")
        kind = "setup" if sc.cell_type == "code" else "markdown"
        step = Step(kind, sc.source, sc.cell_type, gid, sc, restored=True)
    return step
