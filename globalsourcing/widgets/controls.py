"""A model widget's controls, read from the model's parameter declarations.

``control(models.offshore_tco, "offshore_fee")`` is the slider for one declared parameter:
its label, range, step and the value it opens on all come from the declaration
(``globalsourcing.models.params``), so no widget types a default or a range of its own. The
exhibits' counterpart is :mod:`globalsourcing.exhibits.controls`.
"""

from __future__ import annotations

import ipywidgets as w

#: Style and layout every model widget's controls share.
STYLE = {"description_width": "190px"}
LAYOUT = w.Layout(width="420px")


def _slider(kind: type[w.ValueWidget], description: str, value, lo, hi, **more) -> w.ValueWidget:
    return kind(
        value=value,
        min=lo,
        max=hi,
        description=description,
        style=STYLE,
        layout=LAYOUT,
        continuous_update=False,
        **more,
    )


def control(model, name: str, value=None):
    """The slider for one declared model parameter: its label, range, step and default.

    Everything comes from the model's declaration (``models.params``) and signature, so a
    default or a range is never written twice; ``value`` starts the slider elsewhere.
    """
    return declared_control(model.parameters[name], value)


def declared_control(spec, value=None):
    """The slider for a declaration (``models.params.Param``), opening on its ``opens_at``."""
    lo, hi, step = spec.control or (spec.low, spec.high, 0.01)
    start = spec.opens_at if value is None else value
    if spec.kind == "whole":
        return _slider(w.IntSlider, spec.label, int(start), int(lo), int(hi))
    decimals = 0 if step >= 1 else len(f"{step:g}".split(".")[-1])
    return _slider(
        w.FloatSlider, spec.label, float(start), lo, hi, step=step, readout_format=f".{decimals}f"
    )
