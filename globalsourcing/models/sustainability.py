"""Model 8: relationship sustainability: how likely is a deal to be renewed?

Fits a logistic regression of contract renewal on three drivers, using the SYNTHETIC
``sourcing_decisions`` dataset (invented data whose directions follow published findings;
see its datasheet), and turns the fit into renewal probabilities a student can explore:

- **satisfaction**: the client's satisfaction with the deal (1-5);
- **value sharing**: whether the contract shares gains (gain-sharing or partnership
  contracts = 1, other contracts = 0);
- **switching costs**: how costly it is to leave, proxied by the size of the deal
  (log10 of annual contract value in $m).

The dataset has no direct measure of value sharing or switching costs, so the last two are
proxies chosen by the course; and because the data are synthetic, the fitted coefficients
show what the generator built in, not what happens in real deals. Only decisions with a
recorded renewal outcome (outsourced deals) are used.

Assumptions
-----------
- log-odds(renewal) = b0 + b1 x satisfaction + b2 x value_sharing + b3 x switching_costs,
  fitted by maximum likelihood (Newton-Raphson / IRLS in numpy, with a tiny ridge penalty so
  perfectly separated data still give finite estimates). Standard errors come from the
  inverse of the Fisher information.
- Any numeric column of the frame returned by :func:`renewal_features` may be used as a driver.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .params import ParameterError, choice, declared, number, share, whole
from .params import frame as _require_frame

# The range of each default driver, declared once: renewal_curve, renewal_probability and the
# widget's sliders all read it.
DRIVERS = {
    "satisfaction": number("Client satisfaction (1-5)", 1, 5, control=(1.0, 5.0, 0.5)),
    "value_sharing": share(
        "Value sharing (0 none, 1 gain-sharing)", (0.0, 1.0, 1.0), grid=(0.0, 1.0)
    ),
    "switching_costs": number(
        "Switching costs: log10 deal $m",
        -1,
        2.5,
        control=(-1.0, 2.5, 0.25),
        grid=(-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0),
    ),
}

DEFAULT_FEATURES = ("satisfaction", "value_sharing", "switching_costs")
VALUE_SHARING_CONTRACTS = ("gain_sharing", "partnership")
FEATURE_LABELS = {
    "satisfaction": "Client satisfaction (1-5)",
    "value_sharing": "Value sharing (gain-sharing or partnership contract)",
    "switching_costs": "Switching costs (log10 annual value, $m)",
    "savings_gap_pct": "Realised minus expected savings (points)",
    "contract_years": "Contract length (years)",
    "knowledge_transfer_pct": "Knowledge-transfer spend (% of first-year value)",
    "supplier_attrition_pct": "Supplier staff attrition (% a year)",
}


def renewal_features(decisions: pd.DataFrame) -> pd.DataFrame:
    """Derive the model's drivers from ``sourcing_decisions``, keeping decided deals only.

    Needs ``satisfaction, contract_type, annual_value_usd_m, renewed``; adds
    ``value_sharing``, ``switching_costs`` and, where the inputs exist, ``savings_gap_pct``.
    Returns a frame with ``renewed`` as 0/1 integers and no missing outcome.
    """
    _require_frame(
        "renewal_features",
        decisions,
        ["satisfaction", "contract_type", "annual_value_usd_m", "renewed"],
        "decisions",
    )
    decided = decisions[decisions["renewed"].notna()].copy()
    if decided.empty:
        raise ValueError("No decision in the data has a renewal outcome (column 'renewed').")
    if (decided["annual_value_usd_m"] <= 0).any():
        raise ValueError("annual_value_usd_m must be positive to take its logarithm.")
    decided["renewed"] = decided["renewed"].astype(bool).astype(int)
    decided["value_sharing"] = decided["contract_type"].isin(VALUE_SHARING_CONTRACTS).astype(int)
    decided["switching_costs"] = np.log10(decided["annual_value_usd_m"].astype(float))
    if {"realised_savings_pct", "expected_savings_pct"} <= set(decided.columns):
        decided["savings_gap_pct"] = (
            decided["realised_savings_pct"] - decided["expected_savings_pct"]
        )
    return decided.reset_index(drop=True)


@dataclass(frozen=True)
class RenewalModel:
    """A fitted logistic regression of renewal on a few drivers."""

    features: tuple[str, ...]
    intercept: float
    coefficients: np.ndarray
    std_errors: np.ndarray
    n: int
    renewal_rate: float
    log_likelihood: float
    pseudo_r2: float
    feature_means: np.ndarray

    def table(self) -> pd.DataFrame:
        """Coefficients with standard errors, z values and odds ratios (one row per term)."""
        names = ["intercept", *self.features]
        coef = np.r_[self.intercept, self.coefficients]
        return pd.DataFrame(
            {
                "term": names,
                "coefficient": coef,
                "std_error": self.std_errors,
                "z": coef / self.std_errors,
                "odds_ratio": np.exp(coef),
            }
        )


def fit_logistic(
    X: np.ndarray, y: np.ndarray, ridge: float = 1e-6, max_iter: int = 50
) -> tuple[np.ndarray, np.ndarray, float]:
    """Maximum-likelihood logistic regression by Newton-Raphson; ``X`` includes the intercept.

    Returns ``(beta, std_errors, log_likelihood)``.
    """
    beta = np.zeros(X.shape[1])
    penalty = ridge * np.eye(X.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(max_iter):
        p = 1 / (1 + np.exp(-(X @ beta)))
        w = p * (1 - p)
        hessian = X.T @ (X * w[:, None]) + penalty
        step = np.linalg.solve(hessian, X.T @ (y - p) - penalty @ beta)
        beta = beta + step
        if np.max(np.abs(step)) < 1e-10:
            break
    p = np.clip(1 / (1 + np.exp(-(X @ beta))), 1e-12, 1 - 1e-12)
    w = p * (1 - p)
    cov = np.linalg.inv(X.T @ (X * w[:, None]) + penalty)
    loglik = float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return beta, np.sqrt(np.diag(cov)), loglik


def fit_renewal_model(
    decisions: pd.DataFrame, features: tuple[str, ...] | list[str] = DEFAULT_FEATURES
) -> RenewalModel:
    """Fit renewal on ``features`` using :func:`renewal_features` of ``decisions``."""
    features = tuple(features)
    if not features:
        raise ValueError(f"Choose at least one driver, e.g. {list(DEFAULT_FEATURES)}.")
    data = renewal_features(decisions)
    _require_frame("fit_renewal_model", data, features, "the renewal data")
    data = data.dropna(subset=list(features))
    if len(data) <= len(features) + 1:
        raise ValueError(f"Only {len(data)} complete rows: too few to fit {len(features)} drivers.")
    y = data["renewed"].to_numpy(dtype=float)
    if y.min() == y.max():
        raise ValueError("Every deal has the same renewal outcome; the model cannot be fitted.")
    X = np.column_stack([np.ones(len(data)), data[list(features)].to_numpy(dtype=float)])
    beta, se, loglik = fit_logistic(X, y)
    rate = float(y.mean())
    null_loglik = len(y) * (rate * np.log(rate) + (1 - rate) * np.log(1 - rate))
    return RenewalModel(
        features=features,
        intercept=float(beta[0]),
        coefficients=beta[1:],
        std_errors=se,
        n=len(y),
        renewal_rate=rate,
        log_likelihood=loglik,
        pseudo_r2=float(1 - loglik / null_loglik),
        feature_means=X[:, 1:].mean(axis=0),
    )


def renewal_probability(model: RenewalModel, **drivers: float | np.ndarray) -> np.ndarray:
    """Renewal probability at the given driver values; drivers not given sit at their mean."""
    unknown = set(drivers) - set(model.features)
    if unknown:
        raise ValueError(
            f"The model has no driver(s) {sorted(unknown)}; it uses {list(model.features)}."
        )
    for name, value in drivers.items():
        if name in DRIVERS:
            try:
                values = np.asarray(value, dtype=float).ravel()
            except (TypeError, ValueError):
                raise ParameterError(
                    "renewal_probability", name, DRIVERS[name].requirement(), value
                ) from None
            # The extremes stand for the whole array (NaN propagates into both).
            for item in (values.min(), values.max()) if values.size else ():
                DRIVERS[name].check("renewal_probability", name, float(item))
    arrays = [
        np.asarray(drivers.get(f, model.feature_means[i]), dtype=float)
        for i, f in enumerate(model.features)
    ]
    logit = model.intercept + sum(c * a for c, a in zip(model.coefficients, arrays, strict=True))
    return 1 / (1 + np.exp(-np.asarray(logit, dtype=float)))


@declared(
    **DRIVERS,
    vary=choice("Curve over", tuple(DRIVERS)),
    points=whole("Points on the curve", 2, 10_000),
)
def renewal_curve(
    model: RenewalModel,
    satisfaction: float = 3.0,
    value_sharing: float = 0.0,
    switching_costs: float = 0.5,
    vary: str = "satisfaction",
    points: int = 21,
) -> pd.DataFrame:
    """Renewal probability as one driver sweeps its range, the others held fixed.

    Works with the default drivers. Returns ``driver_value, probability``, plus
    ``attrs["at_setting"]``: the probability at the given setting.
    """
    ranges = {name: (p.low, p.high) for name, p in DRIVERS.items()}
    setting = {
        "satisfaction": satisfaction,
        "value_sharing": value_sharing,
        "switching_costs": switching_costs,
    }
    setting = {k: v for k, v in setting.items() if k in model.features}
    grid = np.linspace(*ranges[vary], points)
    probs = (
        renewal_probability(model, **{**setting, vary: grid})
        if vary in model.features
        else np.full(points, renewal_probability(model, **setting))
    )
    frame = pd.DataFrame({"driver_value": grid, "probability": np.broadcast_to(probs, grid.shape)})
    frame.attrs["at_setting"] = float(renewal_probability(model, **setting))
    return frame
