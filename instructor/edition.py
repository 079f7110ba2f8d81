"""Build the instructor edition: the student book plus the pages in ``instructor/``.

The edition is described by two small files at the repository root, merged at build time onto
the student book's own ``_config.yml`` and ``_toc.yml`` so that the two never drift apart:

``_config_instructor.yml``
    Only the keys that differ from ``_config.yml``. Mappings are merged key by key; any other
    value replaces the student one. The special key ``remove_exclude_patterns`` lists patterns
    to drop from the student ``exclude_patterns`` (the student book excludes ``instructor/**``).
``_toc_instructor.yml``
    ``parts:`` appended after the student book's parts.

Run it through ``scripts/build_instructor_edition.sh`` (or ``python instructor/edition.py``);
the site lands in ``_build/instructor/html`` unless ``--out`` says otherwise.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_OVERRIDE = "_config_instructor.yml"
TOC_EXTRA = "_toc_instructor.yml"
REMOVE_KEY = "remove_exclude_patterns"
# Bibliographies only the edition loads (sources cited by teaching notes alone).
EXTRA_BIB_KEY = "extra_bibtex_bibfiles"
#: Source suffixes Jupyter Book turns into pages; a toc glob must match one of them.
PAGE_SUFFIXES = (".md", ".ipynb", ".rst")


class EditionError(RuntimeError):
    """The instructor edition's description is incomplete or inconsistent."""


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise EditionError(f"{path} is missing: the instructor edition is described by it.")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise EditionError(f"{path} must hold a YAML mapping at its top level.")
    return data


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Return ``base`` with ``override`` applied: mappings merge, everything else replaces."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def merged_config(root: Path = ROOT) -> dict[str, Any]:
    """The student ``_config.yml`` with the instructor overrides applied."""
    base = _read_yaml(root / "_config.yml")
    override = _read_yaml(root / CONFIG_OVERRIDE)
    remove = set(override.pop(REMOVE_KEY, []) or [])
    unknown = remove - set(base.get("exclude_patterns", []))
    if unknown:
        raise EditionError(
            f"{CONFIG_OVERRIDE} removes exclude patterns that _config.yml does not have: "
            f"{sorted(unknown)}. Update {REMOVE_KEY} to match _config.yml."
        )
    extra_bib = list(override.pop(EXTRA_BIB_KEY, []) or [])
    config = deep_merge(base, override)
    config["exclude_patterns"] = [p for p in base.get("exclude_patterns", []) if p not in remove]
    config["bibtex_bibfiles"] = [*base.get("bibtex_bibfiles", []), *extra_bib]
    # Share the student build's notebook cache, so the edition does not execute every page again.
    config.setdefault("execute", {})["cache"] = str(root / "_build" / ".jupyter_cache")
    return config


def _glob_matches(root: Path, pattern: str) -> bool:
    return any(p.suffix in PAGE_SUFFIXES for p in root.glob(pattern))


def _drop_empty_globs(entries: list[dict[str, Any]], root: Path) -> list[dict[str, Any]]:
    # Sphinx warns (and -W fails) on a glob that matches nothing, e.g. an empty rubrics folder.
    return [e for e in entries if "glob" not in e or _glob_matches(root, e["glob"])]


def merged_toc(root: Path = ROOT) -> dict[str, Any]:
    """The student ``_toc.yml`` with the instructor parts appended."""
    toc = _read_yaml(root / "_toc.yml")
    extra = _read_yaml(root / TOC_EXTRA)
    parts = extra.get("parts")
    if not parts:
        raise EditionError(f"{TOC_EXTRA} must list the instructor pages under 'parts:'.")
    if "parts" not in toc:
        raise EditionError("_toc.yml has no 'parts:'; the instructor parts cannot be appended.")
    merged = copy.deepcopy(toc)
    for part in copy.deepcopy(parts):
        part["chapters"] = _drop_empty_globs(part.get("chapters", []), root)
        if part["chapters"]:
            merged["parts"].append(part)
    return merged


def write_edition_files(workdir: Path, root: Path = ROOT) -> tuple[Path, Path]:
    """Write the merged config and toc into ``workdir``; return their paths."""
    workdir.mkdir(parents=True, exist_ok=True)
    config_path = workdir / "_config.yml"
    toc_path = workdir / "_toc.yml"
    config_path.write_text(yaml.safe_dump(merged_config(root), sort_keys=False), encoding="utf-8")
    toc_path.write_text(yaml.safe_dump(merged_toc(root), sort_keys=False), encoding="utf-8")
    return config_path, toc_path


def _jupyter_book() -> str:
    beside_python = Path(sys.executable).with_name("jupyter-book")
    found = str(beside_python) if beside_python.exists() else shutil.which("jupyter-book")
    if not found:
        raise EditionError("jupyter-book is not installed: pip install -e '.[book]'")
    return found


def build(
    out: Path, extra_args: list[str] | None = None, root: Path = ROOT, strict: bool = True
) -> Path:
    """Build the edition into ``out/html`` and return that folder.

    ``strict`` turns warnings into errors, as the published edition requires.
    """
    out = out.resolve()
    work = out / "work"
    config_path, toc_path = write_edition_files(work, root)
    cmd = [
        _jupyter_book(),
        "build",
        str(root),
        "--config",
        str(config_path),
        "--toc",
        str(toc_path),
        "--path-output",
        str(work),
        *(["-W"] if strict else []),
        "--keep-going",
        # A fresh Sphinx environment every time: incremental builds trip over changed .bib files
        # (sphinxcontrib-bibtex KeyError). Notebook execution stays cached by jupyter-cache.
        "--all",
        *(extra_args or []),
    ]
    subprocess.run(cmd, check=True, cwd=root)
    html = out / "html"
    if html.exists():
        shutil.rmtree(html)
    shutil.copytree(work / "_build" / "html", html)
    return html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "_build" / "instructor",
        help="output folder; the site is written to OUT/html (default: _build/instructor)",
    )
    # Anything not recognised here (e.g. --all) is passed on to jupyter-book build.
    args, extra = parser.parse_known_args(argv)
    try:
        html = build(args.out, extra)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as err:
        print(f"error: the instructor edition did not build cleanly ({err})", file=sys.stderr)
        return 1
    print(f"Instructor edition built: {html / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
