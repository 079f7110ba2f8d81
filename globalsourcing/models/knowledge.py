"""Model 5: knowledge retention in a supplier team under staff attrition.

A supplier team holds the knowledge a client's back-office service depends on. Staff leave
every month, and sometimes a wave of them leaves at once; each leaver takes the knowledge
that only they held. Two levers protect the service:

- **knowledge-transfer effort**: time spent documenting, pairing and shadowing. It codifies
  knowledge, so leavers take less of it away, but it costs productive time;
- **an expertise directory** (transactive memory: a shared record of "who knows what"): it
  does not stop knowledge leaving, but newcomers and colleagues find the remaining expertise
  faster, so the team relearns faster (Oshri, Kotlarsky & Willcocks 2007).

The model tracks the team's knowledge stock (1 = everything the service needs) month by
month and reports how long the team takes to recover from the wave.

Assumptions
-----------
- The stock starts at the steady level that normal attrition and relearning sustain
  (below 1 when staff leave and nobody relearns instantly).
- Monthly departures are ``1 - (1 - annual_attrition)^(1/12)`` of the team, plus
  ``wave_size`` in month ``wave_month``. Leavers are replaced at once, by newcomers who know
  nothing of this client yet.
- Leavers take ``(1 - codified)`` of their share of the stock, where
  ``codified = kt_effort / (kt_effort + 0.1)`` (diminishing returns to documentation).
- The team relearns a share ``learning_rate x (1 + directory_boost x directory)`` of the
  missing knowledge each month; ``directory`` runs from 0 (none) to 1 (complete, up to date).
- Productive output is ``knowledge x (1 - kt_effort)``.
- Recovery: the first month after the wave in which the stock is back to within
  ``recovery_level`` of its level just before the wave.

Sources of defaults
-------------------
- The levers come from the research on knowledge retention at offshore suppliers
  (Oshri, Kotlarsky & Willcocks 2007, on expertise directories at Tata Consultancy Services)
  and on knowledge transfer in offshore networks (Rottman 2008). Those studies are
  qualitative: every number here (20% annual attrition, a 25% wave, the learning rate, the
  directory boost) is an illustrative assumption.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .params import declared, number, relation, share, whole
from .params import frame as _require_frame


@declared(
    # Four years on screen, so a wave's recovery is visible (the function's default is 36).
    months=whole("Months simulated", 1, 600, control=(12, 96, 1), start=48),
    # Attrition of 1 would mean the whole team leaves every year.
    annual_attrition=share(
        "Annual attrition", (0.0, 0.6, 0.05), open_high=True, grid=(0.1, 0.2, 0.3, 0.4)
    ),
    wave_month=whole("Wave in month (0 = no wave)", 0, 600, control=(1, 36, 1)),
    wave_size=share("Wave of departures (share)", (0.0, 0.6, 0.05), grid=(0.1, 0.25, 0.4)),
    kt_effort=share(
        "Time on knowledge transfer", (0.0, 0.4, 0.01), high=0.9, grid=(0.0, 0.05, 0.1, 0.2)
    ),
    directory=share("Who-knows-what directory", (0.0, 1.0, 0.1), grid=(0.0, 0.5, 1.0)),
    learning_rate=share("Knowledge relearned a month"),
    directory_boost=number("Relearning boost of a full directory", 0, 20),
    recovery_level=share("Share of the stock that counts as recovered"),
)
def knowledge_retention(
    months: int = 36,
    annual_attrition: float = 0.2,
    wave_month: int = 12,
    wave_size: float = 0.25,
    kt_effort: float = 0.05,
    directory: float = 0.0,
    learning_rate: float = 0.08,
    directory_boost: float = 1.5,
    recovery_level: float = 0.95,
) -> pd.DataFrame:
    """Month-by-month knowledge stock and output of a supplier team.

    Parameters
    ----------
    months : simulated months.
    annual_attrition : share of the team leaving in a normal year (0-1).
    wave_month, wave_size : month of a wave of departures and the share of the team it takes
        (``wave_size = 0`` for no wave).
    kt_effort : share of the team's time spent on knowledge transfer (0-0.9).
    directory : completeness of the "who knows what" directory, 0 to 1.
    learning_rate : share of the missing knowledge relearned per month without a directory.
    directory_boost : how much a complete directory multiplies relearning (1.5 = 2.5x).
    recovery_level : the share of the pre-wave stock that counts as recovered.

    Returns
    -------
    DataFrame ``month, departures, knowledge, output`` with ``attrs["recovery_months"]``
    (months from the wave to recovery; NaN if not recovered within the horizon, 0 without a
    wave) and ``attrs["knowledge_low"]`` (the lowest stock reached).
    """
    relation(
        "knowledge_retention", "wave_month", wave_month <= months,
        f"inside the {months} simulated months (or 0 for no wave)", wave_month,
    )  # fmt: skip

    monthly = 1 - (1 - annual_attrition) ** (1 / 12)
    codified = kt_effort / (kt_effort + 0.1)
    relearn = min(1.0, learning_rate * (1 + directory_boost * directory))
    departures = np.full(months, monthly)
    if 1 <= wave_month <= months:
        departures[wave_month - 1] = min(1.0, monthly + wave_size)

    # Start where normal attrition and relearning balance, so the wave's effect stands alone.
    loss = monthly * (1 - codified)
    level = relearn / (1 - (1 - relearn) * (1 - loss)) if relearn > 0 else 1.0
    stock = np.empty(months)
    for i in range(months):
        level -= departures[i] * level * (1 - codified)
        level += relearn * (1 - level)
        stock[i] = level

    frame = pd.DataFrame(
        {
            "month": np.arange(1, months + 1),
            "departures": departures,
            "knowledge": stock,
            "output": stock * (1 - kt_effort),
        }
    )
    frame.attrs["recovery_months"] = _recovery(stock, wave_month, wave_size, recovery_level)
    frame.attrs["knowledge_low"] = float(stock.min())
    return frame


def _recovery(stock: np.ndarray, wave_month: int, wave_size: float, level: float) -> float:
    if wave_size == 0 or not 1 <= wave_month <= len(stock):
        return 0.0
    before = stock[wave_month - 2] if wave_month >= 2 else 1.0
    after = stock[wave_month - 1 :]
    back = np.nonzero(after >= level * before)[0]
    return float(back[0]) if len(back) else math.nan


def retention_summary(frame: pd.DataFrame) -> dict[str, float]:
    """Headline numbers of a :func:`knowledge_retention` run."""
    _require_frame("retention_summary", frame, ["knowledge", "output"], "frame")
    return {
        "knowledge_low": float(frame["knowledge"].min()),
        "recovery_months": float(frame.attrs.get("recovery_months", math.nan)),
        "mean_output": float(frame["output"].mean()),
        "final_knowledge": float(frame["knowledge"].iloc[-1]),
    }
