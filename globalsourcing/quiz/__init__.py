"""Self-check quizzes: authored as YAML inside chapters, rendered in the page, loadable here.

``load_bank()`` reads every ``quiz`` block of the book so an exercise can reuse a question as
a graded answer held in a plain value::

    from globalsourcing import quiz
    q = quiz.get("lesson-selective/q1")
    q.answer_key        # "A" (single), "AC" (multiple) or a float (numeric)
    q.is_correct("A")   # True
"""

from .bank import get, load_bank
from .model import Option, Question, Quiz, QuizError, parse_quiz

__all__ = ["Option", "Question", "Quiz", "QuizError", "get", "load_bank", "parse_quiz"]
