"""Tolerant comparisons that fail with a message a student can act on.

Every helper raises :class:`CheckFailure` (an ``AssertionError``, so nbgrader counts it
as a failed test) whose message says what is wrong and, where a typical mistake explains
it, what to try. Comparisons ignore what does not matter for the learning goal (row
order, the index, int versus float, tiny float differences) and are strict about values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd


class CheckFailure(AssertionError):
    """A check found a problem; the message explains it to the student."""


def fail(message: str) -> None:
    raise CheckFailure(message)


def expect(condition: bool, message: str) -> None:
    if not condition:
        fail(message)


def _describe(value: Any) -> str:
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame with {len(value)} rows and columns {list(value.columns)}"
    if isinstance(value, pd.Series):
        return f"a pandas Series with {len(value)} values"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}"
    if value is None:
        return "None"
    return f"{type(value).__name__} {value!r}"


def expect_answered(value: Any, name: str) -> None:
    """Fail when an answer still holds the placeholder (None or ...)."""
    if value is None or value is Ellipsis:
        fail(f"`{name}` is still {value!r}: replace it with your answer and run the cell again.")


def as_number(value: Any, name: str) -> float:
    """Return ``value`` as a float, or fail explaining why it is not a single number."""
    expect_answered(value, name)
    if isinstance(value, bool | np.bool_):
        fail(f"`{name}` is a True/False value; it should be a number.")
    if isinstance(value, pd.Series | pd.DataFrame | np.ndarray | list | tuple):
        size = np.size(value)
        if size == 1:
            return float(np.asarray(value).ravel()[0])
        fail(
            f"`{name}` should be a single number, but it is {_describe(value)}. "
            "Did you forget to pick one value (for example with .loc[...] or .iloc[0])?"
        )
    if isinstance(value, str):
        fail(f"`{name}` is the text {value!r}; store the number itself, not a formatted string.")
    if not isinstance(value, Real | np.number):
        fail(f"`{name}` should be a number, but it is {_describe(value)}.")
    number = float(value)
    if math.isnan(number):
        fail(f"`{name}` is NaN (missing). Check for missing values in the rows you used.")
    return number


def expect_number(
    value: Any,
    expected: float,
    name: str,
    *,
    rel: float = 1e-4,
    abs_tol: float = 1e-9,
    hints: Sequence[tuple[float, str]] = (),
    reveal: bool = False,
) -> float:
    """Compare one number with a tolerance.

    ``hints`` pairs a typical wrong value with the advice it deserves (checked with the
    same tolerance), so a student who made a known mistake learns which one. The
    expected value is only printed when ``reveal`` is true (hidden tests keep it secret).
    """
    number = as_number(value, name)
    if math.isclose(number, expected, rel_tol=rel, abs_tol=abs_tol):
        return number
    for wrong, advice in hints:
        if math.isclose(number, wrong, rel_tol=rel, abs_tol=abs_tol):
            fail(f"`{name}` is {number:,.6g}. {advice}")
    target = f" The expected value is {expected:,.6g}." if reveal else ""
    fail(f"`{name}` is {number:,.6g}, which is not the value the question asks for.{target}")
    return number


def expect_in_range(value: Any, low: float, high: float, name: str, advice: str) -> float:
    number = as_number(value, name)
    if not low <= number <= high:
        fail(
            f"`{name}` is {number:,.6g}, outside the plausible range {low:,.6g} to {high:,.6g}. {advice}"
        )
    return number


def expect_type(value: Any, kinds: type | tuple[type, ...], name: str, what: str) -> None:
    expect_answered(value, name)
    if not isinstance(value, kinds):
        fail(f"`{name}` should be {what}, but it is {_describe(value)}.")


def expect_choice(value: Any, allowed: Iterable[str], name: str) -> str:
    """A choice held as a short label or letter; compared without regard to case."""
    expect_answered(value, name)
    options = [str(option) for option in allowed]
    by_key = {option.upper(): option for option in options}
    if not isinstance(value, str) or value.strip().upper() not in by_key:
        fail(
            f"`{name}` should be one of {', '.join(repr(o) for o in options)} (a string), "
            f"not {value!r}."
        )
    return by_key[value.strip().upper()]


def expect_callable(value: Any, name: str) -> Callable[..., Any]:
    expect_answered(value, name)
    if not callable(value):
        fail(f"`{name}` should be a function (defined with def), but it is {_describe(value)}.")
    return value


def as_frame(value: Any, name: str, keys: Sequence[str] = ()) -> pd.DataFrame:
    """A DataFrame with ``keys`` as ordinary columns, whether they were columns or index.

    A Series is accepted where a frame with one value column is meant, so that
    ``groupby(...)["x"].sum()`` and ``groupby(...).agg(x=...)`` both pass.
    """
    expect_answered(value, name)
    if isinstance(value, pd.Series):
        value = value.to_frame(value.name if value.name is not None else "value")
    if not isinstance(value, pd.DataFrame):
        fail(f"`{name}` should be a pandas DataFrame, but it is {_describe(value)}.")
    frame = value
    index_names = [n for n in frame.index.names if n is not None]
    if any(key in index_names for key in keys):
        frame = frame.reset_index()
    elif isinstance(frame.columns, pd.MultiIndex):
        fail(
            f"`{name}` has two levels of column labels; flatten them "
            "(for example with .reset_index() or by naming the aggregations)."
        )
    return frame


def expect_columns(frame: pd.DataFrame, required: Iterable[str], name: str) -> None:
    missing = [col for col in required if col not in frame.columns]
    if missing:
        fail(
            f"`{name}` lacks the column(s) {missing}. It has {list(frame.columns)}; "
            "rename or compute the missing ones (index levels count as columns)."
        )


def expect_row_count(
    frame: pd.DataFrame,
    expected: int,
    name: str,
    hints: Mapping[int, str] | None = None,
    *,
    more: str = "",
    fewer: str = "",
) -> None:
    """Fail unless ``frame`` has ``expected`` rows; advice for exact counts, then for more/fewer."""
    rows = len(frame)
    if rows == expected:
        return
    advice = (hints or {}).get(rows) or (more if rows > expected else fewer)
    fail(f"`{name}` has {rows} rows; it should have {expected}. {advice}".rstrip())


def expect_unique(frame: pd.DataFrame, keys: Sequence[str], name: str) -> None:
    duplicated = frame.duplicated(list(keys), keep=False)
    if duplicated.any():
        example = frame.loc[duplicated, list(keys)].head(3).to_dict("records")
        fail(f"`{name}` has more than one row for some {keys}, for example {example}.")


def expect_no_missing(
    frame: pd.DataFrame, columns: Iterable[str], name: str, advice: str = ""
) -> None:
    for col in columns:
        count = int(frame[col].isna().sum())
        if count:
            fail(f"`{name}` has {count} missing value(s) in column '{col}'. {advice}".rstrip())


def expect_frame_equal(
    actual: Any,
    expected: pd.DataFrame,
    name: str,
    *,
    keys: Sequence[str],
    values: Sequence[str] | None = None,
    rel: float = 1e-4,
    abs_tol: float = 1e-9,
    reveal: bool = False,
) -> None:
    """Compare a table with the reference on its key columns and value columns.

    Row order, the index, column order, extra columns and int/float dtypes are ignored;
    which rows exist and the numbers in the value columns are compared strictly
    (within a relative tolerance). ``pandas.testing`` does the value comparison.
    """
    values = list(values if values is not None else [c for c in expected.columns if c not in keys])
    frame = as_frame(actual, name, keys)
    expect_columns(frame, [*keys, *values], name)
    got = _normalise(frame, keys, values)
    want = _normalise(expected, keys, values)
    if len(got) != len(want):
        fail(f"`{name}` has {len(got)} rows; it should have {len(want)}.")
    got_keys = set(map(tuple, got[list(keys)].astype(str).to_numpy()))
    want_keys = set(map(tuple, want[list(keys)].astype(str).to_numpy()))
    if got_keys != want_keys:
        extra = sorted(got_keys - want_keys)[:3]
        absent = sorted(want_keys - got_keys)[:3]
        fail(f"`{name}` does not have the expected rows: unexpected {extra}, missing {absent}.")
    for col in values:
        try:
            pd.testing.assert_series_equal(
                got[col], want[col], check_dtype=False, check_names=False, rtol=rel, atol=abs_tol
            )
        except AssertionError:
            bad = ~np.isclose(
                pd.to_numeric(got[col], errors="coerce"),
                pd.to_numeric(want[col], errors="coerce"),
                rtol=rel,
                atol=abs_tol,
                equal_nan=True,
            )
            rows = got.loc[bad, list(keys)].head(3).to_dict("records")
            detail = f" (expected {want.loc[bad, col].head(3).tolist()})" if reveal else ""
            fail(f"`{name}`: column '{col}' has wrong values, for example in rows {rows}{detail}.")


def _normalise(frame: pd.DataFrame, keys: Sequence[str], values: Sequence[str]) -> pd.DataFrame:
    out = frame[[*keys, *values]].copy()
    for key in keys:
        # Keys compare as text so that 2024 and 2024.0 or "2024" name the same row.
        out[key] = out[key].map(_key_text)
    for col in values:
        if pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype("float64")
    return out.sort_values(list(keys)).reset_index(drop=True)


def _key_text(value: Any) -> str:
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)
