#!/usr/bin/env bash
# Builds Tributary, provisions and configures WildFly, makes the sample media, deploys the EAR and runs
# the server in the foreground (Ctrl-C stops it cleanly). Extra arguments go to Maven; every
# -Dtributary.* among them also reaches the server, e.g.
#   ./scripts/run.sh -Dtributary.media.root=/srv/media -Dtributary.rtsp.port=554 -Dtributary.admin.password=secret
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh || echo "[run] continuing without the tools: no sample media will be made" >&2
mkdir -p server-config/target
: > server-config/target/run.properties
for arg in "$@"; do
    case "$arg" in
        -Dtributary.*=*) printf '%s\n' "${arg#-D}" >> server-config/target/run.properties ;;
    esac
done
exec mvn -B -Prun package -DskipTests "$@"
