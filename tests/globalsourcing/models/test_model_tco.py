import math

import pytest

from globalsourcing.models.tco import OPTIONS, offshore_tco, tco_break_even

NO_HIDDEN = dict(
    cost_growth=0.0,
    offshore_fee_growth=0.0,
    selection_cost=0.0,
    transition_domestic=0.0,
    transition_offshore=0.0,
    severance=0.0,
    ramp_up_loss=0.0,
    governance_domestic=0.0,
    governance_offshore=0.0,
    communication_offshore=0.0,
)


def test_without_hidden_costs_the_saving_is_the_fee_gap_every_year():
    frame = offshore_tco(baseline_cost=10, years=3, domestic_fee=0.8, offshore_fee=0.5, **NO_HIDDEN)
    offshore = frame[frame["option"] == OPTIONS[2]]
    assert offshore["total"].tolist() == pytest.approx([5.0, 5.0, 5.0])
    assert offshore["cumulative_saving"].tolist() == pytest.approx([5.0, 10.0, 15.0])
    summary = tco_break_even(frame).set_index("option")
    assert summary.loc[OPTIONS[1], "break_even_year"] == 1
    assert summary.loc[OPTIONS[1], "saving_pct"] == pytest.approx(20.0)


def test_one_off_costs_push_break_even_to_year_two():
    # Hand-computed: year 1 domestic = 8 + (0.1 + 0.1 + 0.1) * 10 = 11 (saving -1); year 2 = 8 (+1).
    params = {**NO_HIDDEN, "selection_cost": 0.1, "transition_domestic": 0.1, "severance": 0.1}
    frame = offshore_tco(baseline_cost=10, years=2, domestic_fee=0.8, **params)
    domestic = frame[frame["option"] == OPTIONS[1]]
    assert domestic["total"].tolist() == pytest.approx([11.0, 8.0])
    assert tco_break_even(frame).set_index("option").loc[OPTIONS[1], "break_even_year"] == 2


def test_ramp_up_longer_than_a_year_spills_into_year_two():
    params = {**NO_HIDDEN, "ramp_up_loss": 0.5, "ramp_up_months_offshore": 18}
    frame = offshore_tco(baseline_cost=12, years=3, offshore_fee=0.5, **params)
    ramp = frame.loc[frame["option"] == OPTIONS[2], "ramp_up"].tolist()
    assert ramp == pytest.approx([6.0, 3.0, 0.0])


def test_management_overrun_scales_governance_and_can_prevent_break_even():
    base = offshore_tco(years=3)
    worse = offshore_tco(years=3, management_overrun=1.0)
    gov = lambda f: f.loc[f["option"] == OPTIONS[2], "governance"].to_numpy()  # noqa: E731
    assert gov(worse) == pytest.approx(2 * gov(base))
    hopeless = offshore_tco(years=5, offshore_fee=0.95, transition_offshore=0.5)
    assert math.isnan(
        tco_break_even(hopeless).set_index("option").loc[OPTIONS[2], "break_even_year"]
    )


def test_default_offshore_headline_saving_exceeds_realised_saving():
    summary = tco_break_even(offshore_tco()).set_index("option")
    offshore = summary.loc[OPTIONS[2]]
    assert offshore["headline_saving_pct"] == pytest.approx(40.0)
    assert 0 < offshore["saving_pct"] < offshore["headline_saving_pct"]


@pytest.mark.parametrize(
    "bad, match",
    [
        ({"baseline_cost": -1}, "baseline_cost"),
        ({"baseline_cost": 0}, "greater than 0"),
        ({"offshore_fee": -0.2}, "offshore_fee must be a share from 0 to 2"),
        ({"severance": -0.1}, "severance"),
        ({"ramp_up_loss": 1.5}, "share from 0 to 1"),
        ({"years": 0}, "years"),
        ({"years": 2.5}, "whole number"),
        ({"cost_growth": 2.0}, "cost_growth must be a number greater than -0.5 and below 1"),
    ],
)
def test_invalid_parameters_are_rejected(bad, match):
    with pytest.raises(ValueError, match=match):
        offshore_tco(**bad)


def test_break_even_rejects_an_empty_frame():
    import pandas as pd

    with pytest.raises(ValueError, match="empty"):
        tco_break_even(pd.DataFrame(columns=["option", "year"]))
