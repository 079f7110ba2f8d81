"""One key per source and real titles (every citation resolving is the chapter linter's rule).

The book's bibliography is several .bib files (one per part) plus the teaching notes' own.
A source filed under two keys shows up twice with different titles and dates, and a title
the project made up sends a student looking for an article that does not exist.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from globalsourcing.authoring.text import bib_entries, edition_bib_files
from globalsourcing.authoring.text import parse_bib as parse

# A title written to describe a source rather than copied from it. A description of an
# untitled work is allowed in square brackets, which tells the reader it is not a title.
INVENTED_NOTE = re.compile(r"descriptive title|title (?:is )?(?:invented|made up)", re.I)
INVENTED_TITLE = re.compile(
    r"^\{*(?:report|article|story|coverage|news item) (?:on|of|about)\b"
    r"|\((?:press release|industry body estimates?|publication page|figures attributed)",
    re.I,
)


def normalise(address: str) -> str:
    address = address.strip().lower()
    address = re.sub(r"^https?://(www\.)?|^doi:|^https?://(dx\.)?doi\.org/", "", address)
    return address.rstrip("/")


def duplicate_sources(entries: list[dict]) -> dict[str, list[str]]:
    """Addresses (URL or DOI) that more than one key points at."""
    keys_by_address = defaultdict(set)
    for e in entries:
        for field in ("url", "doi"):
            if e.get(field):
                keys_by_address[normalise(e[field])].add(e["key"])
    return {a: sorted(k) for a, k in keys_by_address.items() if len(k) > 1}


def invented_titles(entries: list[dict]) -> list[str]:
    bad = []
    for e in entries:
        title = e.get("title", "")
        if INVENTED_NOTE.search(e.get("note", "")) or (
            not title.lstrip("{").startswith("[") and INVENTED_TITLE.search(title)
        ):
            bad.append(e["key"])
    return bad


@pytest.fixture(scope="module")
def entries(repo_root: Path) -> list[dict]:
    return bib_entries(edition_bib_files(repo_root))


def test_each_key_appears_once(entries):
    seen = defaultdict(list)
    for e in entries:
        seen[e["key"]].append(e["file"])
    assert not {k: v for k, v in seen.items() if len(v) > 1}


def test_one_key_per_source(entries):
    assert duplicate_sources(entries) == {}


def test_no_two_keys_share_a_title_and_year(entries):
    keys = defaultdict(list)
    for e in entries:
        title = re.sub(r"[^a-z0-9]", "", e.get("title", "").lower())
        keys[(title, e.get("year", ""))].append(e["key"])
    assert not {t: k for t, k in keys.items() if len(k) > 1}


def test_no_title_is_flagged_as_invented(entries):
    assert invented_titles(entries) == []


def test_every_entry_names_its_author_or_publisher_and_title(entries):
    missing = [e["key"] for e in entries if not e.get("author") and not e.get("editor")]
    untitled = [e["key"] for e in entries if not e.get("title")]
    assert missing == [] and untitled == []


def test_the_checks_catch_a_planted_duplicate_and_an_invented_title():
    planted = parse(
        "@misc{a2004,\n  author = {{BBC News}},\n  title = {GE sells India outsourcing unit},\n"
        "  url = {http://news.bbc.co.uk/2/hi/business/3991655.stm}\n}\n"
        "@misc{b2004,\n  author = {{BBC News}},\n  title = {{Report on the sale of GECIS}},\n"
        "  url = {https://news.bbc.co.uk/2/hi/business/3991655.stm/}\n}\n"
        "@misc{c2008,\n  author = {{PC World}},\n  title = {WNS to buy Aviva's unit},\n"
        "  note = {Descriptive title}\n}\n"
        "@misc{d2008,\n  author = {{PC World}},\n  title = {[Report of the sale; headline not preserved]}\n}\n"
        "@misc{e2008,\n  author = {{Gartner}},\n  title = {{IT services revenue 2007 (press release)}}\n}\n"
    )
    assert duplicate_sources(planted) == {
        "news.bbc.co.uk/2/hi/business/3991655.stm": ["a2004", "b2004"]
    }
    assert invented_titles(planted) == ["b2004", "c2008", "e2008"]
