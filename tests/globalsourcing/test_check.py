"""check("q1"): self-study feedback from the visible tests, on the learner's own variables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from globalsourcing import check
from globalsourcing.checks import CheckFailure, HiddenTestFailure, expect_frame_equal, run_hidden


def correct_cost(fte, rate, productivity_loss, governance_pct):
    return fte * (1 + productivity_loss) * rate * (1 + governance_pct)


def test_finds_variables_in_the_callers_namespace():
    ASSIGNMENT = "ps5_tco"  # noqa: F841  (read by check from this frame)
    offshore_annual_cost = correct_cost  # noqa: F841
    report = check("q1")
    assert report.passed and bool(report)
    assert "passed" in repr(report)


def test_explains_a_wrong_answer_instead_of_raising():
    def offshore_annual_cost(fte, rate, productivity_loss, governance_pct):
        return fte * (1 + productivity_loss) * rate * (1 + governance_pct * 100)

    report = check(
        "q1", assignment="ps5_tco", namespace={"offshore_annual_cost": offshore_annual_cost}
    )
    assert not report
    assert "governance_pct a fraction" in repr(report)


def test_says_which_variable_is_missing():
    report = check("ps5_tco:q3", namespace={"cost_table": pd.DataFrame()})
    assert not report.passed
    assert "Not defined yet: `break_even_year`" in repr(report)


def test_reports_an_error_raised_by_the_learners_code():
    def offshore_annual_cost(*args):
        raise ZeroDivisionError("oops")

    report = check(
        "q1", assignment="ps5_tco", namespace={"offshore_annual_cost": offshore_annual_cost}
    )
    assert "ZeroDivisionError: oops" in repr(report)


def test_all_questions_are_summarised():
    report = check(namespace={"ASSIGNMENT": "ps5_tco", "offshore_annual_cost": correct_cost})
    assert len(report.results) >= 5
    assert "1 of" in repr(report)


def test_unknown_assignment_or_question_gives_the_valid_choices():
    with pytest.raises(ValueError, match="does not know which assignment"):
        check("q1", namespace={})
    with pytest.raises(KeyError, match="its questions are"):
        check("q99", assignment="ps5_tco", namespace={})
    with pytest.raises(KeyError, match="the assignments are"):
        check("q1", assignment="nope", namespace={})


def test_frame_comparison_ignores_order_index_and_int_float_but_not_values():
    expected = pd.DataFrame({"country": ["IND", "PHL"], "share": [0.5, 0.25]})
    shuffled = pd.DataFrame({"share": [0.25, 0.5], "country": ["PHL", "IND"]}).set_index("country")
    expect_frame_equal(shuffled, expected, "t", keys=["country"])
    counts = pd.DataFrame({"year": [2020, 2021], "n": [3, 4]})
    expect_frame_equal(counts.astype({"n": float}), counts, "t", keys=["year"])
    with pytest.raises(CheckFailure, match="column 'share' has wrong values"):
        expect_frame_equal(expected.assign(share=[0.5, 0.3]), expected, "t", keys=["country"])
    with pytest.raises(CheckFailure, match="missing"):
        expect_frame_equal(
            expected.iloc[:1], expected.iloc[:1].assign(country="LKA"), "t", keys=["country"]
        )


def test_run_hidden_keeps_the_message_and_drops_the_hidden_frames():
    def hidden(value):
        raise CheckFailure("the table is wrong")

    with pytest.raises(HiddenTestFailure, match="A hidden test failed: the table is wrong") as info:
        run_hidden(hidden, 1)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert all(frame.name != "hidden" for frame in info.traceback)


def test_finds_the_notebooks_variables_in_a_real_kernel():
    """In Jupyter, check() reads the IPython user namespace of the running notebook."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('ASSIGNMENT = "ps5_tco"\nfrom globalsourcing import check'),
        nbformat.v4.new_code_cell(
            "def offshore_annual_cost(fte, rate, productivity_loss, governance_pct):\n"
            "    return fte * (1 + productivity_loss) * rate * (1 + governance_pct)"
        ),
        nbformat.v4.new_code_cell('check("q1")'),
        nbformat.v4.new_code_cell('check("q2")'),
    ]
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    first, second = (cell.outputs[0]["data"]["text/plain"] for cell in nb.cells[2:])
    assert "q1 (the offshore cost function): passed" in first
    assert "Not defined yet: `cost_table`" in second


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (pd.Series([1.0, 2.0]), "should be a single number"),
        ("0.08", "not a formatted string"),
        (True, "True/False"),
        (float("nan"), "NaN"),
        (None, "still None"),
    ],
)
def test_numbers_that_are_not_numbers_are_explained(value, message):
    from globalsourcing.checks import as_number

    with pytest.raises(CheckFailure, match=message):
        as_number(value, "answer")


def test_known_wrong_values_get_their_own_advice_and_secrets_stay_secret():
    from globalsourcing.checks import expect_number

    assert expect_number(pd.Series([0.0779]), 0.0779, "rate") == pytest.approx(0.0779)
    with pytest.raises(CheckFailure, match="5 years of growth, not 6"):
        expect_number(
            0.0646, 0.0779, "rate", rel=1e-3, hints=[(0.0646, "5 years of growth, not 6.")]
        )
    with pytest.raises(CheckFailure) as info:
        expect_number(0.5, 0.0779, "rate")
    assert "0.0779" not in str(info.value)


def test_row_count_advice_for_exact_counts_and_for_too_many():
    from globalsourcing.checks import expect_row_count

    frame = pd.DataFrame({"a": range(5)})
    with pytest.raises(CheckFailure, match="has 5 rows; it should have 3. Drop the aggregates"):
        expect_row_count(frame, 3, "t", {5: "Drop the aggregates."})
    with pytest.raises(CheckFailure, match="Filter first"):
        expect_row_count(frame, 3, "t", more="Filter first.", fewer="Keep more.")
    with pytest.raises(CheckFailure, match="Keep more"):
        expect_row_count(frame, 9, "t", more="Filter first.", fewer="Keep more.")


@pytest.mark.parametrize(
    "name", [1, np.int64(1), "1", "Q1", " q1 ", "ps5_tco:Q1", "ps5_tco:1", "ps5_tco:q1"]
)
def test_a_question_number_or_the_feedbacks_q1_means_q1(name):
    # Feedback names questions "Q1 <title>"; a learner who types what it shows, or just the
    # number, gets question 1 rather than a TypeError from inside check().
    report = check(name, assignment="ps5_tco", namespace={"offshore_annual_cost": correct_cost})
    assert [r.question.qid for r in report.results] == ["q1"]
    assert report.passed


@pytest.mark.parametrize("name", [1.0, True, None, ["q1"]])
def test_a_question_of_another_type_says_how_to_name_one(name):
    with pytest.raises(TypeError) as info:
        check(name, assignment="ps5_tco", namespace={})
    message = str(info.value)
    assert "check('q1')" in message and "check(1)" in message
    assert f"got {name!r}" in message


def test_question_numbers_start_at_one_and_stop_at_the_last_question():
    with pytest.raises(ValueError, match="numbered from 1"):
        check(0, assignment="ps5_tco", namespace={})
    with pytest.raises(KeyError, match=r"has no question 'q9'; its questions are \['q1'"):
        check(9, assignment="ps5_tco", namespace={})
