"""Counts written in millions or thousands are read at their full size by the fact check."""

from globalsourcing.data import load
from globalsourcing.data.fact_check import check_sentences
from globalsourcing.data.quantities import quantities


def _counts(sentence: str) -> list[tuple[float, ...]]:
    return [q.values for q in quantities(sentence) if q.kind == "count"]


def test_a_headcount_in_millions_or_thousands_is_read_in_people():
    assert _counts("employing about 1.66 million people") == [(1_660_000.0,)]
    assert _counts("about 486 thousand workers outside the capital") == [(486_000.0,)]
    assert _counts("a robot does the work of 2 to 5 people") == [(2.0, 5.0)]
    assert _counts("745,000 people") == [(745_000.0,)]


def test_a_headcount_in_millions_is_checked_against_the_fact_base():
    facts = load("facts")
    recorded = "NASSCOM counted about 1,580 GCCs in India, employing about 1.66 million people."
    assert not check_sentences("page", [recorded], facts)
    planted = recorded.replace("1.66 million", "2.4 million")
    assert check_sentences("page", [planted], facts)
