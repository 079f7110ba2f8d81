"""globalsourcing: the library behind the casebook on global back-office outsourcing.

Students and self-study learners import this package; the hosted book and the
exercises use it for data, models, exhibits, quizzes and self-checks.
"""

# check() lives in selfcheck.py, which imports the visible tests (and pandas) only when
# called, so `import globalsourcing.data` stays light. Released notebooks import it as
# `from globalsourcing import check` (tests/globalsourcing/test_package.py keeps that working).
from .selfcheck import check

__version__ = "0.1.0"
__all__ = ["__version__", "check"]
