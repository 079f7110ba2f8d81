"""Shared test settings: the repository root and the offline data mirror."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIRROR = ROOT.parent / "shared" / "data"

if "GLOBALSOURCING_DATA_DIR" not in os.environ and MIRROR.is_dir():
    os.environ["GLOBALSOURCING_DATA_DIR"] = str(MIRROR)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test in the run.

    Playwright's sync API cannot be entered twice in one process (the second entry fails with
    "using Playwright Sync API inside the asyncio loop"), so there is exactly one, here.
    """
    from playwright.sync_api import sync_playwright

    from globalsourcing.testing.site import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
