"""Front-end libraries from npm (package.json), copied into the built site."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

# (source inside node_modules, destination inside _static/vendor)
FILES = [("vega/build/vega.min.js", "vega.min.js")]
TREES = [
    # MathJax loads its fonts and TeX extensions relative to its own script.
    ("mathjax/es5/tex-chtml.js", "mathjax/tex-chtml.js"),
    ("mathjax/es5/output/chtml/fonts/woff-v2", "mathjax/output/chtml/fonts/woff-v2"),
    ("mathjax/es5/input/tex/extensions", "mathjax/input/tex/extensions"),
    # Not a11y/, ui/ or sre/ (4.7 MB): the MathJax menu, whose explorer and speech options
    # load them, is switched off (mathjax3_config in __init__); the assistive MathML that
    # screen readers read is part of tex-chtml.js. MathJax is removed from the site
    # altogether when no page has math (slim.drop_unused_files).
]


# tex-chtml.js bundles the speech rule engine's defaults, which name jsdelivr for its maps and
# an old-browser XPath shim. Those paths only run for the menu's speech options (switched off);
# the copy points them inside the site so the shipped script names no other host.
_CDN_PREFIX = "https://cdn.jsdelivr.net/npm/"
_LOCAL_PREFIX = "./not-shipped/"


def node_modules(app: Sphinx) -> Path:
    path = Path(app.config.gs_node_modules)
    return path if path.is_absolute() else Path(app.confdir) / path


def check_installed(app: Sphinx) -> None:
    root = node_modules(app)
    missing = [src for src, _ in FILES + TREES if not (root / src).exists()]
    if missing:
        raise ExtensionError(
            f"The site's front-end libraries are not installed ({', '.join(missing)} missing under {root}). "
            "Run `npm ci` at the repository root (the README's book command does it for you)."
        )


def copy_into(app: Sphinx) -> None:
    root, dest = node_modules(app), Path(app.outdir) / "_static" / "vendor"
    for src, dst in FILES + TREES:
        target = dest / dst
        target.parent.mkdir(parents=True, exist_ok=True)
        if (root / src).is_dir():
            shutil.copytree(root / src, target, dirs_exist_ok=True)
        elif src.endswith(".js"):
            text = (root / src).read_text(encoding="utf-8")
            target.write_text(text.replace(_CDN_PREFIX, _LOCAL_PREFIX), encoding="utf-8")
        else:
            shutil.copyfile(root / src, target)
