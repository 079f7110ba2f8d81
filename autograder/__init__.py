"""Instructor-side grading engine for nbgrader courses.

It knows no particular course: a course says what the engine needs in its
``grading.toml`` (``declaration.py``); this repository's course is ``exercises/``.
Run from the repository clone: ``python -m autograder --help``.  Nothing here is
installed for students.  Importing this package is cheap and pulls in no hidden tests:
the sandbox's fork server imports it before any submission is read.
"""

__version__ = "0.1.0"
