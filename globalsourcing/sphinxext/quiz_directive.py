"""The ``quiz`` directive: YAML in the chapter, an accessible self-check in the page."""

from __future__ import annotations

import html

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from globalsourcing.quiz.markup import inline_html as _inline
from globalsourcing.quiz.model import Question, Quiz, QuizError, parse_quiz
from globalsourcing.quiz.numbers import format_number

logger = logging.getLogger(__name__)


def _explanation(q: Question) -> str:
    if not q.explanation:
        return ""
    return f'<p class="gs-quiz-explanation">{_inline(q.explanation)}</p>'


def _answer_block(q: Question) -> str:
    """The answer for readers without JavaScript; the script replaces it with the check."""
    if q.type == "numeric":
        accepted = format_number(q.tolerance)
        tolerance = f" (answers within \u00b1{accepted} are accepted)" if q.tolerance else ""
        unit = f" {html.escape(q.unit)}" if q.unit else ""
        body = (
            f"<p><strong>Answer: {format_number(q.answer)}{unit}</strong>{tolerance}.</p>"
            f"<p>{_inline(q.feedback_correct)}</p>"
        )
    else:
        key = ", ".join(q.answer_key)
        rows = "".join(
            f'<li class="gs-quiz-{"right" if opt.correct else "wrong"}">'
            f"<strong>{letter}. {'Right' if opt.correct else 'Wrong'}:</strong> {_inline(opt.feedback)}</li>"
            for letter, opt in zip(q.letters, q.options, strict=True)
        )
        body = f"<p><strong>Answer: {key}.</strong></p><ul>{rows}</ul>"
    return (
        '<details class="gs-quiz-answer"><summary>Answer and explanation</summary>'
        f"{body}{_explanation(q)}</details>"
    )


def _legend(n: int, q: Question, hint: str = "") -> str:
    return f'<legend><span class="gs-quiz-number">{n}.</span> {_inline(q.prompt)}{hint}</legend>'


def _attrs(q: Question) -> str:
    level = f' data-level="{q.level}"' if q.level else ""
    return f'class="gs-quiz-question" data-type="{q.type}" data-qid="{html.escape(q.id)}"{level}'


def _choice_question(quiz: Quiz, n: int, q: Question) -> str:
    kind = "radio" if q.type == "single" else "checkbox"
    base = f"gs-{quiz.id}-{q.id}"
    # Authors often say it in the prompt already; say it once.
    needs_hint = q.type == "multiple" and "all that apply" not in q.prompt.lower()
    hint = ' <span class="gs-quiz-hint">(choose all that apply)</span>' if needs_hint else ""
    rows = []
    for letter, opt in zip(q.letters, q.options, strict=True):
        oid = f"{base}-{letter.lower()}"
        # The script shuffles the rows per reader and rewrites the letters to match.
        rows.append(
            f'<div class="gs-quiz-option" data-correct="{str(opt.correct).lower()}">'
            f'<input type="{kind}" id="{oid}" name="{base}" value="{letter}">'
            f'<label for="{oid}"><span class="gs-quiz-letter">{letter}.</span> {_inline(opt.text)}</label>'
            f'<div class="gs-quiz-feedback" hidden>{_inline(opt.feedback)}</div>'
            f"</div>"
        )
    return (
        f"<fieldset {_attrs(q)}>{_legend(n, q, hint)}"
        f'<div class="gs-quiz-options">{"".join(rows)}</div>'
        + _answer_block(q)
        + _check_row(base, q)
        + "</fieldset>"
    )


def _numeric_question(quiz: Quiz, n: int, q: Question) -> str:
    base = f"gs-{quiz.id}-{q.id}"
    unit = f' <span class="gs-quiz-unit">{html.escape(q.unit)}</span>' if q.unit else ""
    # A text field, not type=number: browsers drop "17,5" or "1 234" from number inputs.
    return (
        f'<fieldset {_attrs(q)} data-answer="{q.answer!r}" data-tolerance="{q.tolerance!r}" '
        f'data-unit="{html.escape(q.unit)}">{_legend(n, q)}'
        f'<div class="gs-quiz-numeric"><label for="{base}-input">Your answer</label> '
        f'<input type="text" inputmode="decimal" autocomplete="off" id="{base}-input" name="{base}">{unit}</div>'
        f'<div class="gs-quiz-feedback gs-quiz-feedback-correct" hidden>{_inline(q.feedback_correct)}</div>'
        f'<div class="gs-quiz-feedback gs-quiz-feedback-incorrect" hidden>{_inline(q.feedback_incorrect)}</div>'
        + _answer_block(q)
        + _check_row(base, q)
        + "</fieldset>"
    )


def _check_row(base: str, q: Question) -> str:
    # Hidden until the script runs, so a reader without JavaScript sees no inert buttons.
    explanation = _explanation(q).replace("<p ", "<p hidden ", 1)
    return (
        f"{explanation}"
        f'<div class="gs-quiz-actions" hidden><button type="button" class="gs-quiz-check">Check answer</button>'
        f'<button type="button" class="gs-quiz-reveal">Show answer</button>'
        f'<p class="gs-quiz-result" id="{base}-result" role="status" aria-live="polite"></p></div>'
    )


def render(quiz: Quiz) -> str:
    parts = []
    for n, q in enumerate(quiz.questions, start=1):
        parts.append(
            _numeric_question(quiz, n, q) if q.type == "numeric" else _choice_question(quiz, n, q)
        )
    return (
        f'<section class="gs-quiz" id="quiz-{quiz.id}" data-quiz="{quiz.id}" aria-label="{html.escape(quiz.title)}">'
        f'<p class="gs-quiz-title">{html.escape(quiz.title)}</p>'
        "<noscript><p>Answer each question, then open its answer block to check yourself.</p></noscript>"
        + "".join(parts)
        + "</section>"
    )


class QuizDirective(SphinxDirective):
    has_content = True
    option_spec = {"id": directives.unchanged_required}

    def run(self):
        quiz_id = self.options.get("id", "")
        where = f"{self.env.docname}:{self.lineno}"
        if not quiz_id:
            raise self.error(f"quiz at {where} needs an ':id:' option (unique across the book).")
        try:
            quiz = parse_quiz(quiz_id, "\n".join(self.content), source=where)
        except QuizError as exc:
            raise self.error(str(exc)) from exc
        registry = getattr(self.env, "gs_quiz_ids", {})
        registry[quiz_id] = registry.get(quiz_id, set()) | {self.env.docname}
        self.env.gs_quiz_ids = registry
        return [nodes.raw("", render(quiz), format="html")]


def check_unique_quiz_ids(app, env) -> None:
    for quiz_id, docs in getattr(env, "gs_quiz_ids", {}).items():
        if len(docs) > 1:
            logger.warning(f"quiz id {quiz_id!r} is used in several chapters: {sorted(docs)}")


def purge_doc(app, env, docname) -> None:
    for docs in getattr(env, "gs_quiz_ids", {}).values():
        docs.discard(docname)


def merge_info(app, env, docnames, other) -> None:
    registry = getattr(env, "gs_quiz_ids", {})
    for quiz_id, docs in getattr(other, "gs_quiz_ids", {}).items():
        registry[quiz_id] = registry.get(quiz_id, set()) | docs
    env.gs_quiz_ids = registry
