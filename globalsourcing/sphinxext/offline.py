"""Fail the build when a page or stylesheet would load anything from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from sphinx.errors import ExtensionError

# Attributes that make the browser fetch something (links a reader clicks are fine).
_LOADING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
}
_LINK_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "modulepreload",
    "icon",
    "shortcut icon",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "apple-touch-icon",
}
_EXTERNAL = re.compile(r"^\s*(https?:)?//", re.I)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.I)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        names = _LOADING.get(tag, ())
        if tag == "link" and (attrs.get("rel") or "").lower() in _LINK_RELS:
            names = ("href",)
        for name in names:
            value = attrs.get(name) or ""
            if any(_EXTERNAL.match(part) for part in value.split(",")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if "style" in attrs:
            self.found += _CSS_URL.findall(attrs["style"] or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found += _CSS_URL.findall(data)


def external_references(outdir: Path) -> dict[str, list[str]]:
    """Map each offending file (relative to outdir) to the external resources it would load."""
    problems: dict[str, list[str]] = {}
    for path in sorted(outdir.rglob("*.html")):
        scanner = _Scanner()
        scanner.feed(path.read_text(encoding="utf-8", errors="replace"))
        if scanner.found:
            problems[str(path.relative_to(outdir))] = scanner.found
    for path in sorted(outdir.rglob("*.css")):
        found = _CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            problems[str(path.relative_to(outdir))] = found
    return problems


# Hosts of public CDNs: a shipped script naming one would fetch from it on some code path.
_CDN = re.compile(
    r"(?:cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|code\.jquery\.com)", re.I
)


def scripts_naming_a_cdn(outdir: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(outdir.rglob("*.js")):
        names = sorted(set(_CDN.findall(path.read_text(encoding="utf-8", errors="replace"))))
        if names:
            found[str(path.relative_to(outdir))] = names
    return found


def assert_offline(outdir: Path) -> None:
    problems = {**external_references(outdir), **scripts_naming_a_cdn(outdir)}
    if problems:
        lines = [f"  {page}: {', '.join(items[:3])}" for page, items in list(problems.items())[:20]]
        raise ExtensionError(
            "The site must load nothing from another host, but these pages would:\n"
            + "\n".join(lines)
            + "\nServe the file from the book itself (package.json + sphinxext/vendor.py) or remove it."
        )
