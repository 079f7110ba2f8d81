"""Content rules the whole book must keep: no copied abstract or brief text.

An unfinished page (TODO, FIXME, ...) is the chapter linter's rule (tests/book/test_chapter_lint.py).
"""

import re
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
BRIEFS = Path(__file__).resolve().parents[3] / "shared" / "research"
N = 7  # seven running words shared with the abstract is copying, not coincidence
N_BRIEF = 10  # ten running words shared with a research brief is lifted prose
# Names the pages and the briefs both have to use word for word: the nine retained
# capabilities, the seven sourcing models and three trend groups of the abstract, an office's
# name, and the paper's reference. Titles, journals and book titles of the bibliography are
# added from the .bib files.
NAMES = (
    "leadership, business systems thinking, relationship building, architecture planning, "
    "making technology work, informed buying, contract facilitation, contract monitoring, "
    "vendor development",
    "application service provision, insourcing, nearshoring, rural sourcing, knowledge process "
    "outsourcing, freelance outsourcing and captive centres",
    "the size and growth of the ITO and BPO markets",
    "the Lloyd's Policy Signing Office and the London Processing Centre",
    "Strategic Outsourcing: An International Journal 1(1): 13-34, doi:10.1108/17538290810857457",
)
URL = re.compile(r"(?:https?://|www\.)\S+")
BIB_FIELD = re.compile(r"^\s*(?:title|journal|booktitle)\s*=\s*\{(.*)\},?\s*$", re.M)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _ngrams(words: list[str], n: int = N) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _pages(repo_root: Path) -> list[Path]:
    return sorted([*(repo_root / "book").rglob("*.md"), *(repo_root / "instructor").rglob("*.md")])


def _data_notes(repo_root: Path) -> list[Path]:
    """Datasheets and the curated tables, whose notes and outcomes are prose too."""
    curated = [p for p in (repo_root / "datasets").glob("*/*.csv") if p.stat().st_size < 2_000_000]
    return sorted([*(repo_root / "datasets").glob("*/datasheet.md"), *curated])


def _unmasked_ngrams(text: str, names: list[list[str]], n: int) -> set[tuple[str, ...]]:
    """n-grams of the text's words that do not touch a name (which may be quoted exactly)."""
    words = _words(URL.sub(" ", text))
    masked = [False] * len(words)
    by_first: dict[str, list[list[str]]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    for i, word in enumerate(words):
        for name in by_first.get(word, ()):
            if words[i : i + len(name)] == name:
                masked[i : i + len(name)] = [True] * len(name)
    return {
        tuple(words[i : i + n]) for i in range(len(words) - n + 1) if not any(masked[i : i + n])
    }


def _names(repo_root: Path) -> list[list[str]]:
    bibs = [
        *(repo_root / "book" / "bib").glob("*.bib"),
        repo_root / "instructor" / "teaching-notes.bib",
    ]
    fields = [f for b in bibs for f in BIB_FIELD.findall(b.read_text(encoding="utf-8"))]
    # Each item of a list of names is a name too ("informed buying, contract monitoring").
    items = [item for name in NAMES for item in re.split(r",|\band\b", name)]
    return [w for w in (_words(t) for t in [*NAMES, *items, *fields]) if len(w) >= 2]


def lifted_from_briefs(text: str, brief_grams: set, names: list[list[str]]) -> list[str]:
    """Runs of N_BRIEF words the text shares with the research briefs."""
    return [" ".join(g) for g in sorted(_unmasked_ngrams(text, names, N_BRIEF) & brief_grams)]


@pytest.fixture(scope="module")
def brief_grams(repo_root):
    briefs = sorted(BRIEFS.glob("*.md"))
    if not briefs:
        pytest.skip("../shared/research is not beside the clone")
    names = _names(repo_root)
    return set().union(
        *(_unmasked_ngrams(p.read_text(encoding="utf-8"), names, N_BRIEF) for p in briefs)
    )


def test_no_page_or_data_note_lifts_prose_from_the_research_briefs(repo_root, brief_grams):
    names = _names(repo_root)
    lifted = {}
    for page in [*_pages(repo_root), *_data_notes(repo_root)]:
        runs = lifted_from_briefs(page.read_text(encoding="utf-8"), brief_grams, names)
        if runs:
            lifted[str(page.relative_to(repo_root))] = runs[:3]
    assert not lifted, f"runs of {N_BRIEF} words shared with ../shared/research: {lifted}"


def test_a_planted_run_from_a_brief_fails(repo_root, brief_grams):
    names = _names(repo_root)
    brief = (BRIEFS / "paper-brief.md").read_text(encoding="utf-8")
    sentence = "rural suppliers pitch a price below urban suppliers and value above offshore"
    assert sentence in brief
    assert lifted_from_briefs(f"In short, {sentence}.", brief_grams, names)
    assert not lifted_from_briefs(
        "Rural firms price under city suppliers and offer more than offshore ones.",
        brief_grams,
        names,
    )


def test_no_sentence_is_copied_from_the_abstract(repo_root):
    abstracts = sorted(SEED.glob("*.txt"))
    if not abstracts:
        pytest.skip("../shared/seed is not beside the clone")
    abstract = _ngrams(_words(" ".join(p.read_text(encoding="utf-8") for p in abstracts)))
    # The title, the two market names and the seven named sourcing models are names, not prose.
    allowed = _ngrams(
        _words(
            "Global outsourcing of back office services: lessons, trends, and enduring challenges. "
            "Information Technology Outsourcing (ITO) and Business Process Outsourcing (BPO). "
            "application service provision, insourcing, nearshoring, rural sourcing, knowledge process "
            "outsourcing, freelance outsourcing, and captive centers"
        )
    )
    copied = {}
    for page in _pages(repo_root):
        shared = (_ngrams(_words(page.read_text(encoding="utf-8"))) & abstract) - allowed
        if shared:
            copied[str(page.relative_to(repo_root))] = [" ".join(g) for g in sorted(shared)[:3]]
    assert not copied, f"runs of {N} words copied from the abstract: {copied}"
