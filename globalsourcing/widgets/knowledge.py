"""Model 5's widget: knowledge retention under attrition.

The model is :mod:`globalsourcing.models.knowledge` and its server-free exhibit
:mod:`globalsourcing.exhibits.knowledge`; display the widget as the last line of a cell.
"""

from __future__ import annotations

import math

import pandas as pd

from globalsourcing import models

from . import charts
from .base import ModelWidget
from .controls import control


def knowledge_widget() -> ModelWidget:
    """Model 5: knowledge retention under attrition."""
    controls = {
        "annual_attrition": control(models.knowledge_retention, "annual_attrition"),
        "wave_size": control(models.knowledge_retention, "wave_size"),
        "wave_month": control(models.knowledge_retention, "wave_month"),
        "kt_effort": control(models.knowledge_retention, "kt_effort"),
        "directory": control(models.knowledge_retention, "directory"),
        # Opens on four years (the declaration's start), so a wave's recovery is visible.
        "months": control(models.knowledge_retention, "months"),
    }

    def compute(v):
        frame = models.knowledge_retention(**v)
        summary = pd.DataFrame([models.retention_summary(frame)])
        rec = frame.attrs["recovery_months"]
        headline = (
            "The team does not recover within the horizon."
            if math.isnan(rec)
            else f"The team recovers {rec:.0f} months after the wave."
        )
        return frame, summary, headline

    return ModelWidget(
        "Knowledge retention under attrition",
        controls,
        compute,
        chart=charts.knowledge_line,
        note="Levers after Oshri, Kotlarsky & Willcocks (2007); all numbers are illustrative.",
    )
