"""Reference tables built once per grading run, handed out as copies.

A hidden test compares each submission with reference tables computed from the course's
datasets. Building them again for every student repeats the same loads, filters and
group-bys forty times in the grader's one process; :func:`reference` builds a table once
and gives every caller its own copy, so a test that changes what it received cannot
change what the next submission is compared with.

A cached table stays valid while the dataset files it was built from are the ones
``load`` would read: the decorator logs the identity of every file the build loads
(:func:`globalsourcing.data.api.track_reads`) and, before serving the table again,
compares it with :func:`globalsourcing.data.api.version`. Pointing
GLOBALSOURCING_DATA_DIR elsewhere, touching or replacing a file, or downloading a series
again builds the table anew.

Only calls whose arguments are plain values (None, booleans, numbers, text, and tuples of
these) are cached, keyed on their types as well as their values; any other argument (a
student's frame or function, which could be changed or whose identity could be reused
by another object) makes the call run the builder as if it were not decorated. A builder
may depend only on its arguments and the datasets it loads.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Results kept per builder, one per distinct argument list; the oldest goes first.
MAX_ENTRIES = 32

_PLAIN = (type(None), bool, int, float, complex, str, bytes)


def reference(builder: F) -> F:
    """Memoise a function that builds a reference table; return a fresh copy on each call.

    >>> @reference
    ... def _panel():
    ...     return load("wdi_panel")

    Thread-safe: concurrent first calls with the same arguments build once, and the
    others wait for that result. A builder that raises is not cached.
    """
    entries: OrderedDict[tuple, tuple[dict[str, tuple], Any]] = OrderedDict()
    building: dict[tuple, threading.RLock] = {}
    guard = threading.Lock()

    @functools.wraps(builder)
    def cached(*args: Any, **kwargs: Any) -> Any:
        key = _key(args, kwargs)
        if key is None:
            return builder(*args, **kwargs)
        # imported here: `import globalsourcing.checks` (visible tests, self-study) stays light
        from globalsourcing.data import api

        with guard:
            lock = building.setdefault(key, threading.RLock())
        with lock:
            with guard:
                entry = entries.get(key)
            if entry is not None and _current(entry[0]):
                reads, value = entry
                api.note_reads(reads)  # an enclosing build depends on these files too
            else:
                with api.track_reads() as log:
                    value = builder(*args, **kwargs)
                with guard:
                    entries[key] = (dict(log), value)
                    entries.move_to_end(key)
                    while len(entries) > MAX_ENTRIES:
                        building.pop(entries.popitem(last=False)[0], None)
        return _copy(value)

    return cached  # type: ignore[return-value]


def _key(args: tuple, kwargs: dict) -> tuple | None:
    """A key that tells apart every plain argument list (1, 1.0 and True differ), or None."""
    try:
        return (
            tuple(_plain(a) for a in args),
            tuple(sorted((name, _plain(v)) for name, v in kwargs.items())),
        )
    except _NotPlain:
        return None


class _NotPlain(Exception):
    pass


def _plain(value: Any) -> tuple:
    if type(value) in _PLAIN:
        return (type(value).__name__, value)
    if type(value) is tuple:
        return ("tuple", tuple(_plain(v) for v in value))
    raise _NotPlain


def _current(reads: dict[str, tuple]) -> bool:
    """True when every dataset file behind a cached table is still the one load would read."""
    from globalsourcing.data import api

    return all(api.version(name) == identity for name, identity in reads.items())


def _copy(value: Any) -> Any:
    """A copy the caller may change freely (pandas objects copy their data and index)."""
    copier = getattr(value, "copy", None)
    if callable(copier) and type(value).__module__.startswith("pandas"):
        return copier(deep=True)
    return copy.deepcopy(value)
