"""A local server for the built site (the one headless Chromium is in tests/conftest.py)."""

import pytest

from globalsourcing.testing.site import serve, watch


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture
def page_and_log(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    log = watch(page, base_url)
    yield page, log
    context.close()
