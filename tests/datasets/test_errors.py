"""Bad input gets one clear DatasetError naming the dataset, the problem and the fix."""

from __future__ import annotations

import shutil

import pytest

import globalsourcing.data.registry as registry_module
from globalsourcing.data import DatasetError, cite, datasheet, load
from globalsourcing.data.checksums import rewrite
from globalsourcing.data.download import sha256_of
from globalsourcing.data.registry import datasets_root, find_datasets_root


@pytest.fixture
def datasets_copy(tmp_path, monkeypatch):
    """A private copy of datasets/ that the loader uses instead of the real one."""
    copy = tmp_path / "datasets"
    shutil.copytree(datasets_root(), copy)
    monkeypatch.setattr(registry_module, "datasets_root", lambda: copy)
    return copy


def rerecord(copy, name):
    """Record the current checksum of a file in the copy, as a maintainer would."""
    registry = copy / "registry.yaml"
    digest = sha256_of(copy / name / f"{name}.csv")
    registry.write_text(rewrite(registry.read_text(), {name: digest}))
    registry_module._read_registry.cache_clear()


def test_dataset_error_is_a_value_error_with_its_parts():
    error = DatasetError("cases", "something is wrong", "do this")
    assert isinstance(error, ValueError)
    assert (error.dataset, error.problem, error.fix) == ("cases", "something is wrong", "do this")
    assert str(error) == "dataset 'cases': something is wrong\nFix: do this"


@pytest.mark.parametrize("verb", [load, datasheet, cite])
def test_an_unknown_name_suggests_the_closest_valid_names(verb):
    with pytest.raises(DatasetError) as info:
        verb("wdi_pannel")
    assert info.value.dataset == "wdi_pannel"
    assert "did you mean 'wdi_panel'" in info.value.fix
    assert "sourcing_decisions" in info.value.fix  # the full list follows


def test_a_name_with_no_close_match_lists_the_valid_names():
    with pytest.raises(DatasetError) as info:
        load("weather")
    assert "did you mean" not in info.value.fix
    assert "market_size" in info.value.fix


def test_a_name_that_is_not_a_string_is_rejected():
    with pytest.raises(DatasetError, match="must be a string"):
        load(3)


def test_a_missing_data_file_is_reported(datasets_copy):
    (datasets_copy / "gsli_ranks" / "gsli_ranks.csv").unlink()
    with pytest.raises(DatasetError, match="is missing") as info:
        load("gsli_ranks")
    assert info.value.dataset == "gsli_ranks"


def test_a_changed_file_fails_its_checksum(datasets_copy):
    path = datasets_copy / "gsli_pillars" / "gsli_pillars.csv"
    path.write_text(path.read_text().replace(",40,", ",45,"))
    with pytest.raises(DatasetError, match="SHA-256") as info:
        load("gsli_pillars")
    assert "checksums --write" in info.value.fix


def test_a_value_outside_the_schema_names_the_column(datasets_copy):
    path = datasets_copy / "gsli_pillars" / "gsli_pillars.csv"
    path.write_text(path.read_text().replace(",40,", ",140,"))
    rerecord(datasets_copy, "gsli_pillars")
    with pytest.raises(DatasetError, match="does not match its schema") as info:
        load("gsli_pillars")
    assert "weight_pct" in info.value.problem
    assert "140" in info.value.problem


def test_a_missing_column_is_reported_before_parsing(datasets_copy):
    path = datasets_copy / "cases" / "cases.csv"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(",".join(line.split(",")[1:]) for line in lines))
    rerecord(datasets_copy, "cases")
    with pytest.raises(DatasetError, match="columns that differ") as info:
        load("cases")
    assert "case_id" in info.value.problem


def test_a_type_error_in_a_column_is_reported(datasets_copy):
    path = datasets_copy / "tholons_cities" / "tholons_cities.csv"
    path.write_text(path.read_text().replace("2013,1,Bangalore", "2013,first,Bangalore"))
    rerecord(datasets_copy, "tholons_cities")
    with pytest.raises(DatasetError, match="types reject"):
        load("tholons_cities")


def test_a_mirror_without_the_file_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(tmp_path))
    with pytest.raises(DatasetError) as info:
        load("wdi_panel")
    assert "wdi_offshoring_panel.csv" in info.value.problem
    # The fix names what a user of the installed package has, never a folder of the clone.
    assert "shared" not in info.value.fix
    assert "python -m globalsourcing download wdi_panel" in info.value.fix
    assert "GLOBALSOURCING_DATA_DIR" in info.value.fix


def test_a_mirror_file_of_another_vintage_fails_its_checksum(mirror, tmp_path, monkeypatch):
    copy = tmp_path / "unctad_services_trade_total.csv"
    text = (mirror / "unctad_services_trade_total.csv").read_text()
    copy.write_text(text.replace("1307.801", "1307.802", 1))
    monkeypatch.setenv("GLOBALSOURCING_DATA_DIR", str(tmp_path))
    with pytest.raises(DatasetError, match="SHA-256") as info:
        load("unctad_services")
    assert "pinned vintage" in info.value.fix


def test_the_resolver_finds_the_wheel_layout_and_the_clone_layout(tmp_path):
    wheel = tmp_path / "site" / "globalsourcing"
    (wheel / "_datasets").mkdir(parents=True)
    (wheel / "_datasets" / "registry.yaml").write_text("datasets: {}\n")
    assert find_datasets_root(wheel) == wheel / "_datasets"

    clone = tmp_path / "clone"
    (clone / "globalsourcing").mkdir(parents=True)
    (clone / "datasets").mkdir()
    (clone / "datasets" / "registry.yaml").write_text("datasets: {}\n")
    assert find_datasets_root(clone / "globalsourcing") == clone / "datasets"

    with pytest.raises(DatasetError, match="registry.yaml"):
        find_datasets_root(tmp_path / "nowhere" / "globalsourcing")


def test_the_committed_checksums_are_current(mirror):
    from globalsourcing.data.checksums import actual_checksums
    from globalsourcing.data.registry import registry

    actual = actual_checksums()
    for name, spec in registry().items():
        recorded = spec.mirror["sha256"] if spec.kind == "external" else spec.sha256
        assert actual[name] == recorded, name
