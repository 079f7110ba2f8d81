"""Hidden tests of the graded exercises (instructor only: never released or installed).

Each module matches an assignment and exposes one function per question that takes the
student's plain values and raises ``globalsourcing.checks.CheckFailure`` with a message
that names the problem without revealing the reference answer. Notebook test cells call
them through ``globalsourcing.checks.run_hidden`` inside ``### BEGIN HIDDEN TESTS``, as
``from hidden import <assignment>``: the course's ``grading.toml`` puts this folder's
parent (``exercises/``) on the grader's import path, and ``nbgrader_config.py`` puts it
on the kernels' ``PYTHONPATH``. Notebooks released before the tests moved here import
``autograder.hidden.<assignment>``, an alias that redirects to this package.
"""
