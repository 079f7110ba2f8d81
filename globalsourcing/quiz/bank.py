"""Find every quiz block in the book's chapters."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .model import Question, Quiz, QuizError, parse_quiz

# A MyST directive fence: three or more backticks or colons, then {quiz}.
_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{quiz\}\s*$")
_OPTION = re.compile(r"^:(?P<key>[a-z_]+):\s*(?P<value>.*)$")


def book_root() -> Path:
    """The chapters: the clone's book/ folder, or the copy shipped inside the wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "book", here / "_book"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("No book chapters found next to the globalsourcing package.")


def _blocks(text: str):
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i].strip())
        if not m:
            i += 1
            continue
        fence, start = m.group("fence"), i + 1
        j = start
        while j < len(lines) and lines[j].strip() != fence:
            j += 1
        body = lines[start:j]
        options = {}
        while body and _OPTION.match(body[0]):
            opt = _OPTION.match(body.pop(0))
            options[opt.group("key")] = opt.group("value").strip()
        yield start, options, "\n".join(body)
        i = j + 1


def quizzes_in(path: Path) -> list[Quiz]:
    found = []
    for line, options, body in _blocks(path.read_text(encoding="utf-8")):
        if "id" not in options:
            raise QuizError(f"quiz at {path}:{line} has no ':id:' option")
        quiz = parse_quiz(options["id"], body, source=f"{path.name}:{line}")
        # The folder is the book part (lessons, trends, ...), used to export a part at once.
        found.append(replace(quiz, extra={**quiz.extra, "part": path.parent.name}))
    return found


@lru_cache(maxsize=4)
def _load(root: str) -> dict[str, Quiz]:
    bank: dict[str, Quiz] = {}
    for path in sorted(Path(root).rglob("*.md")):
        for quiz in quizzes_in(path):
            if quiz.id in bank:
                raise QuizError(
                    f"quiz id {quiz.id!r} is used twice: {bank[quiz.id].source} and {quiz.source}"
                )
            bank[quiz.id] = quiz
    return bank


def load_bank(root: str | Path | None = None) -> dict[str, Quiz]:
    """Every quiz in the book, by id."""
    return dict(_load(str(root or book_root())))


def get(ref: str, root: str | Path | None = None) -> Quiz | Question:
    """``get("quiz-id")`` returns a quiz, ``get("quiz-id/q1")`` one of its questions."""
    quiz_id, _, qid = ref.partition("/")
    bank = load_bank(root)
    if quiz_id not in bank:
        import difflib

        close = difflib.get_close_matches(quiz_id, bank, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"No quiz {quiz_id!r} in the book.{hint}")
    return bank[quiz_id].question(qid) if qid else bank[quiz_id]
