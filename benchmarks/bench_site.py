"""Page weight and time to an interactive exhibit in the built book, over localhost.

Run after `make book`:  .venv/bin/python benchmarks/bench_site.py
Prints bytes transferred per page (median, max; cold cache, so shared scripts count on
every page) and, for each exhibit page, the time from navigation start until every exhibit
on it has drawn and accepts input. Targets: median page under 1 MB, exhibits interactive
within 1 s on localhost.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from globalsourcing.testing.site import CHROMIUM_ARGS, chromium_path, serve, site_pages

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"

READY = """() => {
  const figs = Array.from(document.querySelectorAll('figure.gs-exhibit'));
  return figs.length > 0 && figs.every(f => f.getAttribute('data-ready') === 'true');
}"""


# When the first and the last exhibit of the page became interactive (ms after navigation).
READY_TIMES = """() => { const t = Array.from(document.querySelectorAll('figure.gs-exhibit'))
  .map(f => Number(f.getAttribute('data-ready-ms'))); return [Math.min(...t), Math.max(...t)]; }"""

# Bytes on the wire (gzip, as GitHub Pages and most hosts serve text) and after decoding,
# for the document and everything it loaded (headers excluded).
BYTES = """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .reduce((sum, e) => [sum[0] + (e.encodedBodySize || 0), sum[1] + (e.decodedBodySize || 0)], [0, 0])"""


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
            context = browser.new_context()  # a cold cache for every page: the worst case
            page = context.new_page()
            page.goto(base + rel, wait_until="load")
            if 'class="gs-exhibit"' in (SITE / rel).read_text(encoding="utf-8"):
                page.wait_for_function(READY, timeout=15_000)
                ready_ms[rel] = page.evaluate(READY_TIMES)
            page.wait_for_load_state("networkidle")
            weights[rel] = page.evaluate(BYTES)
            context.close()
        browser.close()

    sizes = sorted(w[0] for w in weights.values())
    decoded = sorted(w[1] for w in weights.values())
    print(f"pages measured: {len(sizes)} (cold cache each)")
    print(
        f"transferred per page (gzip): median {statistics.median(sizes) / 1e6:.2f} MB, max {max(sizes) / 1e6:.2f} MB"
    )
    print(
        f"decoded per page: median {statistics.median(decoded) / 1e6:.2f} MB, max {max(decoded) / 1e6:.2f} MB"
    )
    heaviest = max(weights, key=lambda k: weights[k][0])
    print(f"heaviest page: {heaviest} ({weights[heaviest][0] / 1e6:.2f} MB transferred)")
    if ready_ms:
        first = sorted(t[0] for t in ready_ms.values())
        every = sorted(t[1] for t in ready_ms.values())
        slowest = max(ready_ms, key=lambda k: ready_ms[k][1])
        print(
            f"exhibit pages: {len(first)}; navigation to first exhibit interactive: median {statistics.median(first):.0f} ms, max {max(first):.0f} ms"
        )
        print(
            f"navigation to every exhibit of the page interactive: median {statistics.median(every):.0f} ms, max {max(every):.0f} ms ({slowest})"
        )
    median_ok = statistics.median(sizes) < 1e6
    ready_ok = not ready_ms or max(t[0] for t in ready_ms.values()) < 1000
    print(
        f"targets: median page < 1 MB: {'met' if median_ok else 'MISSED'}; exhibits < 1 s: {'met' if ready_ok else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
