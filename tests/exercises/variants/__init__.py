"""Alternative correct answers and typical wrong answers, one module per assignment.

Each module defines ALTERNATIVES (name -> {answer grade_id: code}); cells not listed
keep the instructor's solution) and WRONG (a list of Wrong). They are submitted as
students to the real nbgrader in tests/exercises/test_roundtrip.py.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Wrong:
    name: str
    answers: dict[str, str]
    loses: tuple[str, ...]
    message: str
