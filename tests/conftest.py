"""Shared test settings: the repository root and the offline data mirror."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIRROR = ROOT.parent / "shared" / "data"

if "GLOBALSOURCING_DATA_DIR" not in os.environ and MIRROR.is_dir():
    os.environ["GLOBALSOURCING_DATA_DIR"] = str(MIRROR)

# No test reaches the real publishers: unless a test names its own stand-in, the World
# Bank and UNCTAD addresses point at a local port where nothing listens, so a test that
# would download fails at once with the download error instead of using the internet.
NO_PUBLISHER = "http://127.0.0.1:9"
for _variable in ("GLOBALSOURCING_WB_API", "GLOBALSOURCING_UNCTAD_API"):
    os.environ.setdefault(_variable, NO_PUBLISHER)


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
