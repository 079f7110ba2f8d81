"""Live JupyterLab UIs for the nine sourcing models (ipywidgets; needs a running kernel).

>>> from globalsourcing.widgets import tco_widget
>>> tco_widget()          # last line of a cell: sliders, headline, table and chart

The hosted book shows the same models server-free through
:mod:`globalsourcing.exhibits.catalog`.
"""

from .base import ModelWidget
from .builders import (
    captive_widget,
    contracts_widget,
    decision_matrix_widget,
    knowledge_widget,
    location_widget,
    market_widget,
    service_credits_widget,
    sustainability_widget,
    tco_widget,
)

__all__ = [
    "ModelWidget",
    "captive_widget",
    "contracts_widget",
    "decision_matrix_widget",
    "knowledge_widget",
    "location_widget",
    "market_widget",
    "service_credits_widget",
    "sustainability_widget",
    "tco_widget",
]
