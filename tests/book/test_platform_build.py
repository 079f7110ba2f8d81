"""The course's Sphinx extension in a real (small) Jupyter Book build."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "minibook"
JB = Path(sys.executable).parent / "jupyter-book"

pytestmark = pytest.mark.slow


def _book(tmp_path: Path, repo_root: Path, extra: dict[str, str] | None = None) -> Path:
    book = tmp_path / "book"
    shutil.copytree(FIXTURE, book)
    config = book / "_config.yml"
    config.write_text(config.read_text().replace("NODE_MODULES", str(repo_root / "node_modules")))
    for name, text in (extra or {}).items():
        (book / name).write_text(text)
        toc = book / "_toc.yml"
        toc.write_text(toc.read_text() + f"  - file: {Path(name).stem}\n")
    return book


def _build(book: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(JB), "build", str(book), "-W", "--keep-going"],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory, repo_root):
    book = _book(tmp_path_factory.mktemp("ok"), repo_root)
    result = _build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return book / "_build" / "html"


def test_quiz_renders_accessible_markup_with_feedback_per_option(built):
    page = (built / "quiz.html").read_text()
    assert '<fieldset class="gs-quiz-question" data-type="single"' in page
    assert (
        '<label for="gs-fixture-quiz-q1-b"><span class="gs-quiz-letter">B.</span> B</label>' in page
    )
    assert "<em>B</em>" in page  # inline Markdown in prompts
    assert page.count('class="gs-quiz-feedback"') == 2
    assert 'role="status" aria-live="polite"' in page
    assert "gs-quiz.js" in page and "vega.min.js" not in page


def test_exhibit_page_gets_vega_from_the_site_itself(built):
    page = (built / "exhibit.html").read_text()
    assert 'class="gs-exhibit"' in page and "gs-exhibit-spec" in page
    assert "_static/vendor/vega.min.js" in page and "gs-exhibits.js" in page
    assert (built / "_static" / "vendor" / "vega.min.js").stat().st_size > 100_000
    # MathJax ships only when some page has math (sphinxext/slim.py).
    with_math = [p for p in built.rglob("*.html") if "vendor/mathjax/" in p.read_text()]
    assert (built / "_static" / "vendor" / "mathjax" / "tex-chtml.js").exists() == bool(with_math)
    assert "import altair" not in page  # the code is hidden, the figure shown


def test_a_sphinx_warning_fails_the_build(tmp_path, repo_root):
    book = _book(tmp_path, repo_root, {"broken.md": "# Broken\n\nSee {ref}`no-such-label`.\n"})
    result = _build(book)
    assert result.returncode != 0
    assert "no-such-label" in result.stdout + result.stderr


def test_a_failing_notebook_cell_fails_the_build(tmp_path, repo_root):
    page = (FIXTURE / "exhibit.md").read_text().split("# Exhibit page")[
        0
    ] + "# Raises\n\n```{code-cell} ipython3\n1 / 0\n```\n"
    result = _build(_book(tmp_path, repo_root, {"raises.md": page}))
    assert result.returncode != 0
    assert "ZeroDivisionError" in result.stdout + result.stderr


def test_a_page_loading_from_another_host_fails_the_build(tmp_path, repo_root):
    page = '# CDN\n\n```{raw} html\n<script src="https://cdn.example.org/lib.js"></script>\n```\n'
    result = _build(_book(tmp_path, repo_root, {"cdn.md": page}))
    assert result.returncode != 0
    assert "load nothing from another host" in result.stdout + result.stderr
    assert "cdn.example.org" in result.stdout + result.stderr


def test_a_malformed_quiz_fails_the_build_with_its_location(tmp_path, repo_root):
    page = "# Bad quiz\n\n```{quiz}\n:id: bad\nquestions:\n  - id: q1\n    type: single\n    prompt: x\n    options: [{text: a, feedback: f}, {text: b, feedback: g}]\n```\n"
    result = _build(_book(tmp_path, repo_root, {"badquiz.md": page}))
    assert result.returncode != 0
    assert "exactly one correct option" in result.stdout + result.stderr
