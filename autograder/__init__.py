"""Instructor-side grading pipeline for the globalsourcing nbgrader course.

Run from the repository clone: ``python -m autograder --help``.  Nothing here is
installed for students.  Importing this package is cheap and pulls in no hidden tests:
the sandbox's fork server imports it before any submission is read.
"""

__version__ = "0.1.0"
