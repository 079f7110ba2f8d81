"""Model 3: the sourcing decision matrix for a portfolio of back-office activities.

Each activity is placed on two axes: its business contribution (does it set the firm apart,
a differentiator, or is it a commodity every firm needs?) and the market comparison (can the
supplier market do it better or cheaper than the in-house team?). The quadrant gives a
recommendation and the reason for it. This is the course's synthesis of the selective-sourcing
framework of Lacity, Willcocks and Feeny (republished as Lacity & Willcocks 2009, ch. 13) and
of the contracting options in Lacity & Willcocks (1998); it is not a quotation of the 2008 paper.

Assumptions
-----------
- Both axes are scores from 0 to 1; an activity is a differentiator when its contribution
  score is at least ``contribution_threshold`` and the market is better when its market score
  is at least ``market_threshold`` (both 0.5 by default).
- An activity within ``margin`` of either threshold is flagged ``borderline``: a small change
  in judgement would move it, so the recommendation deserves a second look.
- The scores in ``DEFAULT_PORTFOLIO`` are illustrative judgements for a generic firm, not data.

Recommendations
---------------
- differentiator, market worse: **Insource**.
- differentiator, market better: **Buy in resources** (supplier staff under in-house management).
- commodity, market better: **Outsource selectively** (detailed fee-for-service contract).
- commodity, market worse: **Partner** (share the cost of transforming it, as in an
  enterprise partnership; Lacity, Feeny & Willcocks 2003), or keep and re-test the market.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import declared, share
from .params import frame as _require_frame

RECOMMENDATIONS = ("Insource", "Buy in resources", "Outsource selectively", "Partner")

_REASONS = {
    "Insource": (
        "It sets the firm apart and no supplier does it better: keep it in-house and invest "
        "in the team."
    ),
    "Buy in resources": (
        "It sets the firm apart, but the market has skills the firm lacks: hire supplier "
        "staff to work under in-house management, so control stays inside."
    ),
    "Outsource selectively": (
        "Any firm needs it and suppliers do it better or cheaper: pass it to the market on a "
        "detailed fee-for-service contract and keep the capability to manage the supplier."
    ),
    "Partner": (
        "It does not set the firm apart, yet no supplier beats the in-house team today: share "
        "the cost and risk of transforming it with a partner, or keep it and test the market "
        "again with an internal bid."
    ),
}

#: Illustrative back-office portfolio (scores are teaching judgements, not measurements).
DEFAULT_PORTFOLIO = pd.DataFrame(
    [
        ("Payroll processing", 0.10, 0.85),
        ("Data-centre operations", 0.20, 0.75),
        ("IT help desk", 0.25, 0.70),
        ("Accounts payable", 0.15, 0.65),
        ("HR administration", 0.20, 0.35),
        ("Procurement of indirect goods", 0.35, 0.45),
        ("Claims processing (insurer)", 0.55, 0.40),
        ("Pricing and risk analytics", 0.85, 0.30),
        ("Customer-facing mobile app", 0.80, 0.65),
        ("ERP upgrade project", 0.45, 0.80),
        ("IT architecture planning", 0.90, 0.20),
        ("Legacy application maintenance", 0.30, 0.60),
    ],
    columns=["activity", "business_contribution", "market_comparison"],
)


@declared(
    contribution_threshold=share(
        "Differentiator from score", (0.05, 0.95, 0.05), grid=(0.3, 0.4, 0.5, 0.6, 0.7)
    ),
    market_threshold=share(
        "Market better from score", (0.05, 0.95, 0.05), grid=(0.3, 0.4, 0.5, 0.6, 0.7)
    ),
    margin=share("Borderline within", (0.0, 0.3, 0.05)),
)
def decision_matrix(
    activities: pd.DataFrame | None = None,
    contribution_threshold: float = 0.5,
    market_threshold: float = 0.5,
    margin: float = 0.1,
) -> pd.DataFrame:
    """Place each activity in the matrix and recommend a sourcing option with its reason.

    Parameters
    ----------
    activities : DataFrame with ``activity`` (name), ``business_contribution`` (0 = pure
        commodity, 1 = strong differentiator) and ``market_comparison`` (0 = the in-house team
        is far better, 1 = the market is far better). Defaults to ``DEFAULT_PORTFOLIO``.
    contribution_threshold, market_threshold : where the axes are split (0-1).
    margin : distance from a threshold within which an activity is flagged ``borderline``.

    Returns
    -------
    The activities with ``contribution`` ("Differentiator"/"Commodity"), ``market``
    ("Market better"/"Market worse"), ``recommendation``, ``reason`` and ``borderline``.
    """
    activities = DEFAULT_PORTFOLIO if activities is None else activities
    _require_frame(
        "decision_matrix",
        activities,
        ["activity", "business_contribution", "market_comparison"],
        "activities",
    )
    scores = activities[["business_contribution", "market_comparison"]].to_numpy(dtype=float)
    if np.isnan(scores).any() or (scores < 0).any() or (scores > 1).any():
        raise ValueError(
            "business_contribution and market_comparison must be scores between 0 and 1 "
            "with no missing values."
        )
    differentiator = scores[:, 0] >= contribution_threshold
    better = scores[:, 1] >= market_threshold
    recommendation = np.select(
        [differentiator & ~better, differentiator & better, ~differentiator & better],
        list(RECOMMENDATIONS[:3]),
        default=RECOMMENDATIONS[3],
    )
    result = activities[["activity", "business_contribution", "market_comparison"]].copy()
    result["contribution"] = np.where(differentiator, "Differentiator", "Commodity")
    result["market"] = np.where(better, "Market better", "Market worse")
    result["recommendation"] = recommendation
    result["reason"] = [_REASONS[r] for r in recommendation]
    result["borderline"] = (np.abs(scores[:, 0] - contribution_threshold) < margin) | (
        np.abs(scores[:, 1] - market_threshold) < margin
    )
    return result.reset_index(drop=True)


def portfolio_mix(matrix: pd.DataFrame) -> pd.DataFrame:
    """Count the activities per recommendation (all four appear, possibly with zero)."""
    _require_frame("portfolio_mix", matrix, ["recommendation"], "matrix")
    counts = matrix["recommendation"].value_counts().reindex(RECOMMENDATIONS, fill_value=0)
    return counts.rename_axis("recommendation").reset_index(name="activities")
