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
