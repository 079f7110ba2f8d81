"""Large answers cross the codec without one Python call per value, and the limits still hold.

A course frame such as ps2's ``economies`` (6,727 rows, four text columns) used to cost
the checker one ``_decode`` call per text value, twice per submission: the checker's
largest cost per submission on that assignment. Round trips go through JSON text, as
they do between the sandbox and the checker.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from autograder import codec


def trip(value):
    return codec.decode(json.loads(json.dumps(codec.encode(value), allow_nan=False)))


def panel_like(rows: int = 6727) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    codes = [f"C{i % 217:03d}" for i in range(rows)]
    frame = pd.DataFrame(
        {
            "country_code": pd.array(codes, dtype="string"),
            "country_name": pd.array([f"Country {c}" for c in codes], dtype="string"),
            "region": pd.array(
                [None if i % 50 == 0 else f"Region {i % 7}" for i in range(rows)], dtype="string"
            ),
            "label": np.array([f"row {i}" for i in range(rows)], dtype=object),
            "year": np.arange(rows) % 30 + 1995,
            "value": rng.normal(size=rows),
        }
    )
    return frame[frame["year"] != 2000]  # a filtered frame keeps a non-range index


def test_text_columns_round_trip_exactly():
    frame = panel_like()
    back = trip(frame)
    pd.testing.assert_frame_equal(back, frame, check_exact=True)
    assert back["region"].isna().sum() == frame["region"].isna().sum() > 0
    assert list(back.dtypes.astype(str)) == list(frame.dtypes.astype(str))


@pytest.mark.parametrize(
    "value",
    [
        ["a", "b", None, 1, 2.5, True],
        [["nested", 1], ["lists", None]],
        np.array(["x", "y", "z"], dtype=object),
        np.array(["x", 1, None, 2.5], dtype=object),
        np.array([["a", "b"], ["c", "d"]], dtype=object),
        pd.Series(["a", None, "c"], dtype="string"),
        pd.Series(["a", "b"], dtype="string", index=["i", "j"], name="s"),
        pd.Series(["a", None, 3], dtype=object),
        pd.Index(["p", "q"], dtype="string"),
        [2**60, -(2**60)],  # big integers still cross as text
        [float("nan"), float("inf")],
    ],
    ids=repr,
)
def test_mixed_and_plain_values_round_trip(value):
    back = trip(value)
    if isinstance(value, pd.Series):
        pd.testing.assert_series_equal(back, value, check_exact=True)
    elif isinstance(value, pd.Index):
        pd.testing.assert_index_equal(back, value, exact=True)
    elif isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape
        assert back.tolist() == value.tolist()
    else:
        assert repr(back) == repr(value)


def test_a_large_frame_is_decoded_without_a_call_per_value(monkeypatch):
    encoded = json.loads(json.dumps(codec.encode(panel_like())))
    calls = 0
    real = codec._decode

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(codec, "_decode", counting)
    codec.decode(encoded)
    # A few calls per column and index, not one per value (the frame has 34,975 cells).
    assert calls < 200


def test_the_element_limit_holds_for_plain_lists(monkeypatch):
    monkeypatch.setattr(codec, "MAX_ITEMS", 1000)
    with pytest.raises(codec.DecodeError, match="more than 1,000 elements"):
        codec.decode(list(range(1001)))
    with pytest.raises(codec.DecodeError, match="more than 1,000 elements"):
        trip(pd.Series([f"t{i}" for i in range(1001)], dtype="string"))
    assert codec.decode(list(range(990))) == list(range(990))


def test_the_time_limit_holds_for_plain_lists():
    with pytest.raises(codec.DecodeError, match="took longer than"):
        codec.decode(["text"] * 5000, seconds=0)


def test_the_depth_limit_holds_for_plain_lists():
    deep: list = ["leaf"]
    for _ in range(codec.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(codec.DecodeError, match="nested too deeply"):
        codec.decode(deep)
