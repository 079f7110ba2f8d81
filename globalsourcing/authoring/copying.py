"""Runs of words a page shares with the research briefs or the 2008 abstract.

Every sentence of the book is written here (docs/authoring.md): ten running words shared
with a research brief (``../shared/research/*.md``) is lifted prose, seven shared with the
abstract (``../shared/seed/*.txt``) is copying, not coincidence. Names both have to use word
for word (the nine retained capabilities, the seven sourcing models, titles of the
bibliography) do not count. The references sit beside the clone; without them there is
nothing to compare against.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from . import text as t

N_ABSTRACT = 7  # seven running words shared with the abstract is copying, not coincidence
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
# The abstract's title, its two market names and its seven sourcing models are names, not prose.
ABSTRACT_NAMES = (
    "Global outsourcing of back office services: lessons, trends, and enduring challenges. "
    "Information Technology Outsourcing (ITO) and Business Process Outsourcing (BPO). "
    "application service provision, insourcing, nearshoring, rural sourcing, knowledge process "
    "outsourcing, freelance outsourcing, and captive centers"
)
URL = re.compile(r"(?:https?://|www\.)\S+")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def ngrams(seq: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def unmasked_ngrams(text: str, names: list[list[str]], n: int) -> set[tuple[str, ...]]:
    """n-grams of the text's words that do not touch a name (which may be quoted exactly)."""
    seq = words(URL.sub(" ", text))
    masked = [False] * len(seq)
    by_first: dict[str, list[list[str]]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    for i, word in enumerate(seq):
        for name in by_first.get(word, ()):
            if seq[i : i + len(name)] == name:
                masked[i : i + len(name)] = [True] * len(name)
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1) if not any(masked[i : i + n])}


def line_of_run(text: str, run: tuple[str, ...]) -> int:
    """The line where a run of words starts in the text (1 if it cannot be found)."""
    found = re.search(r"[^a-z0-9]+".join(run), text.lower())
    return text.count("\n", 0, found.start()) + 1 if found else 1


class References:
    """The research briefs and the abstract beside the clone, read once."""

    def __init__(self, root: Path, shared: Path | None = None):
        self.root = root
        self.shared = shared or root.parent / "shared"

    @cached_property
    def names(self) -> list[list[str]]:
        entries = t.bib_entries(t.edition_bib_files(self.root))
        fields = [e[f] for e in entries for f in ("title", "journal", "booktitle") if e.get(f)]
        # Each item of a list of names is a name too ("informed buying, contract monitoring").
        items = [item for name in NAMES for item in re.split(r",|\band\b", name)]
        return [w for w in (words(x) for x in [*NAMES, *items, *fields]) if len(w) >= 2]

    @cached_property
    def brief_grams(self) -> set[tuple[str, ...]]:
        briefs = sorted((self.shared / "research").glob("*.md"))
        return set().union(
            *(unmasked_ngrams(p.read_text(encoding="utf-8"), self.names, N_BRIEF) for p in briefs)
        )

    @cached_property
    def abstract_grams(self) -> set[tuple[str, ...]]:
        abstracts = sorted((self.shared / "seed").glob("*.txt"))
        text = " ".join(p.read_text(encoding="utf-8") for p in abstracts)
        return ngrams(words(text), N_ABSTRACT) - ngrams(words(ABSTRACT_NAMES), N_ABSTRACT)

    def lifted(self, text: str) -> list[tuple[str, ...]]:
        """Runs of N_BRIEF words the text shares with the research briefs."""
        return sorted(unmasked_ngrams(text, self.names, N_BRIEF) & self.brief_grams)

    def copied(self, text: str) -> list[tuple[str, ...]]:
        """Runs of N_ABSTRACT words the text shares with the abstract."""
        return sorted(ngrams(words(text), N_ABSTRACT) & self.abstract_grams)
