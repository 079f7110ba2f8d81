#!/usr/bin/env bash
# Time each audience's setup from a fresh clone (figures in docs/benchmarks/setup.md).
#
#   bash benchmarks/setup_times.sh [STEP ...]     # default: every step, one after another
#
# Steps: learner (pip install of the built wheel with [lab] into a new venv), reader
# (scripts/setup.sh book, then the build of make book), instructor (make course), contributor
# (scripts/setup.sh dev, then make test-fast). Each step gets its own clone of this
# repository under $OUT (default /tmp/globalsourcing-setup-times), pip's cache off and an
# empty npm cache, so packages come from the index as on a new machine. The load average is
# logged every 30 s beside the times, because on a shared machine it moves the figures more
# than anything else. make test's full run is not a step: it is the contributor setup plus
# two book builds and the whole suite. Not run by make bench (it installs several .venvs).
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-/tmp/globalsourcing-setup-times}"
python="${PYTHON:-python3}"
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(learner reader instructor contributor)
mkdir -p "$out"
log="$out/times.log"
[ -d "$repo/../shared/data" ] && export GLOBALSOURCING_DATA_DIR="$(cd "$repo/../shared/data" && pwd)"
export PIP_NO_CACHE_DIR=1

timed() {  # timed NAME DIR COMMAND...: run COMMAND in DIR, log seconds, exit status and load
  local name=$1 dir=$2 t0 rc
  shift 2
  echo "$name start $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$log"
  t0=$(date +%s)
  (cd "$dir" && "$@") > "$out/$name.out" 2>&1
  rc=$?
  echo "$name end rc=$rc seconds=$(($(date +%s) - t0)) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$log"
  return $rc
}

fresh_clone() {  # fresh_clone NAME: a new clone of this repository and an empty npm cache
  rm -rf "$out/$1" "$out/npm-$1"
  git clone -q "$repo" "$out/$1"
  export npm_config_cache="$out/npm-$1"
}

(while true; do echo "$(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.log"; sleep 30; done) &
sampler=$!
trap 'kill $sampler 2>/dev/null' EXIT
echo "commit $(git -C "$repo" rev-parse --short HEAD), $("$python" --version), $(nproc) cores" >> "$log"

for step in "${steps[@]}"; do
  case "$step" in
    learner)
      fresh_clone learner
      timed learner_wheel "$out/learner" "$python" -m pip wheel --no-deps -q -w dist .
      timed learner_install "$out/learner" bash -c \
        "$python -m venv venv && venv/bin/python -m pip install -q \"\$(ls dist/globalsourcing-*.whl)[lab]\""
      ;;
    reader)
      fresh_clone reader
      timed reader_setup "$out/reader" bash scripts/setup.sh book
      timed reader_build "$out/reader" make book
      ;;
    instructor)
      fresh_clone instructor
      timed instructor_setup "$out/instructor" make course
      ;;
    contributor)
      fresh_clone contributor
      timed contributor_setup "$out/contributor" bash scripts/setup.sh dev
      timed contributor_test_fast "$out/contributor" make test-fast
      ;;
    *)
      echo "unknown step $step (learner, reader, instructor, contributor)" >&2
      exit 2
      ;;
  esac
done
cat "$log"
