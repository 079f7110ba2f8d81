"""Model 4: contract incentives and the winner's curse, by seeded Monte Carlo simulation.

A client puts a back-office service out to tender and demands a saving on its in-house cost.
Several suppliers estimate what the service will cost them; each estimate is noisy. Each
bids its estimate plus a markup, but no bid may exceed the price the client will accept, so
eager suppliers cut their bids to that cap. The lowest bid wins, and the lowest bid is often
the one that underestimated the cost most: the winner's curse (Kern, Willcocks & van Heck 2002).
The model then prices the same deal under three contracts and shows who bears the surprise:

- fixed price: the client pays the winning bid, the supplier absorbs any overrun;
- time and materials: the client pays the true cost plus the markup, and bears the overrun;
- gain-sharing: the client pays the bid plus ``client_share`` of the gap between true and
  bid cost (0 = fixed price, 1 = cost plus a fixed fee).

A supplier whose margin falls below ``distress_margin`` is "in distress": that is where
service cuts, change-order disputes and early renegotiation (the relational trauma of the
winner's curse) begin.

Assumptions
-----------
- Costs are an index: the client's in-house cost is 100. The supplier's true cost is
  ``supplier_cost`` x 100 times a lognormal shock with log-sd ``cost_uncertainty``; it is the
  same for every bidder (a common-value auction), and each bidder's estimate adds its own
  lognormal error of log-sd ``estimate_error``.
- Every bidder bids ``min(estimate x (1 + markup), cap)`` with cap = 100 x (1 - sought_saving);
  ``underbid`` cuts every bid by that share (buying the deal).
- Margins are (payment - true cost) / payment. Draws are seeded; one call is deterministic.

Sources of defaults
-------------------
- ``sought_saving`` = 0.2: clients in Kern, Willcocks & van Heck (2002) typically sought
  savings of 10-40%; 20% is inside that range.
- ``n_bidders``, ``supplier_cost``, ``cost_uncertainty``, ``estimate_error``, ``markup``,
  ``client_share`` and ``distress_margin`` are illustrative assumptions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import declared, number, share, whole
from .params import frame as _require_frame

CONTRACTS = ("Fixed price", "Time and materials", "Gain-sharing")


@declared(
    n_bidders=whole("Bidders", 1, 100, control=(1, 12, 1), grid=(1, 2, 4, 8)),
    # A cut of 100% leaves no price, so the demanded saving and the under-bid stay below 1.
    sought_saving=share("Saving the client demands", (0.0, 0.5, 0.05), open_high=True,
                        grid=(0.1, 0.2, 0.3, 0.4)),
    supplier_cost=number("Supplier's cost / in-house cost", 0, 5, open_low=True),
    cost_uncertainty=number("Cost uncertainty (log-sd)", 0, 2, control=(0.0, 0.5, 0.05)),
    estimate_error=number("Bidders' estimate error", 0, 2, control=(0.0, 0.4, 0.05)),
    markup=number("Markup on estimated cost", 0, 5, control=(0.0, 0.4, 0.01)),
    underbid=share("Deliberate under-bid", (0.0, 0.3, 0.01), open_high=True,
                   grid=(0.0, 0.1, 0.2)),
    client_share=share("Client share of over/under-run", (0.0, 1.0, 0.1)),
    distress_margin=number("Margin below which a supplier is in distress", -1, 1,
                           open_low=True, open_high=True),
    n_deals=whole("Simulated deals", 1, 1_000_000),
    seed=whole("Random seed", 0),
)  # fmt: skip
def simulate_contracts(
    n_bidders: int = 4,
    sought_saving: float = 0.2,
    supplier_cost: float = 0.7,
    cost_uncertainty: float = 0.15,
    estimate_error: float = 0.10,
    markup: float = 0.15,
    underbid: float = 0.0,
    client_share: float = 0.5,
    distress_margin: float = 0.0,
    n_deals: int = 2000,
    seed: int = 2008,
) -> pd.DataFrame:
    """Simulate ``n_deals`` tenders and price each under the three contract types.

    Returns a long DataFrame, one row per deal and contract: ``deal, contract, true_cost,
    bid, payment, client_cost_pct`` (payment as % of the in-house cost of 100),
    ``supplier_margin`` (share of payment) and ``distress`` (margin below ``distress_margin``).
    """
    rng = np.random.default_rng(seed)
    baseline = 100.0
    true_cost = (
        baseline
        * supplier_cost
        * np.exp(rng.normal(0.0, cost_uncertainty, n_deals) - cost_uncertainty**2 / 2)
    )
    errors = rng.normal(0.0, estimate_error, (n_deals, n_bidders)) - estimate_error**2 / 2
    estimates = true_cost[:, None] * np.exp(errors)
    cap = baseline * (1 - sought_saving)
    bids = np.minimum(estimates * (1 + markup), cap) * (1 - underbid)
    winner = bids.argmin(axis=1)
    rows = np.arange(n_deals)
    bid = bids[rows, winner]
    bid_cost = bid / (1 + markup)  # the cost the winning price implies

    payments = {
        "Fixed price": bid,
        "Time and materials": true_cost * (1 + markup),
        "Gain-sharing": bid + client_share * (true_cost - bid_cost),
    }
    frames = []
    for contract, payment in payments.items():
        margin = (payment - true_cost) / payment
        frames.append(
            pd.DataFrame(
                {
                    "deal": rows,
                    "contract": contract,
                    "true_cost": true_cost,
                    "bid": bid,
                    "payment": payment,
                    "client_cost_pct": payment / baseline * 100,
                    "supplier_margin": margin,
                    "distress": margin < distress_margin,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def contract_summary(draws: pd.DataFrame) -> pd.DataFrame:
    """One row per contract: mean and spread of client cost and supplier margin, and risk.

    Columns: ``contract, mean_client_cost_pct, p90_client_cost_pct, mean_margin, p10_margin,
    distress_rate`` (share of deals with the supplier in distress) and ``winners_curse_rate``
    (share of deals where the winner's price did not cover its true cost plus zero margin,
    i.e. the bid was below the true cost).
    """
    _require_frame(
        "contract_summary",
        draws,
        ["contract", "client_cost_pct", "supplier_margin", "distress", "bid", "true_cost"],
        "draws",
    )
    grouped = draws.groupby("contract", sort=False)
    summary = pd.DataFrame(
        {
            "mean_client_cost_pct": grouped["client_cost_pct"].mean(),
            "p90_client_cost_pct": grouped["client_cost_pct"].quantile(0.9),
            "mean_margin": grouped["supplier_margin"].mean(),
            "p10_margin": grouped["supplier_margin"].quantile(0.1),
            "distress_rate": grouped["distress"].mean(),
            "winners_curse_rate": grouped.apply(
                lambda g: float((g["bid"] < g["true_cost"]).mean()), include_groups=False
            ),
        }
    )
    return summary.rename_axis("contract").reset_index()
