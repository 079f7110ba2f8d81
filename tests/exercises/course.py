"""Run the real nbgrader on a temporary copy of the course.

The copy holds exercises/nbgrader_config.py, grading.toml and source/; the repository is
passed through GLOBALSOURCING_REPO so the config puts exercises/ on the kernels' PYTHONPATH
(for the hidden tests, exercises/hidden/) and the grader's declaration finds the repository. Each assignment is generated once and autograded once over
all its variant submissions, one student per variant.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
VENV_BIN = Path(sys.executable).parent
_SOLUTION = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)


def nbgrader_env() -> dict[str, str]:
    env = dict(os.environ)
    env["GLOBALSOURCING_REPO"] = str(REPO)
    env["PATH"] = os.pathsep.join([str(VENV_BIN), env.get("PATH", "")])  # nbgrader calls alembic
    env.setdefault("GLOBALSOURCING_DATA_DIR", str(REPO.parent / "shared" / "data"))
    return env


@dataclass
class Course:
    root: Path
    log: list[str] = field(default_factory=list)

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def nbgrader(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(VENV_BIN / "nbgrader"), *args, f"--CourseDirectory.db_url={self.db_url}"]
        done = subprocess.run(
            cmd, cwd=self.root, env=nbgrader_env(), capture_output=True, text=True, timeout=900
        )
        self.log.append(done.stdout + done.stderr)
        return done

    def source(self, assignment: str) -> nbformat.NotebookNode:
        return nbformat.read(
            self.root / "source" / assignment / f"{assignment}.ipynb", as_version=4
        )

    def release(self, assignment: str) -> nbformat.NotebookNode:
        return nbformat.read(
            self.root / "release" / assignment / f"{assignment}.ipynb", as_version=4
        )

    def generate(self, assignment: str) -> subprocess.CompletedProcess:
        return self.nbgrader("generate_assignment", assignment, "--force")

    def autograde(self, assignment: str, submissions: dict[str, nbformat.NotebookNode]):
        for student, nb in submissions.items():
            folder = self.root / "submitted" / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, folder / f"{assignment}.ipynb")
        return self.nbgrader(
            "autograde",
            assignment,
            "--force",
            "--Execute.shutdown_kernel=immediate",
            "--OverwriteCells.add_missing_cells=True",
        )

    def scores(self, assignment: str, student: str) -> dict[str, float]:
        with Gradebook(self.db_url) as gb:
            nb = gb.find_submission_notebook(assignment, assignment, student)
            return {g.name: g.score for g in nb.grades if g.cell.cell_type == "code"}

    def max_scores(self, assignment: str) -> dict[str, float]:
        with Gradebook(self.db_url) as gb:
            nb = gb.find_notebook(assignment, assignment)
            return {c.name: c.max_score for c in nb.grade_cells if c.cell_type == "code"}

    def output_of(self, assignment: str, student: str, grade_id: str) -> str:
        path = self.root / "autograded" / student / assignment / f"{assignment}.ipynb"
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
                parts = []
                for out in cell.get("outputs", []):
                    parts += [out.get("text", ""), out.get("ename", ""), out.get("evalue", "")]
                return "\n".join(parts)

    def traceback_of(self, assignment: str, student: str, grade_id: str) -> str:
        path = self.root / "autograded" / student / assignment / f"{assignment}.ipynb"
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
                return "\n".join(
                    line for out in cell.get("outputs", []) for line in out.get("traceback", [])
                )
        raise KeyError(grade_id)
        raise KeyError(grade_id)


def make_course(tmp: Path) -> Course:
    root = tmp / "exercises"
    root.mkdir(parents=True)
    shutil.copy(EXERCISES / "nbgrader_config.py", root)
    shutil.copy(EXERCISES / "grading.toml", root)
    shutil.copytree(EXERCISES / "source", root / "source")
    return Course(root)


def answer_cells(nb: nbformat.NotebookNode) -> dict[str, str]:
    """grade_id -> source of every autograded answer cell."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell.source
        for cell in nb.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
        and not cell.metadata["nbgrader"].get("grade")
    }


def solution_answers(source: nbformat.NotebookNode) -> dict[str, str]:
    """The instructor's answers with the solution delimiters removed."""
    return {gid: _SOLUTION.sub("", code) for gid, code in answer_cells(source).items()}


def fill(release: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """A student's submission: the release with the given answer cells replaced."""
    nb = nbformat.from_dict(release)
    unknown = set(answers) - set(answer_cells(nb))
    if unknown:
        raise KeyError(f"not answer cells of this notebook: {sorted(unknown)}")
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    return nb
