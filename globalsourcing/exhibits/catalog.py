"""The nine model exhibits: each model evaluated over a grid of its inputs, filtered in the page.

Every builder returns an :class:`~globalsourcing.exhibits.Exhibit` whose sliders and
dropdowns are Vega-Lite parameters, so it works in the static book with no kernel. Chapters
embed them as the last line of a ``remove-input`` cell, e.g.::

    from globalsourcing.exhibits import catalog
    catalog.tco_exhibit()

Pass ``title=`` to number an exhibit the chapter's way. Sliders move in whole-number steps
(percentages, years) so the browser's filter compares integers, never rounded floats.
Every slider and menu is a :class:`~globalsourcing.exhibits.controls.Control`: its values, its
range and the value it opens on come from the model's parameter declaration, never from here.

This module is the index. Each builder lives in the module named like its model's
(``exhibits/tco.py`` beside ``models/tco.py`` and ``widgets/tco.py``), so a model's function,
widget and exhibit are found under one name.
"""

from __future__ import annotations

from .captive import captive_exhibit
from .contracts import contracts_exhibit
from .decision_matrix import decision_matrix_exhibit
from .knowledge import knowledge_exhibit
from .location import location_index_exhibit
from .market import market_exhibit
from .service_credits import service_credits_exhibit
from .sustainability import sustainability_exhibit
from .tco import tco_exhibit

#: Name used by the relationship-sustainability chapter.
relationship_sustainability = sustainability_exhibit

#: Every model's exhibit builder, in the order of the models gallery.
EXHIBITS = {
    "tco": tco_exhibit,
    "location_index": location_index_exhibit,
    "decision_matrix": decision_matrix_exhibit,
    "contracts": contracts_exhibit,
    "knowledge": knowledge_exhibit,
    "market": market_exhibit,
    "captive": captive_exhibit,
    "sustainability": sustainability_exhibit,
    "service_credits": service_credits_exhibit,
}

__all__ = [
    "EXHIBITS",
    "captive_exhibit",
    "contracts_exhibit",
    "decision_matrix_exhibit",
    "knowledge_exhibit",
    "location_index_exhibit",
    "market_exhibit",
    "relationship_sustainability",
    "service_credits_exhibit",
    "sustainability_exhibit",
    "tco_exhibit",
]
