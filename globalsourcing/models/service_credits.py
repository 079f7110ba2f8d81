"""Model 9: a service-credit regime, what it costs the supplier, and the effort it buys.

An outsourcing contract names a few *critical service levels* (CSLs). When the supplier misses
one in a month, the client deducts a service credit from that month's invoice. Three numbers
set the regime:

- the **at-risk amount**: the most the supplier can lose in a month, as a share of the
  monthly charge (``at_risk``);
- the **allocation pool**: the CSL allocations added up, as a multiple of the at-risk amount
  (``pool``). A pool above 1 (above 100%) lets the client weight the levels heavily while the
  at-risk amount still caps the month's total. Here the pool is split equally, so one miss
  costs ``at_risk x pool / n_levels`` of the charge;
- **earn-back**: a share of a credit (``earn_back``) is paid back if the supplier meets that
  service level in each of the next ``earn_back_months`` months.

The incentive side asks what the regime makes a supplier do. Extra effort (0 = business as
usual, 1 = the most the supplier could do) lowers the chance that each CSL is missed in a
month, linearly from ``miss_without_effort`` to ``miss_with_full_effort``, and costs the
supplier ``effort_cost x effort**2`` a month (rising marginal cost). A supplier that weighs
only its own money picks the effort that minimises expected credits plus effort cost. The
client also loses ``failure_cost`` of business value per miss, which credits do not make good;
the effort that minimises the two parties' costs together is shown beside the supplier's
choice.

Assumptions
-----------
- Money is an index: the monthly charge is 100 unless given, so credits read as % of charge.
- CSLs are missed independently with the same probability, so the number of misses in a
  month is binomial; the month's credit is ``min(misses x credit per miss, at-risk amount)``.
- Earn-back is judged per credit: it is paid with probability ``(1 - p) ** earn_back_months``.
- One month stands for every month: no learning, no termination for repeated failure.

Sources of defaults
-------------------
- ``at_risk`` = 0.12: a practitioner reported 10-12% of the monthly invoice as usual, and
  credits as a signal rather than compensation (Trowbridge, Alsbridge, 2010, via the course's
  depth brief); these are reported practice, not a survey.
- ``pool``, ``n_levels``, miss probabilities, ``effort_cost``, ``failure_cost`` and the
  earn-back settings are illustrative assumptions for teaching.
"""

from __future__ import annotations

from math import comb

import numpy as np
import pandas as pd

from .params import declared, number, relation, share, whole

_REGIME = {
    "monthly_charge": number("Monthly charge", 0, open_low=True),
    "at_risk": share("At-risk amount (share of monthly charge)", (0.0, 0.2, 0.01),
                     grid=tuple(r / 100 for r in range(0, 21, 2))),
    "pool": number("Allocation pool (x at-risk amount)", 0, 10, control=(1.0, 3.0, 0.5),
                   open_low=True, grid=(1.0, 1.5, 2.0, 2.5, 3.0)),
    "n_levels": whole("Critical service levels", 1, 20, control=(1, 10, 1)),
}  # fmt: skip
_EARN_BACK = {
    "earn_back": share("Share of a credit that can be earned back", (0.0, 1.0, 0.5),
                       grid=(0.0, 0.5, 1.0)),
    "earn_back_months": whole("Months of meeting the level to earn back", 1, 24,
                              control=(1, 12, 1)),
}  # fmt: skip


def _capped_credits(at_risk_amount: float, per_miss: float, n_levels: int) -> np.ndarray:
    """Credit in a month with 0, 1, ..., n_levels misses."""
    return np.minimum(np.arange(n_levels + 1) * per_miss, at_risk_amount)


def _miss_odds(p: float, n_levels: int) -> np.ndarray:
    return np.array([comb(n_levels, k) * p**k * (1 - p) ** (n_levels - k)
                     for k in range(n_levels + 1)])  # fmt: skip


@declared(**_REGIME)
def credit_schedule(
    monthly_charge: float = 100.0, at_risk: float = 0.12, pool: float = 1.5, n_levels: int = 5
) -> pd.DataFrame:
    """The credit owed in a month with 0, 1, ..., ``n_levels`` critical service levels missed.

    Columns: ``misses``, ``uncapped_credit`` (misses x credit per miss), ``credit`` (capped at
    the at-risk amount), ``credit_share`` (credit / monthly charge) and ``capped`` (the cap
    binds). With the defaults one miss costs 12 x 1.5 / 5 = 3.6 and four or more cost the
    whole at-risk amount of 12.
    """
    at_risk_amount = monthly_charge * at_risk
    per_miss = at_risk_amount * pool / n_levels
    misses = np.arange(n_levels + 1)
    uncapped = misses * per_miss
    credit = _capped_credits(at_risk_amount, per_miss, n_levels)
    return pd.DataFrame(
        {
            "misses": misses,
            "uncapped_credit": uncapped,
            "credit": credit,
            "credit_share": credit / monthly_charge,
            "capped": uncapped > at_risk_amount,
        }
    )


