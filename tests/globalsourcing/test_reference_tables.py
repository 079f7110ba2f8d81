"""Reference tables of the hidden tests: built once per grading run, handed out as copies."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest

from globalsourcing.checks import reference
from globalsourcing.data import DatasetError, load
from globalsourcing.data.api import version

REPO = Path(__file__).resolve().parents[2]
MIRROR = Path(os.environ.get("GLOBALSOURCING_DATA_DIR") or REPO.parent / "shared" / "data")
SERIES, FILE = "unctad_services", "unctad_services_trade_total.csv"


@pytest.fixture
def own_mirror(tmp_path, monkeypatch) -> Path:
    """A private copy of the offline mirror's UNCTAD file, which a test may touch or edit."""
    if not (MIRROR / FILE).is_file():
        pytest.skip(f"no offline mirror at {MIRROR}; set GLOBALSOURCING_DATA_DIR")
    folder = tmp_path / "mirror"
    folder.mkdir()
    shutil.copy(MIRROR / FILE, folder / FILE)
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(folder))
    return folder


def counted(build):
    """``build`` decorated with reference, and a list that grows by one per real build."""
    runs = []

    @reference
    def builder(*args, **kwargs):
        runs.append(args)
        return build(*args, **kwargs)

    return builder, runs


def test_repeated_calls_build_once_and_return_equal_but_distinct_frames():
    builder, runs = counted(lambda: pd.DataFrame({"year": [2005, 2024], "usd_bn": [1.5, 2.5]}))
    first, second = builder(), builder()
    assert len(runs) == 1
    pd.testing.assert_frame_equal(first, second)
    assert first is not second


def test_changing_a_returned_frame_does_not_change_the_next_one():
    builder, _ = counted(lambda: pd.DataFrame({"country_code": ["IND", "PHL"], "v": [1.0, 2.0]}))
    got = builder()
    got.loc[0, "v"] = -99.0
    got["extra"] = 1
    got.index = ["a", "b"]
    got.attrs["dataset"] = "changed"
    again = builder()
    assert again["v"].tolist() == [1.0, 2.0]
    assert list(again.columns) == ["country_code", "v"]
    assert list(again.index) == [0, 1]
    assert "dataset" not in again.attrs


def test_other_values_are_deep_copies():
    builder, runs = counted(lambda: {"IND": [1.0, 2.0], "table": pd.Series([1, 2])})
    got = builder()
    got["IND"].append(3.0)
    got["table"].iloc[0] = 99
    again = builder()
    assert again["IND"] == [1.0, 2.0]
    assert again["table"].tolist() == [1, 2]
    assert len(runs) == 1


def test_plain_arguments_are_cached_apart_by_type_and_value():
    builder, runs = counted(lambda value=0: pd.Series([value]))
    assert builder(1).tolist() == [1]
    assert builder(True).tolist() == [True]  # True == 1, but it is another argument
    assert builder(1.0).tolist() == [1.0]
    assert builder(value=1).tolist() == [1]
    builder(1), builder(True), builder(1.0), builder(value=1)
    assert [type(a[0]) for a in runs[:3]] == [int, bool, float]
    assert len(runs) == 4


def test_a_frame_or_a_function_as_argument_is_never_cached():
    builder, runs = counted(lambda table: table.assign(v=table["v"] * 2))
    student = pd.DataFrame({"v": [1.0]})
    assert builder(student)["v"].tolist() == [2.0]
    student.loc[0, "v"] = 5.0  # the same object, changed: a memo keyed on it would be stale
    assert builder(student)["v"].tolist() == [10.0]
    call, runs_of_call = counted(lambda f: f(2))
    assert call(lambda x: x + 1) == 3
    assert call(lambda x: x * 10) == 20
    assert len(runs) == 2 and len(runs_of_call) == 2


def test_a_builder_that_raises_is_tried_again():
    attempts = []

    @reference
    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise ValueError("first attempt fails")
        return pd.DataFrame({"v": [1]})

    with pytest.raises(ValueError):
        flaky()
    assert flaky()["v"].tolist() == [1]
    assert len(attempts) == 2


def test_concurrent_first_calls_build_once():
    started = threading.Event()

    def slow():
        started.wait(5)
        return pd.DataFrame({"v": range(3)})

    builder, runs = counted(slow)
    results = []
    threads = [threading.Thread(target=lambda: results.append(builder())) for _ in range(4)]
    for thread in threads:
        thread.start()
    started.set()
    for thread in threads:
        thread.join(10)
    assert len(results) == 4 and len(runs) == 1
    assert len({id(r) for r in results}) == 4


def test_a_touched_dataset_file_is_read_again(own_mirror):
    builder, runs = counted(lambda: load(SERIES).head(3))
    first = builder()
    builder()
    assert len(runs) == 1
    path = own_mirror / FILE
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    pd.testing.assert_frame_equal(builder(), first)
    assert len(runs) == 2
    builder()
    assert len(runs) == 2


def test_an_edited_dataset_file_is_not_served_from_memory(own_mirror):
    builder, runs = counted(lambda: load(SERIES).head(3))
    builder()
    with (own_mirror / FILE).open("a", encoding="utf-8") as handle:
        handle.write("\n")  # another size: the recorded checksum no longer matches
    with pytest.raises(DatasetError, match="SHA-256"):
        builder()
    assert len(runs) == 2


def test_another_data_folder_builds_again(own_mirror, tmp_path, monkeypatch):
    builder, runs = counted(lambda: len(load(SERIES)))
    builder()
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(own_mirror / FILE, other / FILE)
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(other))
    builder()
    assert len(runs) == 2
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(tmp_path / "empty"))
    with pytest.raises(DatasetError, match="has no unctad_services_trade_total.csv"):
        builder()  # the mirror lacks the file: load's own error, not the cached table


def test_a_table_built_from_cached_tables_depends_on_their_files_too(own_mirror):
    inner, inner_runs = counted(lambda: load(SERIES))
    outer, outer_runs = counted(lambda: len(inner()))
    inner()  # cached before outer is first built: outer never calls load itself
    assert outer() == len(load(SERIES))
    path = own_mirror / FILE
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    outer()
    assert len(outer_runs) == 2 and len(inner_runs) == 2


def test_version_names_the_file_load_reads_without_reading_it(own_mirror, monkeypatch):
    path = own_mirror / FILE
    token = version(SERIES)
    assert token[0] == str(path) and token[2] == path.stat().st_size
    assert version(SERIES) == token
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert version(SERIES) != token
    path.unlink()
    assert version(SERIES) is None
    monkeypatch.delenv("GLOBALSOURCING_DATA_DIR")
    monkeypatch.setenv("GLOBALSOURCING_CACHE_DIR", str(own_mirror / "empty-cache"))
    monkeypatch.setenv("GLOBALSOURCING_OFFLINE", "1")
    assert version(SERIES) is None  # not downloaded, and version never downloads
    assert version("cases") == version("cases") is not None  # a file shipped with the package
