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

from ._checks import fraction, non_negative, whole_number


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
    whole_number(months=months)
    whole_number(minimum=0, wave_month=wave_month)
    fraction(
        annual_attrition=annual_attrition,
        wave_size=wave_size,
        directory=directory,
        learning_rate=learning_rate,
        recovery_level=recovery_level,
    )
    non_negative(directory_boost=directory_boost, kt_effort=kt_effort)
    if kt_effort > 0.9:
        raise ValueError(f"kt_effort is a share of working time up to 0.9, got {kt_effort!r}.")
    if annual_attrition == 1:
        raise ValueError("annual_attrition of 1 means the whole team leaves every year; use < 1.")

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
    from ._checks import has_columns

    has_columns(frame, ["knowledge", "output"], "The knowledge frame")
    return {
        "knowledge_low": float(frame["knowledge"].min()),
        "recovery_months": float(frame.attrs.get("recovery_months", math.nan)),
        "mean_output": float(frame["output"].mean()),
        "final_knowledge": float(frame["knowledge"].iloc[-1]),
    }