@declared(
    **_REGIME,
    miss_probability=share("Chance each CSL is missed in a month", (0.0, 0.5, 0.01)),
    **_EARN_BACK,
)
def expected_credit(
    monthly_charge: float = 100.0,
    at_risk: float = 0.12,
    pool: float = 1.5,
    n_levels: int = 5,
    miss_probability: float = 0.1,
    earn_back: float = 0.0,
    earn_back_months: int = 3,
) -> dict[str, float]:
    """The supplier's expected credit in a month, before and after earn-back.

    Returns ``at_risk_amount``, ``credit_per_miss``, ``expected_misses``,
    ``expected_gross_credit`` (after the cap), ``earn_back_probability``,
    ``expected_net_credit`` and ``net_credit_share`` (of the monthly charge).
    """
    at_risk_amount = monthly_charge * at_risk
    per_miss = at_risk_amount * pool / n_levels
    gross = float(
        _miss_odds(miss_probability, n_levels) @ _capped_credits(at_risk_amount, per_miss, n_levels)
    )
    earned = (1 - miss_probability) ** earn_back_months
    net = gross * (1 - earn_back * earned)
    return {
        "at_risk_amount": at_risk_amount,
        "credit_per_miss": per_miss,
        "expected_misses": n_levels * miss_probability,
        "expected_gross_credit": gross,
        "earn_back_probability": earned,
        "expected_net_credit": net,
        "net_credit_share": net / monthly_charge,
    }


@declared(
    **_REGIME,
    **_EARN_BACK,
    miss_without_effort=share("Miss chance per CSL with no extra effort", (0.05, 0.5, 0.05)),
    miss_with_full_effort=share("Miss chance per CSL with full effort", (0.0, 0.1, 0.01)),
    effort_cost=number(
        "Monthly cost of full extra effort",
        0,
        control=(0.0, 10.0, 1.0),
        grid=tuple(float(c) for c in range(11)),
    ),
    failure_cost=number("Client's business loss per miss", 0, control=(0.0, 30.0, 1.0)),
    # The book's exhibit evaluates effort in steps of 10%; the function's default is finer.
    steps=whole("Effort levels to evaluate", 2, 1001, start=11),
)
def effort_incentive(
    monthly_charge: float = 100.0,
    at_risk: float = 0.12,
    pool: float = 1.5,
    n_levels: int = 5,
    earn_back: float = 0.0,
    earn_back_months: int = 3,
    miss_without_effort: float = 0.25,
    miss_with_full_effort: float = 0.02,
    effort_cost: float = 4.0,
    failure_cost: float = 10.0,
    steps: int = 21,
) -> pd.DataFrame:
    """Expected monthly costs at each level of extra effort, and the effort each side prefers.

    One row per effort level from 0 to 1: ``effort``, ``miss_probability``,
    ``expected_credit`` (net of earn-back), ``effort_cost``, ``supplier_cost`` (credit plus
    effort), ``client_loss`` (business loss from misses less the credits received),
    ``joint_cost`` (business loss plus effort: the credit only moves money between the two),
    ``supplier_choice`` (True on the effort that minimises ``supplier_cost``) and
    ``joint_best`` (True on the effort that minimises ``joint_cost``).
    """
    relation(
        "effort_incentive",
        "miss_with_full_effort",
        miss_with_full_effort <= miss_without_effort,
        f"at most miss_without_effort ({miss_without_effort:g}): effort cannot raise misses",
        miss_with_full_effort,
    )
    effort = np.linspace(0.0, 1.0, steps)
    miss = miss_without_effort - (miss_without_effort - miss_with_full_effort) * effort
    credit = np.array(
        [
            expected_credit(monthly_charge, at_risk, pool, n_levels, float(p), earn_back,
                            earn_back_months)["expected_net_credit"]
            for p in miss
        ]
    )  # fmt: skip
    cost = effort_cost * effort**2
    business_loss = failure_cost * n_levels * miss
    supplier_cost = credit + cost
    joint_cost = business_loss + cost
    frame = pd.DataFrame(
        {
            "effort": effort,
            "miss_probability": miss,
            "expected_credit": credit,
            "effort_cost": cost,
            "supplier_cost": supplier_cost,
            "client_loss": business_loss - credit,
            "joint_cost": joint_cost,
        }
    )
    frame["supplier_choice"] = frame.index == int(np.argmin(supplier_cost.round(9)))
    frame["joint_best"] = frame.index == int(np.argmin(joint_cost.round(9)))
    return frame


def chosen_effort(frame: pd.DataFrame) -> dict[str, float]:
    """The supplier's choice and the joint best from an :func:`effort_incentive` table."""
    mine = frame.loc[frame["supplier_choice"]].iloc[0]
    best = frame.loc[frame["joint_best"]].iloc[0]
    return {
        "supplier_effort": float(mine["effort"]),
        "supplier_expected_credit": float(mine["expected_credit"]),
        "joint_best_effort": float(best["effort"]),
        "effort_gap": float(best["effort"] - mine["effort"]),
    }
