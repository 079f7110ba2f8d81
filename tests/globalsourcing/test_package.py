"""The package imports cheaply and exposes what learners call."""

import subprocess
import sys


def test_check_is_the_function_learners_call():
    code = "from globalsourcing import check; import globalsourcing; print(callable(check), check is globalsourcing.check)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["True", "True"]


def test_importing_the_package_does_not_import_pandas():
    code = "import sys, globalsourcing; print('pandas' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
