"""Exhibits fit a phone column, read without a mouse and show a static image without scripts."""

import json
import re

import altair as alt
import pandas as pd
import pytest

from globalsourcing.exhibits import Exhibit, catalog
from globalsourcing.exhibits.responsive import LABEL_CHARS, fit_to_column, readable
from globalsourcing.exhibits.static_view import ExhibitDataError, data_table_html, data_tables
from globalsourcing.sphinxext.exhibit_pages import finish_exhibits

LONG = "Clients expected lower costs than they achieved in the first two years"


def _bars() -> Exhibit:
    frame = pd.DataFrame(
        {
            "finding": [LONG, "Short finding"],
            "share": [44, 75],
            "kind": ["multi_supplier_outsourcing", "captive_sale"],
        }
    )
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("share:Q", title="Share of clients (%)"),
            y=alt.Y("finding:N", title=None),
            color=alt.Color("kind:N", title="Arrangement", legend=alt.Legend(columns=3)),
        )
        .properties(width=560, height=60)
    )
    return Exhibit(chart, title="Exhibit X.1 Test bars", source="made-up test numbers")


def test_the_chart_takes_its_width_from_the_page_not_a_fixed_number():
    spec = fit_to_column(_bars().vega)
    assert "width" not in spec
    width = next(s for s in spec["signals"] if s["name"] == "width")
    assert "containerSize()" in width["init"] and width["on"][0]["events"] == "window:resize"
    # Axes and legend are counted inside the container's width, not added to it.
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}


def test_the_original_spec_is_left_unchanged():
    vega = _bars().vega
    before = json.dumps(vega, sort_keys=True)
    fit_to_column(vega)
    assert json.dumps(vega, sort_keys=True) == before


def test_long_labels_wrap_and_snake_case_reads_as_words():
    spec = fit_to_column(_bars().vega)
    axis_text = next(a for a in spec["axes"] if a.get("scale") == "y" and "encode" in a)
    signal = axis_text["encode"]["labels"]["update"]["text"]["signal"]
    mapping = json.loads(signal[1 : signal.index(")[")])
    assert all(len(line) <= LABEL_CHARS for line in mapping[LONG])
    assert " ".join(mapping[LONG]) == LONG
    assert mapping["multi_supplier_outsourcing"] == ["Multi supplier", "outsourcing"]
    assert mapping["captive_sale"] == "Captive sale"
    assert readable("captive_sale") == "Captive sale"
    assert readable("In-house") == "In-house"
    assert spec["config"]["axis"]["labelLimit"] == 0  # nothing ends in "..."


def test_a_wrapped_category_axis_gets_room_for_every_line():
    spec = fit_to_column(_bars().vega)
    # Two categories, the long one on three lines: more than the 60 px the author asked for.
    assert spec["height"] >= 2 * (3 * 12 + 8)


def test_legends_stand_in_one_column_on_a_phone():
    spec = fit_to_column(_bars().vega)
    legend = spec["legends"][0]
    assert legend["direction"] == "vertical"
    assert "< 560 ? 1 : 3" in legend["columns"]["signal"]


def test_the_data_table_lists_what_the_chart_draws_in_its_default_state():
    tco = catalog.tco_exhibit()
    [(columns, rows)] = [t for t in data_tables(tco.vega) if len(t[1]) == 21]
    assert "Option" in columns or "option" in columns
    # Three options over seven years at the opening slider settings, no other grid rows.
    assert {r[columns.index("year")] for r in rows} == {str(y) for y in range(1, 8)}
    table = data_table_html(tco.vega, tco.title)
    assert table.startswith(
        '<details class="gs-exhibit-data"><summary>Data table (default settings)'
    )
    assert table.count("<tr>") == 22 + table.count("<table") - 1


def test_a_chart_with_no_readable_marks_fails_loudly():
    frame = pd.DataFrame({"x": [1, 2]})
    chart = alt.Chart(frame).mark_point(aria=False).encode(x="x:Q")
    exhibit = Exhibit(chart, title="Silent", source="test")
    with pytest.raises(ExhibitDataError, match="tooltip"):
        data_table_html(exhibit.vega, exhibit.title)


def test_finished_figure_has_static_image_table_and_fitted_spec_and_no_dead_tab_stop():
    exhibit = _bars()
    page = finish_exhibits(exhibit.to_html() + exhibit.to_html().replace("x-1", "x-2"))
    assert page.count('<div class="gs-exhibit-static" role="img"') == 2
    assert page.count('<details class="gs-exhibit-data">') == 2
    assert 'tabindex="0" aria-label="Exhibit' not in page
    spec = json.loads(re.search(r'class="gs-exhibit-spec">(.*?)</script>', page).group(1))
    assert spec["autosize"]["type"] == "fit-x"
    # Two inline SVGs on one page must not share element ids (clip paths would cross).
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert finish_exhibits(page) == page  # a second pass changes nothing


def test_capped_sliders_are_named_in_the_page_and_checked():
    exhibit = catalog.location_index_exhibit()
    assert """data-capped-sum='{"signals": ["fin", "ppl"], "max": 90}""" in exhibit.to_html()
    frame = pd.DataFrame({"x": [1]})
    chart = alt.Chart(frame).mark_point().encode(x="x:Q")
    broken = Exhibit(chart, title="Caps", source="test", capped_sum=(("a", "b"), 90))
    with pytest.raises(ValueError, match="no parameter"):
        _ = broken.vega


def test_location_index_opens_on_weights_that_add_up():
    exhibit = catalog.location_index_exhibit()
    rows = next(iter(exhibit.vega_lite["datasets"].values()))
    assert all(r["fin"] + r["ppl"] <= 90 for r in rows)
    assert "add up to 100%" in exhibit.caption
