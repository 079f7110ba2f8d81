"""The package imports cheaply and exposes what learners call.

Released notebooks (exercises/source, exercises/selfstudy) import the self-check as
``from globalsourcing import check``; the function lives in ``globalsourcing.selfcheck``.
"""

import subprocess
import sys


def _python(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return out.split()


def test_check_is_the_function_learners_call():
    code = "from globalsourcing import check; import globalsourcing; print(callable(check), check is globalsourcing.check)"
    assert _python(code) == ["True", "True"]


def test_the_released_notebooks_import_of_check_runs_the_self_check():
    # The setup cell of every released notebook, then a question whose variables are missing.
    code = (
        "from globalsourcing import check\n"
        "import globalsourcing.selfcheck as selfcheck\n"
        "report = check('q1', assignment='ps5_tco', namespace={})\n"
        "print(check is selfcheck.check, type(report).__name__, 'Not defined yet' in str(report))"
    )
    assert _python(code) == ["True", "CheckReport", "True"]


def test_globalsourcing_dot_check_is_callable_and_reads_the_callers_variables():
    code = (
        "import globalsourcing\n"
        "ASSIGNMENT = 'ps5_tco'\n"
        "def offshore_annual_cost(fte, rate, productivity_loss, governance_pct):\n"
        "    return fte * (1 + productivity_loss) * rate * (1 + governance_pct)\n"
        "print(globalsourcing.check('q1').passed, globalsourcing.check(1).passed)"
    )
    assert _python(code) == ["True", "True"]


def test_importing_the_package_does_not_import_pandas():
    code = (
        "import sys, globalsourcing; print('pandas' in sys.modules, callable(globalsourcing.check))"
    )
    assert _python(code) == ["False", "True"]
