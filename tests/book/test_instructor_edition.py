"""The instructor edition and the student site are built from one repository, and only the
instructor edition carries teaching notes, the syllabus and rubrics.

Fast tests check the edition's description (config override, appended toc parts) and the
teaching notes' structure. The ``book`` tests look at built sites: the student site in
``_build/html`` and the instructor edition in ``_build/instructor/html`` when a build exists
(or the folders named by ``GLOBALSOURCING_STUDENT_SITE`` and ``GLOBALSOURCING_INSTRUCTOR_SITE``),
otherwise each is built into a temporary folder. They search both sites for distinctive
sentences taken from every teaching note, the syllabus and every rubric.
"""

from __future__ import annotations

import html as html_lib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from globalsourcing.authoring.text import CITE, FENCE, ROLE

ROOT = Path(__file__).resolve().parents[2]
INSTRUCTOR = ROOT / "instructor"
NOTES = INSTRUCTOR / "teaching-notes"
RUBRICS = INSTRUCTOR / "rubrics"
CASES = sorted(
    p.name for p in (ROOT / "book" / "cases").glob("[0-9][0-9]-*.md") if p.name[:2] != "00"
)
SCRIPT = ROOT / "scripts" / "build_instructor_edition.sh"


def _edition_module():
    spec = importlib.util.spec_from_file_location("instructor_edition", INSTRUCTOR / "edition.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


edition = _edition_module()


# --- what the sources say ----------------------------------------------------------------


def _plain_words(markdown: str) -> list[str]:
    """Sentences of a page as plain word sequences, the way they read on the rendered page."""
    text = FENCE.sub(" ", markdown)
    text = re.sub(r"^---\n.*?\n---\n", " ", text, flags=re.S)
    text = ROLE.sub(" ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`|#]", " ", text)
    return [s for s in re.split(r"[.;:!?()\n]+", text) if s.strip()]


def _normalise(text: str) -> str:
    text = html_lib.unescape(text).replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).lower()


def _student_source_text() -> str:
    pages = [p for p in (ROOT / "book").rglob("*.md")] + [ROOT / "README.md"]
    return _normalise(" ".join(p.read_text(encoding="utf-8") for p in pages if p.is_file()))


def markers(path: Path, student_text: str, how_many: int = 3) -> list[str]:
    """Up to ``how_many`` runs of plain words from ``path`` that no student page has.

    Runs of seven words are preferred; a page made mostly of short table cells (a rubric) falls
    back to runs of five.
    """
    for width in (7, 5):
        found = _markers(path, student_text, how_many, width)
        if found:
            return found
    return []


def _markers(path: Path, student_text: str, how_many: int, width: int) -> list[str]:
    found: list[str] = []
    for sentence in _plain_words(path.read_text(encoding="utf-8")):
        words = sentence.split()
        if len(words) < width or not all(re.fullmatch(r"[A-Za-z][a-z]*,?", w) for w in words):
            continue
        middle = max(0, (len(words) - width) // 2)
        run = " ".join(words[middle : middle + width]).rstrip(",").lower()
        if run not in student_text and run not in found:
            found.append(run)
        if len(found) == how_many:
            break
    return found


def instructor_sources() -> list[Path]:
    pages = sorted(INSTRUCTOR.glob("0*.md")) + sorted(NOTES.glob("*.md"))
    return pages + sorted(RUBRICS.glob("*.md"))


# --- fast checks of the edition's description ----------------------------------------------


def test_every_case_has_a_teaching_note():
    # Its sections and citations are checked by the chapter linter (test_chapter_lint.py).
    assert len(CASES) >= 8
    for case in CASES:
        note = NOTES / case
        assert note.is_file(), f"no teaching note for {case}: expected {note.relative_to(ROOT)}"


def _section(text: str, title: str) -> str:
    parts = re.split(r"^## (.+)$", FENCE.sub("", text), flags=re.M)
    return next(parts[i + 1] for i in range(1, len(parts), 2) if parts[i].startswith(title))


@pytest.mark.parametrize("case", CASES)
def test_teaching_note_answers_every_assignment_question_and_cites_the_outcome(case):
    case_text = (ROOT / "book" / "cases" / case).read_text(encoding="utf-8")
    questions = re.findall(r"^(\d+)\.\s", _section(case_text, "Assignment questions"), re.M)
    note = (NOTES / case).read_text(encoding="utf-8")
    answers = re.findall(r"\*\*Question (\d+)", _section(note, "Strong answers"))
    assert answers == questions, f"{case}: answers {answers} do not match questions {questions}"
    assert len(CITE.findall(_section(note, "What happened next"))) >= 3, (
        f"{case}: 'What happened next' must cite its sources"
    )
    timings = re.findall(r"^\| *\d+-\d+ *\|", _section(note, "Discussion plan"), re.M)
    assert len(timings) >= 5, f"{case}: the discussion plan needs timed blocks"


def test_student_book_excludes_the_instructor_folder():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "instructor/**" in config["exclude_patterns"]
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*- (file|glob): instructor/", toc, re.M), "_toc.yml lists instructor/"


def test_edition_config_differs_from_the_student_config_only_where_declared():
    base = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    merged = edition.merged_config(ROOT)
    assert "instructor/**" not in merged["exclude_patterns"]
    assert set(base["exclude_patterns"]) - set(merged["exclude_patterns"]) == {"instructor/**"}
    assert merged["title"] != base["title"] and "instructor" in merged["title"].lower()
    assert "announcement" in merged["html"]
    # Declared by edition.py: the teaching notes' own bibliography, and the shared notebook cache.
    assert merged["bibtex_bibfiles"] == [*base["bibtex_bibfiles"], "instructor/teaching-notes.bib"]
    assert merged["execute"] == {
        **base["execute"],
        "cache": str(ROOT / "_build" / ".jupyter_cache"),
    }
    for key in set(base) - {"title", "html", "exclude_patterns", "bibtex_bibfiles", "execute"}:
        assert merged[key] == base[key], f"the edition changed '{key}' without declaring it"
    for key in set(base["html"]) - {"announcement"}:
        assert merged["html"][key] == base["html"][key]


def test_edition_toc_is_the_student_toc_plus_instructor_parts():
    student = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    merged = edition.merged_toc(ROOT)
    n = len(student["parts"])
    assert merged["parts"][:n] == student["parts"], "every student part, unchanged and in order"
    added = [c["glob"] for part in merged["parts"][n:] for c in part["chapters"]]
    assert "instructor/teaching-notes/*" in added
    assert "instructor/0*" in added
    if list(RUBRICS.glob("*.md")):
        assert "instructor/rubrics/*" in added


def test_edition_drops_an_instructor_glob_that_matches_nothing(tmp_path):
    for name in ("_config.yml", "_toc.yml", "_config_instructor.yml"):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "_toc_instructor.yml").write_text(
        "parts:\n  - caption: Empty\n    chapters:\n      - glob: instructor/nothing/*\n",
        encoding="utf-8",
    )
    merged = edition.merged_toc(tmp_path)
    assert "Empty" not in [p.get("caption") for p in merged["parts"]]


