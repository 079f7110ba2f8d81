"""ps2 Q1's checks compare values, not only the shape of `economies` (issue 14, item 6).

The hidden test compares every panel column the student kept with the panel, so a
frame with the right rows and invented, filled or rescaled values loses the question,
while the idioms a correct student writes keep it; the visible test agrees on every
correct idiom.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from autograder.declaration import Declaration
from globalsourcing.checks import CheckFailure
from globalsourcing.checks import ps2_geography as visible
from globalsourcing.data import load

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"
hidden = Declaration.read(EXERCISES).hidden_module("ps2_geography")


@pytest.fixture(scope="module")
def economies() -> pd.DataFrame:
    panel = load("wdi_panel")
    return panel[~panel["is_aggregate"]]


CORRECT = {
    "the solution": lambda e: e,
    "reordered rows, fresh index": lambda e: e.sample(frac=1, random_state=1).reset_index(
        drop=True
    ),
    "keys as the index": lambda e: e.set_index(["country_code", "year"]),
    "only the columns the prompt names": lambda e: e[["country_code", "year", "is_aggregate"]],
    "categorical and object text": lambda e: e.astype(
        {"country_code": "category", "country_name": object, "region": "category"}
    ),
    "years as floats": lambda e: e.astype({"year": float}),
}

MADE_UP = {
    "invented numbers and names": (
        lambda e: e.assign(ict_service_exports_usd=1.0, labor_force=1.0, country_name="x"),
        "column 'ict_service_exports_usd' has wrong values",
    ),
    "missing exports filled with zero": (
        lambda e: e.fillna({"ict_service_exports_usd": 0}),
        "column 'ict_service_exports_usd' has wrong values",
    ),
    "exports already in billions": (
        lambda e: e.assign(ict_service_exports_usd=e["ict_service_exports_usd"] / 1e9),
        "column 'ict_service_exports_usd' has wrong values",
    ),
    "another column's values shuffled": (
        lambda e: e.assign(gdp_usd=e["gdp_usd"].sample(frac=1, random_state=2).to_numpy()),
        "column 'gdp_usd' has wrong values",
    ),
    "names replaced": (
        lambda e: e.assign(country_name="x"),
        "column 'country_name' differs from the panel's",
    ),
}


@pytest.mark.parametrize("idiom", sorted(CORRECT))
def test_every_correct_idiom_passes_the_visible_and_the_hidden_test(economies, idiom):
    answer = CORRECT[idiom](economies)
    visible.q1(answer)
    hidden.q1(answer)


@pytest.mark.parametrize("case", sorted(MADE_UP))
def test_made_up_values_with_the_right_rows_lose_the_question(economies, case):
    build, message = MADE_UP[case]
    answer = build(economies)
    visible.q1(answer)  # the shape is right: only the hidden test can tell
    with pytest.raises(CheckFailure, match=message) as failure:
        hidden.q1(answer)
    assert "drop the aggregate rows only" in str(failure.value)
