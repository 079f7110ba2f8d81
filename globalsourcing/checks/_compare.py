"""Tolerant comparisons that fail with a message a student can act on.

Every helper raises :class:`CheckFailure` (an ``AssertionError``, so nbgrader counts it
as a failed test) whose message says what is wrong and, where a typical mistake explains
it, what to try. Comparisons ignore what does not matter for the learning goal (row
order, the index, int versus float, categorical versus text keys, tiny float
differences) and are strict about values.

Precision policy (one rule for every assignment): a stored number is checked to the
number of decimals its question states (``decimals=``); anything at least that precise
passes, including full precision. A value rounded more coarsely fails with a message
that says it looks rounded, never with one that blames the formula. Functions are
called with other inputs and compared at full precision.
"""

from __future__ import annotations

import math
import re
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


def precision_tolerance(decimals: int | None) -> float:
    """The absolute difference that rounding to ``decimals`` places can make (0 for None)."""
    if decimals is None:
        return 0.0
    return 0.5 * 10.0 ** (-decimals) * (1 + 1e-6)


def rounded_places(got: Any, want: Any, decimals: int | None) -> int | None:
    """The decimals ``got`` looks rounded to, when that rounding explains its distance to ``want``.

    Returns the finest number of places k (coarser than ``decimals``) such that every
    value of ``got`` is a multiple of 10**-k and lies within rounding distance of
    ``want``; None when rounding does not explain the difference, or when no precision
    is stated (then a value on a coarse grid is as likely a wrong one).
    """
    if decimals is None:
        return None
    got = np.atleast_1d(np.asarray(got, dtype=float))
    want = np.atleast_1d(np.asarray(want, dtype=float))
    for places in range(decimals - 1, -4, -1):
        scale = 10.0**places
        on_grid = np.isclose(got * scale, np.round(got * scale), rtol=0, atol=1e-6)
        near = np.abs(got - want) <= precision_tolerance(places)
        if on_grid.all() and near.all():
            return places
    return None


def rounding_advice(places: int, decimals: int) -> str:
    what = "a whole number" if places == 0 else f"{places} decimal{'s' if places != 1 else ''}"
    if places < 0:
        what = f"the nearest {10**-places:,}"
    wanted = f"answers are checked to {decimals} decimal{'s' if decimals != 1 else ''}"
    if decimals == 0:
        wanted = "answers are checked to whole units"
    return f"rounded to {what}; keep full precision ({wanted}, so do not round what you store)."


def expect_number(
    value: Any,
    expected: float,
    name: str,
    *,
    rel: float = 1e-4,
    abs_tol: float = 1e-9,
    decimals: int | None = None,
    hints: Sequence[tuple[float, str]] = (),
    reveal: bool = False,
) -> float:
    """Compare one number at the question's stated precision.

    ``decimals`` is the precision the question states: any value at least that precise
    passes. ``hints`` pairs a typical wrong value with the advice it deserves (checked
    with the same tolerance), so a student who made a known mistake learns which one. A
    value rounded more coarsely than ``decimals`` is told so. The expected value is only
    printed when ``reveal`` is true (hidden tests keep it secret).
    """
    number = as_number(value, name)
    abs_tol = max(abs_tol, precision_tolerance(decimals))
    if math.isclose(number, expected, rel_tol=rel, abs_tol=abs_tol):
        return number
    for wrong, advice in hints:
        if math.isclose(number, wrong, rel_tol=rel, abs_tol=abs_tol):
            fail(f"`{name}` is {number:,.6g}. {advice}")
    places = rounded_places(number, expected, decimals)
    if places is not None:
        fail(f"`{name}` is {number:,.6g}, which looks {rounding_advice(places, decimals)}")
    target = f" The expected value is {expected:,.6g}." if reveal else ""
    fail(f"`{name}` is {number:,.6g}, which is not the value the question asks for.{target}")
    return number


