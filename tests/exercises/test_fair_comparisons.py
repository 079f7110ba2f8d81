"""The comparison rules the exercise checks share: keys, precision, choices, follow-through.

docs/exercises.md states these rules for instructors; each test here pins one of them
on the helpers in globalsourcing/checks/_compare.py, so a rule cannot drift silently.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from globalsourcing.checks import (
    CheckFailure,
    expect_choice,
    expect_frame_equal,
    expect_number,
    expect_one_of,
    expect_wide_equal,
    read_choice,
)
from globalsourcing.checks.ps4_decisions import as_pair

ASSIGNMENTS = sorted(p.stem for p in (Path(__file__).parent / "variants").glob("ps*.py"))


def test_a_categorical_key_is_matched_by_its_text_not_its_category_order():
    expected = pd.DataFrame({"group": ["CEE", "India", "Philippines"], "value": [1.0, 2.0, 3.0]})
    order = ["India", "Philippines", "CEE"]  # the order a prompt lists them in
    got = expected.assign(group=pd.Categorical(expected["group"], categories=order))
    expect_frame_equal(got, expected, "t", keys=["group"])
    swapped = got.assign(value=[2.0, 1.0, 3.0])
    with pytest.raises(CheckFailure, match=r"column 'value' has wrong values.*'CEE'"):
        expect_frame_equal(swapped, expected, "t", keys=["group"])


def test_a_wide_table_with_categorical_labels_matches_cell_by_cell():
    expected = pd.DataFrame(
        {"short": [0.7, 0.6], "long": [0.65, 0.5]}, index=["selective", "total_outsourcing"]
    )
    labels = pd.CategoricalIndex(["short", "long"], categories=["short", "long"])
    got = pd.DataFrame(expected.to_numpy(), index=expected.index, columns=labels)
    expect_wide_equal(got, expected, "t", rows="scopes", columns="lengths", decimals=3)
    wrong = got.copy()
    wrong.iloc[1, 1] = 0.4
    with pytest.raises(CheckFailure, match=r"1 of 4 cells.*\(total_outsourcing, long\)"):
        expect_wide_equal(wrong, expected, "t", rows="scopes", columns="lengths", decimals=3)
    with pytest.raises(CheckFailure, match="should have the scopes as its rows"):
        expect_wide_equal(got.T, expected, "t", rows="scopes", columns="lengths")


@pytest.mark.parametrize("stored", [0.0780448, 0.078045, 0.07804, 0.078])
def test_anything_at_least_as_precise_as_stated_passes(stored):
    expect_number(stored, 0.0780448, "idc_cagr", decimals=3)


def test_a_value_rounded_more_coarsely_is_told_it_looks_rounded():
    with pytest.raises(CheckFailure, match="looks rounded to 2 decimals; keep full precision"):
        expect_number(0.08, 0.0780448, "idc_cagr", decimals=3)
    with pytest.raises(CheckFailure, match="looks rounded to the nearest 100"):
        expect_number(33_300, 33_333.3, "rate", rel=1e-9, decimals=0)
    # A value that is simply wrong is not called rounded, and the reference stays secret.
    with pytest.raises(CheckFailure, match="not the value the question asks for") as failure:
        expect_number(0.0646, 0.0780448, "idc_cagr", decimals=3)
    assert "0.078" not in str(failure.value)


def test_a_rounded_column_is_reported_as_rounded_in_the_students_terms():
    expected = pd.DataFrame({"year": [2001, 2002], "cagr": [0.0776, 0.1234]})
    with pytest.raises(CheckFailure, match="the values in column 'cagr' look rounded to 1"):
        expect_frame_equal(expected.round(1), expected, "g", keys=["year"], decimals=3)
    expect_frame_equal(expected.round(3), expected, "g", keys=["year"], decimals=3)
    series = expected.set_index("year")["cagr"].round(1)
    with pytest.raises(CheckFailure, match="its values look rounded"):
        expect_frame_equal(series, expected, "g", keys=["year"], decimals=3)


@pytest.mark.parametrize(
    "written", ["B", "b", " B ", "(B)", "B.", "B)", "**B**", "B) IDC is wider"]
)
def test_a_letter_is_read_in_the_forms_a_student_writes_it(written):
    assert read_choice(written, "ABCD") == "B"
    assert expect_choice(written, "ABCD", "answer_q6") == "B"


@pytest.mark.parametrize("written", ["Because", "E", "", 2, None, "AB"])
def test_anything_that_names_no_single_letter_is_refused(written):
    assert read_choice(written, "ABCD") is None


def test_labels_are_read_without_regard_to_case_or_spaces():
    assert read_choice(" Documentation ", ["baseline", "documentation"]) == "documentation"
    assert read_choice("doc", ["baseline", "documentation"]) is None


@pytest.mark.parametrize(
    "result",
    [(0.1, 0.4), [0.1, 0.4], np.array([0.1, 0.4]), pd.Series([0.1, 0.4])]
    + [{"low": 0.1, "high": 0.4}, {"lower": 0.1, "upper": 0.4}],
)
def test_the_pair_low_high_may_be_any_two_number_container(result):
    assert as_pair(result, "wilson_interval(1, 5)") == (0.1, 0.4)


def test_a_pair_of_the_wrong_shape_is_refused():
    with pytest.raises(CheckFailure, match=r"should return the pair \(low, high\)"):
        as_pair((0.1, 0.2, 0.3), "wilson_interval(1, 5)")


def test_follow_through_passes_on_any_attempt_and_reports_the_reference_message():
    def reference():
        raise CheckFailure("reference message")

    def own_values():
        raise CheckFailure("own-values message")

    def broken_builder():
        raise ZeroDivisionError("the student's function raised")

    expect_one_of(reference, lambda: None)
    with pytest.raises(CheckFailure, match="reference message"):
        expect_one_of(reference, own_values, broken_builder)
    with pytest.raises(ZeroDivisionError):
        expect_one_of(broken_builder, lambda: None)  # a broken reference is a bug: loud


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_assignment_has_the_fair_grading_cases(assignment):
    """Five alternative idioms, and the four cases of the fair-grading issue, by name.

    A guided variant's answers are single numbers, letters and labels, never tables, so
    it has no categorical-key case; the other three apply to it as they are.
    """
    variants = importlib.import_module(f"tests.exercises.variants.{assignment}")
    assert len(variants.ALTERNATIVES) >= 5
    wrong = {w.name: w for w in variants.WRONG}
    cases = variants.FAIR_CASES
    required = {"display precision", "early slip", "answer format"}
    if not assignment.endswith("_guided"):
        required.add("categorical key")
    assert set(cases) == required
    for case in sorted(required - {"early slip"}):
        assert cases[case] in variants.ALTERNATIVES, (case, cases[case])
    slip = wrong[cases["early slip"]]
    assert len(slip.loses) == 1, "an early slip costs only its own question"
    tests = sorted({t for w in variants.WRONG for t in w.loses})
    assert any(t > slip.loses[0] for t in tests), "a later question exists to keep its points"
