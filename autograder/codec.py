"""Safe serialisation of answer values between the sandbox and the checker.

Student code runs in a sandboxed process. The values it produces (numbers, strings,
containers, numpy arrays, pandas objects) cross to the clean checker as JSON built
from exact types only, and the checker rebuilds them as genuine plain objects.
Nothing from the sandbox is ever unpickled or evaluated, and a subclass with a
lying ``__eq__`` turns into its plain base value (or into an opaque marker).

``encode`` runs inside the sandbox; ``decode`` runs in the checker and treats its
input as hostile: unknown tags, wrong shapes and oversized payloads raise
:class:`DecodeError`.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import os
import re
import sys
import time
import types
from collections import Counter
from typing import Any

MAX_DEPTH = 40
MAX_ITEMS = 5_000_000
DECODE_SECONDS = 20.0  # one value never holds the checker (and the class) longer than this
# A dict or set with more keys than this on one hash value was built to collide: inserting
# n such keys costs n*n comparisons, so it is refused before any insertion.
MAX_SHARED_HASH = 16
MODULE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


# What the student process sends instead of a value it sent before, unchanged, under the
# same name; only the checker, which remembers what it decoded, accepts it (``decode`` never).
UNCHANGED = {"$": "unchanged"}


class DecodeError(ValueError):
    """The sandbox sent something that is not a well-formed encoded value."""


class Opaque:
    """Stands in for a student value that cannot cross safely (a custom object)."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<value of type {self.type_name} (only plain values can be graded)>"

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = object.__hash__

    def __getattr__(self, name: str) -> Any:
        raise TypeError(
            f"the answer is an object of type {self.type_name}; answers must be plain values "
            "(numbers, strings, lists, dicts, numpy arrays, pandas objects)"
        )


# ----------------------------------------------------------------------------- encoding


def _float(x: float) -> Any:
    if math.isfinite(x):
        return x
    return {"$": "float", "v": repr(x)}


def _np():
    return sys.modules.get("numpy")


def _pd():
    return sys.modules.get("pandas")


class _Unsupported(Exception):
    """A numpy or pandas value the codec does not carry (void or structured dtypes)."""


def encode(value: Any, depth: int = 0) -> Any:
    """Turn ``value`` into JSON-compatible data made of exact built-in types."""
    if depth > MAX_DEPTH:
        raise ValueError("value is nested too deeply")
    t = type(value)
    if value is None or t is bool:
        return value
    if t is int:
        return value if abs(value) < 2**53 else {"$": "int", "v": str(value)}
    if t is float:
        return _float(value)
    if t is str:
        return value
    if t is complex:
        return {"$": "complex", "re": _float(value.real), "im": _float(value.imag)}
    if t in (bytes, bytearray):
        return {"$": "bytes", "v": base64.b64encode(bytes(value)).decode()}
    if t is list:
        return [encode(v, depth + 1) for v in value]
    if t is tuple:
        return {"$": "tuple", "v": [encode(v, depth + 1) for v in value]}
    if t in (set, frozenset):
        return {"$": t.__name__, "v": [encode(v, depth + 1) for v in value]}
    if t is dict:
        return {
            "$": "dict",
            "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()],
        }
    if t is range:
        return {"$": "range", "v": [value.start, value.stop, value.step]}
    if t is dt.datetime or t is dt.date or t is dt.time:
        return {"$": t.__name__, "v": value.isoformat()}
    if t is dt.timedelta:
        return {"$": "timedelta", "v": value.total_seconds()}
    if t is types.ModuleType:
        return {"$": "module", "v": value.__name__}
    try:
        return _encode_library_value(value, t, depth)
    except _Unsupported as exc:
        return {"$": "opaque", "type": str(exc)}


def _encode_library_value(value: Any, t: type, depth: int) -> Any:
    np, pd = _np(), _pd()
    if np is not None:
        if t is np.ndarray:
            return _encode_array(value, depth)
        if isinstance(value, np.generic) and type(value).__module__ == "numpy":
            return {"$": "npscalar", "dtype": value.dtype.str, "v": encode(value.item(), depth + 1)}
    if pd is not None:
        if t is pd.DataFrame:
            return {
                "$": "dataframe",
                "columns": _encode_index(value.columns, depth),
                "index": _encode_index(value.index, depth),
                "data": [_encode_column(value.iloc[:, i], depth) for i in range(value.shape[1])],
            }
        if t is pd.Series:
            return {
                "$": "series",
                "name": encode(value.name, depth + 1),
                "index": _encode_index(value.index, depth),
                "data": _encode_column(value, depth),
            }
        if isinstance(value, pd.Index) and type(value).__module__.split(".")[0] == "pandas":
            return _encode_index(value, depth)
        if t is pd.Timestamp:
            return {"$": "timestamp", "v": value.isoformat()}
        if t is pd.Timedelta:
            return {"$": "pdtimedelta", "v": value.value}
        if t is pd.Period:
            return {"$": "period", "ordinal": value.ordinal, "freq": value.freqstr}
        if t is pd.Interval:
            return {
                "$": "interval",
                "left": encode(value.left, depth + 1),
                "right": encode(value.right, depth + 1),
                "closed": value.closed,
            }
        if value is pd.NA:
            return {"$": "pdna"}
        if value is pd.NaT:
            return {"$": "nat"}
    return {"$": "opaque", "type": f"{t.__module__}.{t.__qualname__}"}


