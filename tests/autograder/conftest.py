"""Shared fixtures: the fixture course, generated once per session with real nbgrader."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SUBMISSIONS = FIXTURES / "submissions"
REPO = Path(__file__).resolve().parents[2]


def nbgrader_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


@pytest.fixture(scope="session")
def generated_course(tmp_path_factory) -> Path:
    """The fixture course after `nbgrader generate_assignment ps1` (gradebook + release)."""
    root = tmp_path_factory.mktemp("course-template") / "course"
    shutil.copytree(FIXTURES / "course", root)
    subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", "ps1"],
        cwd=root,
        check=True,
        capture_output=True,
        env=nbgrader_env(),
    )
    return root


@pytest.fixture
def course_dir(generated_course, tmp_path) -> Path:
    """A fresh copy of the generated course for one test."""
    root = tmp_path / "course"
    shutil.copytree(generated_course, root)
    return root


def submit(
    course: Path, scenario: str, student: str | None = None, port: int | None = None
) -> Path:
    """Copy a scenario's files into submitted/<student>/ps1/."""
    target = course / "submitted" / (student or scenario) / "ps1"
    target.mkdir(parents=True, exist_ok=True)
    for path in (SUBMISSIONS / scenario).iterdir():
        data = path.read_bytes()
        if port is not None:
            data = data.replace(b"__PORT__", str(port).encode())
        (target / path.name).write_bytes(data)
    (target / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    return target


@pytest.fixture(scope="session")
def submit_scenario():
    """The `submit` helper, as a fixture (test modules here are not a package)."""
    return submit
