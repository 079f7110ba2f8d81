"""The repository URL, set once in ``_config.yml`` (``repository: url:``) and written into pages.

Chapters write ``{{ repository_url }}`` wherever the clone or install URL belongs, code blocks
included (MyST substitutions skip code, so the token is replaced in the source text itself).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

TOKEN = "{{ repository_url }}"


def repository_url(app: Sphinx) -> str:
    url = (app.config.html_theme_options or {}).get("repository_url") or ""
    if not url.startswith("https://"):
        raise ExtensionError(
            "Set the repository's https URL once in _config.yml (repository: url: ...); "
            f"pages print it in their install and clone commands (found {url!r})."
        )
    return url.rstrip("/")


def substitute(app: Sphinx, docname: str, source: list[str]) -> None:
    if TOKEN in source[0]:
        source[0] = source[0].replace(TOKEN, repository_url(app))


def setup(app: Sphinx) -> None:
    app.connect("source-read", substitute)
