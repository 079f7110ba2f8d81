"""Make a compiled Vega spec fit the page's text column instead of being scaled into it.

A fixed-width chart shrunk into a 390 px phone column prints its text at 4-7 px. Here the
chart takes its width from its container (and follows window resizes), legends go under the
plot in one column, long labels wrap onto several lines instead of ending in "...", and
snake_case category values read as words. Text keeps Vega's own sizes (10-11 px), which are
legible because nothing is scaled down any more.
"""

from __future__ import annotations

import copy
import json
import re
import textwrap
from collections.abc import Iterator
from typing import Any

#: Category labels longer than this wrap onto more lines (about 150 px at Vega's 10 px labels).
LABEL_CHARS = 24
#: Axis and legend titles longer than this wrap.
TITLE_CHARS = 40
#: Width Vega draws at when there is no page around it (the build-time static image).
STATIC_WIDTH = 640
#: Room left beside a concatenated view for its axis labels and titles.
CONCAT_MARGIN = 150

_CONCAT_WIDTH = re.compile(r"^(?:h|v)?concat_\d+_width$")
_CONTAINER = "(containerSize()[0] > 0 ? containerSize()[0] : {fallback})"


def _walk_groups(spec: dict) -> Iterator[dict]:
    """The top-level spec and every nested group mark (concat and facet views live there)."""
    yield spec
    for mark in spec.get("marks", []):
        if mark.get("type") == "group":
            yield from _walk_groups(mark)


def readable(value: str) -> str:
    """'multi_supplier_outsourcing' -> 'Multi supplier outsourcing'; other text unchanged."""
    if "_" not in value or " " in value:
        return value
    words = value.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _wrapped(text: str, width: int) -> str | list[str]:
    lines = textwrap.wrap(text, width) or [text]
    return lines[0] if len(lines) == 1 else lines


def _label_map(spec: dict) -> dict[str, str | list[str]]:
    """Every inline string that needs rewording or wrapping, mapped to what to print."""
    found: dict[str, str | list[str]] = {}
    for data in spec.get("data", []):
        for row in data.get("values", []) if isinstance(data.get("values"), list) else []:
            if not isinstance(row, dict):
                continue
            for value in row.values():
                if not isinstance(value, str) or value in found:
                    continue
                shown = readable(value)
                if shown != value or len(shown) > LABEL_CHARS:
                    found[value] = _wrapped(shown, LABEL_CHARS)
    return found


def _relabel(block: dict, mapping: str) -> None:
    """Print labels through the map: Vega draws a list as one line per item."""
    update = block.setdefault("encode", {}).setdefault("labels", {}).setdefault("update", {})
    current = (update.get("text") or {}).get("signal", "datum.label")
    update["text"] = {"signal": f"({mapping})[{current}] || ({current})"}


#: Below this plot width, category labels along a horizontal axis turn to read upwards.
NARROW_PLOT = 460


def _upright_when_narrow(axis: dict) -> None:
    """Category labels side by side collide on a phone: stand them on end there."""
    if axis.get("labels") is False:
        return
    narrow = f"width < {NARROW_PLOT}"
    angle = axis.get("labelAngle", 0)
    if not isinstance(angle, (int, float)):
        return
    bottom = axis.get("orient") == "bottom"
    axis["labelAngle"] = {"signal": f"{narrow} ? -90 : {angle}"}
    wide_align = axis.get("labelAlign", "center" if angle == 0 else ("right" if bottom else "left"))
    wide_base = axis.get("labelBaseline", "top" if bottom else "bottom")
    axis["labelAlign"] = {
        "signal": f"{narrow} ? '{'right' if bottom else 'left'}' : '{wide_align}'"
    }
    axis["labelBaseline"] = {"signal": f"{narrow} ? 'middle' : '{wide_base}'"}


def _text_marks(group: dict) -> Iterator[dict]:
    for mark in group.get("marks", []):
        if mark.get("type") == "text" and mark.get("role") != "axis-label":
            yield mark


def _labels_turn_back_at_the_edge(mark: dict) -> None:
    """A label set beside a point (align left, dx > 0) flips to the point's other side in the
    right part of the plot, so it never runs past the chart's edge on a narrow screen."""
    update = mark.get("encode", {}).get("update", {})
    x, align, dx = update.get("x"), update.get("align"), update.get("dx")
    if not (isinstance(x, dict) and "scale" in x and "field" in x and "band" not in x):
        return
    if not (isinstance(align, dict) and align.get("value") in ("left", "right")):
        return
    field = json.dumps(x["field"]) if isinstance(x["field"], str) else None
    if field is None:
        return
    offset = dx.get("value", 0) if isinstance(dx, dict) else 0
    flip = f"scale({json.dumps(x['scale'])}, datum[{field}]) > width * 0.55"
    if align["value"] == "left":
        update["align"] = {"signal": f"{flip} ? 'right' : 'left'"}
        update["dx"] = {"signal": f"{flip} ? {-offset} : {offset}"}


def _wrap_title(block: dict) -> None:
    title = block.get("title")
    if isinstance(title, str) and len(title) > TITLE_CHARS:
        block["title"] = _wrapped(title, TITLE_CHARS)


