"""Live JupyterLab UIs for the nine sourcing models (ipywidgets; needs a running kernel).

>>> from globalsourcing.widgets import tco_widget
>>> tco_widget()          # last line of a cell: sliders, headline, table and chart

The hosted book shows the same models server-free through
:mod:`globalsourcing.exhibits.catalog`. Each widget lives in the module named like its
model's (``widgets/tco.py`` beside ``models/tco.py`` and ``exhibits/tco.py``); its sliders
come from the declarations through :mod:`globalsourcing.widgets.controls`.
"""

from .base import ModelWidget
from .captive import captive_widget
from .contracts import contracts_widget
from .decision_matrix import decision_matrix_widget
from .knowledge import knowledge_widget
from .location import location_widget
from .market import market_widget
from .service_credits import service_credits_widget
from .sustainability import sustainability_widget
from .tco import tco_widget

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
