"""An exhibit's sliders and menus, read from the model's parameter declarations.

A model's parameters are written once, in its ``@declared`` decorator and signature
(``globalsourcing.models.params``): the valid range, the widget's control range, the ``grid`` of
values the book's exhibit precomputes and the default it opens on. A :class:`Control` turns one
declaration into the data column, slider or menu of an exhibit, so neither the exhibit nor the
widget types a value of its own; :func:`mismatches` says where a built exhibit's controls
differ from the declarations (tests/globalsourcing/test_exhibit_controls.py runs it on every
exhibit of the catalog).

Controls show whole numbers (a share of 0.6 as 60, with ``scale=100``), so the page's filter
compares integers, never rounded floats.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from globalsourcing.models.params import Param

if TYPE_CHECKING:  # pragma: no cover
    from .exhibit import Exhibit


def _shown(value: float, scale: float, where: str) -> int:
    shown = value * scale
    if not math.isclose(shown, round(shown), abs_tol=1e-9):
        raise ValueError(
            f"{where}: {value!r} x {scale:g} is not a whole number; a control filters on whole "
            "numbers, so declare a grid that the scale turns into integers."
        )
    return int(round(shown))


@dataclass(frozen=True)
class Control:
    """One exhibit control bound to one declared model parameter.

    ``name`` is the chart parameter and the data column it filters; ``scale`` turns a model
    value into what the control shows (100 for a share shown in percent). Build one with
    :meth:`of`; ``default`` is only given where the model has no single default of its own
    (a dict of weights, or a growth rate the function derives from its segment).
    """

    name: str
    param: Param
    source: str
    default: Any
    scale: float = 100

    @classmethod
    def of(
        cls,
        model: Callable,
        parameter: str,
        name: str,
        scale: float = 100,
        *,
        default: Any = None,
    ) -> Control:
        param = model.parameters[parameter]
        opens = param.opens_at if default is None else default
        return cls(name, param, f"{model.__name__}({parameter})", opens, scale)

    def __post_init__(self) -> None:
        if not self.param.grid:
            raise ValueError(
                f"{self.source} declares no grid for the exhibit: add grid=(...) to its "
                "declaration (globalsourcing/models)."
            )
        if self.default not in self.param.grid:
            raise ValueError(
                f"{self.source}: the exhibit would open on {self.default!r}, which is not in "
                f"the declared grid {self.param.grid}, so the page would open on an empty chart."
            )
        shown = self.stops
        if len(set(shown)) != len(shown):
            raise ValueError(f"{self.source}: two grid values show as the same number {shown}.")

    @property
    def grid(self) -> list[Any]:
        """The model values the exhibit evaluates, from the declaration."""
        return list(self.param.grid)

    @property
    def stops(self) -> list[int]:
        """What the control offers: the grid in shown units."""
        return [_shown(v, self.scale, self.source) for v in self.param.grid]

    @property
    def start(self) -> int:
        """What the control shows when the page opens: the declared default."""
        return _shown(self.default, self.scale, self.source)

    def column(self, values: pd.Series) -> pd.Series:
        """A frame's model-value column in the control's whole-number units."""
        return (values * self.scale).round().astype(int)

    def slider(self, label: str) -> Any:
        """A range slider over the grid, which must be evenly spaced."""
        import altair as alt

        stops = self.stops
        steps = {b - a for a, b in zip(stops, stops[1:], strict=False)}
        if len(steps) > 1:
            raise ValueError(
                f"{self.source}: the grid {self.param.grid} is not evenly spaced; a slider "
                "would offer values with no data. Use menu() or an even grid."
            )
        step = steps.pop() if steps else 1
        return alt.param(
            name=self.name,
            value=self.start,
            bind=alt.binding_range(min=stops[0], max=stops[-1], step=step, name=label),
        )

    def menu(self, label: str, labels: Sequence[str] | None = None) -> Any:
        """A drop-down of the grid values (``labels`` to show words for some of them)."""
        import altair as alt

        extra = {"labels": list(labels)} if labels is not None else {}
        return alt.param(
            name=self.name,
            value=self.start,
            bind=alt.binding_select(options=self.stops, name=label, **extra),
        )


def declared_slider(model: Callable, parameter: str, name: str, label: str) -> Any:
    """A slider in the model's own units over its declared grid, opening on the declared default.

    For charts whose page compares against the slider's value in an expression (a threshold
    drawn as a rule) rather than filtering a precomputed grid; the grid must be evenly spaced.
    """
    import altair as alt

    param = model.parameters[parameter]
    grid = list(param.grid)
    steps = {round(b - a, 9) for a, b in zip(grid, grid[1:], strict=False)}
    if len(grid) < 2 or len(steps) != 1 or param.opens_at not in grid:
        raise ValueError(
            f"{model.__name__}({parameter}): declare an evenly spaced grid that holds the default "
            f"{param.opens_at!r} (declared grid: {param.grid})"
        )
    return alt.param(
        name=name,
        value=param.opens_at,
        bind=alt.binding_range(min=grid[0], max=grid[-1], step=steps.pop(), name=label),
    )


def chart_params(spec: dict) -> Iterable[dict]:
    """Every parameter of a Vega-Lite spec, in its layers and concatenations too."""
    yield from spec.get("params", [])
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for sub in spec.get(key, []):
            yield from chart_params(sub)
    if isinstance(spec.get("spec"), dict):
        yield from chart_params(spec["spec"])


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def mismatches(exhibit: Exhibit) -> list[str]:
    """Every way the exhibit's controls differ from the model's declarations ([] if none).

    Checks that each declared control opens on the declared default, offers exactly the
    declared grid (slider bounds and step, or menu options), that the data it filters holds
    exactly those values, and that no numeric control of the chart bypasses a declaration.
    """
    spec = exhibit.vega_lite
    bound = {p["name"]: p for p in chart_params(spec) if "bind" in p}
    problems = []
    declared = {c.name: c for c in exhibit.controls}
    for name, p in bound.items():
        if name not in declared and _numeric(p.get("value")):
            problems.append(
                f"control {name!r} opens at {p.get('value')!r} but reads no declaration: build it "
                "with exhibits.controls.Control.of(model, parameter, ...)"
            )
    for control in exhibit.controls:
        p = bound.get(control.name)
        where = f"control {control.name!r} ({control.source})"
        if p is None:
            problems.append(f"{where}: the chart has no slider or menu of that name")
            continue
        if p.get("value") != control.start:
            problems.append(
                f"{where} opens at {p.get('value')!r}; the declaration's default is "
                f"{control.default!r}, shown as {control.start!r}"
            )
        bind, stops = p["bind"], control.stops
        if "options" in bind:
            if list(bind["options"]) != stops:
                problems.append(f"{where} offers {bind['options']}; the declared grid is {stops}")
        else:
            step = stops[1] - stops[0] if len(stops) > 1 else bind.get("step")
            offered = (bind.get("min"), bind.get("max"), bind.get("step"))
            if offered != (stops[0], stops[-1], step):
                problems.append(
                    f"{where} slides over (min, max, step) {offered}; the declared grid gives "
                    f"{(stops[0], stops[-1], step)}"
                )
        for data_name, rows in spec.get("datasets", {}).items():
            if rows and control.name in rows[0]:
                values = sorted({row[control.name] for row in rows})
                if values != sorted(stops):
                    problems.append(
                        f"{where}: dataset {data_name} holds {values}, the control offers {stops}"
                    )
    return problems
