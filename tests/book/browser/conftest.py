"""A local server for the built site and one headless Chromium for the browser tests."""

import pytest

from globalsourcing.testing.site import CHROMIUM_ARGS, chromium_path, serve, watch


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_and_log(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    log = watch(page, base_url)
    yield page, log
    context.close()
