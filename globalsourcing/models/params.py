"""Each model's parameters, declared once: type, valid range, label and control range.

A model function is wrapped with :func:`declared`; calling it checks every declared argument
before any computation and raises :class:`ParameterError` with one message style:

    offshore_tco(): offshore_fee must be a share from 0 to 1 (write 60% as 0.6); got 60.

The widgets build their sliders from the same declarations (label, control range, step and the
function's own default), and the book's exhibits precompute the declared ``grid`` and open on the
same default (``globalsourcing.exhibits.controls``), so a default or a range is written in one
place only: the function's signature holds the default, the declaration everything else.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd


class ParameterError(TypeError, ValueError):
    """A model argument has the wrong type or lies outside its range.

    It is both a TypeError and a ValueError, so callers may catch either.
    """

    def __init__(self, function: str, name: str, requirement: str, value: Any) -> None:
        self.function, self.name, self.requirement, self.value = function, name, requirement, value
        shown = f"the text {value!r}" if isinstance(value, str) else repr(value)
        super().__init__(f"{function}(): {name} must be {requirement}; got {shown}.")


def _fmt(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True)
class Param:
    """One parameter: its kind, valid range, and how a control shows it.

    kind: "share" (a fraction from 0 to 1), "number", "whole" (an integer) or "choice".
    low/high: the valid range; ``open_low``/``open_high`` exclude the bound itself.
    control: (low, high, step) of the slider that the widget shows (inside the valid range).
    grid: the values the book's exhibit evaluates the model at (each one a stop of its slider
        or an entry of its menu); the exhibit opens on the default, which must be one of them.
    start: where the widget and the exhibit open when that is not the function's default
        (a longer horizon on screen, say); None means the default.
    """

    kind: str
    label: str
    low: float | None = None
    high: float | None = None
    open_low: bool = False
    open_high: bool = False
    control: tuple[float, float, float] | None = None
    choices: tuple[Any, ...] = ()
    optional: bool = False
    default: Any = None  # filled in from the function's signature by `declared`
    grid: tuple[Any, ...] = ()
    start: Any = None

    @property
    def opens_at(self) -> Any:
        """The value a widget or exhibit shows first: ``start``, else the default."""
        return self.default if self.start is None else self.start

    def requirement(self) -> str:
        """The rule in words, as the error message states it."""
        if self.kind == "choice":
            return f"one of {', '.join(map(repr, self.choices))}"
        noun = {"share": "a share", "whole": "a whole number"}.get(self.kind, "a number")
        lo, hi = self.low, self.high
        if lo is not None and hi is not None and not (self.open_low or self.open_high):
            text = f"{noun} from {_fmt(lo)} to {_fmt(hi)}"
        else:
            parts = []
            if lo is not None:
                parts.append(
                    f"greater than {_fmt(lo)}" if self.open_low else f"at least {_fmt(lo)}"
                )
            if hi is not None:
                parts.append(f"below {_fmt(hi)}" if self.open_high else f"at most {_fmt(hi)}")
            text = f"{noun} " + " and ".join(parts) if parts else noun
        if self.kind == "share":
            text += " (write 60% as 0.6)"
        if self.optional:
            text += ", or None"
        return text

    def check(self, function: str, name: str, value: Any) -> None:
        if value is None and self.optional:
            return
        if self.kind == "choice":
            if value not in self.choices:
                raise ParameterError(function, name, self.requirement(), value)
            return
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ParameterError(function, name, self.requirement(), value)
        number = float(value)
        if not math.isfinite(number) or (self.kind == "whole" and not number.is_integer()):
            raise ParameterError(function, name, self.requirement(), value)
        too_low = self.low is not None and (
            number <= self.low if self.open_low else number < self.low
        )
        too_high = self.high is not None and (
            number >= self.high if self.open_high else number > self.high
        )
        if not math.isfinite(number) or too_low or too_high:
            raise ParameterError(function, name, self.requirement(), value)


def share(
    label: str,
    control=None,
    *,
    high: float = 1.0,
    open_high: bool = False,
    grid: Iterable[float] = (),
    start: float | None = None,
) -> Param:
    """A fraction (0.25 for 25%)."""
    return Param(
        "share", label, 0.0, high, open_high=open_high, control=control,
        grid=tuple(grid), start=start,
    )  # fmt: skip


def number(
    label: str,
    low: float | None = None,
    high: float | None = None,
    control=None,
    *,
    open_low: bool = False,
    open_high: bool = False,
    optional: bool = False,
    grid: Iterable[float] = (),
    start: float | None = None,
) -> Param:
    return Param(
        "number", label, low, high, open_low, open_high, control, optional=optional,
        grid=tuple(grid), start=start,
    )  # fmt: skip


def whole(
    label: str,
    low: int | None = 1,
    high: int | None = None,
    control=None,
    *,
    optional=False,
    grid: Iterable[int] = (),
    start: int | None = None,
) -> Param:
    return Param(
        "whole", label, low, high, control=control, optional=optional, grid=tuple(grid),
        start=start,
    )  # fmt: skip


def choice(label: str, options: Iterable[Any]) -> Param:
    return Param("choice", label, choices=tuple(options))


def declared(**params: Param) -> Callable:
    """Check the declared arguments of a model function on every call.

    The wrapped function keeps its name, docstring and signature, and gains ``parameters``:
    the declarations with each default taken from the signature.
    """

    def wrap(func: Callable) -> Callable:
        signature = inspect.signature(func)
        unknown = set(params) - set(signature.parameters)
        if unknown:
            raise AssertionError(f"{func.__name__} has no parameter(s) {sorted(unknown)}")
        defaults = {
            name: None if p.default is inspect.Parameter.empty else p.default
            for name, p in signature.parameters.items()
        }
        filled = {name: replace(p, default=defaults[name]) for name, p in params.items()}
        for name, p in filled.items():  # a grid or start outside the valid range is a typo
            for value in (*p.grid, *([] if p.start is None else [p.start])):
                p.check(func.__name__, name, value)

        @functools.wraps(func)
        def checked(*args, **kwargs):
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as exc:
                raise TypeError(f"{func.__name__}(): {exc}") from None
            bound.apply_defaults()
            for name, declaration in filled.items():
                declaration.check(func.__name__, name, bound.arguments[name])
            return func(*bound.args, **bound.kwargs)

        checked.parameters = filled
        return checked

    return wrap


def frame(function: str, value: Any, columns: Iterable[str], what: str) -> None:
    """Reject a missing or empty DataFrame, or one without the columns a model reads."""
    if not isinstance(value, pd.DataFrame):
        raise ParameterError(function, what, "a pandas DataFrame", value)
    if value.empty:
        raise ParameterError(function, what, "a DataFrame with at least one row", "an empty one")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ParameterError(
            function, what, f"a DataFrame with the column(s) {missing}", list(value.columns)
        )


def weights_sum_to_one(
    function: str, weights: Mapping[str, float], tolerance: float = 1e-6
) -> None:
    """Reject weights that are not numbers from 0 to 1 adding up to 1."""
    if not isinstance(weights, Mapping) or not weights:
        raise ParameterError(
            function, "weights", "a dict of weights such as {'financial': 0.4, ...}", weights
        )
    for name, value in weights.items():
        share(name).check(function, f"the weight of {name!r}", value)
    total = sum(weights.values())
    if abs(total - 1.0) > tolerance:
        raise ParameterError(
            function,
            "weights",
            f"weights adding up to 1 (these add up to {total:.4g}: divide each by their sum)",
            dict(weights),
        )


def relation(function: str, name: str, ok: bool, requirement: str, value: Any) -> None:
    """A rule between parameters (a wave month inside the horizon), in the same style."""
    if not ok:
        raise ParameterError(function, name, requirement, value)