def _container_width(fallback: float, minus: float = 0) -> dict:
    expr = _CONTAINER.format(fallback=fallback + minus)
    expr = f"max(120, {expr} - {minus})" if minus else expr
    return {"init": expr, "on": [{"events": "window:resize", "update": expr}]}


def _lines(shown: str | list[str]) -> int:
    return len(shown) if isinstance(shown, list) else 1


def _distinct_values(spec: dict, data_name: str, field: str) -> list[Any] | None:
    """The distinct values of ``field`` in the inline data behind ``data_name`` (if traceable)."""
    by_name = {d.get("name"): d for group in _walk_groups(spec) for d in group.get("data", [])}
    data = by_name.get(data_name)
    while data is not None and not isinstance(data.get("values"), list):
        data = by_name.get(data.get("source"))
    if data is None:
        return None
    values = [row.get(field) for row in data["values"] if isinstance(row, dict) and field in row]
    return list(dict.fromkeys(values)) or None


def _grow_for_wrapped_labels(spec: dict, labels: dict[str, str | list[str]]) -> None:
    """Give each row of a wrapped category axis room for all its lines."""
    for group in _walk_groups(spec):
        for scale in group.get("scales", []):
            domain, rng = scale.get("domain"), scale.get("range")
            if scale.get("type") not in ("band", "point") or not isinstance(domain, dict):
                continue
            if not (isinstance(rng, list) and rng and rng[0] == {"signal": "height"}) and not (
                isinstance(rng, list) and len(rng) == 2 and isinstance(rng[1], dict)
            ):
                continue
            height_ref = next((r["signal"] for r in rng if isinstance(r, dict)), None)
            if not height_ref or not height_ref.endswith("height"):
                continue
            values = _distinct_values(spec, domain.get("data"), domain.get("field"))
            if not values:
                continue
            lines = max(_lines(labels.get(v, str(v))) for v in values)
            needed = len(values) * (lines * 12 + 8)
            _raise_height(spec, height_ref, needed)


def _raise_height(spec: dict, name: str, needed: int) -> None:
    if name == "height" and isinstance(spec.get("height"), (int, float)):
        spec["height"] = max(spec["height"], needed)
        return
    for group in _walk_groups(spec):
        for signal in group.get("signals", []):
            if signal.get("name") == name and isinstance(signal.get("value"), (int, float)):
                signal["value"] = max(signal["value"], needed)


def fit_to_column(vega: dict) -> dict:
    """A copy of ``vega`` that sizes itself to its container and never truncates a label."""
    spec = copy.deepcopy(vega)
    signals = spec.setdefault("signals", [])
    width = spec.get("width")
    if isinstance(width, (int, float)) or any(s.get("name") == "width" for s in signals):
        fallback = width if isinstance(width, (int, float)) else STATIC_WIDTH
        spec.pop("width", None)
        signals[:] = [s for s in signals if s.get("name") != "width"]
        signals.insert(0, {"name": "width", **_container_width(fallback)})
        if "layout" not in spec:
            # fit-x: axes, labels and legend are inside the container's width, not added to it.
            spec["autosize"] = {"type": "fit-x", "contains": "padding"}
        else:
            signals[0] = {"name": "width", **_container_width(fallback, CONCAT_MARGIN)}
    for signal in signals:
        if _CONCAT_WIDTH.match(signal.get("name", "")) and "value" in signal:
            fallback = signal.pop("value")
            signal.update(_container_width(fallback, CONCAT_MARGIN))

    config = spec.setdefault("config", {})
    legend = config.setdefault("legend", {})
    # Under the plot, one entry per line: a row of entries runs off a phone screen.
    legend.setdefault("orient", "bottom")
    legend["direction"] = "vertical"
    legend["labelLimit"] = 0
    # Several legends stack under each other instead of standing side by side.
    legend.setdefault("layout", {})["bottom"] = {"direction": "vertical", "anchor": "start"}
    config.setdefault("axis", {})["labelLimit"] = 0

    labels = _label_map(spec)
    _grow_for_wrapped_labels(spec, labels)
    mapping = json.dumps(labels, separators=(",", ":"))
    for group in _walk_groups(spec):
        # Only strings from the data are in the map, so numeric labels pass through unchanged.
        kinds = {
            s.get("name"): s.get("type") for g in _walk_groups(spec) for s in g.get("scales", [])
        }
        for axis in group.get("axes", []):
            axis.pop("labelLimit", None)
            _wrap_title(axis)
            if kinds.get(axis.get("scale")) in ("band", "point") and axis.get("orient") in (
                "top",
                "bottom",
            ):
                _upright_when_narrow(axis)
            if mapping != "{}":
                _relabel(axis, mapping)
        for mark in _text_marks(group):
            _labels_turn_back_at_the_edge(mark)
        for legend_block in group.get("legends", []):
            legend_block.pop("labelLimit", None)
            legend_block["direction"] = "vertical"
            columns = legend_block.get("columns")
            if isinstance(columns, int) and columns > 1:
                # Several columns on a wide page, one on a phone.
                legend_block["columns"] = {
                    "signal": f"{_CONTAINER.format(fallback=STATIC_WIDTH)} < 560 ? 1 : {columns}"
                }
            _wrap_title(legend_block)
            if mapping != "{}":
                _relabel(legend_block, mapping)
    return spec
