"""globalsourcing: the library behind the casebook on global back-office outsourcing.

Students and self-study learners import this package; the hosted book and the
exercises use it for data, models, exhibits, quizzes and self-checks.
"""

__version__ = "0.1.0"
__all__ = ["__version__", "check"]


def __getattr__(name: str):
    # check() needs pandas; importing it lazily keeps `import globalsourcing.data` light.
    if name == "check":
        from .check import check

        # Importing the submodule bound `globalsourcing.check` to it; the function wins.
        globals()["check"] = check
        return check
    raise AttributeError(f"module 'globalsourcing' has no attribute {name!r}")
