#!/usr/bin/env bash
# Builds Tributary, provisions and configures WildFly, makes the sample media, deploys the EAR and runs
# the server in the foreground (Ctrl-C stops it cleanly). Extra arguments go to Maven, e.g.
#   ./scripts/run.sh -Dtributary.media.root=/srv/media -Dtributary.rtsp.port=554
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh || echo "[run] continuing without the tools: no sample media will be made" >&2
exec mvn -B -Prun package -DskipTests "$@"
