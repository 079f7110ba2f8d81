"""The engine knows no course: each course declares what it needs in its grading.toml.

The fixture course grades through the engine with its own declaration while every import
of this repository's course (``globalsourcing``, ``exercises``, its hidden tests) is
refused in the grader, the fork server and the student processes; a wrong declaration
stops a run before anything is graded, with the file and the key named; and notebooks
released before the hidden tests moved to ``exercises/hidden/`` still find them through
``autograder.hidden``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.course import REPO_ROOT, Course, CourseError
from autograder.declaration import Declaration
from autograder.sandbox import Limits

pytestmark = pytest.mark.filterwarnings("ignore:.*not in session")
BLOCKED = ("globalsourcing", "exercises", "hidden")

# Installed at start-up (sitecustomize) in every Python process of the run: the grader,
# the fork server it starts and, by fork, every student process.
REFUSE_COURSE_IMPORTS = """
import sys

BLOCKED = {blocked!r}
LOG = {log!r}


class RefuseCourse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            try:
                with open(LOG, "a") as fh:
                    fh.write(name + "\\n")
            except OSError:
                pass
            raise ModuleNotFoundError(f"refused by the test: {{name}}")
        return None


sys.meta_path.insert(0, RefuseCourse())
"""


def _refusing_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    folder, log = tmp_path / "refuse", tmp_path / "refused.log"
    folder.mkdir()
    source = REFUSE_COURSE_IMPORTS.format(blocked=BLOCKED, log=str(log))
    (folder / "sitecustomize.py").write_text(source)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLOBALSOURCING_")}
    env["PYTHONPATH"] = str(folder)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env, log


@pytest.mark.slow
def test_the_fixture_course_grades_with_no_import_of_this_course(
    course_dir, tmp_path, submit_scenario
):
    env, log = _refusing_env(tmp_path)
    # The refusal works: the same processes could import the course otherwise.
    probe = subprocess.run(
        [sys.executable, "-c", "import globalsourcing"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert probe.returncode != 0 and "refused by the test: globalsourcing" in probe.stderr
    assert log.read_text() == "globalsourcing\n"
    log.unlink()

    assert (course_dir / "grading.toml").is_file()
    submit_scenario(course_dir, "correct", "s01")
    submit_scenario(course_dir, "partly-wrong", "s02")
    run = subprocess.run(
        [sys.executable, "-m", "autograder", "grade", "ps1", "--course", str(course_dir), "--quiet"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "2 graded" in run.stdout
    assert not log.exists(), f"imports of this course were attempted: {log.read_text()}"
    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gb:
        scores = {s.student_id: s.code_score for s in gb.assignment_submissions("ps1")}
        full = gb.find_assignment("ps1").max_code_score
    assert scores["s01"] == full > scores["s02"] > 0


def test_the_fixture_course_declares_only_what_it_uses():
    fixture = Course.load(Path(__file__).parent / "fixtures" / "course")
    declared = fixture.declaration
    assert declared.source == fixture.root / "grading.toml"
    assert declared.preload_modules() == ["numpy", "pandas"]
    assert declared.environment_pairs() == () and declared.readable == ()
    # The engine still hides itself, its test suite (which holds this course) and the course.
    assert set(fixture.hidden_paths()) == {str(REPO_ROOT / "autograder"), str(REPO_ROOT / "tests")}
    assert fixture.readable_paths() == ()


def test_this_course_declares_its_preload_hidden_tests_paths_and_environment(monkeypatch):
    monkeypatch.delenv("GLOBALSOURCING_REPO", raising=False)
    course = Course.load(REPO_ROOT / "exercises")
    declared = course.declaration
    assert declared.root == REPO_ROOT
    assert declared.hidden_module("ps5_tco").__name__ == "hidden.ps5_tco"
    hidden = set(course.hidden_paths())
    for name in ("exercises", "tests", "instructor", ".git", "autograder"):
        assert str(REPO_ROOT / name) in hidden or not (REPO_ROOT / name).exists()
    assert {str(REPO_ROOT / n) for n in ("globalsourcing", "datasets", "book")} <= set(
        course.readable_paths()
    )
    assert dict(declared.environment_pairs())["GLOBALSOURCING_OFFLINE"] == "1"
    assert declared.safe_messages == ("globalsourcing.checks",)


def test_an_assignment_can_preload_more_than_the_others():
    """ps3 asks for a Spearman correlation: pandas imports scipy.stats for it, 0.6 s in
    every student process that uses it unless the fork server has it already."""
    declared = Course.load(REPO_ROOT / "exercises").declaration
    common = declared.preload_modules()
    for name in ("ps3_location_index", "ps3_location_index_guided"):
        assert declared.preload_modules(name) == [*common, "scipy.stats"]
    assert declared.preload_modules("ps1_market") == common
    assert "scipy" in declared.checker_modules()


def test_a_copy_of_the_course_finds_its_repository_through_root_env(tmp_path, monkeypatch):
    copy = tmp_path / "exercises"
    copy.mkdir()
    (copy / "grading.toml").write_bytes((REPO_ROOT / "exercises" / "grading.toml").read_bytes())
    monkeypatch.delenv("GLOBALSOURCING_REPO", raising=False)
    with pytest.raises(
        CourseError, match=r"'readable' entry 'globalsourcing': no folder.*GLOBALSOURCING_REPO"
    ):
        Declaration.read(copy)
    monkeypatch.setenv("GLOBALSOURCING_REPO", str(REPO_ROOT))
    assert Declaration.read(copy).root == REPO_ROOT


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("format = 2", "'format' must be 1"),
        ("preload = ['numpy']", "'format' must be 1"),
        ("format = 1\npreloads = ['numpy']", "unknown key.*preloads"),
        ("format = 1\npreload = 'numpy'", "'preload' must be a list"),
        ("format = 1\npreload = ['numpy pandas']", "'preload' entry 'numpy pandas'"),
        ("format = 1\nenvironment = 'module.function'", "not 'module:function'"),
        ("format = 1\nhide = ['/etc']", "must be relative to the root folder"),
        ("format = 1\nreadable = ['nowhere']", "'readable' entry 'nowhere': no folder"),
        ("format = 1\nroot = 'nowhere'", "root folder .* does not exist"),
        ("format = 1\nsafe_messages = [1]", "'safe_messages' must be a list"),
        ("format = [", "cannot be read as TOML"),
        ("format = 1\npreload_for = ['scipy']", "'preload_for' must be a table"),
        ("format = 1\n[preload_for]\nps3 = 'scipy'", "'preload_for.ps3' must be a list"),
        ("format = 1\n[preload_for]\nps3 = ['sci py']", "'preload_for.ps3' entry 'sci py'"),
    ],
)
def test_a_wrong_declaration_is_refused_with_the_file_and_the_key(tmp_path, text, problem):
    (tmp_path / "grading.toml").write_text(text)
    with pytest.raises(CourseError, match=problem) as caught:
        Declaration.read(tmp_path)
    assert str(tmp_path / "grading.toml") in str(caught.value)


def test_the_environment_hook_is_called_and_checked(tmp_path, monkeypatch):
    (tmp_path / "source").mkdir()
    (tmp_path / "course_hooks.py").write_text(
        textwrap.dedent(
            f"""
            def good():
                return [("DATA", {str(tmp_path)!r}), ("MODE", "offline")]

            def bad():
                return [("NOT A NAME", "x")]

            def broken():
                raise ValueError("no data here")
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    for hook, expected in [
        ("good", ((("DATA", str(tmp_path)), ("MODE", "offline")))),
        ("bad", "returned .*not a \\(name, value\\) pair"),
        ("broken", "hook course_hooks:broken failed: no data here"),
    ]:
        (tmp_path / "grading.toml").write_text(f'format = 1\nenvironment = "course_hooks:{hook}"\n')
        course = Course.load(tmp_path)
        if isinstance(expected, tuple):
            assert course.declaration.environment_pairs() == expected
            # A folder named by the environment is bound back read-only; a plain value is not.
            assert course.readable_paths(expected) == (str(tmp_path),)
        else:
            with pytest.raises(CourseError, match=expected):
                course.sandbox_limits(Limits())


