"""HTML pages from templates with Jinja2 autoescaping: student text is never markup."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _environment():
    from jinja2 import Environment, StrictUndefined

    return Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def render_template(source: str, **values: Any) -> str:
    """``source`` rendered with ``values``; every substituted value is HTML-escaped."""
    return _environment().from_string(source).render(**values)
