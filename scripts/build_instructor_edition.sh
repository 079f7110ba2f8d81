#!/usr/bin/env bash
# Build the instructor edition (every student page plus the syllabus, teaching notes and rubrics
# in instructor/) into _build/instructor/html, warnings as errors.
#
#   scripts/build_instructor_edition.sh                 # -> _build/instructor/html
#   scripts/build_instructor_edition.sh --out /tmp/ed   # -> /tmp/ed/html
#
# The student site is built as usual (jupyter-book build .) and never contains these pages.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
# The World Bank and UNCTAD series are read from the shared data mirror when one is present.
if [ -z "${GLOBALSOURCING_DATA_DIR:-}" ] && [ -d "$repo/../shared/data" ]; then
  export GLOBALSOURCING_DATA_DIR="$repo/../shared/data"
fi
exec "$python" "$repo/instructor/edition.py" "$@"
