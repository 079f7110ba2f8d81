"""Read a typed number the way a reader means it: decimal comma, thousands separators, a unit.

The quiz page does the same in ``gs-quiz.js`` (``parseNumber``); the browser tests run both on
one table of inputs, so a reader and the bank agree on what "17,5" or "$1,200m" means.
"""

from __future__ import annotations

import re

# Spaces, no-break and thin spaces and apostrophes group thousands in many locales.
_GROUP_MARKS = re.compile(r"(?<=\d)[ '\u00a0\u202f\u2009](?=\d)")
_CURRENCY = "$£€"


def format_number(value: float) -> str:
    """A number as a reader writes it: no exponent, no trailing zeros (1234567.5, 9.4, 150)."""
    text = f"{value:.12f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class NumberFormatError(ValueError):
    """The text is not a number this question accepts; the message says why."""


def _is_percent(unit: str) -> bool:
    unit = unit.strip().lower()
    return unit == "%" or "percent" in unit or "per cent" in unit


def unit_spellings(unit: str) -> tuple[list[str], list[str]]:
    """Prefixes and suffixes a reader may type around the number for this unit."""
    unit = unit.strip()
    prefixes = [c for c in _CURRENCY if c in unit]
    suffixes = [unit] if unit else []
    bare = unit.strip(_CURRENCY).strip()
    if bare and bare != unit:
        suffixes.append(bare)  # "$m" also accepts "450m" and "$450m"
    if _is_percent(unit):
        suffixes += ["%", "percent", "per cent"]
    if unit.lower() == "times":
        suffixes += ["x", "\u00d7"]
    return prefixes, sorted({s for s in suffixes if s}, key=len, reverse=True)


def _strip_unit(text: str, unit: str) -> str:
    prefixes, suffixes = unit_spellings(unit)
    for suffix in suffixes:
        if text.lower().endswith(suffix.lower()):
            text = text[: -len(suffix)].strip()
            break
    sign = ""
    if text[:1] in "+-":
        sign, text = text[0], text[1:].strip()
    if text[:1] and text[:1] in prefixes:
        text = text[1:].strip()
    return sign + text


def _drop_groups(text: str, mark: str) -> str:
    """Remove thousands marks, insisting on groups of three digits after each one."""
    head, *groups = text.split(mark)
    if not re.fullmatch(r"[+-]?\d{1,3}", head) or not all(
        re.fullmatch(r"\d{3}", g) for g in groups
    ):
        raise NumberFormatError(f"{text!r}: thousands separators must split the digits in threes")
    return head + "".join(groups)


def parse_number(text: str, unit: str = "") -> float:
    """The number a reader typed, or NumberFormatError saying why it is not one.

    "17,5" and "17.5" are 17.5; "1,234", "1 234" and "1.234.567" use thousands separators;
    "1.234,5" and "1,234.5" both mean 1234.5 (the last mark is the decimal point). The
    question's unit may follow the number ("12%" when the unit is %, "$450m" when it is $m).
    """
    raw = str(text).strip().replace("\u2212", "-")
    if not raw:
        raise NumberFormatError("type a number")
    core = _GROUP_MARKS.sub("", _strip_unit(raw, unit))
    if "%" in core:
        raise NumberFormatError(
            f"this question asks for {unit or 'a plain number'}, not a percentage"
        )
    if not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", core):
        hint = f" (its unit is {unit})" if unit else ""
        raise NumberFormatError(f"{raw!r} is not a number this question accepts{hint}")
    if "," in core and "." in core:
        decimal = "," if core.rfind(",") > core.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, frac = core.rpartition(decimal)
        core = _drop_groups(whole, thousands) + "." + frac
    elif core.count(",") > 1 or core.count(".") > 1:
        core = _drop_groups(core, "," if "," in core else ".")
    elif re.fullmatch(r"[+-]?[1-9]\d{0,2},\d{3}", core):
        core = core.replace(",", "")  # "1,234": a thousands comma, as in English prose
    else:
        core = core.replace(",", ".")  # "17,5" or "0,125": a decimal comma
    try:
        return float(core)
    except ValueError as exc:
        raise NumberFormatError(f"{raw!r} is not a number") from exc
