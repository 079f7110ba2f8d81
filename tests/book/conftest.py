"""Fixtures for tests that check the built student site in _build/html.

GLOBALSOURCING_STUDENT_SITE points them at a site built elsewhere (for example with
``jupyter-book build . --path-output /tmp/mybuild``), so parallel work need not share _build/.
"""

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def site(repo_root: Path) -> Path:
    html = Path(os.environ.get("GLOBALSOURCING_STUDENT_SITE") or repo_root / "_build" / "html")
    if not (html / "index.html").exists():
        pytest.fail("The book is not built: run 'make book' (the test command builds it first).")
    return html
