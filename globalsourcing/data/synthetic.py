"""Generator for the SYNTHETIC ``sourcing_decisions`` dataset.

The numbers are invented. Only the *directions* of five effects follow the
published findings of Lacity and Willcocks (MIS Quarterly, 1998): selective
sourcing beats total outsourcing and total insourcing, joint business-and-IT
decisions beat either group alone, inviting internal and external bids beats
external bids only, short contracts beat long ones, and detailed fee-for-service
contracts beat loose ones. Two more directions follow the same programme's later
work (knowledge-transfer investment helps, supplier attrition hurts). Contrasts the
research never published (total outsourcing against total insourcing, business-only
against IT-only decisions, the other contract types) have no built-in effect. Every
magnitude is illustrative and deliberately different from the unverified success
rates that circulate for those studies.

Run ``python -m globalsourcing.data.synthetic`` to rewrite the committed CSV;
``tests/datasets`` checks that this reproduces the file byte for byte.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import numpy as np

SEED = 20080222  # the 2008 paper's online publication date
N_DECISIONS = 2400

INDUSTRIES = {
    "financial_services": 0.22,
    "manufacturing": 0.18,
    "public_sector": 0.14,
    "retail": 0.10,
    "energy_utilities": 0.09,
    "telecommunications": 0.09,
    "healthcare": 0.09,
    "professional_services": 0.09,
}
SIZES = {"small": 0.15, "medium": 0.30, "large": 0.35, "very_large": 0.20}
FUNCTIONS = {
    "it_infrastructure": 0.20,
    "applications": 0.22,
    "finance_accounting": 0.13,
    "hr": 0.10,
    "procurement": 0.08,
    "customer_contact": 0.15,
    "knowledge_work": 0.12,
}
SCOPES = {"selective": 0.55, "total_outsourcing": 0.25, "total_insourcing": 0.20}
EXTERNAL_MODELS = {
    "domestic_outsourcing": 0.30,
    "offshore_outsourcing": 0.25,
    "nearshore": 0.12,
    "rural_sourcing": 0.06,
    "freelance_platform": 0.07,
    "asp_saas": 0.20,
}
INTERNAL_MODELS = {"in_house": 0.75, "captive_centre": 0.25}
DECISION_MAKERS = {"joint": 0.45, "business_only": 0.30, "it_only": 0.25}
BID_PROCESSES = {"internal_and_external": 0.45, "external_only": 0.55}
CONTRACT_TYPES = {
    "detailed_fee_for_service": 0.30,
    "loose_fee_for_service": 0.25,
    "time_and_materials": 0.20,
    "partnership": 0.15,
    "gain_sharing": 0.10,
}

# Illustrative effects on a latent "how well did it go" score (standard-normal noise).
# Directions come from the sources named in the datasheet; sizes are invented.
# A contrast the research never published gets no effect: total outsourcing and total
# insourcing share one value, as do business-only and IT-only decisions, and the contract
# types other than the two fee-for-service forms sit at the loose form's zero.
EFFECT_SCOPE = {"selective": 0.36, "total_outsourcing": 0.0, "total_insourcing": 0.0}
EFFECT_DECISION = {"joint": 0.30, "business_only": 0.0, "it_only": 0.0}
EFFECT_BIDS = {"internal_and_external": 0.28, "external_only": 0.0}
EFFECT_YEARS_PER_YEAR_OVER_3 = -0.06
EFFECT_CONTRACT = {
    "detailed_fee_for_service": 0.30,
    "loose_fee_for_service": 0.0,
    "time_and_materials": 0.0,
    "partnership": 0.0,
    "gain_sharing": 0.0,
}
EFFECT_PER_KT_POINT = 0.04  # per percentage point of first-year value spent on knowledge transfer
EFFECT_PER_ATTRITION_POINT = -0.02  # per percentage point of annual supplier attrition
BASELINE = -0.22

COLUMNS = [
    "decision_id",
    "decision_year",
    "client_industry",
    "client_size",
    "function",
    "scope",
    "sourcing_model",
    "decision_makers",
    "bid_process",
    "contract_type",
    "contract_years",
    "annual_value_usd_m",
    "supplier_attrition_pct",
    "knowledge_transfer_pct",
    "expected_savings_pct",
    "realised_savings_pct",
    "savings_achieved",
    "satisfaction",
    "renewed",
    "terminated_early",
    "brought_back_in_house",
]


def _pick(rng: np.random.Generator, options: dict[str, float], n: int) -> np.ndarray:
    labels = np.array(list(options))
    weights = np.array(list(options.values()))
    return rng.choice(labels, size=n, p=weights / weights.sum())


def _logistic(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def generate(n: int = N_DECISIONS, seed: int = SEED):
    """Return the synthetic decisions as a DataFrame (same seed, same frame)."""
    import pandas as pd

    rng = np.random.Generator(np.random.PCG64(seed))
    year = rng.integers(1991, 2008, size=n)  # the programme's case base spans these years
    industry = _pick(rng, INDUSTRIES, n)
    size = _pick(rng, SIZES, n)
    function = _pick(rng, FUNCTIONS, n)
    scope = _pick(rng, SCOPES, n)
    insourced = scope == "total_insourcing"
    model = np.where(
        insourced, _pick(rng, INTERNAL_MODELS, n), _pick(rng, EXTERNAL_MODELS, n)
    ).astype(object)
    makers = _pick(rng, DECISION_MAKERS, n)
    bids = _pick(rng, BID_PROCESSES, n)
    contract = _pick(rng, CONTRACT_TYPES, n).astype(object)

    # Total outsourcing deals tend to run longer and cost more: a built-in confounder.
    mean_years = np.where(scope == "total_outsourcing", 7.0, np.where(insourced, 4.0, 3.5))
    years = np.clip(np.rint(rng.normal(mean_years, 2.0)), 1, 12).astype(int)
    size_scale = (
        pd.Series(size)
        .map({"small": 0.6, "medium": 2.5, "large": 9.0, "very_large": 30.0})
        .to_numpy()
    )
    scope_scale = np.where(scope == "total_outsourcing", 3.0, 1.0)
    value = np.round(size_scale * scope_scale * rng.lognormal(0.0, 0.6, n), 2)
    attrition = np.round(np.clip(rng.normal(14.0, 6.0, n), 2.0, 45.0), 1)
    kt = np.round(np.clip(rng.gamma(2.0, 2.0, n), 0.0, 20.0), 1)
    expected = np.round(np.clip(rng.normal(22.0, 8.0, n), 5.0, 45.0), 1)

    score = (
        BASELINE
        + pd.Series(scope).map(EFFECT_SCOPE).to_numpy()
        + pd.Series(makers).map(EFFECT_DECISION).to_numpy()
        + pd.Series(bids).map(EFFECT_BIDS).to_numpy()
        + EFFECT_YEARS_PER_YEAR_OVER_3 * np.clip(years - 3, 0, None)
        + np.where(insourced, 0.0, pd.Series(contract).map(EFFECT_CONTRACT).to_numpy())
        + EFFECT_PER_KT_POINT * kt
        + np.where(insourced, 0.0, EFFECT_PER_ATTRITION_POINT * (attrition - 14.0))
        + rng.normal(0.0, 1.0, n)
    )
    realised = np.round(expected + 9.0 * score, 1)
    achieved = realised >= expected
    satisfaction = np.clip(np.rint(3.0 + 0.8 * score + rng.normal(0.0, 0.6, n)), 1, 5).astype(int)

    terminated = rng.random(n) < _logistic(-2.2 - 0.9 * score)
    renewed = ~terminated & (rng.random(n) < _logistic(0.3 + 0.9 * score))
    back_in_house = np.where(terminated, rng.random(n) < 0.5, ~renewed & (rng.random(n) < 0.3))

    frame = pd.DataFrame(
        {
            "decision_id": np.arange(1, n + 1),
            "decision_year": year,
            "client_industry": industry,
            "client_size": size,
            "function": function,
            "scope": scope,
            "sourcing_model": model,
            "decision_makers": makers,
            "bid_process": bids,
            "contract_type": np.where(insourced, None, contract),
            "contract_years": years,
            "annual_value_usd_m": value,
            "supplier_attrition_pct": np.where(insourced, np.nan, attrition),
            "knowledge_transfer_pct": kt,
            "expected_savings_pct": expected,
            "realised_savings_pct": realised,
            "savings_achieved": achieved,
            "satisfaction": satisfaction,
            "renewed": np.where(insourced, None, renewed),
            "terminated_early": np.where(insourced, None, terminated),
            "brought_back_in_house": np.where(insourced, None, back_in_house),
        }
    )
    for col in ("contract_type",):
        frame[col] = frame[col].astype("string")
    for col in ("renewed", "terminated_early", "brought_back_in_house"):
        frame[col] = frame[col].astype("boolean")
    return frame[COLUMNS]


def to_csv_bytes(frame) -> bytes:
    """The exact bytes committed as ``datasets/sourcing_decisions/sourcing_decisions.csv``."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> None:
    from globalsourcing.data.registry import get_spec

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="where to write the CSV")
    args = parser.parse_args(argv)
    out = args.out or get_spec("sourcing_decisions").path
    out.write_bytes(to_csv_bytes(generate()))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
