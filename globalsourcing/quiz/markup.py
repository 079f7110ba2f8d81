"""Quiz text is Markdown (emphasis, code, links) rendered inline; raw HTML is switched off."""

from __future__ import annotations

from markdown_it import MarkdownIt

# Quiz text is data, not markup: HTML typed into a prompt is shown as text.
_md = MarkdownIt("commonmark", {"html": False})


def inline_html(text: str) -> str:
    """One line of quiz Markdown as HTML, without a wrapping paragraph."""
    return _md.renderInline(text)
