"""The learner's path after ``pip install``: copy exercises and chapters, check answers.

The slow test builds the wheel, installs it into a fresh virtual environment (no clone on
its path, no data mirror variable) and runs a copied exercise through a real kernel.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import nbformat
import pytest

from globalsourcing import learner
from globalsourcing.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_every_assignment_has_a_selfstudy_copy_without_solutions_or_hidden_tests():
    sources = sorted(p.name for p in (ROOT / "exercises" / "source").iterdir() if p.is_dir())
    assert sorted(learner.exercises()) == sources
    for path in learner.exercises().values():
        text = path.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text, path
        assert "autograder" not in text, path


def test_selfstudy_copies_match_what_the_generator_writes_from_the_source(tmp_path):
    # A changed source notebook with stale shipped copies would teach from an old version.
    subprocess.run(
        [sys.executable, str(ROOT / "exercises" / "student_copies.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name, shipped in learner.exercises().items():
        fresh = tmp_path / f"{name}.ipynb"
        assert json.loads(fresh.read_text()) == json.loads(shipped.read_text()), (
            f"exercises/selfstudy/{name}.ipynb is stale: run "
            "'python exercises/student_copies.py --selfstudy'"
        )


def test_copy_writes_notebooks_and_never_overwrites_the_learners_work(tmp_path, capsys):
    assert main(["copy", "ps1_market", "lessons/01-joint-decisions", "--to", str(tmp_path)]) == 0
    exercise = tmp_path / "exercises" / "ps1_market.ipynb"
    chapter = tmp_path / "chapters" / "lessons" / "01-joint-decisions.ipynb"
    assert nbformat.read(exercise, as_version=4).cells
    assert any(c.cell_type == "code" for c in nbformat.read(chapter, as_version=4).cells)
    exercise.write_text("my own work", encoding="utf-8")
    assert main(["copy", "ps1_market", "--to", str(tmp_path)]) == 0
    assert exercise.read_text(encoding="utf-8") == "my own work"
    assert (tmp_path / "exercises" / "ps1_market.new.ipynb").is_file()
    out = capsys.readouterr().out
    assert "kept your ps1_market.ipynb" in out and "jupyter lab" in out


def test_groups_and_parts_select_what_they_name(tmp_path):
    names = {name for _, name, _ in learner.resolve(["exercises"])}
    assert names == set(learner.exercises())
    lessons = {name for kind, name, _ in learner.resolve(["lessons"])}
    assert lessons and all(name.startswith("lessons/") for name in lessons)


def test_an_unknown_name_lists_what_exists(capsys, tmp_path):
    assert main(["copy", "ps9_nothing", "--to", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "ps9_nothing" in err and "ps1_market" in err and "lessons" in err
    assert not any(tmp_path.iterdir())


# --- the installed wheel, in a fresh environment -------------------------------------------

WRONG_Q2 = "def cagr(start, end, years):\n    return (end - start) / start / years\n"


def _answers(assignment: str) -> dict[str, str]:
    """The reference solution cells of an assignment, by nbgrader grade id."""
    nb = nbformat.read(ROOT / "exercises/source" / assignment / f"{assignment}.ipynb", 4)
    return {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


def _fill(copy: Path, answers: dict[str, str]) -> Path:
    nb = nbformat.read(copy, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "import globalsourcing\nprint('package:', globalsourcing.__file__)\nprint(repr(check()))"
        )
    )
    nbformat.write(nb, copy)
    return copy


RUN = """
import sys, nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
nb = nbformat.read(sys.argv[1], 4)
try:
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
finally:
    nbformat.write(nb, sys.argv[1])
