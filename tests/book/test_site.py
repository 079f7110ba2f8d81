"""The built student site: complete, executed, offline, and with no broken internal link."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from globalsourcing.authoring.text import parse_bib
from globalsourcing.sphinxext.offline import external_references
from globalsourcing.testing.site import site_pages

pytestmark = pytest.mark.book


def _chapters(repo_root: Path) -> list[Path]:
    return sorted(p for p in (repo_root / "book").rglob("*.md") if "bib" not in p.parts)


def test_the_site_has_a_landing_page_and_every_chapter(site, repo_root):
    assert (site / "index.html").exists()
    missing = [
        str(md.relative_to(repo_root))
        for md in _chapters(repo_root)
        if not (site / md.relative_to(repo_root).with_suffix(".html")).exists()
    ]
    assert not missing, f"chapters not in the built site (are they in _toc.yml?): {missing}"


def test_every_notebook_chapter_was_executed(site, repo_root):
    unexecuted = []
    for md in _chapters(repo_root):
        text = md.read_text(encoding="utf-8")
        if (
            "kernelspec:" not in text.split("---", 2)[1 if text.startswith("---") else 0]
            or "{code-cell}" not in text
        ):
            continue
        html = (site / md.relative_to(repo_root).with_suffix(".html")).read_text(encoding="utf-8")
        if "cell_output" not in html and "gs-exhibit" not in html:
            unexecuted.append(str(md.relative_to(repo_root)))
    assert not unexecuted, f"pages whose code cells produced no output: {unexecuted}"


def test_the_site_loads_nothing_from_another_host(site):
    assert external_references(site) == {}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def test_every_internal_link_resolves(site):
    parsed = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            links = _Links()
            links.feed(path.read_text(encoding="utf-8", errors="replace"))
            parsed[path] = links
        return parsed[path]

    broken = []
    for rel in site_pages(site):
        page = site / rel
        for href in parse(page).hrefs:
            url = urlparse(href)
            if url.scheme or href.startswith(("mailto:", "javascript:", "//")):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{rel} -> {href}")
            elif (
                url.fragment and target.suffix == ".html" and url.fragment not in parse(target).ids
            ):
                broken.append(f"{rel} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken[:40])


def test_student_bibliography_lists_no_source_cited_only_by_teaching_notes(site, repo_root):
    notes_bib = (repo_root / "instructor" / "teaching-notes.bib").read_text(encoding="utf-8")
    titles = [e["title"] for e in parse_bib(notes_bib) if e.get("title")]
    assert titles, "instructor/teaching-notes.bib lists no titles"
    page = html.unescape((site / "book" / "references.html").read_text(encoding="utf-8"))
    page = page.replace("\u2019", "'")
    # A bibliography entry renders its title followed by a full stop.
    leaked = [t for t in titles if re.sub(r"[{}]", "", t).rstrip(".") + "." in page]
    assert not leaked, f"teaching-note sources on the student bibliography page: {leaked}"
