"""Content rules the whole book must keep: no copied abstract text, no unfinished pages."""

import re
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
N = 7  # seven running words shared with the abstract is copying, not coincidence


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _ngrams(words: list[str], n: int = N) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _pages(repo_root: Path) -> list[Path]:
    return sorted([*(repo_root / "book").rglob("*.md"), *(repo_root / "instructor").rglob("*.md")])


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


@pytest.mark.parametrize("marker", ["TODO", "TBD", "lorem ipsum", "FIXME", "placeholder text"])
def test_no_page_is_unfinished(repo_root, marker):
    hits = [
        str(p.relative_to(repo_root))
        for p in _pages(repo_root)
        if re.search(rf"\b{re.escape(marker)}\b", p.read_text(encoding="utf-8"), flags=re.I)
    ]
    assert not hits, f"{marker!r} found in {hits}"
