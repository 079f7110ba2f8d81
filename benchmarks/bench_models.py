"""Time one evaluation of each sourcing model at one setting (what a widget does per slider move).

Run from the repository root:

    GLOBALSOURCING_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_models.py

Prints the median and 90th percentile over many runs for each of the eight models, and
the ratio of the median to the 20 ms budget. Data are loaded once, before timing, as the
widgets do. Results are recorded in docs/benchmarks/models.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable

import numpy as np

from globalsourcing import models
from globalsourcing.data import load

BUDGET_MS = 20.0


def cases() -> dict[str, Callable[[], object]]:
    """Each model as its widget calls it on a control change (model plus its summary)."""
    panel = load("wdi_panel")
    market = models.market_table(load("market_size"))
    decisions = load("sourcing_decisions")
    fitted = models.fit_renewal_model(decisions)
    return {
        "1 offshore TCO (offshore_tco + tco_break_even)": lambda: models.tco_break_even(
            models.offshore_tco()
        ),
        "2 location index (location_index, WDI panel)": lambda: models.location_index(panel),
        "3 decision matrix (decision_matrix + portfolio_mix)": lambda: models.portfolio_mix(
            models.decision_matrix()
        ),
        "4 contracts (simulate_contracts 2,000 deals + summary)": lambda: models.contract_summary(
            models.simulate_contracts()
        ),
        "5 knowledge retention (knowledge_retention, 48 months)": lambda: (
            models.knowledge_retention(months=48)
        ),
        "6 market growth (project_market + estimate_spread)": lambda: (
            models.project_market(market, "bpo"),
            models.estimate_spread(market, "bpo"),
        ),
        "7 captive economics (captive_economics + ranking)": lambda: models.captive_ranking(
            models.captive_economics()
        ),
        "8 sustainability (renewal_curve on fitted model)": lambda: models.renewal_curve(fitted),
        "8b sustainability refit (fit_renewal_model)": lambda: models.fit_renewal_model(decisions),
    }


def measure(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median and 90th percentile of wall time, and median CPU time, in milliseconds.

    CPU time leaves out waits for a core, so on a shared machine it shows what the code
    itself costs while wall time shows what a user would wait.
    """
    fn()  # warm caches and imports
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return statistics.median(wall), float(np.percentile(wall, 90)), statistics.median(cpu)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="timed runs per model")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()}, numpy {np.__version__}, {args.runs} runs each")
    print(f"load average before: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'model':58} {'median ms':>10} {'p90 ms':>8} {'CPU ms':>8} {'of 20 ms':>9}")
    for name, fn in cases().items():
        median, p90, cpu = measure(fn, args.runs)
        print(f"{name:58} {median:10.2f} {p90:8.2f} {cpu:8.2f} {median / BUDGET_MS:9.2f}")


if __name__ == "__main__":
    main()
