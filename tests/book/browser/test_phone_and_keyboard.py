"""The site on a phone (390x844, touch), a tablet width and a desktop, by keyboard and with
scripts off: navigation, legible exhibits, chart data without a mouse, static images."""

import pytest

from globalsourcing.testing.exhibit_geometry import MEASURE_JS, OVERLAP_PX, problems
from globalsourcing.testing.site import site_pages, watch

pytestmark = [pytest.mark.browser, pytest.mark.book]

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
TABLET = {"viewport": {"width": 900, "height": 900}}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SIZES = {"390": PHONE, "900": TABLET, "1280": DESKTOP}

# Whether each sidebar is on screen: open as a dialog (narrow) or shown in the page (wide).
SIDEBARS = """() => {
  const shown = (el) => !!el && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
  const p = document.getElementById('pst-primary-sidebar');
  const pd = document.getElementById('pst-primary-sidebar-modal');
  const s = document.getElementById('pst-secondary-sidebar');
  const sd = document.getElementById('pst-secondary-sidebar-modal');
  return {
    primary: !!(pd && pd.open) || (shown(p) && !p.classList.contains('pst-sidebar-hidden')),
    secondary: !!(sd && sd.open) || shown(s),
  };
}"""


def _pages_with(site, marker):
    return [rel for rel in site_pages(site) if marker in (site / rel).read_text(encoding="utf-8")]


