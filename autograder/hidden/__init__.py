"""Compatibility alias: ``autograder.hidden.<assignment>`` is the course's hidden-test module.

The hidden tests live with their course (this repository's are in ``exercises/hidden/``,
named by ``hidden_tests`` in ``exercises/grading.toml``). Notebooks released before they
moved import ``from autograder.hidden import <assignment>``; this package answers that
import with the module of the course's own hidden-test package (the same module object,
not a copy), so those notebooks still grade. It reads the declaration of the clone's
course (``exercises/``) and imports nothing until a name is asked for.
"""

from __future__ import annotations

import sys
from types import ModuleType

__path__: list[str] = []  # no modules of its own: every name comes from the course


def __getattr__(name: str) -> ModuleType:
    if name.startswith("__"):
        raise AttributeError(name)
    from autograder.cli import REPO_COURSE
    from autograder.declaration import Declaration

    module = Declaration.read(REPO_COURSE).hidden_module(name)
    sys.modules[f"{__name__}.{name}"] = module
    return module
