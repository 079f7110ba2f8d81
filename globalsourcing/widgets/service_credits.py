"""Model 9's widget: a service-credit regime and the supplier effort it buys.

The model is :mod:`globalsourcing.models.service_credits` and its server-free exhibit
:mod:`globalsourcing.exhibits.service_credits`; display the widget as the last line of a cell.
"""

from __future__ import annotations

from globalsourcing import models

from . import charts
from .base import ModelWidget
from .controls import control


def service_credits_widget() -> ModelWidget:
    """Model 9: a service-credit regime and the supplier effort it buys."""
    model = models.effort_incentive
    names = (
        "at_risk",
        "pool",
        "n_levels",
        "earn_back",
        "earn_back_months",
        "miss_without_effort",
        "miss_with_full_effort",
        "effort_cost",
        "failure_cost",
    )
    controls = {name: control(model, name) for name in names}  # fmt: skip

    def compute(v):
        frame = models.effort_incentive(**v)
        choice = models.chosen_effort(frame)
        summary = frame.loc[
            frame["supplier_choice"] | frame["joint_best"],
            ["effort", "miss_probability", "expected_credit", "effort_cost", "joint_cost"],
        ]
        headline = (
            f"The supplier's cheapest effort is {choice['supplier_effort']:.0%}, with expected "
            f"credits of {choice['supplier_expected_credit']:.2f} a month; the effort that "
            f"minimises both parties' costs is {choice['joint_best_effort']:.0%}."
        )
        return frame, summary, headline, choice

    return ModelWidget(
        "A service-credit regime and the effort it buys",
        controls,
        compute,
        chart=charts.credit_effort_lines,
        note="Money is an index (monthly charge = 100). A 10-12% at-risk amount is practice a "
        "sourcing adviser reported in 2010; every other default is illustrative.",
    )
