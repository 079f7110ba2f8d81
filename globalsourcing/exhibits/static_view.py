"""Build-time views of an exhibit's default state: a static SVG and its data as a table.

Both come from the same compiled Vega spec the page draws live. vl-convert runs Vega without
a browser; its scenegraph lists every drawn mark with the tooltip or the accessible
description Vega-Lite gives it ("Year: 1; Cost: 10"), which is exactly what a mouse reader
would hover over, so the table carries the chart's numbers for keyboard, touch and
screen-reader readers (and for readers without JavaScript).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from .responsive import readable

#: A chart's data table stops here; longer series are summarised by the chart and caption.
MAX_ROWS = 400


class ExhibitDataError(ValueError):
    """The exhibit draws no mark that carries data, so no table can stand in for it."""


def static_svg(vega: dict, prefix: str) -> str:
    """The chart as SVG, its ids prefixed so several charts can share one page."""
    import vl_convert

    svg = vl_convert.vega_to_svg(vega)
    svg = re.sub(r'\bid="', f'id="{prefix}-', svg)
    return re.sub(r"url\(#", f"url(#{prefix}-", svg)


def _marks(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        if node.get("role") == "mark" and node.get("marktype") != "group":
            yield node
        for child in node.get("items", []):
            yield from _marks(child)


def _pairs(description: str) -> list[tuple[str, str]]:
    """'Cost ($m; real): 10; Option: A' -> [('Cost ($m; real)', '10'), ('Option', 'A')]."""
    pieces: list[str] = []
    for piece in description.split("; "):
        # A field title may itself contain "; ": glue pieces until one holds a ": ".
        if pieces and ": " not in pieces[-1]:
            pieces[-1] = f"{pieces[-1]}; {piece}"
        else:
            pieces.append(piece)
    return [tuple(p.split(": ", 1)) for p in pieces if ": " in p]  # type: ignore[misc]


def _row(item: dict) -> list[tuple[str, str]]:
    tooltip = item.get("tooltip")
    if isinstance(tooltip, dict) and tooltip:
        return [(str(k), str(v)) for k, v in tooltip.items()]
    if isinstance(item.get("description"), str):
        pairs = _pairs(item["description"])
        # Vega-Lite lists a field under its axis title and again under its own name when it
        # is also a tooltip; keep the first of each column holding the same value.
        seen: set[str] = set()
        kept = []
        for key, value in pairs:
            if key not in seen:
                seen.add(key)
                kept.append((key, value))
        return kept
    return []


def data_tables(vega: dict) -> list[tuple[list[str], list[list[str]]]]:
    """(columns, rows) per kind of mark the chart draws in its default state."""
    import vl_convert

    scene = vl_convert.vega_to_scenegraph(vega)["scenegraph"]
    tables: dict[tuple[str, ...], list[list[str]]] = {}
    for mark in _marks(scene):
        for item in mark.get("items", []):
            pairs = _row(item)
            if not pairs:
                continue
            columns = tuple(k for k, _ in pairs)
            row = [readable(v) for _, v in pairs]
            rows = tables.setdefault(columns, [])
            if row not in rows:
                rows.append(row)
    return [(list(c), r) for c, r in tables.items()]


def _drop_copies(columns: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Drop a column that repeats an earlier one in every row (axis title and field name)."""
    keep = [
        i for i in range(len(columns)) if not any(all(r[j] == r[i] for r in rows) for j in range(i))
    ]
    return [columns[i] for i in keep], [[r[i] for i in keep] for r in rows]


def data_table_html(vega: dict, title: str) -> str:
    """A collapsed <details> holding one HTML table per kind of mark."""
    tables = data_tables(vega)
    if not tables:
        raise ExhibitDataError(
            f"Exhibit {title!r} draws no mark with a tooltip or description, so it has no data "
            "table; give its marks a tooltip encoding."
        )
    parts = []
    for columns, rows in tables:
        columns, rows = _drop_copies(columns, rows)
        shown = rows[:MAX_ROWS]
        head = "".join(f'<th scope="col">{html.escape(readable(c))}</th>' for c in columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in shown
        )
        note = f"<p>First {MAX_ROWS} of {len(rows)} rows.</p>" if len(rows) > len(shown) else ""
        parts.append(
            f'<table class="gs-exhibit-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>{note}"
        )
    has_controls = any("bind" in s for s in vega.get("signals", []))
    summary = "Data table" + (" (default settings)" if has_controls else "")
    # The wrapper scrolls sideways on a phone, so it takes focus (keyboard users can scroll it).
    return (
        f'<details class="gs-exhibit-data"><summary>{summary}</summary>'
        f'<div class="gs-exhibit-data-scroll" tabindex="0" role="region" '
        f'aria-label="{html.escape(summary + ": " + title, quote=True)}">{"".join(parts)}</div>'
        "</details>"
    )
