#!/usr/bin/env bash
# The README's book command: install what the build needs, then build the student site
# into _build/html with Sphinx warnings as errors. Every notebook page executes (cached locally).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "${GS_EXTRAS:-book}"
source scripts/data_env.sh
.venv/bin/jupyter-book build . -W --keep-going "$@"
echo "The site is in _build/html; open _build/html/index.html or run 'make serve'."
