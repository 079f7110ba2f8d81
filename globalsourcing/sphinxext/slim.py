"""Ship only what the built pages use: trim theme and vendor files no page requests."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

# pydata-sphinx-theme loads a 1.5 MB FontAwesome script "so that users can add custom icons".
# The course adds none, and the theme's own icons come from its CSS webfont, so every page
# would pay 1.5 MB (and ~0.4 s) for nothing.
_FONTAWESOME_JS = re.compile(
    r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>'
)
# Source maps only serve a developer's debugger; the comment naming one is dropped with it.
_SOURCE_MAP_COMMENT = re.compile(r"\n?(?://|/\*)# sourceMappingURL=\S+?(?: \*/)?\s*$")
# Files the theme copies that no page loads once the script tag above is gone.
_UNUSED = ("scripts/fontawesome.js", "scripts/fontawesome.js.LICENSE.txt")


def drop_unused_theme_scripts(outdir: Path) -> int:
    """Remove the unused scripts from every page; returns how many pages changed."""
    changed = 0
    for path in outdir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        slim = _FONTAWESOME_JS.sub("", text)
        if slim != text:
            path.write_text(slim, encoding="utf-8")
            changed += 1
    return changed


def pages_use(outdir: Path, needle: str) -> bool:
    return any(needle in p.read_text(encoding="utf-8") for p in outdir.rglob("*.html"))


def drop_unused_files(outdir: Path) -> list[str]:
    """Delete source maps, FontAwesome's script and (when no page has math) MathJax."""
    static = outdir / "_static"
    removed = [str(p.relative_to(outdir)) for p in static.rglob("*.map")]
    for path in static.rglob("*.map"):
        path.unlink()
    for path in [*static.rglob("*.js"), *static.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        stripped = _SOURCE_MAP_COMMENT.sub("", text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")
    for name in _UNUSED:
        if (static / name).exists() and not pages_use(outdir, name):
            (static / name).unlink()
            removed.append(f"_static/{name}")
    mathjax = static / "vendor" / "mathjax"
    if mathjax.exists() and not pages_use(outdir, "vendor/mathjax/"):
        shutil.rmtree(mathjax)
        removed.append("_static/vendor/mathjax/")
    return removed
