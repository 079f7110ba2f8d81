"""requirements.lock pins every dependency that pyproject.toml declares, inside its range.

setup.sh installs with the lock as constraints, so a dependency added to pyproject.toml
without re-locking would be installed at whatever version the registry serves that day.
"""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==([^\s;]+)", line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines += extra
    requirements = [Requirement(line) for line in lines]
    return [r for r in requirements if canonicalize_name(r.name) != "globalsourcing"]


def test_every_declared_dependency_is_locked_inside_its_range():
    pins = _locked()
    problems = []
    for requirement in _declared():
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in requirements.lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} is outside {requirement.specifier}")
    assert not problems, "; ".join(problems) + ". Run 'make lock'."


def test_setup_installs_with_the_lock_as_constraints():
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    assert "-c requirements.lock" in setup
