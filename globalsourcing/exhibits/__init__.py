"""Exhibits: one Altair chart, rendered live in Jupyter and server-free in the hosted book.

In the book build the chart is compiled to a Vega spec and drawn by the site's own copy of
Vega; its sliders and dropdowns are Vega-Lite parameters, so they work with no kernel.
"""

from .exhibit import Exhibit, ExhibitTooLarge
from .grid import grid_frame

__all__ = ["Exhibit", "ExhibitTooLarge", "grid_frame"]
