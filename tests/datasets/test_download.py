"""The real download code against a local stand-in for the publishers (127.0.0.1 only)."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from globalsourcing.data import DatasetError, download_series, load
from globalsourcing.data.download import sha256_of

from .conftest import MIRROR
from .publisher_server import PublisherServer


@pytest.fixture(scope="module")
def publisher():
    if not (MIRROR / "wdi_offshoring_long.csv").is_file():
        pytest.skip(f"no offline mirror at {MIRROR}")
    server = PublisherServer(MIRROR).start()
    yield server
    server.stop()


@pytest.fixture
def online(publisher, cache, monkeypatch):
    """No mirror, an empty cache, and both publishers' addresses pointing at the server."""
    monkeypatch.setenv("GLOBALSOURCING_WB_API", f"{publisher.url}/v2")
    monkeypatch.setenv("GLOBALSOURCING_UNCTAD_API", publisher.url)
    publisher.requests.clear()
    publisher.faults.clear()
    return publisher


def mirror_frame(name: str, monkeypatch) -> pd.DataFrame:
    with monkeypatch.context() as m:
        m.setenv("GLOBALSOURCING_DATA_DIR", str(MIRROR))
        return load(name)


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_wdi_download_rebuilds_the_mirror_panel_exactly(online, cache, monkeypatch):
    downloaded = load("wdi_panel")
    expected = mirror_frame("wdi_panel", monkeypatch)
    pd.testing.assert_frame_equal(downloaded, expected)
    assert leftovers(cache) == ["wdi_panel.csv", "wdi_panel.json"]
    manifest = json.loads((cache / "wdi_panel.json").read_text())
    assert manifest["sha256"] == sha256_of(cache / "wdi_panel.csv")
    assert manifest["base_url"] == f"{online.url}/v2"
    # Every indicator was paged (the stand-in serves at most 5,000 records a page).
    assert any("page=2" in r for r in online.requests)


def test_a_cached_series_loads_without_the_network(online, cache):
    load("wdi_panel")
    online.requests.clear()
    again = load("wdi_panel")
    assert online.requests == []
    assert len(again) == 8215


def test_unctad_download_rebuilds_the_mirror_table_exactly(online, cache, monkeypatch):
    downloaded = load("unctad_services")
    expected = mirror_frame("unctad_services", monkeypatch)
    expected = expected.sort_values(["country_code", "year"], ignore_index=True)
    pd.testing.assert_frame_equal(downloaded, expected)
    assert leftovers(cache) == ["unctad_services.csv", "unctad_services.json"]


@pytest.mark.parametrize(
    ("name", "where", "mode", "message"),
    [
        ("wdi_panel", "SP.POP.TOTL", "truncate", "cut short"),
        ("wdi_panel", "IT.NET.USER.ZS", "garble", "is not World Bank Indicators API JSON"),
        ("wdi_panel", "/v2/country?", "http500", "HTTP 500"),
        ("wdi_panel", "FP.CPI.TOTL.ZG", "empty", "no values for indicator FP.CPI.TOTL.ZG"),
        ("wdi_panel", "IT.NET.BBND.P2", "short_total", "records but"),
        ("unctad_services", "bulkdownload", "truncate", "cut short"),
        ("unctad_services", "bulkdownload", "garble", "is not a 7-Zip archive"),
        ("unctad_services", "bulkdownload", "damage", "damaged"),
    ],
)
def test_a_bad_answer_is_one_clear_error_and_leaves_no_file(
    online, cache, name, where, mode, message
):
    online.fault(where, mode)
    with pytest.raises(DatasetError) as info:
        load(name)
    error = info.value
    assert error.dataset == name
    assert message in str(error)
    assert "Fix:" in str(error)
    assert leftovers(cache) == []


def test_a_failed_refresh_keeps_the_good_cached_copy(online, cache):
    good = load("wdi_panel")
    before = (cache / "wdi_panel.csv").read_bytes()
    online.fault("NY.GDP.MKTP.CD", "truncate")
    with pytest.raises(DatasetError, match="cut short"):
        load("wdi_panel", refresh=True)
    assert (cache / "wdi_panel.csv").read_bytes() == before
    assert leftovers(cache) == ["wdi_panel.csv", "wdi_panel.json"]
    pd.testing.assert_frame_equal(load("wdi_panel"), good)


def test_a_corrupted_cache_file_is_reported_and_refresh_repairs_it(online, cache):
    load("wdi_panel")
    path = cache / "wdi_panel.csv"
    data = bytearray(path.read_bytes())
    data[-3] = ord("9") if data[-3] != ord("9") else ord("8")
    path.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match="SHA-256") as info:
        load("wdi_panel")
    assert "refresh=True" in info.value.fix
    assert len(load("wdi_panel", refresh=True)) == 8215


def test_a_cache_file_without_manifest_is_not_trusted(online, cache):
    load("wdi_panel")
    (cache / "wdi_panel.json").unlink()
    with pytest.raises(DatasetError, match="manifest"):
        load("wdi_panel")


def test_unreachable_publisher_without_mirror_says_how_to_work_offline(cache, monkeypatch):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("GLOBALSOURCING_WB_API", f"http://127.0.0.1:{port}/v2")
    with pytest.raises(DatasetError, match="could not reach") as info:
        load("wdi_panel")
    assert "GLOBALSOURCING_DATA_DIR" in info.value.fix
    assert leftovers(cache) == []


def test_offline_switch_without_mirror_fails_before_any_request(online, cache, monkeypatch):
    monkeypatch.setenv("GLOBALSOURCING_OFFLINE", "1")
    with pytest.raises(DatasetError, match="GLOBALSOURCING_OFFLINE") as info:
        load("unctad_services")
    assert "GLOBALSOURCING_DATA_DIR" in info.value.fix
    assert online.requests == []


def test_download_series_accepts_a_base_url_argument(publisher, tmp_path, monkeypatch):
    monkeypatch.delenv("GLOBALSOURCING_UNCTAD_API", raising=False)
    path = download_series("unctad_services", base_url=publisher.url, cache=tmp_path)
    assert path == tmp_path / "unctad_services.csv"
    assert path.is_file()


def test_only_external_series_are_downloaded():
    with pytest.raises(DatasetError, match="never downloaded"):
        download_series("cases")


def test_a_test_that_would_download_uses_no_real_publisher(cache):
    # tests/conftest.py points both publishers at a closed local port unless a test names
    # its own stand-in, so nothing in the suite can reach the internet by accident.
    from globalsourcing.data import unctad, worldbank

    for module in (worldbank, unctad):
        assert os.environ[module.BASE_URL_ENV].startswith("http://127.0.0.1:")
    with pytest.raises(DatasetError, match="could not reach"):
        load("wdi_panel")
    assert leftovers(cache) == []