def is_close(
    value: Any, expected: float, *, rel: float = 1e-4, decimals: int | None = None
) -> bool:
    """True when a number matches ``expected`` under the same rule as :func:`expect_number`."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return math.isclose(
        number, expected, rel_tol=rel, abs_tol=max(1e-9, precision_tolerance(decimals))
    )


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


_LETTER = re.compile(r"^[\s\"'(\[*]*([A-Za-z])\s*(?:[)\].:,*-]|\s|$)")


def read_choice(value: Any, allowed: Iterable[str]) -> str | None:
    """The option a student's answer names, or None.

    Letters may be written as the prompt shows them or with the usual decorations:
    "b", "(B)", "B.", "B)", "**B**" or "C) Because ..." all name their letter. Longer
    labels (scenario names) are compared without regard to case or surrounding spaces.
    """
    options = [str(option) for option in allowed]
    if not isinstance(value, str):
        return None
    by_key = {option.upper(): option for option in options}
    text = value.strip()
    if text.upper() in by_key:
        return by_key[text.upper()]
    if all(len(option) == 1 for option in options):
        match = _LETTER.match(text)
        if match and match.group(1).upper() in by_key:
            return by_key[match.group(1).upper()]
    return None


def expect_choice(value: Any, allowed: Iterable[str], name: str) -> str:
    """A choice held as a short label or letter (see :func:`read_choice`)."""
    expect_answered(value, name)
    options = [str(option) for option in allowed]
    chosen = read_choice(value, options)
    if chosen is None:
        fail(
            f"`{name}` should name one of {', '.join(repr(o) for o in options)} (a string "
            f"such as {options[0]!r}), not {value!r}."
        )
    return chosen


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
    decimals: int | Mapping[str, int | None] | None = None,
    labels: Mapping[str, str] | None = None,
    advice: str = "",
    reveal: bool = False,
) -> None:
    """Compare a table with the reference on its key columns and value columns.

    Row order, the index, column order, extra columns, int/float dtypes and categorical
    versus plain keys are ignored; which rows exist and the numbers in the value columns
    are compared at the stated precision (``decimals``, one number or one per column).
    ``labels`` names a column in messages the way the student knows it (for a table the
    test reshaped itself); a Series answer's values are called "its values". ``advice``
    says how to look for the mistake when values differ (what each column should be).
    """
    values = list(values if values is not None else [c for c in expected.columns if c not in keys])
    was_series = isinstance(actual, pd.Series)
    frame = as_frame(actual, name, keys)
    if was_series and len(values) == 1 and values[0] not in frame.columns:
        extra = [c for c in frame.columns if c not in keys]
        if len(extra) == 1:
            frame = frame.rename(columns={extra[0]: values[0]})
    labels = dict(labels or {})
    if was_series:
        labels.update({col: "its values" for col in values if col not in labels})
    expect_columns(frame, [*keys, *values], name)
    got = _normalise(frame, keys, values)
    want = _normalise(expected, keys, values)
    if len(got) != len(want):
        fail(f"`{name}` has {len(got)} rows; it should have {len(want)}.")
    got_keys = set(map(tuple, got[list(keys)].to_numpy()))
    want_keys = set(map(tuple, want[list(keys)].to_numpy()))
    if got_keys != want_keys:
        extra = sorted(got_keys - want_keys)[:3]
        absent = sorted(want_keys - got_keys)[:3]
        fail(f"`{name}` does not have the expected rows: unexpected {extra}, missing {absent}.")
    for col in values:
        places = decimals.get(col) if isinstance(decimals, Mapping) else decimals
        tol = max(abs_tol, precision_tolerance(places))
        label = labels.get(col, f"column '{col}'")
        got_col = pd.to_numeric(got[col], errors="coerce")
        want_col = pd.to_numeric(want[col], errors="coerce")
        if got_col.isna().any() and not want_col.isna().any():
            rows = got.loc[got_col.isna(), list(keys)].head(3).to_dict("records")
            fail(
                f"`{name}`: {label} has missing or non-numeric values, for example in rows {rows}."
            )
        bad = ~np.isclose(got_col, want_col, rtol=rel, atol=tol, equal_nan=True)
        if not bad.any():
            continue
        rounded = rounded_places(got_col, want_col, places)  # the whole column
        if rounded is not None:
            values_of = label if label.startswith(("its ", "the ")) else f"the values in {label}"
            fail(f"`{name}`: {values_of} look {rounding_advice(rounded, places)}")
        rows = got.loc[bad, list(keys)].head(3).to_dict("records")
        detail = f" (expected {want.loc[bad, col].head(3).tolist()})" if reveal else ""
        fail(
            f"`{name}`: {label} has wrong values, for example in rows {rows}{detail}. "
            f"{len(bad.nonzero()[0])} of {len(bad)} rows differ. "
            + (advice or "Recompute one of those rows by hand from the data and compare.")
        )


def expect_wide_equal(
    actual: Any,
    expected: pd.DataFrame,
    name: str,
    *,
    rows: str,
    columns: str,
    decimals: int | None = None,
    rel: float = 1e-4,
) -> None:
    """Compare a wide table (``rows`` down the index, ``columns`` across) cell by cell.

    Labels are compared as text, so a categorical, integer or string index names the
    same row; messages name the cells by the student's own row and column labels.
    """
    expect_answered(actual, name)
    if not isinstance(actual, pd.DataFrame):
        fail(f"`{name}` should be a wide DataFrame, but it is {_describe(actual)}.")
    got = _cells(actual)
    want = _cells(expected)
    got_rows, want_rows = set(got.index.get_level_values(0)), set(want.index.get_level_values(0))
    got_cols, want_cols = set(got.index.get_level_values(1)), set(want.index.get_level_values(1))
    if got_rows != want_rows:
        fail(
            f"`{name}` should have the {rows} as its rows (index); its rows are "
            f"{sorted(got_rows)[:6]}."
        )
    if got_cols != want_cols:
        fail(
            f"`{name}` should have the {columns} as its columns; its columns are "
            f"{sorted(got_cols)[:6]}."
        )
    got = got.reindex(want.index)
    bad = ~np.isclose(got, want, rtol=rel, atol=max(1e-9, precision_tolerance(decimals)))
    if not bad.any():
        return
    places = rounded_places(got, want, decimals)  # every cell
    if places is not None:
        fail(f"`{name}`: its values look {rounding_advice(places, decimals)}")
    cells = [f"({r}, {c})" for r, c in got.index[bad][:3]]
    fail(
        f"`{name}` has wrong values in {int(bad.sum())} of {len(bad)} cells, for example "
        f"(row, column) {', '.join(cells)}. Check how those cells are computed."
    )


def _cells(frame: pd.DataFrame) -> pd.Series:
    """A wide table as one float per (row text, column text), missing cells kept as NaN."""
    out = frame.copy()
    out.index = [_key_text(v) for v in out.index]
    out.columns = [_key_text(v) for v in out.columns]
    return out.stack(future_stack=True).astype("float64")


def expect_one_of(*attempts: Callable[[], None]) -> None:
    """Pass when any attempt passes; otherwise fail with the first attempt's message.

    Follow-through credit: the first attempt compares with the reference answer, later
    ones with what is right given the student's own earlier answers. A later attempt
    that cannot even be built (the student's earlier function raised) counts as no match.
    """
    first: AssertionError | None = None
    for position, attempt in enumerate(attempts):
        try:
            attempt()
            return
        except AssertionError as failure:
            first = first or failure
        except Exception:
            if position == 0:
                raise
    if first is not None:
        raise first


def _normalise(frame: pd.DataFrame, keys: Sequence[str], values: Sequence[str]) -> pd.DataFrame:
    out = frame[[*keys, *values]].copy()
    for key in keys:
        # Keys compare as text so that 2024, 2024.0 and "2024" name the same row, and a
        # categorical key sorts like plain text rather than in its category order.
        out[key] = out[key].astype(object).map(_key_text).astype(str)
    for col in values:
        if pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype("float64")
    return out.sort_values(list(keys)).reset_index(drop=True)


def _key_text(value: Any) -> str:
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, np.integer):
        return str(int(value))
    return str(value)
