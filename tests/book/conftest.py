"""Fixtures for tests that check the built student site in _build/html."""

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def site(repo_root: Path) -> Path:
    html = repo_root / "_build" / "html"
    if not (html / "index.html").exists():
        pytest.fail("The book is not built: run 'make book' (the test command builds it first).")
    return html
