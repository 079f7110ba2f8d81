"""Compare what a page states with the fact base (``load("facts")``).

A page is read as sentences of prose (front matter, code cells and quiz blocks left out;
tables and other directives kept). A sentence that names an entity of the fact base and
states a quantity of a kind recorded for that entity must state one of the recorded
values; a sentence that states a value the brief marks UNVERIFIED is a contradiction of
its own kind. ``{fact}`` roles are resolved from the table itself and are skipped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from globalsourcing.data.quantities import Quantity, quantities

FENCE = re.compile(r"^(`{3,}|:{3,})\{?([\w-]*)\}?[^\n]*\n(.*?)^\1\s*$", re.S | re.M)
# Fenced blocks whose text is not prose a reader takes as a claim of the course.
SKIPPED_BLOCKS = {"code-cell", "quiz", "code", "python", ""}
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HOME_KINDS = ("money", "percent", "count")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z*(\"'“])|\n\s*\n|\n\s*[*-]\s+(?:-\s+)?")


@dataclass(frozen=True)
class Finding:
    where: str
    sentence: str
    quantity: Quantity
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}: {self.quantity.text!r} in {self.sentence[:200]!r}"


def prose_sentences(text: str) -> list[str]:
    """The sentences of a MyST page a reader reads as claims."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5 :] if end != -1 else text

    def keep_block(match: re.Match) -> str:
        return "" if match.group(2) in SKIPPED_BLOCKS else "\n\n" + match.group(3) + "\n\n"

    text = FENCE.sub(keep_block, text)
    text = ROLE.sub("", text)
    text = LINK_TARGET.sub("]", text)
    text = re.sub(r"^:[\w-]+:.*$", "", text, flags=re.M)  # directive options
    parts = SENTENCE_END.split(text)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p and p.strip()]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.005, abs_tol=1e-9)


def recorded_values(facts, kind: str, unit: str) -> list[float]:
    """Every value (both ends of ranges) the given fact rows record for this kind and unit."""
    rows = facts[(facts["kind"] == kind) & (facts["unit"] == unit)]
    values = [*rows["value_low"].dropna(), *rows["value_high"].dropna()]
    return [float(v) for v in values]


def entity_patterns(facts) -> dict[str, re.Pattern]:
    """entity -> a pattern matching any of its names (``mentions``, separated by ';')."""
    patterns = {}
    for entity, names in facts.groupby("entity")["mentions"].first().items():
        alternatives = [re.escape(n.strip()) for n in str(names).split(";") if n.strip()]
        # Names are matched as written (Rural Sourcing the firm, not rural sourcing the
        # model) and end where a word ends, so "Citi" is not found in "citing" nor "GE" in
        # "GEICO".
        patterns[entity] = re.compile(r"\b(?:" + "|".join(alternatives) + r")(?![A-Za-z])")
    return patterns


def check_sentences(
    where: str, sentences: list[str], facts, home: tuple[str, ...] = ()
) -> list[Finding]:
    """Findings for sentences whose quantities differ from the fact base.

    ``home`` entities apply to every sentence (a case page is about its case even when a
    sentence says "the company"): on such a page every sum of money, percentage and count
    must be recorded. Durations and multiples are checked where an entity is named, since
    pages also use them for questions ("over the next three years").
    """
    verified = facts[facts["confidence"] != "UNVERIFIED"]
    unverified = facts[facts["confidence"] == "UNVERIFIED"]
    patterns = entity_patterns(facts)
    findings = []
    for sentence in sentences:
        named = {e for e, p in patterns.items() if p.search(sentence)}
        stated = quantities(sentence)
        if not stated:
            continue
        for q in stated:
            if named:
                doubtful = unverified[unverified["entity"].isin(named)]
                if all(
                    any(_close(v, r) for r in recorded_values(doubtful, q.kind, q.unit))
                    for v in q.values
                ):
                    findings.append(
                        Finding(where, sentence, q, "states a figure the brief marks UNVERIFIED")
                    )
                    continue
            on_home = bool(home) and q.kind in HOME_KINDS
            scope = named | set(home) if on_home else named
            if not scope:
                continue
            rows = verified[verified["entity"].isin(scope)]
            recorded = recorded_values(rows, q.kind, q.unit)
            if on_home or recorded:
                missing = [v for v in q.values if not any(_close(v, r) for r in recorded)]
                if missing:
                    findings.append(
                        Finding(
                            where,
                            sentence,
                            q,
                            f"{q.kind} not recorded for {sorted(scope)} in the fact base",
                        )
                    )
    return findings


# --- Figures typed by hand -------------------------------------------------------------
#
# On the pages that must take every figure from the fact base (the cases and their
# teaching notes), a numeral in the prose is a figure typed by hand unless it is one of:
#   - a calendar year used as a date ("in 1989", "1989-1993", "the 1990s"; a day and month
#     before it are not exempt: "25 July 1989" is a dated claim, rendered with {fact});
#   - a number of the book's own things: an exhibit, table, case, lesson, trend,
#     challenge, question, part, chapter, step or problem set ("Exhibit 1.2", "T13",
#     "question 3", "PS2"), or a numbered-list marker at the start of a line;
#   - a digit inside a proper name listed in NAMES_WITH_DIGITS ("Fortune 500");
#   - a time of the class itself in a teaching note: minutes ("80 minutes") and the
#     minute ranges of a discussion plan's first column ("| 10-25 |").
# Roles ({fact}, {fact-spread}, {footcite}), code cells, quiz blocks, directive options,
# link targets and front matter are not prose (see prose_sentences).

YEAR = re.compile(
    r"(?<![\d.,$£€/])(?:1[6-9]|20)\d\d(?:s|\s?[-–]\s?(?:(?:19|20)\d\d|\d\d)(?![\d%]))?(?![\d%.,]\d|\d|%)"
)
OWN_THINGS = re.compile(
    r"\b(?:Exhibits?|Tables?|Cases?|Lessons?|Trends?|Challenges?|Questions?|Parts?|Chapters?|"
    r"Steps?|Problem sets?|Figures?|Q|T|PS|ps|C|L|q)\s?\d+(?:\.\d+)*"
    r"(?:\s?(?:and|to|or|-|–|,)\s?\d+(?:\.\d+)*)*",
    re.I,
)
NAMES_WITH_DIGITS = (
    "Fortune 500",
    "Fortune 100",
    "Global 2000",
    "Forbes 2000",
    "Y2K",
    "Check 21",
    "Forward '28",
)
CLASS_TIME = re.compile(r"\b\d+\s?minutes?\b|(?:^|(?<=\| ))\d+\s?[-–]\s?\d+(?= \|)")
NUMERAL = re.compile(r"\d(?:[\d,.]*\d)?")
LIST_MARKER = re.compile(r"^(\s*)\d+\.\s", re.M)


def hand_typed_figures(text: str) -> list[tuple[str, str]]:
    """(numeral, sentence) for every numeral in a page's prose that is not exempt (above)."""
    found = []
    for sentence in prose_sentences(LIST_MARKER.sub(r"\1", text)):
        rest = sentence
        for name in NAMES_WITH_DIGITS:
            rest = rest.replace(name, " ")
        rest = YEAR.sub(" ", OWN_THINGS.sub(" ", CLASS_TIME.sub(" ", rest)))
        found += [(n, sentence) for n in NUMERAL.findall(rest)]
    return found
