"""The quiz data model and its validation (shared by the Sphinx directive and the bank)."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass, field
from typing import Any

import yaml

from .numbers import NumberFormatError, parse_number

QUESTION_TYPES = ("single", "multiple", "numeric")
# What a question asks of the reader: remember a fact, apply an idea to a new case, or analyse.
LEVELS = ("recall", "apply", "analyse")
_LEVEL_MISSING = f"needs 'level' ({', '.join(LEVELS)}): what the question asks of the reader"


class QuizError(ValueError):
    """A quiz block is malformed; the message names the quiz, the question and the fix."""


@dataclass(frozen=True)
class Option:
    text: str
    feedback: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    level: str | None = None
    # Shown with the answer (after a correct try, "Show answer", or in the no-JavaScript block).
    explanation: str = ""

    @property
    def letters(self) -> str:
        return string.ascii_uppercase[: len(self.options)]

    @property
    def answer_key(self) -> str | float:
        """The right answer as a plain value: option letters, or the number."""
        if self.type == "numeric":
            return float(self.answer)
        return "".join(
            letter for letter, opt in zip(self.letters, self.options, strict=True) if opt.correct
        )

    def is_correct(self, response: Any) -> bool:
        """Grade a plain-value response ("B", "ac", ["A", "C"], 9.4, "9,4 %")."""
        if self.type == "numeric":
            try:
                if isinstance(response, str):
                    value = parse_number(response, self.unit)
                else:
                    value = float(response)
            except (TypeError, ValueError, NumberFormatError):
                return False
            return (
                math.isfinite(value) and abs(value - float(self.answer)) <= self.tolerance + 1e-12
            )
        if isinstance(response, str):
            chosen = {c for c in response.upper() if not c.isspace() and c not in ",;"}
        else:
            try:
                chosen = {str(c).strip().upper() for c in response}
            except TypeError:
                return False
        return chosen == set(self.answer_key)


@dataclass(frozen=True)
class Quiz:
    id: str
    questions: tuple[Question, ...]
    source: str = ""
    title: str = "Check your understanding"
    extra: dict = field(default_factory=dict)

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(
            f"Quiz {self.id!r} has no question {qid!r}; it has {[q.id for q in self.questions]}."
        )


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise QuizError(f"{where}: {message}")


def _text(value: Any, where: str, name: str) -> str:
    _need(
        isinstance(value, str | int | float) and str(value).strip() != "",
        where,
        f"'{name}' must be non-empty text",
    )
    return str(value).strip()


def _parse_question(raw: Any, where: str) -> Question:
    _need(isinstance(raw, dict), where, "each question must be a mapping with id, type and prompt")
    qid = _text(raw.get("id"), where, "id")
    where = f"{where}, question {qid!r}"
    qtype = raw.get("type")
    _need(
        qtype in QUESTION_TYPES,
        where,
        f"type must be one of {', '.join(QUESTION_TYPES)} (got {qtype!r})",
    )
    prompt = _text(raw.get("prompt"), where, "prompt")
    level = raw.get("level")
    _need(
        level is None or level in LEVELS,
        where,
        f"level must be one of {', '.join(LEVELS)} (got {level!r})",
    )
    explanation = _text(raw["explanation"], where, "explanation") if "explanation" in raw else ""
    if qtype == "numeric":
        _need("answer" in raw, where, "a numeric question needs 'answer'")
        try:
            answer = float(raw["answer"])
            tolerance = float(raw.get("tolerance", 0))
        except (TypeError, ValueError) as exc:
            raise QuizError(f"{where}: 'answer' and 'tolerance' must be numbers") from exc
        _need(math.isfinite(answer), where, "'answer' must be a finite number")
        _need(tolerance >= 0, where, "'tolerance' must be zero or positive")
        _need(level is not None, where, _LEVEL_MISSING)
        return Question(
            id=qid,
            type=qtype,
            prompt=prompt,
            answer=answer,
            tolerance=tolerance,
            unit=str(raw.get("unit", "")),
            feedback_correct=_text(raw.get("feedback_correct"), where, "feedback_correct"),
            feedback_incorrect=_text(raw.get("feedback_incorrect"), where, "feedback_incorrect"),
            level=level,
            explanation=explanation,
        )
    raw_options = raw.get("options")
    _need(
        isinstance(raw_options, list) and len(raw_options) >= 2,
        where,
        "needs a list of at least two options",
    )
    options = []
    for i, opt in enumerate(raw_options, start=1):
        owhere = f"{where}, option {i}"
        _need(isinstance(opt, dict), owhere, "each option must be a mapping with text and feedback")
        options.append(
            Option(
                text=_text(opt.get("text"), owhere, "text"),
                feedback=_text(opt.get("feedback"), owhere, "feedback"),
                correct=bool(opt.get("correct", False)),
            )
        )
    n_correct = sum(o.correct for o in options)
    if qtype == "single":
        _need(
            n_correct == 1,
            where,
            f"a single-choice question needs exactly one correct option (found {n_correct})",
        )
    else:
        _need(n_correct >= 1, where, "a multiple-choice question needs at least one correct option")
    _need(level is not None, where, _LEVEL_MISSING)
    return Question(
        id=qid,
        type=qtype,
        prompt=prompt,
        options=tuple(options),
        level=level,
        explanation=explanation,
    )


def parse_quiz(quiz_id: str, body: str | dict, source: str = "") -> Quiz:
    """Parse and validate a quiz block's YAML body."""
    where = f"quiz {quiz_id!r}" + (f" in {source}" if source else "")
    _need(
        bool(quiz_id) and quiz_id.replace("-", "").replace("_", "").isalnum(),
        where,
        "':id:' must be a slug such as lesson-selective",
    )
    if isinstance(body, str):
        try:
            data = yaml.safe_load(body)
        except yaml.YAMLError as exc:
            raise QuizError(f"{where}: the body is not valid YAML ({exc})") from exc
    else:
        data = body
    _need(
        isinstance(data, dict) and isinstance(data.get("questions"), list) and data["questions"],
        where,
        "the body must be YAML with a non-empty 'questions' list",
    )
    questions = tuple(_parse_question(q, where) for q in data["questions"])
    ids = [q.id for q in questions]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    _need(not dupes, where, f"question ids repeat: {dupes}")
    title = str(data.get("title", "Check your understanding"))
    return Quiz(id=quiz_id, questions=questions, source=source, title=title)