"""


def _run(python: Path, notebook: Path, env: dict[str, str]) -> str:
    """Execute with a kernel of the fresh environment; return every output's text."""
    # The kernel starts in the notebook's folder, as in JupyterLab (never the clone).
    subprocess.run(
        [str(python), "-c", RUN, str(notebook)],
        check=True, env=env, timeout=300, cwd=notebook.parent,
    )  # fmt: skip
    texts = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", "") or "")
            texts.append(str(output.get("data", {}).get("text/plain", "")))
            texts.append(" ".join(output.get("traceback", [])))
    return "\n".join(texts)


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory):
    """A new venv holding only the built wheel (its dependencies are read from this one)."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "dist"), str(ROOT)],
        check=True,
    )  # fmt: skip
    wheel = next((tmp / "dist").glob("globalsourcing-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    # Third-party libraries come from this environment's site-packages, appended after the
    # fresh one: a plain path line, so the editable install's hook there is never loaded.
    fresh_site = Path(
        subprocess.check_output([str(python), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"], text=True).strip()
    )  # fmt: skip
    (fresh_site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLOBALSOURCING_")}
    env.update(
        GLOBALSOURCING_CACHE_DIR=str(tmp / "cache"),
        GLOBALSOURCING_OFFLINE="1",
        PYTHONPATH="",
        HOME=str(tmp / "home"),
    )
    (tmp / "home").mkdir()
    return python, env, tmp


@pytest.mark.slow
def test_the_installed_wheel_copies_an_exercise_whose_checks_pass_and_teach(fresh_env):
    python, env, tmp = fresh_env
    where = subprocess.check_output(
        [str(python), "-c", "import globalsourcing; print(globalsourcing.__file__)"],
        env=env, cwd=tmp, text=True,
    )  # fmt: skip
    assert str(tmp / "venv") in where and str(ROOT) not in where

    course = tmp / "course"
    copied = subprocess.run(
        [str(python), "-m", "globalsourcing", "copy", "ps1_market", "--to", str(course)],
        env=env, cwd=tmp, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "jupyter lab" in copied.stdout
    exercise = course / "exercises" / "ps1_market.ipynb"

    answers = _answers("ps1_market")
    right = _fill(exercise, answers)
    out = _run(python, right, env)
    assert "Error" not in out, out
    assert f"package: {tmp / 'venv'}" in out, "the kernel did not import the installed wheel"
    assert "Visible tests pass" in out, out

    wrong = exercise.with_name("wrong.ipynb")
    wrong.write_text(exercise.read_text())
    _fill(wrong, {**answers, "ps1_q2_cagr": WRONG_Q2})
    out = _run(python, wrong, env)
    assert "ps1_market q2" in out and "not yet" in out, out
    assert "ps1_market q1" in out and "q1 (" in out


def _readme_learner_blocks() -> tuple[list[str], str]:
    """The README's learner commands (the bash block that copies) and its Python snippet."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    fences = re.findall(r"```(\w*)\n(.*?)```", text, re.S)
    shell = next(body for lang, body in fences if lang == "bash" and "globalsourcing copy" in body)
    snippet = next(body for lang, body in fences if lang == "python" and "check(" in body)
    commands = [line.split("  #")[0].strip() for line in shell.splitlines() if line.strip()]
    return commands, snippet


@pytest.mark.slow
def test_the_readmes_learner_lines_run_against_the_installed_wheel(fresh_env):
    # The README's own lines after the install: its copy command as written, with the fresh
    # environment's bin first on PATH (an activated venv), then its Python snippet in the
    # copied exercise, where check("q1") runs. `pip install ... @ git+URL` needs the
    # published repository, so the wheel built from this checkout stands in for it, and
    # `jupyter lab` would wait for a browser (the kernel below runs the notebook instead).
    python, env, tmp = fresh_env
    commands, snippet = _readme_learner_blocks()
    copy = next(c for c in commands if c.startswith("python -m globalsourcing copy"))
    home = tmp / "readme-learner"
    home.mkdir()
    env = {**env, "PATH": f"{python.parent}{os.pathsep}{env.get('PATH', '')}"}
    done = subprocess.run(
        ["bash", "-c", copy], env=env, cwd=home, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    folder = home / copy.split("--to", 1)[1].split()[0]
    assert f"jupyter lab {folder}" in done.stdout
    assert any(c.startswith("jupyter lab ") and folder.name in c for c in commands)
    exercise = folder / "exercises" / "ps1_market.ipynb"
    chapters = list(folder.rglob("*.ipynb"))
    assert exercise.exists() and len(chapters) > len(learner.exercises())

    nb = nbformat.read(_fill(exercise, _answers("ps1_market")), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(snippet))
    nbformat.write(nb, exercise)
    out = _run(python, exercise, env)
    assert "Traceback" not in out and "Error" not in out, out
    assert "ps1_market q1" in out and "passed" in out, out
