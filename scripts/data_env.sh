# Sourced by the build and test scripts: use the offline mirror beside the clone when there is one.
if [ -z "${GLOBALSOURCING_DATA_DIR:-}" ] && [ -d "../shared/data" ]; then
  GLOBALSOURCING_DATA_DIR="$(cd ../shared/data && pwd)"
  export GLOBALSOURCING_DATA_DIR
fi