def test_a_course_without_a_declaration_gets_only_the_engines_rules(tmp_path):
    (tmp_path / "source").mkdir()
    course = Course.load(tmp_path)
    assert course.declaration.source is None
    assert course.declaration.preload_modules() == []
    assert course.readable_paths() == ()
    # The engine's own tests/ holds fixture courses with their hidden tests in plain text:
    # hidden from every course graded from this checkout (CI caught a hostile submission
    # reading them when the fixture course was graded from a copy).
    assert set(course.hidden_paths()) == {
        str(REPO_ROOT / "autograder"),
        str(REPO_ROOT / "tests"),
        str(tmp_path),
    }


def test_released_notebooks_import_the_hidden_tests_through_the_old_name():
    """The cell a notebook released before the move runs, in a fresh interpreter."""
    code = textwrap.dedent(
        """
        import sys
        from autograder.hidden import ps6_retention as hidden_tests
        from autograder.hidden import ps6_retention_guided
        import hidden.ps6_retention
        assert hidden_tests is hidden.ps6_retention is sys.modules["autograder.hidden.ps6_retention"]
        assert ps6_retention_guided.coding is hidden_tests
        from globalsourcing.checks import run_hidden
        def monthly_attrition(annual):
            return 1 - (1 - annual) ** (1 / 12)
        run_hidden(hidden_tests.q1, monthly_attrition)
        try:
            run_hidden(hidden_tests.q1, lambda annual: annual / 12)
        except Exception as exc:
            print(type(exc).__name__)
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "GLOBALSOURCING_REPO"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "HiddenTestFailure"