def test_edition_rejects_an_override_that_no_longer_matches_the_student_config(tmp_path):
    for name in ("_config.yml", "_toc.yml", "_toc_instructor.yml"):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "_config_instructor.yml").write_text(
        "remove_exclude_patterns:\n  - teachers/**\n", encoding="utf-8"
    )
    with pytest.raises(edition.EditionError, match="teachers"):
        edition.merged_config(tmp_path)


def test_build_script_is_one_executable_command():
    assert SCRIPT.is_file() and SCRIPT.stat().st_mode & 0o111, f"{SCRIPT} is not executable"
    result = subprocess.run([str(SCRIPT), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "_build/instructor" in result.stdout


def test_every_instructor_page_yields_markers_unseen_in_student_sources():
    student_text = _student_source_text()
    for page in instructor_sources():
        assert markers(page, student_text), f"{page.name}: no distinctive sentence to search for"


# --- the built sites -----------------------------------------------------------------------


def _build_student(out: Path) -> Path:
    subprocess.run(
        [
            str(Path(sys.executable).with_name("jupyter-book")),
            "build",
            str(ROOT),
            "--path-output",
            str(out),
            "--keep-going",
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return out / "_build" / "html"


def _existing_site(variable: str, default: Path) -> Path | None:
    """A built site named by an environment variable, else the default build, if present."""
    site = Path(os.environ.get(variable, default))
    return site if (site / "index.html").exists() else None


@pytest.fixture(scope="module")
def student_site(tmp_path_factory) -> Path:
    built = _existing_site("GLOBALSOURCING_STUDENT_SITE", ROOT / "_build" / "html")
    if built:
        return built
    return _build_student(tmp_path_factory.mktemp("student"))


@pytest.fixture(scope="module")
def instructor_site(tmp_path_factory) -> Path:
    built = _existing_site(
        "GLOBALSOURCING_INSTRUCTOR_SITE", ROOT / "_build" / "instructor" / "html"
    )
    if built:
        return built
    # Not strict here: other parts' warnings must not hide a leak; the script itself uses -W.
    return edition.build(tmp_path_factory.mktemp("instructor"), strict=False)


def _site_text(site: Path) -> str:
    chunks = []
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue
        raw = page.read_text(encoding="utf-8", errors="replace")
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
        chunks.append(re.sub(r"<[^>]+>", " ", raw))
    return _normalise(" ".join(chunks))


@pytest.mark.book
@pytest.mark.slow
def test_student_site_contains_no_teaching_note_syllabus_or_rubric_text(student_site):
    assert not (student_site / "instructor").exists(), "the student site has an instructor/ folder"
    text = _site_text(student_site)
    student_text = _student_source_text()
    leaks = {
        page.name: hits
        for page in instructor_sources()
        if (hits := [m for m in markers(page, student_text) if m in text])
    }
    assert not leaks, f"instructor text found in the student site: {leaks}"
    links = re.findall(r'href="([^"]*instructor/(?:teaching-notes|rubrics|0)[^"]*)"', text)
    assert not links, f"the student site links to instructor pages: {links}"


@pytest.mark.book
@pytest.mark.slow
def test_instructor_edition_contains_every_student_page_and_every_instructor_page(
    instructor_site, student_site
):
    student_pages = {p.relative_to(student_site) for p in student_site.rglob("*.html")}
    chapters = {p for p in student_pages if p.parts[0] == "book"}
    missing = sorted(str(p) for p in chapters if not (instructor_site / p).exists())
    assert not missing, f"student pages missing from the instructor edition: {missing}"
    for page in instructor_sources():
        built = instructor_site / page.relative_to(ROOT).with_suffix(".html")
        assert built.exists(), f"{page.relative_to(ROOT)} is not in the instructor edition"
    text = _site_text(instructor_site)
    student_text = _student_source_text()
    absent = {
        page.name: hits
        for page in instructor_sources()
        if (hits := [m for m in markers(page, student_text) if m not in text])
    }
    assert not absent, f"instructor text missing from the instructor edition: {absent}"
