"""Evaluate a model over a grid of its inputs, so the browser can select from the results."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd


def grid_frame(
    model: Callable[..., Any], grid: Mapping[str, Sequence[Any]], **fixed: Any
) -> pd.DataFrame:
    """Run ``model(**inputs, **fixed)`` for every combination of ``grid`` values.

    The model may return a DataFrame (its rows are kept), a mapping or a scalar (one row,
    a scalar becomes column ``value``). Each row gets one column per grid input, so a chart
    can bind a slider to that column and filter on it.
    """
    if not grid:
        raise ValueError(
            "grid_frame needs at least one input to vary, e.g. {'wage_gap': [0.3, 0.5]}."
        )
    for name, values in grid.items():
        if len(values) == 0:
            raise ValueError(f"grid_frame: input {name!r} has no values to try.")
    names = list(grid)
    frames = []
    for combo in itertools.product(*(grid[n] for n in names)):
        inputs = dict(zip(names, combo, strict=True))
        out = model(**inputs, **fixed)
        if isinstance(out, pd.DataFrame):
            frame = out.copy()
        elif isinstance(out, Mapping):
            frame = pd.DataFrame([dict(out)])
        else:
            frame = pd.DataFrame({"value": [out]})
        clash = set(names) & set(frame.columns)
        if clash:
            raise ValueError(
                f"grid_frame: the model's output already has column(s) {sorted(clash)}; rename them."
            )
        for name in names:
            frame[name] = inputs[name]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
