#!/usr/bin/env bash
# Re-resolve requirements.lock (every extra, Python 3.11, Linux x86_64) with uv after a change
# to the dependency ranges in pyproject.toml; tests/test_lock.py fails until this is run.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet 'uv>=0.5,<1'
.venv/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
  --python-platform x86_64-unknown-linux-gnu --quiet --no-header -o requirements.lock.new
{
  echo "# The resolved versions of every Python dependency (all extras), for Python 3.11 on Linux x86_64."
  echo "# setup.sh installs any extra with this file as constraints. Regenerate with: make lock"
  cat requirements.lock.new
} > requirements.lock
rm requirements.lock.new
echo "requirements.lock: $(grep -c '^[a-z0-9]' requirements.lock) packages"
