#!/usr/bin/env bash
# The README's test command: install everything the tests need, build the book they check,
# then run the whole suite (browser tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev

if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu)." >&2
    exit 1
  fi
fi

GS_EXTRAS=dev bash scripts/build_book.sh
source scripts/data_env.sh
# The separation tests compare the student site with the instructor edition.
bash scripts/build_instructor_edition.sh
.venv/bin/python -m pytest "$@"
