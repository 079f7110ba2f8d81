"""Hidden tests of the graded exercises (instructor only: never released or installed).

Each module matches an assignment and exposes one function per question that takes the
student's plain values and raises ``globalsourcing.checks.CheckFailure`` with a message
that names the problem without revealing the reference answer. Notebook test cells call
them through ``globalsourcing.checks.run_hidden`` inside ``### BEGIN HIDDEN TESTS``.
"""
