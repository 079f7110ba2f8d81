"""The course data and the Python install reach the sandbox; a setup failure is never a grade.

The sandbox clears the environment, moves HOME and covers every non-system folder, so
the data locations are passed through explicitly and bound back read-only, and a
virtual environment reached through a symbolic link keeps working.  When the setup cell
still fails, the submission is reported as "grading setup failed", not scored.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.course import REPO_ROOT, Course, CourseError
from autograder.sandbox import Limits, hiding_plan, links_to_recreate
from autograder.student_process import StudentProcess

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
MIRROR = REPO_ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).parent / "fixtures"
# The fixture course, declared as a course that reads this repository's data the way
# exercises/grading.toml does (its own declaration needs none of it).
DATA_DECLARATION = f"""format = 1
root = {str(REPO_ROOT)!r}
preload = ["numpy", "pandas", "globalsourcing"]
readable = ["globalsourcing", "datasets", "book"]
environment = "globalsourcing.data.download:sandbox_environment"
"""


def declare_data(course: Path) -> Path:
    (course / "grading.toml").write_text(DATA_DECLARATION, encoding="utf-8")
    return course


def data_env() -> tuple[tuple[str, str], ...]:
    """What the engine passes to student code for this repository's course."""
    return Course.load(REPO_ROOT / "exercises").declaration.environment_pairs()


needs_mirror = pytest.mark.skipif(
    not (MIRROR / "wdi_offshoring_panel.csv").is_file(), reason="no offline data mirror here"
)


def run_cells(cells: list[str], limits: Limits) -> list[dict]:
    proc = StudentProcess(cells, limits)
    try:
        return [proc.run_cell(i) for i in range(len(cells))]
    finally:
        proc.close()


def test_data_env_names_the_mirror_and_the_cache_resolved_and_forbids_downloads(
    tmp_path, monkeypatch
):
    real = tmp_path / "mirror"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(tmp_path / "link"))
    monkeypatch.setenv("GLOBALSOURCING_CACHE_DIR", str(tmp_path / "cache"))
    env = dict(data_env())
    assert env == {
        "GLOBALSOURCING_DATA_DIR": str(real),
        "GLOBALSOURCING_CACHE_DIR": str(tmp_path / "cache"),
        "GLOBALSOURCING_OFFLINE": "1",
    }


def test_a_mirror_that_is_not_a_folder_stops_grading_before_anything_runs(
    course_dir, tmp_path, monkeypatch
):
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(tmp_path / "missing"))
    with pytest.raises(CourseError, match="not a folder"):
        data_env()
    course = Course.load(declare_data(course_dir))
    with pytest.raises(CourseError, match="environment hook .* not a folder"):
        course.sandbox_limits(Limits())


def test_student_code_reads_the_data_folders_but_cannot_change_them(
    course_dir, tmp_path, monkeypatch
):
    mirror, cache = tmp_path / "mirror", tmp_path / "cache"
    mirror.mkdir()
    (mirror / "series.csv").write_text("year,value\n2024,1\n")
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(mirror))
    monkeypatch.setenv("GLOBALSOURCING_CACHE_DIR", str(cache))
    (cache / "cached.csv").parent.mkdir(exist_ok=True)
    (cache / "cached.csv").write_text("cached\n")
    course = Course.load(declare_data(course_dir))
    limits = course.sandbox_limits(Limits(cell_timeout=10, total_timeout=60))
    replies = run_cells(
        [
            "import os\nos.environ['GLOBALSOURCING_DATA_DIR']",
            "open(os.environ['GLOBALSOURCING_DATA_DIR'] + '/series.csv').read()",
            "open(os.environ['GLOBALSOURCING_CACHE_DIR'] + '/cached.csv').read()",
            "open(os.environ['GLOBALSOURCING_DATA_DIR'] + '/series.csv', 'a').write('x')",
            "open(os.environ['GLOBALSOURCING_CACHE_DIR'] + '/new.csv', 'w').write('x')",
        ],
        limits,
    )
    assert replies[0]["result"] == repr(str(mirror))
    assert replies[1]["result"] == repr("year,value\n2024,1\n")
    assert replies[2]["result"] == repr("cached\n")
    assert [r["ok"] for r in replies[3:]] == [False, False]
    assert (mirror / "series.csv").read_text() == "year,value\n2024,1\n"
    assert not (cache / "new.csv").exists()


