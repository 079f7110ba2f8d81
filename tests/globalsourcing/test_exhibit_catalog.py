"""The model exhibits build, stay small, name a source and carry working sliders."""

import json
from collections import Counter
from pathlib import Path

import pytest

from globalsourcing.exhibits import Exhibit, catalog
from globalsourcing.exhibits.controls import chart_params

#: The authoring guide's target for data embedded in one exhibit.
TARGET_BYTES = 200_000


@pytest.fixture(scope="module", params=list(catalog.EXHIBITS))
def built(request):
    return request.param, catalog.EXHIBITS[request.param]()


def test_exhibit_compiles_small_with_a_source(built):
    name, exhibit = built
    assert isinstance(exhibit, Exhibit)
    assert exhibit.source.strip()
    assert len(exhibit.spec_json().encode()) < TARGET_BYTES, name
    assert json.loads(exhibit.spec_json().replace("<\\/", "</"))["$schema"].startswith(
        "https://vega.github.io/schema/vega/"
    )


def test_exhibit_has_a_bound_input(built):
    name, exhibit = built
    bound = [p for p in chart_params(exhibit.vega_lite) if "bind" in p]
    assert bound, f"{name} has no slider or dropdown"


def test_synthetic_exhibit_says_so():
    exhibit = catalog.sustainability_exhibit()
    assert "synthetic" in (exhibit.title + exhibit.source).lower()


def test_every_exhibit_opens_on_a_non_empty_selection(built):
    # Each slider's starting value must match rows of every grid it filters, or the page
    # would open on an empty chart.
    name, exhibit = built
    spec = exhibit.vega_lite
    start = {p["name"]: p["value"] for p in chart_params(spec) if "bind" in p}
    filtered = 0
    for rows in spec.get("datasets", {}).values():
        keys = [k for k in start if rows and k in rows[0]]
        if not keys:
            continue
        filtered += 1
        hits = [r for r in rows if all(r[k] == start[k] for k in keys)]
        assert hits, f"{name}: no rows for the starting setting {start}"
    assert filtered, f"{name}: no dataset is filtered by its sliders"


def test_default_slider_setting_selects_rows_of_the_grid():
    # The TCO exhibit's defaults (fee 60, overrun 0, transition 15) must match grid rows,
    # otherwise the page opens on an empty chart.
    spec = catalog.tco_exhibit().vega_lite
    values = {p["name"]: p["value"] for p in chart_params(spec)}
    rows = spec["datasets"][spec["data"]["name"]]
    hits = [
        r
        for r in rows
        if r["fee"] == values["fee"]
        and r["overrun"] == values["overrun"]
        and r["transition"] == values["transition"]
    ]
    assert len(hits) == 21  # three options x seven years


def test_titles_can_be_renumbered_by_a_chapter():
    assert catalog.captive_exhibit(title="Exhibit 9.9 Captives").title == "Exhibit 9.9 Captives"


def test_gallery_shows_every_exhibit_and_opens_every_widget(repo_root):
    from globalsourcing import widgets

    page = (repo_root / "book" / "models" / "00-gallery.md").read_text(encoding="utf-8")
    for builder in catalog.EXHIBITS.values():
        assert f"catalog.{builder.__name__}()" in page, builder.__name__
    for name in widgets.__all__:
        if name.endswith("_widget"):
            assert f"from globalsourcing.widgets import {name}; {name}()" in page, name


def test_a_models_widget_and_exhibit_live_under_its_module_name():
    # models/tco.py, widgets/tco.py and exhibits/tco.py: a reader finds a model's three faces
    # under one name, and the catalog still offers every builder the chapters call.
    from globalsourcing import models, widgets

    model_modules = {
        p.stem
        for p in Path(models.__file__).parent.glob("*.py")
        if p.stem not in {"__init__", "params", "cases"}
    }
    exhibit_homes = Counter(b.__module__ for b in catalog.EXHIBITS.values())
    widget_homes = Counter(
        getattr(widgets, n).__module__ for n in widgets.__all__ if n.endswith("_widget")
    )
    assert exhibit_homes == Counter(f"globalsourcing.exhibits.{m}" for m in model_modules)
    assert widget_homes == Counter(f"globalsourcing.widgets.{m}" for m in model_modules)
    for builder in catalog.EXHIBITS.values():
        assert getattr(catalog, builder.__name__) is builder
    assert catalog.relationship_sustainability is catalog.sustainability_exhibit


def test_every_control_is_read_from_the_models_declaration(built):
    # A slider's range, steps and opening value come from the model's @declared parameters
    # (tests/globalsourcing/test_exhibit_controls.py plants a mismatch to show this can fail).
    from globalsourcing.exhibits.controls import mismatches

    name, exhibit = built
    assert exhibit.controls, f"{name}: no control reads a declaration"
    assert mismatches(exhibit) == [], name
