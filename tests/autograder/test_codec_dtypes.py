"""The value codec carries pandas' standard dtypes and refuses hostile replies by name.

Round trips go through JSON text, as they do between the sandbox and the checker.
"""

from __future__ import annotations

import json
import time
import types

import numpy as np
import pandas as pd
import pytest

from autograder import codec
from autograder.checker import Checker, FailedImport, _module


def trip(value):
    return codec.decode(json.loads(json.dumps(codec.encode(value), allow_nan=False)))


STANDARD = {
    "period": pd.Series(pd.period_range("2020-01", periods=3, freq="M")),
    "period with NaT": pd.Series([pd.Period("2020Q1", "Q"), pd.NaT], dtype="period[Q-DEC]"),
    "interval (pd.cut)": pd.Series(pd.cut(pd.Series([1, 5, 9, 3]), 3)),
    "interval column": pd.Series(pd.arrays.IntervalArray.from_breaks([0, 1, 2.5])),
    "categorical": pd.Series(["b", "a", "b"], dtype="category"),
    "ordered categorical": pd.Series(pd.Categorical(["lo", "hi"], ["lo", "hi"], ordered=True)),
    "datetime with tz": pd.Series(pd.date_range("2020-03-28", periods=3, tz="Europe/Berlin")),
    "timedelta": pd.Series(pd.to_timedelta([1, 2, None], unit="h")),
    "nullable integer": pd.Series([1, None, 3], dtype="Int64"),
    "nullable unsigned": pd.Series([1, None], dtype="UInt8"),
    "nullable float": pd.Series([1.5, None], dtype="Float64"),
    "boolean": pd.Series([True, None, False], dtype="boolean"),
    "string": pd.Series(["a", None, "c"], dtype="string"),
}


@pytest.mark.parametrize("name", sorted(STANDARD))
def test_series_of_every_standard_dtype_round_trips(name):
    value = STANDARD[name]
    pd.testing.assert_series_equal(trip(value), value)


INDEXES = {
    "PeriodIndex": pd.period_range("2020Q1", periods=4, freq="Q"),
    "IntervalIndex from pd.cut": pd.cut([1, 5, 9], 3).categories,
    "IntervalIndex closed left": pd.IntervalIndex.from_breaks([0, 1, 2], closed="left"),
    "DatetimeIndex with tz": pd.date_range("2020", periods=3, tz="UTC"),
    "TimedeltaIndex": pd.timedelta_range("1h", periods=3),
    "CategoricalIndex": pd.CategoricalIndex(["x", "y", "x"]),
}


@pytest.mark.parametrize("name", sorted(INDEXES))
def test_indexes_of_standard_dtypes_round_trip(name):
    value = INDEXES[name]
    decoded = trip(value)
    pd.testing.assert_index_equal(decoded, value, exact=True)
    assert getattr(decoded, "freq", None) == getattr(value, "freq", None)


def test_a_frame_mixing_standard_dtypes_round_trips():
    frame = pd.DataFrame(
        {name: series.iloc[:2].reset_index(drop=True) for name, series in STANDARD.items()},
        index=pd.period_range("2021", periods=2, freq="Y"),
    )
    pd.testing.assert_frame_equal(trip(frame), frame)
    binned = pd.DataFrame({"x": [1, 5, 9]})
    binned["bin"] = pd.cut(binned["x"], [0, 4, 10])
    pd.testing.assert_frame_equal(trip(binned.groupby("bin", observed=False).sum()),
                                  binned.groupby("bin", observed=False).sum())  # fmt: skip


def test_period_and_interval_scalars_round_trip():
    for value in (pd.Period("2020-01", "M"), pd.Interval(0.5, 2, closed="both")):
        assert trip(value) == value and type(trip(value)) is type(value)


