"""``python -m globalsourcing``: the learner's commands after ``pip install globalsourcing``.

python -m globalsourcing list                      # what can be copied
python -m globalsourcing copy --to my-course       # every exercise and chapter as notebooks
python -m globalsourcing copy ps1_market lessons   # one exercise and one part
python -m globalsourcing download wdi_panel        # fetch a World Bank/UNCTAD series into the cache
python -m globalsourcing lint-chapters [paths]     # for authors: check chapters against the rules
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _list(_args) -> int:
    from globalsourcing import learner

    print("Exercises (self-study copies; check your answers with check('q1')):")
    for name in learner.exercises():
        print(f"  {name}")
    print("Chapters:")
    for name in learner.chapters():
        print(f"  {name}")
    return 0


def _copy(args) -> int:
    from globalsourcing import learner

    written = learner.copy_materials(args.names, args.to)
    for item in written:
        print(item)
    folder = Path(args.to).expanduser().resolve()
    print(
        f"\n{len(written)} notebook(s) in {folder}. Open them with:\n"
        f"    jupyter lab {folder}\n"
        "In an exercise, run the setup cell first, then check a question with check('q1')."
    )
    return 0


def _download(args) -> int:
    from globalsourcing.data import download_series

    for name in args.names:
        print(f"{name}: saved {download_series(name)}")
    return 0


def _lint_chapters(args) -> int:
    from globalsourcing.authoring.lint import main as lint_main

    return lint_main(args.paths, run_cells=not args.no_exec)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m globalsourcing", description=__doc__.splitlines()[0]
    )
    verbs = parser.add_subparsers(dest="verb", required=True)
    verbs.add_parser("list", help="list the exercises and chapters").set_defaults(run=_list)
    copy = verbs.add_parser(
        "copy",
        help="write exercises and chapters as notebooks into a folder (never overwrites)",
    )
    copy.add_argument(
        "names",
        nargs="*",
        default=["all"],
        help="all (default), exercises, chapters, an exercise (ps1_market), a part (lessons) "
        "or a chapter (lessons/01-joint-decisions)",
    )
    copy.add_argument("--to", default="globalsourcing-course", help="folder to write into")
    copy.set_defaults(run=_copy)
    download = verbs.add_parser(
        "download", help="download World Bank/UNCTAD series from their publishers into the cache"
    )
    download.add_argument("names", nargs="+", help="wdi_panel, unctad_services")
    download.set_defaults(run=_download)
    lint = verbs.add_parser(
        "lint-chapters",
        help="check chapters against docs/authoring.md (in a clone); exit 1 on any finding",
    )
    lint.add_argument(
        "paths", nargs="*", help="pages or folders (default: all of book/ and instructor/)"
    )
    lint.add_argument(
        "--no-exec", action="store_true", help="do not run the exhibit cells (faster)"
    )
    lint.set_defaults(run=_lint_chapters)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from globalsourcing.data.errors import DatasetError
    from globalsourcing.learner import MaterialsError

    try:
        return args.run(args)
    except (MaterialsError, DatasetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
