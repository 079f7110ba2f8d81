"""Sphinx extension for the casebook: quizzes, server-free exhibits, and an offline site.

- ``quiz`` directive: YAML questions rendered as an accessible in-page self-check.
- ``fact`` and ``fact-spread`` roles: figures rendered from the fact base with their citation;
  ``facts-table`` directive: a case's "numbers you need" table from the same base.
- Exhibits: pages whose body holds an exhibit get the site's own Vega and a small loader.
- Vendored libraries (Vega, MathJax) are copied from ``node_modules`` into ``_static/vendor``.
- After the build, any page or stylesheet that would load something from another host fails it.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx

from globalsourcing.exhibits.exhibit import BOOK_BUILD_ENV

from . import exhibit_pages, navigation, offline, repository, slim, vendor, wide_tables
from .facts import FactRole, FactSpreadRole, FactsTable
from .quiz_directive import QuizDirective, check_unique_quiz_ids, merge_info, purge_doc

STATIC = Path(__file__).parent / "static"


def _config_inited(app: Sphinx, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    # Relative to _static: MathJax is served by the site itself.
    config.mathjax_path = "vendor/mathjax/tex-chtml.js"
    # No menu: its accessibility explorer would fetch the speech rule engine (not shipped).
    config.mathjax3_config = {"options": {"enableMenu": False}, **(config.mathjax3_config or {})}
    # The theme logs a console error when no colour mode is set; the course uses light.
    config.html_context = {**config.html_context, "default_mode": "light"}
    # Kernels started by the build inherit this, so exhibits emit their static markup.
    os.environ[BOOK_BUILD_ENV] = "1"


def _is_thebe(asset) -> bool:
    name = getattr(asset, "filename", asset) or ""
    body = (getattr(asset, "attributes", None) or {}).get("body") or ""
    return "thebe" in f"{name} {body}".lower()


def _drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # Jupyter Book always loads sphinx-thebe, whose script is included twice and throws
    # "THEBE_JS_URL has already been declared" on every page. The course has no live-code
    # launch button (thebe: false), so its assets are dropped.
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [f for f in context[key] if not _is_thebe(f)]


def _page_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    # docutils marks bibliography entries with the deprecated DPUB role doc-biblioentry
    # inside a role="list"; screen readers (and axe) expect list items there.
    if 'role="doc-biblioentry"' in body:
        context["body"] = body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    if "gs-exhibit" in body:
        # Deferred: the page renders while Vega downloads; deferred scripts keep their order.
        app.add_js_file("vendor/vega.min.js", loading_method="defer")
        app.add_js_file("gs-exhibits.js", loading_method="defer")
        app.add_css_file("gs-exhibits.css")
    if "gs-quiz" in body:
        app.add_js_file("gs-quiz.js", loading_method="defer")
        app.add_css_file("gs-quiz.css")


def _build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    vendor.copy_into(app)
    slim.drop_unused_theme_scripts(Path(app.outdir))
    slim.drop_unused_files(Path(app.outdir))
    offline.assert_offline(Path(app.outdir))


def setup(app: Sphinx) -> dict:
    app.add_config_value("gs_node_modules", "node_modules", "env")
    app.add_directive("quiz", QuizDirective)
    app.add_role("fact", FactRole())
    app.add_role("fact-spread", FactSpreadRole())
    app.add_directive("facts-table", FactsTable)
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", vendor.check_installed)
    app.connect("env-check-consistency", check_unique_quiz_ids)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("html-page-context", _page_assets)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("build-finished", _build_finished)
    repository.setup(app)
    exhibit_pages.setup(app)
    navigation.setup(app)
    wide_tables.setup(app)
    return {
        "version": "1",
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 2,  # 2: quiz markup with answer blocks and shuffled options
    }
