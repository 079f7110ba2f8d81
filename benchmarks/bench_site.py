"""Page weight, requests and time to an interactive exhibit in the built book, on a phone.

Run after `make book`:  .venv/bin/python benchmarks/bench_site.py
(GLOBALSOURCING_STUDENT_SITE=/path/to/html measures a site built elsewhere.)
Every page is loaded with a cold cache in a 390x844 touch viewport with the CPU slowed 4x
(Chrome DevTools Protocol ``Emulation.setCPUThrottlingRate``), the way a mid-range phone
would load it. Prints bytes transferred and decoded per page, requests per page, and for
each exhibit page the time from navigation start until its first and its last exhibit has
drawn and accepts input; median and max over all pages. Fails (exit 1) when any page
transfers more than 1 MB on a first visit.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from globalsourcing.testing.site import CHROMIUM_ARGS, chromium_path, serve, site_pages

SITE = Path(
    os.environ.get("GLOBALSOURCING_STUDENT_SITE")
    or Path(__file__).resolve().parent.parent / "_build" / "html"
)
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
CPU_SLOWDOWN = 4
#: No page may transfer more than this on a first visit.
MAX_PAGE_BYTES = 1_000_000

READY = """() => {
  const figs = Array.from(document.querySelectorAll('figure.gs-exhibit'));
  return figs.length > 0 && figs.every(f => f.getAttribute('data-ready') === 'true');
}"""


# When the first and the last exhibit of the page became interactive (ms after navigation).
READY_TIMES = """() => { const t = Array.from(document.querySelectorAll('figure.gs-exhibit'))
  .map(f => Number(f.getAttribute('data-ready-ms'))); return [Math.min(...t), Math.max(...t)]; }"""

# Bytes on the wire (gzip, as GitHub Pages and most hosts serve text) and after decoding,
# for the document and everything it loaded (headers excluded).
# The third number is the request count (the document and every resource it loaded).
BYTES = """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .reduce((sum, e) => [sum[0] + (e.encodedBodySize || 0), sum[1] + (e.decodedBodySize || 0), sum[2] + 1], [0, 0, 0])"""


def _spread(values, unit: float = 1, fmt: str = "{:.0f}") -> str:
    return f"median {fmt.format(statistics.median(values) / unit)}, max {fmt.format(max(values) / unit)}"


def main() -> int:
    if not (SITE / "index.html").exists():
        print("Build the book first: make book", file=sys.stderr)
        return 1
    pages = [p for p in site_pages(SITE) if p != "index.html"]
    weights: dict[str, int] = {}
    ready_ms: dict[str, float] = {}
    with serve(SITE) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for rel in pages:
            context = browser.new_context(**PHONE)  # a cold cache for every page: the worst case
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.goto(base + rel, wait_until="load")
            if 'class="gs-exhibit"' in (SITE / rel).read_text(encoding="utf-8"):
                page.wait_for_function(READY, timeout=60_000)
                ready_ms[rel] = page.evaluate(READY_TIMES)
            # Not "networkidle": on the emulated phone some pages never go quiet for 500 ms
            # under load; the load event plus a second catches the deferred requests.
            page.wait_for_timeout(1000)
            weights[rel] = page.evaluate(BYTES)
            context.close()
        browser.close()

    sizes = [w[0] for w in weights.values()]
    decoded = [w[1] for w in weights.values()]
    requests = [w[2] for w in weights.values()]
    print(
        f"pages measured: {len(sizes)} (cold cache each, 390x844 touch, CPU {CPU_SLOWDOWN}x slower)"
    )
    print(f"transferred per page (gzip): {_spread(sizes, 1e6, '{:.2f}')} MB")
    print(f"decoded per page: {_spread(decoded, 1e6, '{:.2f}')} MB")
    print(f"requests per page: {_spread(requests)}")
    heaviest = max(weights, key=lambda k: weights[k][0])
    print(f"heaviest page: {heaviest} ({weights[heaviest][0] / 1e6:.2f} MB transferred)")
    if ready_ms:
        slowest = max(ready_ms, key=lambda k: ready_ms[k][1])
        print(
            f"exhibit pages: {len(ready_ms)}; navigation to first exhibit interactive: "
            f"{_spread([t[0] for t in ready_ms.values()])} ms"
        )
        print(
            "navigation to every exhibit of the page interactive: "
            f"{_spread([t[1] for t in ready_ms.values()])} ms ({slowest})"
        )
    over = sorted(rel for rel, w in weights.items() if w[0] > MAX_PAGE_BYTES)
    print(f"pages over {MAX_PAGE_BYTES / 1e6:.0f} MB transferred: {len(over)} {over[:5]}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
