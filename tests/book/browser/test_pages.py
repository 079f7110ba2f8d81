"""Every page of the built site loads cleanly, offline, and is accessible in light and dark."""

import re
from urllib.parse import urlparse

import pytest

from globalsourcing.testing.site import site_pages

pytestmark = [pytest.mark.browser, pytest.mark.book]

AXE = "node_modules/axe-core/axe.min.js"


def test_every_page_loads_with_no_error_and_nothing_from_another_host(site, base_url, page_and_log):
    page, log = page_and_log
    problems = []
    pages = site_pages(site)
    assert len(pages) > 3
    for rel in pages:
        before = (len(log.console_errors), len(log.failed), len(log.external))
        target = _redirect_target(site / rel)
        page.goto(base_url + rel, wait_until="load")
        if target is not None:
            # A redirect stub (index.html) navigates on by itself; wait until it has arrived,
            # or its navigation interrupts the next page's (seen on CI).
            page.wait_for_url(re.compile(re.escape(target) + r"(#.*)?$"), wait_until="load")
        page.wait_for_timeout(50)
        errors = log.console_errors[before[0] :]
        failed = log.failed[before[1] :]
        external = log.external[before[2] :]
        if errors or failed or external:
            problems.append(
                f"{rel}: console={errors[:3]} failed={failed[:3]} external={external[:3]}"
            )
    assert not problems, "\n".join(problems)


_REFRESH = re.compile(r'http-equiv="refresh"[^>]*url=([^"\'>\s]+)', re.IGNORECASE)


def _redirect_target(path):
    """The page a redirect stub sends the reader to, or None for a page with content."""
    match = _REFRESH.search(path.read_text(encoding="utf-8"))
    return match.group(1).lstrip("./") if match else None


def test_the_redirect_stub_is_recognised(site):
    stubs = {rel: _redirect_target(site / rel) for rel in site_pages(site)}
    assert stubs.get("index.html"), "the root index.html should be a redirect stub"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_accessibility_violations(site, base_url, page_and_log, repo_root, mode):
    page, _ = page_and_log
    problems = []
    for rel in site_pages(site):
        if 'http-equiv="refresh"' in (site / rel).read_text(encoding="utf-8").lower():
            continue  # a redirect stub (index.html) has no content of its own
        page.goto(base_url + rel, wait_until="load")
        # The pydata theme's own switch sets these two attributes on <html>.
        page.evaluate(
            "m => { document.documentElement.dataset.theme = m; document.documentElement.dataset.mode = m; }",
            mode,
        )
        page.wait_for_timeout(50)
        page.add_script_tag(path=str(repo_root / AXE))
        violations = page.evaluate(
            """async () => {
                const r = await axe.run(document, {resultTypes: ['violations']});
                return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | '));
            }"""
        )
        problems += [f"{rel}: {v}" for v in violations]
    assert not problems, "\n".join(problems[:40])


_HREF = re.compile(r'href="(https?://[^"]*)"')


def test_no_link_to_a_host_without_a_domain_and_no_placeholder(site):
    problems = []
    for rel in site_pages(site):
        text = (site / rel).read_text(encoding="utf-8")
        for url in _HREF.findall(text):
            host = urlparse(url).hostname or ""
            if "." not in host:
                problems.append(f"{rel}: link to {url}")
        for placeholder in ("<repository URL>", "&lt;repository URL&gt;", "{{ repository_url }}"):
            if placeholder in text:
                problems.append(f"{rel}: contains {placeholder!r}")
    assert not problems, "\n".join(problems[:30])


def test_the_site_ships_no_source_maps_unused_scripts_or_cdn_names(site):
    static = site / "_static"
    maps = [str(p.relative_to(site)) for p in static.rglob("*.map")]
    assert not maps, maps[:5]
    assert not (static / "scripts" / "fontawesome.js").exists()
    pages_with_math = [
        rel
        for rel in site_pages(site)
        if "vendor/mathjax/" in (site / rel).read_text(encoding="utf-8")
    ]
    assert (static / "vendor" / "mathjax").exists() == bool(pages_with_math)
    assert not (static / "vendor" / "mathjax" / "sre").exists()
    cdn = re.compile(r"cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com")
    named = [
        str(p.relative_to(site))
        for p in static.rglob("*.js")
        if cdn.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not named, named
