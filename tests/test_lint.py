"""The code stays ruff-clean (the pre-commit hooks run the same checks before each commit)."""

import subprocess
import sys
from pathlib import Path

RUFF = Path(sys.executable).with_name("ruff")
ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_no_lint_errors():
    result = subprocess.run([str(RUFF), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]


def test_code_is_ruff_formatted():
    result = subprocess.run(
        [str(RUFF), "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-4000:]
