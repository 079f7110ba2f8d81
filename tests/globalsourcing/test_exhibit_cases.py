"""Each case's decision exhibit: built from the fact base, with sliders that open on a
real setting, small enough for a phone, and finished for keyboard, touch and no-script readers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from globalsourcing.authoring.text import bib_entries, book_bib_files
from globalsourcing.data import load
from globalsourcing.exhibits import Exhibit, cases
from globalsourcing.exhibits.controls import chart_params, mismatches
from globalsourcing.exhibits.responsive import fit_to_column
from globalsourcing.exhibits.static_view import data_table_html
from globalsourcing.sphinxext.exhibit_pages import finish_exhibits

ROOT = Path(__file__).resolve().parents[2]
CASE_PAGES = {p.name[:2]: p for p in (ROOT / "book" / "cases").glob("[0-9][0-9]-*.md")}
TARGET_BYTES = 200_000


@pytest.fixture(scope="module", params=sorted(cases.CASE_EXHIBITS))
def built(request):
    return request.param, cases.CASE_EXHIBITS[request.param]()


def test_every_case_page_has_a_decision_exhibit():
    numbered = {n for n in CASE_PAGES if n != "00"}
    assert numbered <= set(cases.CASE_EXHIBITS), sorted(numbered - set(cases.CASE_EXHIBITS))


def test_the_case_page_embeds_its_decision_exhibit_in_a_hidden_cell_with_a_question(built):
    number, exhibit = built
    page = CASE_PAGES[number].read_text(encoding="utf-8")
    builder = cases.CASE_EXHIBITS[number].__name__
    cells = re.findall(r"```\{code-cell\} ipython3\n:tags: \[remove-input\]\n(.*?)```", page, re.S)
    assert any(f"{builder}(title=" in c for c in cells), f"case {number}: no cell calls {builder}"
    numbered = re.search(rf"{builder}\(title=\"(Exhibit {int(number)}\.\d+) ", page)
    assert numbered, f"case {number}: the exhibit is not numbered like the case's others"
    after = page[page.find(numbered.group(0)) :]
    assert re.search(rf"\*\*Using {re.escape(numbered.group(1))}\.\*\*[^\n]*\?", after), (
        f"case {number}: no discussion question using {numbered.group(1)}"
    )


def test_case_exhibit_compiles_small_and_names_the_fact_base(built):
    number, exhibit = built
    assert isinstance(exhibit, Exhibit)
    assert len(exhibit.spec_json().encode()) < TARGET_BYTES, number
    facts = set(load("facts")["fact_id"])
    named = re.findall(r"\b([a-z][a-z0-9_]*) \(([A-Za-z0-9_-]+)\)", exhibit.source)
    assert named, f"case {number}: the source names no fact id"
    assert {fid for fid, _ in named} <= facts


def test_case_exhibit_has_a_control_and_opens_on_rows(built):
    number, exhibit = built
    # Sliders, their stops and the data they filter follow the model's declarations.
    assert exhibit.controls, f"case {number}: no control read from a declaration"
    assert mismatches(exhibit) == [], number
    spec = exhibit.vega_lite
    start = {p["name"]: p["value"] for p in chart_params(spec) if "bind" in p}
    assert start, f"case {number}: no slider"
    filtered = 0
    for rows in spec.get("datasets", {}).values():
        keys = [k for k in start if rows and k in rows[0]]
        if not keys:
            continue
        filtered += 1
        hits = [r for r in rows if all(abs(r[k] - start[k]) < 1e-3 for k in keys)]
        assert hits, f"case {number}: no rows for the opening setting {start}"
        # Every slider position the browser can reach selects rows too.
        for name in keys:
            param = next(p for p in chart_params(spec) if p["name"] == name)
            bind = param["bind"]
            steps = round((bind["max"] - bind["min"]) / bind["step"]) + 1
            for i in range(steps):
                value = bind["min"] + i * bind["step"]
                assert any(abs(r[name] - value) < 1e-3 for r in rows), (number, name, value)
    assert filtered, f"case {number}: no data is filtered by its sliders"


def test_illustrative_assumptions_are_labelled(built):
    number, exhibit = built
    # Every decision exhibit leans on at least one assumption, and says so where it is read.
    assert "illustrative" in exhibit.source.lower(), number
    assert "ILLUSTRATIVE" in exhibit.caption, f"case {number}: the caption hides it"
    assert "Notice" in exhibit.caption, f"case {number}: the caption says nothing to notice"


def test_sliders_that_stand_for_a_reported_figure_open_on_it():
    def start(exhibit, name):
        return next(p["value"] for p in chart_params(exhibit.vega_lite) if p.get("name") == name)

    facts = load("facts").set_index("fact_id")
    value = facts["value_low"]
    assert start(cases.sainsburys_exhibit(), "yearly_saving") == value["sainsburys_savings_aim"]
    assert start(cases.bae_exhibit(), "partner_share") == value["xchanging_profit_share"]
    assert start(cases.lloyds_exhibit(), "cost_cut") == value["lloyds_implied_cut"]
    assert start(cases.citigroup_exhibit(), "margin") == value["citi_margin"]
    low, high = facts.loc["rsi_hourly_rate", ["value_low", "value_high"]] * 1e6
    assert low <= start(cases.rural_exhibit(), "rural_rate") <= high
    assert start(cases.topcoder_exhibit(), "prize") == value["topcoder_first_prize"] * 1e6


def test_case_exhibit_fits_a_phone_and_reads_without_a_mouse(built):
    number, exhibit = built
    fitted = fit_to_column(exhibit.vega)
    width = next(s for s in fitted["signals"] if s["name"] == "width")
    assert "containerSize" in width["init"], number
    table = data_table_html(fitted, exhibit.title)
    assert table.count("<tr>") >= 3, f"case {number}: the data table is nearly empty"
    page = finish_exhibits(exhibit.to_html())
    assert '<div class="gs-exhibit-static" role="img"' in page, number
    assert "<svg" in page
    spec = json.loads(re.search(r'class="gs-exhibit-spec">(.*?)</script>', page).group(1))
    assert any("bind" in s for s in spec["signals"]), f"case {number}: the control was lost"


def test_a_fact_marked_unverified_cannot_be_charted(monkeypatch):
    frame = load("facts").set_index("fact_id")
    monkeypatch.setattr(cases, "_facts", lambda: frame)
    with pytest.raises(ValueError, match="UNVERIFIED"):
        cases.fact("success_selective")


def test_student_pages_do_not_show_what_happened_after_the_decision():
    # The case method leaves outcomes to the teaching note: a decision exhibit may chart only
    # figures whose sources the student book cites (the instructor edition's own sources
    # report what happened next).
    book_keys = {e["key"] for e in bib_entries(book_bib_files(ROOT))}
    for number, builder in cases.CASE_EXHIBITS.items():
        keys = {
            k for _, k in re.findall(r"\b([a-z][a-z0-9_]*) \(([A-Za-z0-9_-]+)\)", builder().source)
        }
        assert keys <= book_keys, f"case {number}: {sorted(keys - book_keys)}"
