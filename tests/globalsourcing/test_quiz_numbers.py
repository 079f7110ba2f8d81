"""Typed numbers are read as the reader means them, or refused with the reason."""

import pytest

from globalsourcing.quiz.numbers import NumberFormatError, format_number, parse_number


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("17,5", "", 17.5),
        ("17.5", "", 17.5),
        ("0,125", "", 0.125),
        ("-0,5", "", -0.5),
        ("\u22123", "", -3.0),
        ("1,234", "", 1234.0),
        ("12,500", "$k", 12500.0),
        ("1 234", "", 1234.0),
        ("1\u202f234,5", "", 1234.5),
        ("1'234'567", "", 1234567.0),
        ("1.234.567", "", 1234567.0),
        ("1.234,5", "", 1234.5),
        ("1,234.5", "", 1234.5),
        ("12%", "%", 12.0),
        ("12 percent", "%", 12.0),
        ("$450m", "$m", 450.0),
        ("450 m", "$m", 450.0),
        ("450 $m", "$m", 450.0),
        ("£2,5", "£", 2.5),
        ("3x", "times", 3.0),
        ("4 points", "points", 4.0),
    ],
)
def test_accepted_spellings(text, unit, value):
    assert parse_number(text, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "reason"),
    [
        ("", "", "type a number"),
        ("12%", "", "not a percentage"),
        ("12%", "$m", "not a percentage"),
        ("twelve", "", "not a number"),
        ("450 years", "$m", r"its unit is \$m"),
        ("1,23,4", "", "in threes"),
        ("1.5.3", "", "in threes"),
    ],
)
def test_refused_spellings_say_why(text, unit, reason):
    with pytest.raises(NumberFormatError, match=reason):
        parse_number(text, unit)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1234567.5, "1234567.5"), (9.4, "9.4"), (150.0, "150"), (0.0005, "0.0005"), (-0.0, "0")],
)
def test_numbers_are_written_without_exponent_or_trailing_zeros(value, text):
    assert format_number(value) == text
    assert parse_number(text) == pytest.approx(value)
