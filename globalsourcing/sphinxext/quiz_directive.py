"""The ``quiz`` directive: YAML in the chapter, an accessible self-check in the page."""

from __future__ import annotations

import html

from docutils import nodes
from docutils.parsers.rst import directives
from markdown_it import MarkdownIt
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from globalsourcing.quiz.model import Question, Quiz, QuizError, parse_quiz

logger = logging.getLogger(__name__)
# Raw HTML in prompts is switched off: quiz text is data, not markup.
_md = MarkdownIt("commonmark", {"html": False})


def _inline(text: str) -> str:
    return _md.renderInline(text)


def _choice_question(quiz: Quiz, n: int, q: Question) -> str:
    kind = "radio" if q.type == "single" else "checkbox"
    base = f"gs-{quiz.id}-{q.id}"
    # Authors often say it in the prompt already; say it once.
    needs_hint = q.type == "multiple" and "all that apply" not in q.prompt.lower()
    hint = ' <span class="gs-quiz-hint">(choose all that apply)</span>' if needs_hint else ""
    rows = []
    for letter, opt in zip(q.letters, q.options, strict=True):
        oid = f"{base}-{letter.lower()}"
        rows.append(
            f'<div class="gs-quiz-option" data-correct="{str(opt.correct).lower()}">'
            f'<input type="{kind}" id="{oid}" name="{base}" value="{letter}">'
            f'<label for="{oid}"><span class="gs-quiz-letter">{letter}.</span> {_inline(opt.text)}</label>'
            f'<div class="gs-quiz-feedback" hidden>{_inline(opt.feedback)}</div>'
            f"</div>"
        )
    return (
        f'<fieldset class="gs-quiz-question" data-type="{q.type}" data-qid="{html.escape(q.id)}">'
        f'<legend><span class="gs-quiz-number">{n}.</span> {_inline(q.prompt)}{hint}</legend>'
        + "".join(rows)
        + _check_row(base)
        + "</fieldset>"
    )


def _numeric_question(quiz: Quiz, n: int, q: Question) -> str:
    base = f"gs-{quiz.id}-{q.id}"
    unit = f' <span class="gs-quiz-unit">{html.escape(q.unit)}</span>' if q.unit else ""
    return (
        f'<fieldset class="gs-quiz-question" data-type="numeric" data-qid="{html.escape(q.id)}" '
        f'data-answer="{q.answer!r}" data-tolerance="{q.tolerance!r}">'
        f'<legend><span class="gs-quiz-number">{n}.</span> {_inline(q.prompt)}</legend>'
        f'<div class="gs-quiz-numeric"><label for="{base}-input">Your answer</label> '
        f'<input type="number" step="any" inputmode="decimal" id="{base}-input" name="{base}">{unit}</div>'
        f'<div class="gs-quiz-feedback gs-quiz-feedback-correct" hidden>{_inline(q.feedback_correct)}</div>'
        f'<div class="gs-quiz-feedback gs-quiz-feedback-incorrect" hidden>{_inline(q.feedback_incorrect)}</div>'
        + _check_row(base)
        + "</fieldset>"
    )


def _check_row(base: str) -> str:
    return (
        f'<div class="gs-quiz-actions"><button type="button" class="gs-quiz-check">Check answer</button>'
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
        f"<noscript><p>The self-check needs JavaScript to show feedback.</p></noscript>"
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
