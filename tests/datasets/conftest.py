"""Fixtures for the dataset tests: the shared mirror, and an isolated cache per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MIRROR = Path(os.environ.get("GLOBALSOURCING_DATA_DIR") or REPO.parent / "shared" / "data")


@pytest.fixture
def mirror(monkeypatch) -> Path:
    """Point GLOBALSOURCING_DATA_DIR at the shared offline mirror."""
    if not (MIRROR / "wdi_offshoring_panel.csv").is_file():
        pytest.skip(f"no offline mirror at {MIRROR}; set GLOBALSOURCING_DATA_DIR")
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(MIRROR))
    return MIRROR


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A fresh, empty user cache, with no mirror configured and downloads allowed."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOBALSOURCING_CACHE_DIR", str(folder))
    monkeypatch.delenv("GLOBALSOURCING_DATA_DIR", raising=False)
    monkeypatch.delenv("GLOBALSOURCING_OFFLINE", raising=False)
    return folder