def test_the_graders_home_never_comes_back_whole_but_an_interpreter_inside_it_may(
    tmp_path, monkeypatch
):
    home = tmp_path / "home"
    (home / ".pyenv" / "lib").mkdir(parents=True)
    (home / ".pgpass").write_text("db:5432:*:grader:password")
    monkeypatch.setenv("HOME", str(home))
    hide, readable = hiding_plan(
        Limits(readable=(str(home), str(home / ".pyenv" / "lib"))), roots=[str(tmp_path)]
    )
    assert str(home) not in readable and str(tmp_path) not in readable
    assert str(home / ".pyenv" / "lib") in readable


def test_links_on_the_way_to_a_covered_folder_are_listed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / "venv").symlink_to(tmp_path / "real")
    wanted = [str(tmp_path / "hidden" / "venv" / "lib"), "/usr/lib"]
    assert links_to_recreate(wanted, [str(tmp_path / "hidden")]) == [
        (str(tmp_path / "hidden" / "venv"), str(tmp_path / "real"))
    ]
    assert links_to_recreate(wanted, ["/nowhere"]) == []


def test_a_package_reached_through_a_link_inside_a_hidden_folder_imports_lazily(tmp_path):
    """Like `.venv -> /tmp/venv` in a covered checkout: modules imported late must load."""
    real = tmp_path / "real"
    (real / "lazypkg").mkdir(parents=True)
    (real / "lazypkg" / "__init__.py").write_text("")
    (real / "lazypkg" / "late.py").write_text("VALUE = 42\n")
    hidden = tmp_path / "checkout"
    hidden.mkdir()
    (hidden / "answers.txt").write_text("secret")
    (hidden / ".venv").symlink_to(real)
    link = hidden / ".venv"
    limits = Limits(cell_timeout=10, total_timeout=60, hide=(str(hidden),), readable=(str(link),))
    replies = run_cells(
        [
            f"import sys\nsys.path.insert(0, {str(link)!r})\nimport lazypkg\n"
            "from lazypkg.late import VALUE\nVALUE",
            f"import os\nos.path.exists({str(hidden / 'answers.txt')!r})",
        ],
        limits,
    )
    assert replies[0]["ok"], replies[0]
    assert replies[0]["result"] == "42"
    assert replies[1]["result"] == "False"  # the link comes back, nothing else of the folder


def _course_with_data_setup(tmp_path: Path) -> Path:
    """The fixture course whose setup cell loads the World Bank panel, generated."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "course", root)
    declare_data(root)
    path = root / "source" / "ps1" / "ps1.ipynb"
    nb = nbformat.read(path, as_version=4)
    setup = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "setup")
    setup.source = (
        "from globalsourcing.data import load\n"
        "panel = load('wdi_panel')\n"
        "assert len(panel) > 100\n" + setup.source
    )
    nbformat.write(nb, path)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", "ps1"],
        cwd=root,
        check=True,
        capture_output=True,
        env=env,
    )
    return root


def _grade_cli(root: Path, data: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLOBALSOURCING_")}
    env.update(data)
    return subprocess.run(
        [sys.executable, "-m", "autograder", "grade", "ps1", "--course", str(root), "--force"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
@needs_mirror
def test_the_setup_cell_loads_the_mirror_in_the_sandbox_and_a_setup_failure_is_loud(
    tmp_path, submit_scenario
):
    root = _course_with_data_setup(tmp_path)
    submit_scenario(root, "correct", "s01")
    submit_scenario(root, "partly-wrong", "s02")

    ok = _grade_cli(root, {"GLOBALSOURCING_DATA_DIR": str(MIRROR)})
    assert ok.returncode == 0, ok.stdout + ok.stderr
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        scores = {s.student_id: s.code_score for s in gb.assignment_submissions("ps1")}
        full = gb.find_assignment("ps1").max_code_score
    assert scores["s01"] == full > scores["s02"] > 0

    empty = tmp_path / "empty-cache"
    failed = _grade_cli(root, {"GLOBALSOURCING_CACHE_DIR": str(empty)})
    assert failed.returncode != 0
    for student in ("s01", "s02"):
        line = next(x for x in failed.stdout.splitlines() if x.strip().startswith(student))
        assert "grading setup failed" in line and "DatasetError" in line and "wdi_panel" in line
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for sub in gb.assignment_submissions("ps1"):
            assert sub.needs_manual_grade  # flagged for a person, not scored
