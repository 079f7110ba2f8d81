"""Every page of the built site loads cleanly, offline, and is accessible."""

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
        page.goto(base_url + rel, wait_until="load")
        page.wait_for_timeout(50)
        errors = log.console_errors[before[0] :]
        failed = log.failed[before[1] :]
        external = log.external[before[2] :]
        if errors or failed or external:
            problems.append(
                f"{rel}: console={errors[:3]} failed={failed[:3]} external={external[:3]}"
            )
    assert not problems, "\n".join(problems)


def test_no_serious_accessibility_violations(site, base_url, page_and_log, repo_root):
    page, _ = page_and_log
    problems = []
    for rel in site_pages(site):
        if 'http-equiv="refresh"' in (site / rel).read_text(encoding="utf-8").lower():
            continue  # a redirect stub (index.html) has no content of its own
        page.goto(base_url + rel, wait_until="load")
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
