"""Input checks shared by the models: bad parameters fail early with a message that says how to fix them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd


def non_negative(**values: float) -> None:
    """Reject negative or non-finite numbers (costs, rates, counts)."""
    for name, value in values.items():
        if value is None or not math.isfinite(float(value)):
            raise ValueError(f"{name} must be a finite number, got {value!r}.")
        if value < 0:
            raise ValueError(f"{name} must not be negative, got {value!r}.")


def positive(**values: float) -> None:
    """Reject zero, negative or non-finite numbers."""
    non_negative(**values)
    for name, value in values.items():
        if value == 0:
            raise ValueError(f"{name} must be greater than zero, got {value!r}.")


def fraction(**values: float) -> None:
    """Reject shares and probabilities outside [0, 1]."""
    non_negative(**values)
    for name, value in values.items():
        if value > 1:
            raise ValueError(
                f"{name} is a share and must lie between 0 and 1, got {value!r} "
                "(write 25% as 0.25)."
            )


def whole_number(minimum: int = 1, **values: int) -> None:
    """Reject non-integers and integers below ``minimum`` (years, counts of bidders)."""
    for name, value in values.items():
        if isinstance(value, bool) or int(value) != value:
            raise ValueError(f"{name} must be a whole number, got {value!r}.")
        if value < minimum:
            raise ValueError(f"{name} must be at least {minimum}, got {value!r}.")


def weights_sum_to_one(weights: Mapping[str, float], tolerance: float = 1e-6) -> None:
    """Reject weights that are negative or do not add up to 1."""
    if not weights:
        raise ValueError("Give at least one weight, e.g. {'financial': 0.4, 'people': 0.3, ...}.")
    for name, value in weights.items():
        non_negative(**{f"weight {name!r}": value})
    total = sum(weights.values())
    if abs(total - 1.0) > tolerance:
        raise ValueError(
            f"The weights must add up to 1, but {dict(weights)} add up to {total:.4g}. "
            "Rescale them, e.g. divide each by their sum."
        )


def has_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Reject a missing or empty DataFrame, or one without the columns a model reads."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{what} must be a pandas DataFrame, got {type(frame).__name__}.")
    if frame.empty:
        raise ValueError(f"{what} is empty: the model needs at least one row.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} lacks the column(s) {missing}; it has {list(frame.columns)}.")
