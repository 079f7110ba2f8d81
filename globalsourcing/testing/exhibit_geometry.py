"""Measure every drawn exhibit on a page from its SVG text boxes (shared by tests and benchmark)."""

from __future__ import annotations

#: Smallest rendered text allowed in an exhibit, in CSS px.
MIN_TEXT_PX = 10
#: Text boxes may touch; they overlap when they share more than this many px each way.
OVERLAP_PX = 1

#: Returns one record per exhibit: its id, smallest text px, overflow, ellipses, overlaps.
MEASURE_JS = """
(tolerance) => {
  function visible(el, svg) {
    for (let n = el; n && n !== svg; n = n.parentNode) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || +s.opacity === 0) return false;
      if (n.getAttribute && n.getAttribute('opacity') === '0') return false;
    }
    return true;
  }
  const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll('figure.gs-exhibit')].map((fig) => {
    const view = fig.querySelector('.gs-exhibit-view');
    const svg = view.querySelector('svg');
    const out = {id: fig.id, ready: fig.getAttribute('data-ready'), minPx: null, overflow: [],
                 ellipsis: [], overlaps: [], texts: 0};
    if (!svg) return out;
    const box = svg.getBoundingClientRect();
    const scale = box.width / (svg.width.baseVal.value || box.width);
    const figBox = fig.getBoundingClientRect();
    if (figBox.right > vw + 0.5 || box.right > vw + 0.5) out.overflow.push('exhibit wider than the viewport');
    if (view.scrollWidth > view.clientWidth + 1) out.overflow.push('chart wider than its column');
    const boxes = [];
    for (const t of svg.querySelectorAll('text')) {
      const words = t.textContent.trim();
      if (!words || !visible(t, svg)) continue;
      out.texts += 1;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (out.minPx === null || px < out.minPx) out.minPx = Math.round(px * 10) / 10;
      if (words.includes('\u2026')) out.ellipsis.push(words);
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) out.overflow.push('text outside the chart: ' + words);
      for (const [other, o] of boxes) {
        const dx = Math.min(r.right, o.right) - Math.max(r.left, o.left);
        const dy = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
        if (dx > tolerance && dy > tolerance) out.overlaps.push(words + ' / ' + other);
      }
      boxes.push([words, r]);
    }
    return out;
  });
}
"""


def problems(records: list[dict], where: str) -> list[str]:
    """Human-readable failures for the records MEASURE_JS returned on one page."""
    found = []
    for r in records:
        name = f"{where} #{r['id']}"
        if r["ready"] != "true":
            found.append(f"{name}: not drawn (data-ready={r['ready']})")
            continue
        if not r["texts"]:
            found.append(f"{name}: no visible text")
        elif r["minPx"] < MIN_TEXT_PX:
            found.append(f"{name}: smallest text {r['minPx']} px")
        found += [f"{name}: {o}" for o in r["overflow"][:3]]
        found += [f"{name}: truncated label {e!r}" for e in r["ellipsis"][:3]]
        found += [f"{name}: overlapping text {o!r}" for o in r["overlaps"][:3]]
    return found