def _encode_array(arr: Any, depth: int) -> Any:
    kind = arr.dtype.kind
    if kind == "V" or arr.dtype.names is not None or arr.dtype.subdtype is not None:
        raise _Unsupported(f"numpy array of dtype {arr.dtype}")
    if kind in "biufcmM" and not arr.dtype.hasobject:
        data = arr.astype(arr.dtype.newbyteorder("<") if arr.dtype.byteorder == ">" else arr.dtype)
        return {
            "$": "ndarray",
            "dtype": data.dtype.str,
            "shape": list(arr.shape),
            "b64": base64.b64encode(data.tobytes(order="C")).decode(),
        }
    return {
        "$": "ndarray_obj",
        "dtype": "U" if kind == "U" else "O",
        "shape": list(arr.shape),
        "v": _encode_items(arr.ravel(order="C").tolist(), depth + 1),
    }


def _encode_items(items: list, depth: int) -> list:
    """``encode`` of each item; text (most object columns) encodes to itself, taken as is."""
    if all(type(v) is str for v in items):
        if items and depth > MAX_DEPTH:
            raise ValueError("value is nested too deeply")
        return items
    return [encode(v, depth) for v in items]


def _encode_column(col: Any, depth: int) -> Any:
    """A Series' values with its dtype, so extension dtypes survive the trip."""
    dtype = col.dtype
    np = _np()
    if isinstance(dtype, np.dtype):
        return {"dtype": dtype.str, "values": _encode_array(col.to_numpy(), depth)}
    name = str(dtype)
    if name == "category":
        return {
            "dtype": "category",
            "ordered": bool(dtype.ordered),
            "categories": _encode_index(dtype.categories, depth),
            "codes": _encode_array(col.cat.codes.to_numpy(), depth),
        }
    items = col.tolist()
    if all(type(v) is str for v in items):  # a text column without missing values
        values = _encode_items(items, depth + 1)
    else:
        values = [None if _is_missing(v) else encode(v, depth + 1) for v in items]
    return {"dtype": name, "list": values}


def _is_missing(v: Any) -> bool:
    pd = _pd()
    try:
        return v is None or v is pd.NA or v is pd.NaT or (type(v) is float and math.isnan(v))
    except Exception:
        return False


def _encode_index(index: Any, depth: int) -> Any:
    pd = _pd()
    names = [encode(n, depth + 1) for n in index.names]
    if type(index) is pd.MultiIndex:
        return {
            "$": "multiindex",
            "names": names,
            "levels": [_encode_index(lv, depth + 1) for lv in index.levels],
            "codes": [_encode_array(c, depth) for c in index.codes],
        }
    if type(index) is pd.RangeIndex:
        return {"$": "rangeindex", "v": [index.start, index.stop, index.step], "names": names}
    encoded = {
        "$": "index",
        "names": names,
        "data": _encode_column(pd.Series(index, copy=False), depth),
    }
    if type(index) in (pd.DatetimeIndex, pd.TimedeltaIndex) and index.freq is not None:
        encoded["freq"] = index.freqstr  # a regular range keeps its frequency
    return encoded


# ----------------------------------------------------------------------------- decoding


class _Budget:
    """Element cap and deadline for one decode."""

    def __init__(self, seconds: float) -> None:
        self.items = 0
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def spend(self, n: int) -> None:
        self.items += n
        if self.items > MAX_ITEMS:
            raise DecodeError(f"the value has more than {MAX_ITEMS:,} elements (limit)")
        if self.items & 0x3FF == 0 and time.monotonic() > self.deadline:
            raise DecodeError(f"decoding the value took longer than {self.seconds:g} s (limit)")

    def spend_many(self, n: int) -> None:
        """``spend(1)`` n times over, with the same limits."""
        self.items += n
        if self.items > MAX_ITEMS:
            raise DecodeError(f"the value has more than {MAX_ITEMS:,} elements (limit)")
        if time.monotonic() > self.deadline:
            raise DecodeError(f"decoding the value took longer than {self.seconds:g} s (limit)")


