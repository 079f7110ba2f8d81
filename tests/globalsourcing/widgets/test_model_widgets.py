"""Drive each model's ipywidgets UI as a student would: move a control, read the new result."""

import math

import pandas as pd
import pytest

from globalsourcing import widgets
from globalsourcing.data import load


@pytest.fixture(scope="module")
def panel():
    return load("wdi_panel")


def test_tco_widget_fee_slider_changes_the_offshore_saving():
    ui = widgets.tco_widget()
    before = ui.summary.set_index("option").loc["Offshore outsourcing", "saving_pct"]
    ui.controls["offshore_fee"].value = 0.9
    after = ui.summary.set_index("option").loc["Offshore outsourcing", "saving_pct"]
    assert after < before
    assert "Offshore promises 10%" in ui.headline
    assert "never breaks even" in ui.headline
    assert "Offshore promises 10%" in ui.headline_html.value
    assert ui.chart is not None


def test_tco_widget_horizon_changes_the_rows_shown():
    ui = widgets.tco_widget()
    ui.controls["years"].value = 3
    assert ui.result["year"].max() == 3
    assert ui.evaluations == 2


def test_location_widget_weights_reorder_the_ranking(panel):
    ui = widgets.location_widget(panel)
    first_default = ui.result.iloc[0]["country_code"]
    for pillar, value in {"financial": 0.0, "people": 0.0, "business": 1.0}.items():
        ui.controls[pillar].value = value
    assert ui.result.iloc[0]["country_code"] != first_default
    assert ui.result["financial"].abs().max() == 0
    assert "business 100%" in ui.headline


def test_location_widget_reports_bad_settings_instead_of_crashing(panel):
    ui = widgets.location_widget(panel)
    ui.controls["financial"].value = 0.0
    ui.controls["people"].value = 0.0
    good = ui.result
    ui.controls["business"].value = 0.0
    assert "positive weight" in ui.error
    assert "Check the settings" in ui.headline_html.value
    assert ui.result is good  # the last valid result stays on show


def test_decision_matrix_widget_threshold_moves_activities():
    ui = widgets.decision_matrix_widget()
    outsourced = (ui.result["recommendation"] == "Outsource selectively").sum()
    ui.controls["market_threshold"].value = 0.9
    assert (ui.result["recommendation"] == "Outsource selectively").sum() < outsourced
    assert "Payroll processing" in ui.table.value


def test_contracts_widget_more_demanded_saving_means_more_distress():
    ui = widgets.contracts_widget()
    before = ui.summary.set_index("contract").loc["Fixed price", "distress_rate"]
    ui.controls["sought_saving"].value = 0.4
    after = ui.summary.set_index("contract").loc["Fixed price", "distress_rate"]
    assert after > before
    assert f"{after:.0%}" in ui.headline


def test_knowledge_widget_directory_speeds_recovery():
    ui = widgets.knowledge_widget()
    slow = ui.result.attrs["recovery_months"]
    ui.controls["directory"].value = 1.0
    fast = ui.result.attrs["recovery_months"]
    assert math.isnan(slow) or fast < slow
    assert f"recovers {fast:.0f} months" in ui.headline


def test_market_widget_segment_switch_resets_growth_and_projects():
    ui = widgets.market_widget(load("market_size"))
    ui.controls["segment"].value = "offshore_ito_bpo"
    assert ui.controls["low_growth"].value == pytest.approx(0.16)
    assert ui.controls["high_growth"].value == pytest.approx(0.24)
    assert ui.error is None
    projected = ui.result[ui.result["kind"] == "projection"]
    assert (projected["high"] >= projected["low"]).all()
    assert "Offshore ITO and BPO" in ui.headline


def test_captive_widget_sale_option_appears_only_when_selling():
    ui = widgets.captive_widget()
    assert "Captive, then sold" in set(ui.result["option"])
    ui.controls["sell_year"].value = 0
    assert "Captive, then sold" not in set(ui.result["option"])
    assert ui.summary["rank"].min() == 1


def test_sustainability_widget_satisfaction_raises_renewal_probability():
    ui = widgets.sustainability_widget()
    low = ui.result.attrs["at_setting"]
    ui.controls["satisfaction"].value = 5.0
    high = ui.result.attrs["at_setting"]
    assert high > low
    assert "synthetic" in ui.headline
    ui.controls["vary"].value = "switching_costs"
    assert ui.result["driver_value"].min() == pytest.approx(-1.0)


def test_every_widget_displays_as_a_box_of_controls():
    ui = widgets.decision_matrix_widget(
        pd.DataFrame(
            {"activity": ["a"], "business_contribution": [0.2], "market_comparison": [0.8]}
        )
    )
    assert ui.ui.children[1].children[0].children == tuple(ui.controls.values())
    assert ui.result["recommendation"].item() == "Outsource selectively"


def test_location_widget_indicator_choice_brings_viet_nam_back(panel):
    ui = widgets.location_widget(panel)
    assert "VNM" not in set(ui.result["country_code"])  # no ICT-export data for Viet Nam
    ui.controls["people_indicators"].value = ("labor_force", "tertiary_enrolment_gross_pct")
    assert "VNM" in set(ui.result["country_code"])
    assert ui.result.attrs["indicators"]["people"] == (
        "labor_force",
        "tertiary_enrolment_gross_pct",
    )


def test_location_widget_compares_with_the_chosen_gsli_edition(panel):
    ui = widgets.location_widget(panel)
    assert "Kearney's 2021 ranks" in ui.headline
    ui.controls["edition"].value = 2016
    compared = ui.extras["gsli_comparison"]
    assert compared["published_rank"].tolist() == list(range(1, 11))
    assert f"{compared.attrs['spearman']:+.2f}" in ui.headline
    assert "gsli_rank" in ui.summary.columns


def test_service_credits_widget_more_at_risk_raises_the_chosen_effort():
    ui = widgets.service_credits_widget()
    assert "cheapest effort is 50%" in ui.headline
    ui.controls["at_risk"].value = 0.2
    assert ui.extras["supplier_effort"] > 0.5
    ui.controls["miss_with_full_effort"].value = 0.1
    ui.controls["miss_without_effort"].value = 0.05
    assert "effort cannot raise misses" in ui.error
