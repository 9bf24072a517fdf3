#!/usr/bin/env bash
# The whole test suite: unit tests (Surefire) in every module, then the integration tests (Failsafe)
# against one WildFly that the build provisions from Maven Central and configures itself (H2), then a
# second, short pass of the access and log integration tests against PostgreSQL when one is available
# (scripts/test-postgresql.sh says which, or why the pass is skipped), then the cluster tests: three WildFly
# nodes on one shared PostgreSQL database (scripts/test-cluster.sh).
# Extra arguments go to Maven (e.g. ./scripts/test.sh -Dit.test=RtspBasicsIT).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
mvn -B verify "$@"
for arg in "$@"; do
    case "$arg" in
        -Dit.test=*) echo "[postgresql-pass] SKIPPED: integration tests were chosen with $arg (run scripts/test-postgresql.sh for the pass)"
                     echo "[cluster-pass] SKIPPED: integration tests were chosen with $arg (run scripts/test-cluster.sh for the pass)"
                     exit 0 ;;
    esac
done
status=0
bash scripts/test-postgresql.sh "$@" || status=$?
bash scripts/test-cluster.sh "$@" || status=$?
exit "$status"
