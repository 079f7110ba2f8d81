import math

import pytest

from globalsourcing.models.knowledge import knowledge_retention, retention_summary


def test_without_a_wave_the_stock_stays_at_its_steady_level():
    frame = knowledge_retention(
        wave_size=0, annual_attrition=0.2, kt_effort=0.0, learning_rate=0.1, directory=0
    )
    monthly = 1 - 0.8 ** (1 / 12)
    steady = 0.1 / (1 - 0.9 * (1 - monthly))  # hand-derived fixed point
    assert frame["knowledge"].to_numpy() == pytest.approx([steady] * len(frame))
    assert frame.attrs["recovery_months"] == 0


def test_no_attrition_keeps_full_knowledge():
    frame = knowledge_retention(annual_attrition=0, wave_size=0)
    assert frame["knowledge"].to_numpy() == pytest.approx(1.0)
    assert frame["output"].to_numpy() == pytest.approx(0.95)  # 5% of time on knowledge transfer


def test_wave_month_loses_the_leavers_uncodified_share():
    # No background attrition, no relearning: a 30% wave with nothing codified leaves 0.7.
    frame = knowledge_retention(
        annual_attrition=0, wave_month=3, wave_size=0.3, kt_effort=0, learning_rate=0, months=6
    )
    assert frame["knowledge"].tolist() == pytest.approx([1, 1, 0.7, 0.7, 0.7, 0.7])
    assert math.isnan(frame.attrs["recovery_months"])


def test_directory_and_knowledge_transfer_speed_recovery():
    plain = knowledge_retention(kt_effort=0, directory=0, months=60)
    directory = knowledge_retention(kt_effort=0, directory=1, months=60)
    documented = knowledge_retention(kt_effort=0.2, directory=0, months=60)
    assert directory.attrs["recovery_months"] < plain.attrs["recovery_months"]
    assert documented.attrs["knowledge_low"] > plain.attrs["knowledge_low"]
    # Knowledge transfer costs productive time.
    assert documented["output"].iloc[0] < documented["knowledge"].iloc[0]
    assert retention_summary(directory)["recovery_months"] == directory.attrs["recovery_months"]


@pytest.mark.parametrize(
    "bad, match",
    [
        ({"annual_attrition": 1.5}, "annual_attrition must be a share at least 0 and below 1"),
        ({"annual_attrition": 1.0}, "below 1"),
        ({"kt_effort": -0.1}, "kt_effort must be a share from 0 to 0.9"),
        ({"kt_effort": 0.95}, "from 0 to 0.9"),
        ({"months": 0}, "months"),
        ({"directory": 2}, "directory must be a share from 0 to 1"),
        ({"wave_month": 40, "months": 36}, "inside the 36 simulated months"),
    ],
)
def test_invalid_parameters_are_rejected(bad, match):
    with pytest.raises(ValueError, match=match):
        knowledge_retention(**bad)
