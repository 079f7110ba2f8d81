"""globalsourcing: the library behind the casebook on global back-office outsourcing.

Students and self-study learners import this package; the hosted book and the
exercises use it for data, models, exhibits, quizzes and self-checks.
"""

__version__ = "0.1.0"
from .check import check  # noqa: E402  (self-checks for the exercises: check("q1"))
