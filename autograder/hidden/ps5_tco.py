"""Hidden tests for ps5_tco: reference values for the baseline and other inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from globalsourcing.checks import as_number, expect_frame_equal, expect_number, fail

FTE, ONSHORE, RATE, LOSS, GOVERNANCE, TRANSITION, YEARS = (
    40,
    52_000,
    26_000,
    0.20,
    0.10,
    1_600_000,
    5,
)


def _offshore(fte, rate, loss, governance):
    return fte * (1 + loss) * rate * (1 + governance)


def _table(rate=RATE, loss=LOSS, governance=GOVERNANCE) -> pd.DataFrame:
    years = np.arange(1, YEARS + 1)
    offshore = _offshore(FTE, rate, loss, governance) + np.where(years == 1, TRANSITION, 0)
    saving = FTE * ONSHORE - offshore
    return pd.DataFrame(
        {
            "year": years,
            "onshore_cost": FTE * ONSHORE,
            "offshore_cost": offshore,
            "saving": saving,
            "cumulative_saving": saving.cumsum(),
        }
    )


def q1(offshore_annual_cost) -> None:
    for args in [(40, 26_000, 0.2, 0.1), (12, 31_500, 0.35, 0.07), (1, 1, 1.0, 1.0)]:
        got = as_number(offshore_annual_cost(*args), "offshore_annual_cost(...)")
        want = _offshore(*args)
        additive = args[0] * args[1] * (1 + args[2] + args[3])
        if np.isclose(got, additive, rtol=1e-9) and not np.isclose(got, want, rtol=1e-9):
            fail(
                "offshore_annual_cost adds the productivity loss and the governance share. "
                "Governance is a share of the supplier fees, and those fees already pay for the "
                "extra staff that the productivity loss requires."
            )
        if not np.isclose(got, want, rtol=1e-9):
            fail(
                "offshore_annual_cost gives a wrong result when productivity loss and governance "
                "are both non-zero. Re-read how each hidden cost enters the formula."
            )


def q2(cost_table) -> None:
    reference = _table()
    expect_frame_equal(cost_table, reference, "cost_table", keys=["year"], rel=1e-6)


def q3(break_even_year, cost_table) -> None:
    expect_number(break_even_year, 3, "break_even_year", rel=0, abs_tol=1e-9)


def q4(break_even_rate) -> None:
    want = (FTE * ONSHORE - TRANSITION / YEARS) / (FTE * (1 + LOSS) * (1 + GOVERNANCE))
    expect_number(
        break_even_rate,
        want,
        "break_even_rate",
        rel=5e-4,
        hints=[
            (
                (FTE * ONSHORE) / (FTE * (1 + LOSS) * (1 + GOVERNANCE)),
                "This rate ignores the one-off transition cost; the five-year saving must pay it back.",
            )
        ],
    )


def q5(sensitivity) -> None:
    losses = [0.0, 0.15, 0.3, 0.45, 0.6]
    shares = [0.05, 0.10, 0.15, 0.20]
    rows = [
        {
            "productivity_loss": loss,
            "governance_pct": share,
            "saving": _table(loss=loss, governance=share)["cumulative_saving"].iloc[-1],
        }
        for loss in losses
        for share in shares
    ]
    reference = pd.DataFrame(rows)
    try:
        long = sensitivity.stack().rename("saving").reset_index()
        long.columns = ["productivity_loss", "governance_pct", "saving"]
        long["productivity_loss"] = long["productivity_loss"].astype(float).round(6)
        long["governance_pct"] = long["governance_pct"].astype(float).round(6)
    except Exception:
        fail(
            "`sensitivity` should have the productivity losses as index and the shares as columns."
        )
    expect_frame_equal(
        long, reference, "sensitivity", keys=["productivity_loss", "governance_pct"], rel=1e-6
    )
