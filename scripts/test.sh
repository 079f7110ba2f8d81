#!/usr/bin/env bash
# The README's test command: install everything the tests need, build the book they check,
# then run the whole suite (browser tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev

# apt_package PACKAGE WHAT: install a Debian package as root, or say how and stop.
apt_package() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's $1 for $2..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "$2 need $1: run 'sudo apt-get install $1' (Debian/Ubuntu)." >&2
    exit 1
  fi
}
command -v chromium >/dev/null || apt_package chromium "the browser tests"
# The shared-gradebook test starts its own server (tests/autograder/postgres_server.py).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null \
  || apt_package postgresql "the shared-gradebook tests"

GS_EXTRAS=dev bash scripts/build_book.sh
source scripts/data_env.sh
# The separation tests compare the student site with the instructor edition.
bash scripts/build_instructor_edition.sh
# Two workers (pytest-xdist): serially the suite's pytest step took 28 min at 1,506 tests, and
# it has since grown to over 2,100, mostly slow tests that grade whole classes; on two workers
# it takes about 25 min (docs/benchmarks/setup.md). GS_TEST_WORKERS=0 runs it serially;
# arguments after the command are passed on to pytest (a later -n wins).
.venv/bin/python -m pytest -n "${GS_TEST_WORKERS:-2}" "$@"
