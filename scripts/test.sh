#!/usr/bin/env bash
# The whole test suite: unit tests (Surefire) in every module, then the integration tests (Failsafe)
# against one WildFly that the build provisions from Maven Central and configures itself.
# Extra arguments go to Maven (e.g. ./scripts/test.sh -Dit.test=RtspBasicsIT).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
exec mvn -B verify "$@"