@pytest.mark.parametrize(
    "value",
    [np.zeros(2, dtype="V8"), np.zeros(2, dtype=[("a", "i4"), ("b", "f8")])],
    ids=["void", "structured"],
)
def test_void_and_structured_arrays_become_an_opaque_answer(value):
    for wrapped in (value, [value]):
        encoded = json.loads(json.dumps(codec.encode(wrapped)))
        decoded = codec.decode(encoded)
        opaque = decoded[0] if isinstance(decoded, list) else decoded
        assert isinstance(opaque, codec.Opaque) and "dtype" in repr(opaque)


def test_a_void_series_becomes_an_opaque_answer():
    assert isinstance(trip(pd.Series(np.zeros(2, dtype="V8"))), codec.Opaque)


HOSTILE = {
    "dtype the grader lacks": {
        "$": "series",
        "name": None,
        "index": {"$": "rangeindex", "v": [0, 1, 1], "names": [None]},
        "data": {"dtype": "string[pyarrow]", "list": ["a"]},
    },
    "void column": {
        "$": "series",
        "name": None,
        "index": {"$": "rangeindex", "v": [0, 1, 1], "names": [None]},
        "data": {
            "dtype": "|V8",
            "values": {"$": "ndarray_obj", "dtype": "O", "shape": [1], "v": [None]},
        },
    },
    "made-up module name": {"$": "module", "v": "os; rm -rf /"},
    "bad period freq": {"$": "period", "ordinal": 1, "freq": "NOPE"},
    "bad interval side": {"$": "interval", "left": 0, "right": 1, "closed": "sideways"},
    "too deep": [
        [
            [
                [
                    [
                        [
                            [
                                [
                                    [
                                        [
                                            [
                                                [
                                                    [
                                                        [
                                                            [
                                                                [
                                                                    [
                                                                        [
                                                                            [
                                                                                [
                                                                                    [
                                                                                        [
                                                                                            [
                                                                                                [
                                                                                                    [
                                                                                                        [
                                                                                                            [
                                                                                                                [
                                                                                                                    [
                                                                                                                        [
                                                                                                                            [
                                                                                                                                [
                                                                                                                                    [
                                                                                                                                        [
                                                                                                                                            [
                                                                                                                                                [
                                                                                                                                                    [
                                                                                                                                                        [
                                                                                                                                                            [
                                                                                                                                                                [
                                                                                                                                                                    [
                                                                                                                                                                        [
                                                                                                                                                                            [
                                                                                                                                                                                [
                                                                                                                                                                                    [
                                                                                                                                                                                        [
                                                                                                                                                                                            [
                                                                                                                                                                                                [
                                                                                                                                                                                                    [
                                                                                                                                                                                                        [
                                                                                                                                                                                                            1
                                                                                                                                                                                                        ]
                                                                                                                                                                                                    ]
                                                                                                                                                                                                ]
                                                                                                                                                                                            ]
                                                                                                                                                                                        ]
                                                                                                                                                                                    ]
                                                                                                                                                                                ]
                                                                                                                                                                            ]
                                                                                                                                                                        ]
                                                                                                                                                                    ]
                                                                                                                                                                ]
                                                                                                                                                            ]
                                                                                                                                                        ]
                                                                                                                                                    ]
                                                                                                                                                ]
                                                                                                                                            ]
                                                                                                                                        ]
                                                                                                                                    ]
                                                                                                                                ]
                                                                                                                            ]
                                                                                                                        ]
                                                                                                                    ]
                                                                                                                ]
                                                                                                            ]
                                                                                                        ]
                                                                                                    ]
                                                                                                ]
                                                                                            ]
                                                                                        ]
                                                                                    ]
                                                                                ]
                                                                            ]
                                                                        ]
                                                                    ]
                                                                ]
                                                            ]
                                                        ]
                                                    ]
                                                ]
                                            ]
                                        ]
                                    ]
                                ]
                            ]
                        ]
                    ]
                ]
            ]
        ]
    ],
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_replies_raise_decode_error_never_anything_else(name):
    with pytest.raises(codec.DecodeError):
        codec.decode(HOSTILE[name])


def test_keys_built_to_collide_are_refused_fast():
    colliding = [[{"$": "int", "v": str(k * (2**61 - 1))}, 1] for k in range(1, 50_000)]
    for reply in ({"$": "dict", "v": colliding}, {"$": "set", "v": [k for k, _ in colliding]}):
        start = time.perf_counter()
        with pytest.raises(codec.DecodeError, match="share a hash value"):
            codec.decode(reply)
        assert time.perf_counter() - start < 5
    honest = {"$": "dict", "v": [[k, k] for k in range(50_000)]}
    assert len(codec.decode(honest)) == 50_000


def test_decoding_stops_at_its_deadline():
    big = [list(range(1000)) for _ in range(2000)]
    with pytest.raises(codec.DecodeError, match=r"longer than 0 s \(limit\)"):
        codec.decode(big, seconds=0)


def test_element_cap_names_the_limit(monkeypatch):
    monkeypatch.setattr(codec, "MAX_ITEMS", 100)
    with pytest.raises(codec.DecodeError, match="more than 100 elements"):
        codec.decode(list(range(200)))


def test_a_module_the_grader_cannot_import_is_an_opaque_answer():
    assert _module("numpy") is np
    missing = _module("numpy.no_such_module")
    assert isinstance(missing, codec.Opaque) and "cannot import" in repr(missing)
    assert isinstance(_module("definitely_not_safe"), codec.Opaque)
    assert isinstance(trip(types.ModuleType("numpy.no_such_module")), codec.ModuleRef)


def test_a_failed_setup_import_fails_closed():
    checker = Checker.__new__(Checker)
    checker.ns, checker.protected = {"__builtins__": __builtins__}, set()
    checker.import_setup("import numpy as np\nimport no_such_package_xyz as helper\nx = 1")
    assert {"np", "helper"} <= checker.protected  # never fetched from the student
    assert isinstance(checker.ns["helper"], FailedImport)
    with pytest.raises(ImportError, match="no_such_package_xyz"):
        checker.ns["helper"].check(1)
    with pytest.raises(ImportError):
        bool(checker.ns["helper"])


def _khash_colliding_int64(n: int) -> np.ndarray:
    """n distinct int64 keys that pandas' hashtables fold to one 32-bit value."""

    def unfold(t: int) -> int:  # solve low ^ (low << 11) == t (mod 2**32), bit by bit
        low = 0
        for i in range(32):
            low |= (((t >> i) & 1) ^ ((low >> (i - 11)) & 1 if i >= 11 else 0)) << i
        return low

    keys = [((h << 1) << 32) | unfold(h) for h in range(1, n + 1)]
    return np.array(keys, dtype=np.uint64).astype(np.int64)


def test_index_values_built_to_collide_in_pandas_hashtables_are_refused():
    # How slow these keys make pandas is measured in docs/grading.md, not timed here.
    keys = _khash_colliding_int64(20_000)
    for value in (pd.Series(1, index=keys), pd.Series(keys), pd.Index(keys.view("M8[ns]"))):
        with pytest.raises(codec.DecodeError, match="share a hash value"):
            trip(value)


def test_object_values_built_to_collide_are_refused_and_repeats_are_not():
    colliding = pd.Series([k * (2**61 - 1) for k in range(1, 5_000)], dtype=object)
    with pytest.raises(codec.DecodeError, match="share a hash value"):
        trip(colliding)
    repeats = pd.Series(["India", "Poland"] * 10_000, dtype=object)
    pd.testing.assert_series_equal(trip(repeats), repeats)
    honest = pd.Series(np.arange(1_000_000, dtype=np.int64))
    start = time.perf_counter()
    pd.testing.assert_series_equal(trip(honest), honest)
    assert time.perf_counter() - start < 10