@pytest.fixture
def open_page(browser, base_url):
    contexts = []

    def _open(rel: str, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        log = watch(page, base_url)
        page.goto(base_url + rel, wait_until="load")
        return page, log

    yield _open
    for context in contexts:
        context.close()


def _chapter_page(site) -> str:
    # A chapter with sections, so both sidebars have something to show.
    return next(rel for rel in _pages_with(site, "gs-exhibit") if rel.startswith("book/lessons/"))


def _press(page, button, by: str) -> None:
    if by == "tap":
        button.tap()
    elif by == "click":
        button.click()
    else:
        button.focus()
        page.keyboard.press("Enter")
    page.wait_for_timeout(250)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("which", ["primary", "secondary"])
def test_sidebars_open_and_close_by_tap_and_keyboard(site, open_page, size, which):
    rel = _chapter_page(site)
    for by in ("tap" if size == "390" else "click", "keyboard"):
        page, log = open_page(rel, **SIZES[size])
        button = page.locator(f".{which}-toggle")
        start = page.evaluate(SIDEBARS)[which]
        if not button.is_visible():
            # Wide enough that the theme always shows this sidebar and offers no button.
            assert start, f"{size}px: no {which} toggle and no {which} sidebar either"
            continue
        _press(page, button, by)
        opened = page.evaluate(SIDEBARS)[which]
        assert opened != start, f"{size}px: the {which} toggle did nothing ({by})"
        # Close again: Escape closes the narrow-screen dialog, the button the wide sidebar.
        if opened and page.locator(f"#pst-{which}-sidebar-modal[open]").count():
            page.keyboard.press("Escape")
            page.wait_for_timeout(250)
        else:
            _press(page, button, by)
        assert page.evaluate(SIDEBARS)[which] == start, f"{size}px: {which} did not close"
        assert not log.console_errors, log.console_errors[:3]


@pytest.mark.parametrize("size", ["390", "1280"])
def test_every_exhibit_is_legible_and_fits(site, open_page, size):
    pages = _pages_with(site, 'class="gs-exhibit"')
    assert pages
    found, measured = [], 0
    for rel in pages:
        page, _ = open_page(rel, **SIZES[size])
        page.wait_for_function(
            "[...document.querySelectorAll('figure.gs-exhibit')].every(f => f.dataset.ready)",
            timeout=30_000,
        )
        records = page.evaluate(MEASURE_JS, OVERLAP_PX)
        measured += len(records)
        found += problems(records, f"{size}px {rel}")
        page.context.close()
    assert measured >= 50, f"only {measured} exhibits measured"
    assert not found, "\n".join(found[:40])


def test_exhibits_still_fit_after_the_reader_switches_to_dark_on_a_phone(site, open_page):
    # Switching the theme after load narrows the column without a window resize; the charts
    # must follow their container, not only the window.
    pages = [
        rel for rel in _pages_with(site, 'class="gs-exhibit"') if rel.startswith("book/cases/")
    ]
    assert pages
    found = []
    for rel in pages[:3]:
        page, log = open_page(rel, **PHONE)
        ready = "[...document.querySelectorAll('figure.gs-exhibit')].every(f => f.dataset.ready)"
        page.wait_for_function(ready, timeout=30_000)
        page.evaluate(
            "() => { const r = document.documentElement; r.dataset.theme = 'dark'; r.dataset.mode = 'dark'; }"
        )
        page.wait_for_timeout(600)
        found += problems(page.evaluate(MEASURE_JS, OVERLAP_PX), f"390px dark after load {rel}")
        assert not log.console_errors, log.console_errors[:3]
        page.context.close()
    assert not found, "\n".join(found[:20])


def test_every_exhibit_has_a_data_table_reachable_by_keyboard(site, open_page):
    found, checked = [], 0
    for rel in _pages_with(site, 'class="gs-exhibit"'):
        page, _ = open_page(rel, **PHONE)
        figures = page.locator("figure.gs-exhibit")
        for i in range(figures.count()):
            figure = figures.nth(i)
            where = f"{rel} #{figure.get_attribute('id')}"
            # The chart itself is no tab stop: it does nothing for a keyboard.
            if figure.locator(".gs-exhibit-view[tabindex]").count():
                found.append(f"{where}: the chart is a keyboard stop that does nothing")
            summary = figure.locator("details.gs-exhibit-data > summary")
            if summary.count() != 1:
                found.append(f"{where}: no data table")
                continue
            summary.focus()
            if not page.evaluate("el => document.activeElement === el", summary.element_handle()):
                found.append(f"{where}: the data table cannot take keyboard focus")
                continue
            page.keyboard.press("Enter")
            rows = figure.locator("table.gs-exhibit-table tbody tr")
            if not rows.count() or not rows.first.is_visible():
                found.append(f"{where}: Enter did not show the table's rows")
            checked += 1
        page.context.close()
    assert checked >= 50, f"only {checked} exhibits have a data table"
    assert not found, "\n".join(found[:40])


def test_with_scripts_off_every_exhibit_shows_its_static_image(site, open_page):
    found, checked = [], 0
    for rel in _pages_with(site, 'class="gs-exhibit"'):
        page, _ = open_page(rel, java_script_enabled=False, **PHONE)
        figures = page.locator("figure.gs-exhibit")
        for i in range(figures.count()):
            image = figures.nth(i).locator(".gs-exhibit-static svg")
            box = image.bounding_box() if image.count() == 1 else None
            if not box or box["width"] < 100 or box["height"] < 50:
                found.append(f"{rel} exhibit {i}: no static image ({box})")
            elif box["x"] + box["width"] > 390.5:
                found.append(f"{rel} exhibit {i}: static image wider than the phone")
            checked += 1
        page.context.close()
    assert checked >= 50
    assert not found, "\n".join(found[:40])


def test_wide_tables_read_as_cards_on_a_phone(site, open_page):
    pages = _pages_with(site, "gs-stack")
    assert any("scorecard" in rel for rel in pages), "the scorecard table is not stacked"
    found = []
    for rel in pages:
        page, _ = open_page(rel, **PHONE)
        for table in page.locator("table.gs-stack").all():
            box = table.bounding_box()
            if box["x"] + box["width"] > 390.5:
                found.append(f"{rel}: a stacked table is wider than the phone")
            labels = page.evaluate(
                "t => [...t.querySelectorAll('tbody td')].map(c => c.getAttribute('data-label'))",
                table.element_handle(),
            )
            if not labels or not all(labels):
                found.append(f"{rel}: a cell has no column label")
        page.context.close()
    assert not found, "\n".join(found)
