"""Visible checks shared by the guided variants (``<assignment>_guided``).

A guided notebook gives the code; students change its inputs and store what they read
from the outputs as plain numbers, letters or labels. These checks say whether an answer
has the right kind and a plausible size; the hidden tests compare it with the reference
computed by the coding variant's own reference code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._compare import as_number, expect_choice, expect_in_range, fail


def number(value: Any, name: str, low: float, high: float, what: str) -> float:
    """A single number between ``low`` and ``high``; ``what`` says what it measures."""
    return expect_in_range(value, low, high, name, f"It should be {what}.")


def rate(value: Any, name: str, low: float = -1.0, high: float = 1.0, what: str = "") -> float:
    """A rate or share stored as a fraction (0.078 for 7.8%)."""
    got = as_number(value, name)
    if abs(got) > 1.5 and high <= 1.5:
        fail(
            f"`{name}` is {got:.4g}: that looks like a percentage. Store rates and shares as "
            "fractions (0.078 for 7.8%)."
        )
    return number(got, name, low, high, what or "a rate, as a fraction")


def whole(value: Any, name: str, low: float, high: float, what: str) -> int:
    """A whole number (a count or a year)."""
    got = number(value, name, low, high, what)
    if not float(got).is_integer():
        fail(f"`{name}` is {got:g}; it should be a whole number ({what}).")
    return int(got)


def choice(value: Any, allowed: Iterable[str], name: str) -> str:
    """A letter or a label among ``allowed`` (see ``read_choice`` for the forms accepted)."""
    return expect_choice(value, allowed, name)
