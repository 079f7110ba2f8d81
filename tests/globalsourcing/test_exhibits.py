"""Exhibits compile to a self-contained static figure and guard their size."""

import json
import re

import altair as alt
import pandas as pd
import pytest

from globalsourcing.exhibits import Exhibit, ExhibitTooLarge, grid_frame
from globalsourcing.exhibits.exhibit import BOOK_BUILD_ENV


def _chart(df):
    rate = alt.param(
        name="rate", value=1, bind=alt.binding_range(min=1, max=3, step=1, name="Rate ")
    )
    return (
        alt.Chart(df)
        .mark_line()
        .encode(x="year:Q", y="y:Q")
        .add_params(rate)
        .transform_filter(alt.datum.rate == rate)
    )


def _growth(rate, years=3):
    return pd.DataFrame({"year": range(years), "y": [(1 + rate / 100) ** t for t in range(years)]})


def test_grid_frame_has_a_column_per_input_and_all_combinations():
    df = grid_frame(_growth, {"rate": [1, 2, 3]}, years=4)
    assert len(df) == 12
    assert sorted(df["rate"].unique()) == [1, 2, 3]
    scalar = grid_frame(lambda a, b: a * b, {"a": [1, 2], "b": [10, 20]})
    assert scalar.sort_values(["a", "b"])["value"].tolist() == [10, 20, 20, 40]


def test_grid_frame_rejects_empty_inputs_and_column_clashes():
    with pytest.raises(ValueError, match="at least one input"):
        grid_frame(_growth, {})
    with pytest.raises(ValueError, match="no values"):
        grid_frame(_growth, {"rate": []})
    with pytest.raises(ValueError, match="already has column"):
        grid_frame(lambda year: {"year": year}, {"year": [1]})


def test_static_markup_embeds_a_vega_spec_with_the_bound_slider():
    exhibit = Exhibit(
        _chart(grid_frame(_growth, {"rate": [1, 2, 3]})),
        title="Exhibit 1 Growth",
        source="synthetic",
    )
    html = exhibit.to_html()
    spec = json.loads(
        re.search(r'class="gs-exhibit-spec">(.*)</script>', html).group(1).replace("<\\/", "</")
    )
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega/")
    slider = [s for s in spec["signals"] if s["name"] == "rate"][0]
    assert slider["bind"]["input"] == "range"
    assert "Source: synthetic" in html
    assert 'aria-label="Exhibit 1 Growth"' in html


def test_exhibit_needs_title_and_source():
    with pytest.raises(ValueError, match="no source"):
        Exhibit(_chart(_growth(1).assign(rate=1)), title="T", source=" ")
    with pytest.raises(ValueError, match="needs a title"):
        Exhibit(_chart(_growth(1).assign(rate=1)), title="", source="s")


def test_oversized_exhibit_is_refused_with_advice():
    big = pd.DataFrame({"year": range(40_000), "y": range(40_000), "rate": 1})
    with pytest.raises(ExhibitTooLarge, match="aggregate in pandas"):
        Exhibit(_chart(big), title="Too big", source="s").to_html()


def test_script_end_tags_in_data_cannot_break_the_page():
    df = pd.DataFrame({"year": [0], "y": [1], "rate": [1], "label": ["</script><b>x"]})
    html = Exhibit(_chart(df), title="T", source="s").to_html()
    assert html.count("</script>") == 1


def test_mimebundle_is_static_markup_in_the_book_and_altair_in_jupyter(monkeypatch):
    exhibit = Exhibit(_chart(_growth(1).assign(rate=1)), title="T", source="s")
    monkeypatch.setenv(BOOK_BUILD_ENV, "1")
    assert "gs-exhibit" in exhibit._repr_mimebundle_()["text/html"]
    monkeypatch.delenv(BOOK_BUILD_ENV)
    # Outside the book, Altair's active renderer draws the chart (so Jupyter users can switch renderers).
    assert exhibit._repr_mimebundle_().keys() == exhibit.chart._repr_mimebundle_().keys()
    assert "vegaEmbed" in str(exhibit._repr_mimebundle_())
    assert "gs-exhibit" not in str(exhibit._repr_mimebundle_())
