"""No data note lifts prose from the research briefs.

The pages of book/ and instructor/ are checked by the chapter linter
(globalsourcing.authoring.lint, tests/book/test_chapter_lint.py): no run of ten words shared
with a research brief, none of seven shared with the 2008 abstract, no unfinished page. The
datasheets and the curated tables' notes are prose too, but not chapters: they are checked
here with the same comparison (globalsourcing.authoring.copying).
"""

from pathlib import Path

import pytest

from globalsourcing.authoring.copying import N_BRIEF, References


def _data_notes(repo_root: Path) -> list[Path]:
    """Datasheets and the curated tables, whose notes and outcomes are prose too."""
    curated = [p for p in (repo_root / "datasets").glob("*/*.csv") if p.stat().st_size < 2_000_000]
    return sorted([*(repo_root / "datasets").glob("*/datasheet.md"), *curated])


@pytest.fixture(scope="module")
def references(repo_root) -> References:
    refs = References(repo_root)
    if not sorted((refs.shared / "research").glob("*.md")):
        pytest.skip("../shared/research is not beside the clone")
    return refs


def test_no_data_note_lifts_prose_from_the_research_briefs(repo_root, references):
    lifted = {}
    for note in _data_notes(repo_root):
        runs = references.lifted(note.read_text(encoding="utf-8"))
        if runs:
            lifted[str(note.relative_to(repo_root))] = [" ".join(r) for r in runs[:3]]
    assert not lifted, f"runs of {N_BRIEF} words shared with ../shared/research: {lifted}"


def test_a_planted_run_from_a_brief_fails(references):
    brief = (references.shared / "research" / "paper-brief.md").read_text(encoding="utf-8")
    sentence = "rural suppliers pitch a price below urban suppliers and value above offshore"
    assert sentence in brief
    assert references.lifted(f"In short, {sentence}.")
    assert not references.lifted(
        "Rural firms price under city suppliers and offer more than offshore ones."
    )
