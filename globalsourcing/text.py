"""Text that reads well wherever it is shown: Markdown in Jupyter, plain text in a terminal."""

from __future__ import annotations


class MarkdownText(str):
    """A ``str`` that Jupyter renders as Markdown and a terminal shows as the text itself.

    ``datasheet()`` and ``cite()`` return it, so evaluating one in a notebook cell shows a
    formatted page instead of one escaped line, ``print()`` gives the same text, and every
    string operation still works.
    """

    __slots__ = ()

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        # The REPL shows repr(): the text itself, not a quoted string full of \n.
        return str(self)
