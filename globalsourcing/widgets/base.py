"""A small frame shared by the model widgets: controls in, model call, latest result kept.

Every widget keeps what it last computed on the object (``result``, ``summary``,
``headline``, ``chart``, ``error``), so a notebook or a test can read the latest numbers
without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd

#: What a widget's compute function returns: (detailed result, summary table, headline),
#: optionally followed by a dict of further tables kept in ``ModelWidget.extras``.
Computed = tuple[pd.DataFrame, pd.DataFrame, str] | tuple[pd.DataFrame, pd.DataFrame, str, dict]


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipywidgets
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class ModelWidget:
    """Controls wired to a model; re-evaluates on every change.

    Parameters
    ----------
    title : heading shown above the controls.
    controls : mapping of parameter name to an ipywidgets control with a ``value``.
    compute : called with ``{name: value}``; returns ``(result, summary, headline)`` or
        ``(result, summary, headline, extras)``.
    chart : optional, builds an Altair chart from the result (shown only in a live kernel).
    note : a line under the title (assumptions, data caveats).
    """

    def __init__(
        self,
        title: str,
        controls: dict[str, widgets.ValueWidget],
        compute: Callable[[dict[str, Any]], Computed],
        chart: Callable[[pd.DataFrame], Any] | None = None,
        note: str = "",
    ) -> None:
        self.title = title
        self.controls = controls
        self._compute = compute
        self._chart_fn = chart
        self.result: pd.DataFrame | None = None
        self.summary: pd.DataFrame | None = None
        self.headline = ""
        self.error: str | None = None
        self.extras: dict[str, Any] = {}
        self.chart: Any = None
        self.evaluations = 0
        self.headline_html = widgets.HTML()
        self.table = widgets.HTML()
        self.chart_output = widgets.Output()
        for control in controls.values():
            control.observe(self._on_change, names="value")
        header = widgets.HTML(
            f"<h4>{html.escape(title)}</h4>"
            + (f"<p style='font-size:90%'>{html.escape(note)}</p>" if note else "")
        )
        self.ui = widgets.VBox(
            [
                header,
                widgets.HBox(
                    [
                        widgets.VBox(list(controls.values())),
                        widgets.VBox([self.headline_html, self.table]),
                    ]
                ),
                self.chart_output,
            ]
        )
        self.update()

    @property
    def values(self) -> dict[str, Any]:
        """The controls' current values, as passed to the model."""
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, _change: dict) -> None:
        self.update()

    def update(self) -> None:
        """Run the model at the controls' current values and refresh the display."""
        try:
            result, summary, headline, *more = self._compute(self.values)
        except ValueError as exc:
            # Bad settings show the model's message instead of a traceback.
            self.error = str(exc)
            self.headline_html.value = (
                f"<p style='color:#a00'><b>Check the settings:</b> {html.escape(self.error)}</p>"
            )
            return
        self.error = None
        self.evaluations += 1
        self.result, self.summary, self.headline = result, summary, headline
        self.extras = more[0] if more else {}
        self.headline_html.value = f"<p><b>{html.escape(headline)}</b></p>"
        self.table.value = summary.to_html(
            index=False, float_format=lambda v: f"{v:,.2f}", border=0
        )
        if self._chart_fn is not None:
            self.chart = self._chart_fn(result)
            if _in_kernel():
                from IPython.display import display

                with self.chart_output:
                    self.chart_output.clear_output(wait=True)
                    display(self.chart)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.ui)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.title!r}: {self.headline or self.error}>"
