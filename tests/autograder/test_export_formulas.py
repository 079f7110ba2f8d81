"""Exported CSV files cannot run a formula in the instructor's spreadsheet (CSV injection).

Names come from the roster or the LMS and reasons can quote student code, so a text cell
that a spreadsheet would evaluate is written as text; numbers keep their sign.
"""

from __future__ import annotations

import csv
import io

import pytest

from autograder.export import SafeWriter, neutralise


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1"],
)
def test_a_text_cell_that_would_run_as_a_formula_is_quoted(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-1.5", "+2", "8.5", "", "Doe, Jane", "crashed: =x", 3.0])
def test_numbers_and_ordinary_text_are_unchanged(cell):
    assert neutralise(cell) == cell


def test_the_writer_quotes_every_cell_of_a_row():
    out = io.StringIO()
    SafeWriter(out).writerow(["jdoe", "=1+1", "-3", "@x"])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["jdoe", "'=1+1", "-3", "'@x"]


def test_every_export_writer_goes_through_the_safe_writer():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "autograder" / "export.py").read_text()
    assert source.count("csv.writer(") == 1  # the one inside SafeWriter
    assert source.count("SafeWriter(fh)") == 2  # grades and the status report
