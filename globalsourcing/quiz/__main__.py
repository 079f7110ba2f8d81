"""Command line: ``python -m globalsourcing.quiz export`` writes the bank as Moodle XML.

python -m globalsourcing.quiz list
python -m globalsourcing.quiz export --out quizzes.xml             # every quiz
python -m globalsourcing.quiz export --quiz lesson-selective --out selective.xml
python -m globalsourcing.quiz export --part lessons --out lessons.xml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .bank import load_bank
from .model import Quiz, QuizError
from .moodle import to_moodle_xml


def _part(quiz: Quiz) -> str:
    # The source is "<file>.md:<line>"; the bank records the file name, the part is its folder.
    return quiz.extra.get("part", "")


def select(bank: dict[str, Quiz], ids: list[str], parts: list[str]) -> list[Quiz]:
    """The quizzes asked for, in bank order; an unknown id or part is an error, not a skip."""
    unknown = [i for i in ids if i not in bank]
    if unknown:
        raise QuizError(f"no quiz {', '.join(unknown)} in the book; 'list' shows the ids")
    known_parts = {_part(q) for q in bank.values()}
    missing = [p for p in parts if p not in known_parts]
    if missing:
        raise QuizError(
            f"no part {', '.join(missing)}; parts with quizzes: {', '.join(sorted(known_parts))}"
        )
    return [q for q in bank.values() if (not ids and not parts) or q.id in ids or _part(q) in parts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m globalsourcing.quiz", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list every quiz: id, part, number of questions")
    export = sub.add_parser("export", help="write quizzes as Moodle XML")
    export.add_argument("--quiz", action="append", default=[], help="a quiz id (repeatable)")
    export.add_argument("--part", action="append", default=[], help="a book part, e.g. lessons")
    export.add_argument("--out", type=Path, help="output file (default: standard output)")
    args = parser.parse_args(argv)
    try:
        bank = load_bank()
        if args.command == "list":
            for quiz in bank.values():
                print(f"{quiz.id}\t{_part(quiz)}\t{len(quiz.questions)} questions")
            return 0
        chosen = select(bank, args.quiz, args.part)
        xml = to_moodle_xml(chosen)
    except QuizError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.out:
        args.out.write_bytes(xml)
        n = sum(len(q.questions) for q in chosen)
        print(f"wrote {len(chosen)} quizzes, {n} questions to {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(xml)
    return 0


if __name__ == "__main__":
    sys.exit(main())