def decode(data: Any, seconds: float = DECODE_SECONDS) -> Any:
    """Rebuild a value produced by :func:`encode`; raises DecodeError on anything else.

    Any failure while rebuilding (a dtype pandas does not know here, a constructor that
    refuses the data, a missing optional library) is the sandbox's fault, never the run's.
    """
    try:
        return _decode(data, 0, _Budget(seconds))
    except DecodeError:
        raise
    except Exception as exc:  # noqa: BLE001 - hostile input may trip any library error
        raise DecodeError(
            f"malformed value from the sandbox: {type(exc).__name__}: {str(exc)[:300]}"
        ) from None


# True unless PYTHONHASHSEED fixed the key of str hashing when this process started.
_SALTED_STR_HASH = bool(sys.flags.hash_randomization) and os.environ.get(
    "PYTHONHASHSEED", "random"
) in ("", "random")


def _refuse_collisions(values: list) -> None:
    """Refuse values built to share one hash (a dict, a set, a pandas hashtable stalls)."""
    if len(values) <= MAX_SHARED_HASH:
        return
    if _SALTED_STR_HASH and all(type(v) is str or v is None for v in values):
        # Text only (a column of names or codes): str hashes are salted with a random key
        # per process, and this process's key is not the student's, so text cannot be
        # built to collide here (repeats of one name are equal, not colliding).
        return
    hashed = []
    for v in values:
        try:
            hashed.append((hash(v), v))
        except TypeError:  # unhashable items (lists in an object array) are never keys
            continue
    counts = Counter(h for h, _ in hashed)
    heavy: dict[int, set] = {h: set() for h, n in counts.items() if n > MAX_SHARED_HASH}
    # Equal values may share a hash honestly; count distinct ones by a string key, whose
    # hashing is randomised, so this check cannot itself be made to collide.
    for h, v in hashed:
        if h in heavy:
            heavy[h].add((type(v).__name__, repr(v)[:200]))
            if len(heavy[h]) > MAX_SHARED_HASH:
                _refuse_shared_hash(counts[h])


def _refuse_shared_hash(n: int) -> None:
    raise DecodeError(
        f"refused: {n} distinct values share a hash value (more than {MAX_SHARED_HASH} is the "
        "limit; values built to collide stall the grader)"
    )


def _refuse_int64_collisions(arr: Any) -> None:
    """The same for 64-bit integers and datetimes, as pandas' hashtables hash them."""
    import numpy as np

    if arr.dtype.kind not in "iumM" or arr.dtype.itemsize != 8 or arr.size <= MAX_SHARED_HASH:
        return
    u = _distinct_sorted(np.ascontiguousarray(arr).reshape(-1).view(np.uint64))
    # pandas (khash) folds a 64-bit key to 32 bits like this; keys equal after folding
    # follow one probe sequence, so n of them cost n*n comparisons.
    folded = np.sort(((u >> np.uint64(33)) ^ u ^ (u << np.uint64(11))) & np.uint64(0xFFFFFFFF))
    starts = np.flatnonzero(np.r_[True, folded[1:] != folded[:-1], True])
    longest = int(np.diff(starts).max())
    if longest > MAX_SHARED_HASH:
        _refuse_shared_hash(longest)


def _distinct_sorted(values: Any) -> Any:
    """Sorted distinct values by sorting (np.unique can be far slower on large arrays)."""
    import numpy as np

    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]]


def _expect(cond: bool, what: str) -> None:
    if not cond:
        raise DecodeError(f"malformed value from the sandbox: {what}")


