#!/usr/bin/env bash
# Create .venv and install the locked dependencies (Python extras given as arguments) and the
# site's front-end libraries. pyproject.toml holds the allowed ranges; requirements.lock the
# exact versions, applied as constraints to whichever extras are installed. Re-running is
# cheap: each step is skipped while its inputs (pyproject.toml, requirements.lock,
# package-lock.json) are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-book}"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "globalsourcing needs Python 3.11 or newer; $("$python" --version) found. Set PYTHON=python3.11." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv

stamp=".venv/.installed-$extras"
want="$(cat pyproject.toml requirements.lock | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -c requirements.lock -e ".[$extras]"
  echo "$want" > "$stamp"
fi

# The grading setup (make course) needs no front-end libraries.
[ -n "${GLOBALSOURCING_NO_NPM:-}" ] && exit 0
if ! command -v npm >/dev/null; then
  echo "npm is needed to install the site's front-end libraries (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
npm_stamp="node_modules/.installed"
npm_want="$(sha256sum package-lock.json | cut -c1-16)"
if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_want" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$npm_want" > "$npm_stamp"
fi
