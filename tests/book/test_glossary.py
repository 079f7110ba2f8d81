"""The glossary covers every chapter's key terms, and the index names every case (from source)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "book" / "glossary.md"
TERM_ROLE = re.compile(r"\{term\}`([^`]+)`")
CHAPTERS = sorted(
    p
    for p in (ROOT / "book").rglob("*.md")
    if re.search(r"^## Key terms$", p.read_text(encoding="utf-8"), re.M)
)
CASES = sorted((ROOT / "book" / "cases").glob("[0-9][0-9]-*.md"))
CASES = [p for p in CASES if not p.name.startswith("00-")]


def glossary_terms() -> list[str]:
    """Every term line of the glossary directive (synonyms included), lower-cased as Sphinx does."""
    text = GLOSSARY.read_text(encoding="utf-8")
    body = text.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    return [
        line.strip().lower()
        for line in body.splitlines()
        if line.strip() and not line.startswith((" ", ":"))
    ]


def key_terms(path: Path) -> list[str]:
    """The term lines of a chapter's Key terms definition list."""
    text = path.read_text(encoding="utf-8")
    section = re.search(r"^## Key terms\n(.*?)(?=^## |\Z)", text, re.M | re.S).group(1)
    lines = section.splitlines()
    return [lines[i] for i in range(len(lines) - 1) if lines[i + 1].startswith(": ")]


def test_the_glossary_is_in_the_book_and_defines_each_term_once():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c.get("file") for part in toc["parts"] for c in part["chapters"]]
    assert "book/glossary" in files
    terms = glossary_terms()
    assert len(terms) > 90
    repeated = sorted({t for t in terms if terms.count(t) > 1})
    assert not repeated, f"terms defined twice: {repeated}"
    assert "{ref}`index <genindex>`" in GLOSSARY.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_key_term_links_to_a_glossary_entry(path):
    terms = set(glossary_terms())
    lines = key_terms(path)
    assert lines, f"{path.name}: a Key terms section without terms"
    for line in lines:
        targets = TERM_ROLE.findall(line)
        assert targets, f"{path.name}: key term {line!r} does not link to the glossary"
        for target in targets:
            # {term}`shown text <target>` links to target; {term}`text` links to text.
            name = re.sub(r"^.*<(.+)>$", r"\1", target).strip().lower()
            assert name in terms, f"{path.name}: {name!r} is not in book/glossary.md"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_case_is_in_the_index_with_its_companies(path):
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^```\{index\} single: cases; .+\(\d{4}", text, re.M), (
        f"{path.name}: no index entry under 'cases'"
    )
    companies = re.findall(r"^```\{index\} (?!single:)(.+)$", text, re.M)
    assert companies and all(c.strip() for c in companies), f"{path.name}: no company entries"