def _decode(d: Any, depth: int, budget: _Budget) -> Any:
    _expect(depth <= MAX_DEPTH + 2, "nested too deeply")
    budget.spend(1)
    t = type(d)
    if d is None or t in (bool, int, float, str):
        return d
    if t is list:
        return _decode_items(d, depth + 1, budget)
    _expect(t is dict and type(d.get("$")) is str, "unknown item")
    tag = d["$"]
    if tag == "float":
        _expect(d["v"] in ("nan", "inf", "-inf"), "float")
        return float(d["v"])
    if tag == "int":
        _expect(type(d["v"]) is str and len(d["v"]) < 5000, "int")
        return int(d["v"])
    if tag == "complex":
        return complex(_decode(d["re"], depth + 1, budget), _decode(d["im"], depth + 1, budget))
    if tag == "bytes":
        return base64.b64decode(d["v"], validate=True)
    if tag == "tuple":
        return tuple(_decode(v, depth + 1, budget) for v in _list(d["v"]))
    if tag in ("set", "frozenset"):
        items = [_decode(v, depth + 1, budget) for v in _list(d["v"])]
        _refuse_collisions(items)
        return set(items) if tag == "set" else frozenset(items)
    if tag == "dict":
        keys, values = [], []
        for pair in _list(d["v"]):
            _expect(type(pair) is list and len(pair) == 2, "dict item")
            keys.append(_decode(pair[0], depth + 1, budget))
            values.append(_decode(pair[1], depth + 1, budget))
        _refuse_collisions(keys)
        return dict(zip(keys, values, strict=True))
    if tag == "range":
        a, b, c = (int(x) for x in _list(d["v"]))
        return range(a, b, c)
    if tag in ("datetime", "date", "time"):
        cls = {"datetime": dt.datetime, "date": dt.date, "time": dt.time}[tag]
        return cls.fromisoformat(_str(d["v"]))
    if tag == "timedelta":
        return dt.timedelta(seconds=float(d["v"]))
    if tag == "module":
        name = _str(d["v"])
        _expect(len(name) < 200 and MODULE_NAME.match(name) is not None, "module name")
        return ModuleRef(name)
    if tag == "opaque":
        return Opaque(_str(d.get("type", "?"))[:200])
    import numpy as np
    import pandas as pd

    if tag == "ndarray":
        return _decode_array(d, budget)
    if tag == "ndarray_obj":
        shape = _shape(d["shape"])
        items = _decode_items(_list(d["v"]), depth + 1, budget)
        _expect(len(items) == math.prod(shape), "array size")
        _refuse_collisions(items)
        dtype = np.dtype("U") if d["dtype"] == "U" else np.dtype(object)
        arr = np.empty(len(items), dtype=object)
        arr[:] = items
        return arr.astype(dtype).reshape(shape)
    if tag == "npscalar":
        dtype = np.dtype(_str(d["dtype"]))
        _expect(not dtype.hasobject, "scalar dtype")
        return dtype.type(_decode(d["v"], depth + 1, budget))
    if tag == "dataframe":
        columns = _decode_index(d["columns"], depth, budget)
        index = _decode_index(d["index"], depth, budget)
        cols = [_decode_column(c, depth, budget, index) for c in _list(d["data"])]
        _expect(len(cols) == len(columns), "dataframe width")
        frame = pd.concat(cols, axis=1, ignore_index=True) if cols else pd.DataFrame(index=index)
        frame.columns = columns
        return frame
    if tag == "series":
        index = _decode_index(d["index"], depth, budget)
        s = _decode_column(d["data"], depth, budget, index)
        s.name = _decode(d["name"], depth + 1, budget)
        return s
    if tag in ("index", "multiindex", "rangeindex"):
        return _decode_index(d, depth, budget)
    if tag == "timestamp":
        return pd.Timestamp(_str(d["v"]))
    if tag == "pdtimedelta":
        return pd.Timedelta(int(d["v"]))
    if tag == "pdna":
        return pd.NA
    if tag == "nat":
        return pd.NaT
    if tag == "period":
        _expect(type(d["ordinal"]) is int, "period")
        return pd.Period(ordinal=d["ordinal"], freq=_str(d["freq"])[:40])
    if tag == "interval":
        closed = _str(d["closed"])
        _expect(closed in ("left", "right", "both", "neither"), "interval closed side")
        left, right = _decode(d["left"], depth + 1, budget), _decode(d["right"], depth + 1, budget)
        return pd.Interval(left, right, closed=closed)
    raise DecodeError(f"malformed value from the sandbox: unknown tag {tag!r}")


_PLAIN = frozenset({type(None), bool, int, float, str})


def _decode_items(items: list, depth: int, budget: _Budget, count_none: bool = True) -> list:
    """``_decode`` of each item, at ``depth`` (None is left as it is, and counted unless not).

    Plain items (None, bool, int, float, str) decode to themselves, so a list of only those
    (most columns of a frame: text, and numbers in lists) is taken in one go, with the
    same depth check and element count: one call per item made large frames the checker's
    biggest cost.
    """
    if all(type(v) in _PLAIN for v in items):
        if items:
            _expect(depth <= MAX_DEPTH + 2, "nested too deeply")
        budget.spend_many(len(items) if count_none else len(items) - items.count(None))
        return list(items)
    if count_none:
        return [_decode(v, depth, budget) for v in items]
    return [None if v is None else _decode(v, depth, budget) for v in items]


