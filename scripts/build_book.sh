#!/usr/bin/env bash
# The README's book command: install what the build needs, then build the student site
# into _build/html with Sphinx warnings as errors. Every notebook page executes (cached locally).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "${GS_EXTRAS:-book}"
source scripts/data_env.sh

# jupyter-cache keys a page on its own code only, so a change to the library or the data
# behind an exhibit would keep serving stale outputs: start the cache afresh when they change.
lib_hash="$(find globalsourcing datasets -type f \( -name '*.py' -o -name '*.csv' -o -name '*.json' -o -name '*.yml' -o -name '*.js' -o -name '*.css' \) -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
if [ "$(cat _build/.library-hash 2>/dev/null)" != "$lib_hash" ]; then
  rm -rf _build/.jupyter_cache
  mkdir -p _build && echo "$lib_hash" > _build/.library-hash
fi
.venv/bin/jupyter-book build . -W --keep-going "$@"
echo "The site is in _build/html; open _build/html/index.html or run 'make serve'."
