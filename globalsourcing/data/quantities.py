"""Find the quantities a sentence states: money, percentages, counts, durations, multiples.

Used by the fact-base consistency test to compare what a page says with ``facts``. Each
quantity is normalised to a kind, a unit and a number, so "£1.7 billion", "£1.7bn" and
"£1,700 million" are the same statement (kind ``money``, unit ``GBP m``, 1700.0).
Calendar years and citation keys are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CURRENCIES = {"$": "USD", "£": "GBP", "€": "EUR"}
SCALES = {
    "trillion": 1e6,
    "tn": 1e6,
    "billion": 1e3,
    "bn": 1e3,
    "million": 1.0,
    "m": 1.0,
    "mn": 1.0,
    "thousand": 1e-3,
    "k": 1e-3,
    "": 1e-6,
}
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
# Nouns after a bare number that make it a count of people or things a fact can record.
COUNT_NOUNS = (
    r"staff|people|employees|jobs|workers|programmers|coders|members|buyers|clients|"
    r"customers|policies|sites|data cent(?:re|er)s|service levels|agreements|hubs|cases|"
    r"decisions|organi[sz]ations|interviews|developers|professionals|countries"
)

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<cur>[$£€])\s?(?P<a>{NUM})(?:\s?(?:-|–|to|and)\s?[$£€]?(?P<b>{NUM}))?"
    r"(?:\s?(?P<scale>trillion|billion|million|thousand|bn|tn|mn|m|k)\b)?",
)
_PERCENT = re.compile(
    rf"(?P<a>{NUM})(?:\s?(?:%|per ?cent))?(?:\s?(?:-|–|to|and)\s?)(?P<b>{NUM})\s?(?:%|per ?cent)"
    rf"|(?P<c>{NUM})\s?(?:%|per ?cent)"
)
_WORDNUM = "|".join(WORD_NUMBERS)
_DURATION = re.compile(
    rf"(?P<a>{NUM}|{_WORDNUM})(?:\s?(?:-|–|to|or)\s?(?P<b>{NUM}|{_WORDNUM}))?"
    r"[\s-](?:year|yr)s?(?:-long)?\b(?!\s+(?:old|earlier|later|ago|after|before))",
    re.I,
)
_MULTIPLE = re.compile(rf"(?P<a>{NUM})\s?(?:times|x)\b(?!\s+(?:a|per)\b)")
_COUNT = re.compile(
    rf"(?<![$£€\d.,])(?P<a>{NUM})(?:\s?(?:-|–|to)\s?(?P<b>{NUM}))?\+?"
    rf"\s(?:(?P<scale>million|thousand)\s)?(?:[a-z-]+\s)?(?P<noun>{COUNT_NOUNS})\b",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    kind: str  # money, percent, duration, multiple, count
    unit: str  # "GBP m", "%", "years", "times", or the count noun
    values: tuple[float, ...]  # one value, or the two ends of a stated range
    text: str


def _number(token: str) -> float:
    token = token.lower()
    if token in WORD_NUMBERS:
        return float(WORD_NUMBERS[token])
    return float(token.replace(",", ""))


def _spans_overlap(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def quantities(sentence: str) -> list[Quantity]:
    """Every quantity stated in ``sentence``, in order of kind (money first)."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def keep(match: re.Match, quantity: Quantity) -> None:
        taken.append(match.span())
        found.append(quantity)

    for m in _MONEY.finditer(sentence):
        scale = SCALES[(m.group("scale") or "").lower()]
        values = [_number(m.group("a")) * scale]
        if m.group("b"):
            values.append(_number(m.group("b")) * scale)
        keep(m, Quantity("money", f"{CURRENCIES[m.group('cur')]} m", tuple(values), m.group(0)))
    for m in _PERCENT.finditer(sentence):
        if _spans_overlap(m.span(), taken):
            continue
        if m.group("c"):
            values = (_number(m.group("c")),)
        else:
            values = (_number(m.group("a")), _number(m.group("b")))
        keep(m, Quantity("percent", "%", values, m.group(0)))
    for m in _DURATION.finditer(sentence):
        if _spans_overlap(m.span(), taken):
            continue
        values = [_number(m.group("a"))]
        if m.group("b"):
            values.append(_number(m.group("b")))
        keep(m, Quantity("duration", "years", tuple(values), m.group(0)))
    for m in _MULTIPLE.finditer(sentence):
        if _spans_overlap(m.span(), taken):
            continue
        keep(m, Quantity("multiple", "times", (_number(m.group("a")),), m.group(0)))
    for m in _COUNT.finditer(sentence):
        if _spans_overlap(m.span(), taken):
            continue
        number = _number(m.group("a"))
        if 1900 <= number <= 2100 and "," not in m.group("a"):
            continue  # a calendar year before a noun ("2005 clients") is a date, not a count
        values = [number]
        if m.group("b"):
            values.append(_number(m.group("b")))
        # "1.66 million people" is 1,660,000 people, as the fact base records it.
        scale = {"million": 1e6, "thousand": 1e3}.get((m.group("scale") or "").lower(), 1.0)
        values = [v * scale for v in values]
        keep(m, Quantity("count", "count", tuple(values), m.group(0)))
    return found