class ModuleRef:
    """A student global that is a module; the checker imports its own copy (or refuses)."""

    def __init__(self, name: str):
        self.name = name


def _list(v: Any) -> list:
    _expect(type(v) is list, "list expected")
    return v


def _str(v: Any) -> str:
    _expect(type(v) is str, "string expected")
    return v


def _shape(v: Any) -> tuple[int, ...]:
    shape = tuple(_list(v))
    _expect(all(type(n) is int and n >= 0 for n in shape) and len(shape) <= 32, "shape")
    return shape


def _decode_array(d: dict, budget: _Budget) -> Any:
    import numpy as np

    dtype = np.dtype(_str(d["dtype"]))
    _expect(dtype.kind in "biufcmM" and not dtype.hasobject, "array dtype")
    shape = _shape(d["shape"])
    raw = base64.b64decode(_str(d["b64"]), validate=True)
    _expect(len(raw) == math.prod(shape) * dtype.itemsize, "array size")
    budget.spend(math.prod(shape) // 64)
    arr = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    _refuse_int64_collisions(arr)
    return arr


def _default_index(index: Any, n: int) -> Any:
    import pandas as pd

    if index is None:
        return pd.RangeIndex(n)
    _expect(len(index) == n, "column length")
    return index


def _decode_column(d: Any, depth: int, budget: _Budget, index: Any) -> Any:
    import numpy as np
    import pandas as pd

    _expect(type(d) is dict, "column")
    dtype = _str(d["dtype"])
    if "values" in d:
        values = _decode(d["values"], depth + 1, budget)
        _expect(isinstance(values, np.ndarray) and values.ndim == 1, "column values")
        numpy_dtype = np.dtype(dtype)
        _expect(numpy_dtype.kind in COLUMN_KINDS, f"column dtype {dtype[:40]}")
        index = _default_index(index, len(values))
        return pd.Series(values, index=index, dtype=numpy_dtype, copy=False)
    if dtype == "category":
        cats = _decode_index(d["categories"], depth, budget)
        codes = _decode(d["codes"], depth + 1, budget)
        index = _default_index(index, len(codes))
        cat = pd.Categorical.from_codes(codes, categories=cats, ordered=bool(d["ordered"]))
        return pd.Series(cat, index=index)
    items = _decode_items(_list(d["list"]), depth + 1, budget, count_none=False)
    _refuse_collisions(items)
    index = _default_index(index, len(items))
    return pd.Series(pd.array(items, dtype=_extension_dtype(dtype)), index=index)


COLUMN_KINDS = "biufcmMOU"  # numpy dtypes a column may have (not void, not structured)


def _extension_dtype(name: str) -> Any:
    """The pandas extension dtype called ``name``, if it is one of pandas' standard ones."""
    import pandas as pd
    from pandas.core.dtypes.dtypes import BaseMaskedDtype

    try:
        dtype = pd.api.types.pandas_dtype(name)
    except Exception:  # noqa: BLE001 - e.g. ImportError for a storage the grader lacks
        dtype = None
    standard = (pd.DatetimeTZDtype, pd.PeriodDtype, pd.IntervalDtype, BaseMaskedDtype)
    if isinstance(dtype, standard) or (
        isinstance(dtype, pd.StringDtype) and dtype.storage == "python"
    ):
        return dtype
    raise DecodeError(
        f"the answer has the column type {name[:60]!r}, which the grader does not support "
        "(use a standard pandas or numpy dtype)"
    )


def _decode_index(d: Any, depth: int, budget: _Budget) -> Any:
    import pandas as pd

    _expect(type(d) is dict, "index")
    names = [_decode(n, depth + 1, budget) for n in _list(d["names"])]
    tag = d.get("$")
    if tag == "rangeindex":
        a, b, c = (int(x) for x in _list(d["v"]))
        return pd.RangeIndex(a, b, c, name=names[0] if names else None)
    if tag == "multiindex":
        levels = [_decode_index(lv, depth + 1, budget) for lv in _list(d["levels"])]
        codes = [_decode(c, depth + 1, budget) for c in _list(d["codes"])]
        return pd.MultiIndex(levels=levels, codes=codes, names=names)
    _expect(tag == "index", "index tag")
    data = d["data"]
    _expect(type(data) is dict, "index data")
    s = _decode_column(data, depth, budget, None)
    index = pd.Index(s, name=names[0] if len(names) == 1 else None, tupleize_cols=False)
    if "freq" in d:
        _expect(type(index) in (pd.DatetimeIndex, pd.TimedeltaIndex), "index frequency")
        index = type(index)(index, freq=_str(d["freq"])[:40])
    return index
