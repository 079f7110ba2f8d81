"""Interactive models of sourcing decisions: pure functions, parameters and DataFrames in,
DataFrames out. The widgets in :mod:`globalsourcing.widgets` and the exhibits in
:mod:`globalsourcing.exhibits.catalog` call these; nothing here draws or displays anything.

Each module's docstring lists its assumptions and the sources of its default values.
"""

from .captive import captive_economics, captive_ranking
from .contracts import contract_summary, simulate_contracts
from .decision_matrix import DEFAULT_PORTFOLIO, decision_matrix, portfolio_mix
from .knowledge import knowledge_retention, retention_summary
from .location import compare_with_gsli, gsli_weights, latest_available, location_index
from .market import cagr, estimate_spread, implied_growth, market_table, project_market
from .service_credits import chosen_effort, credit_schedule, effort_incentive, expected_credit
from .sustainability import (
    RenewalModel,
    fit_renewal_model,
    renewal_curve,
    renewal_features,
    renewal_probability,
)
from .tco import offshore_tco, tco_break_even

__all__ = [
    "DEFAULT_PORTFOLIO",
    "RenewalModel",
    "cagr",
    "captive_economics",
    "captive_ranking",
    "chosen_effort",
    "compare_with_gsli",
    "contract_summary",
    "credit_schedule",
    "decision_matrix",
    "effort_incentive",
    "estimate_spread",
    "expected_credit",
    "fit_renewal_model",
    "gsli_weights",
    "implied_growth",
    "knowledge_retention",
    "latest_available",
    "location_index",
    "market_table",
    "offshore_tco",
    "portfolio_mix",
    "project_market",
    "renewal_curve",
    "renewal_features",
    "renewal_probability",
    "retention_summary",
    "simulate_contracts",
    "tco_break_even",
]
