#!/usr/bin/env bash
# The cluster integration tests (ClusterIT): three WildFly nodes in standalone-ha, an origin and two edges started
# by scripts/cluster-node.sh on one machine (loopback JGroups, ports moved by 100, 200 and 300), sharing a fresh
# PostgreSQL database: TRIBUTARY_PG_URL's server, else the local Debian cluster, prepared as
# scripts/test-postgresql.sh does (scripts/lib/postgresql.sh). Without either it says why and skips (exit 0).
# Extra arguments go to Maven, before this script's own.
set -euo pipefail
cd "$(dirname "$0")/.."

DATABASE=tributary_cluster_it

. scripts/lib/postgresql.sh
pass_named cluster-pass "$@"
postgresql_database "$DATABASE"

status=0
mvn -B verify "$@" -pl it -am "-Dit.cluster.db.url=$url" "-Dit.cluster.db.user=$user" "-Dit.cluster.db.password=$password" \
    -Dit.test=ClusterIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    || status=$?
if [ "$status" -ne 0 ]; then
    say "FAILED (the nodes' logs: it/target/cluster/*/log/server.log)"
else
    say "passed: three nodes, origin and two edges"
fi
exit "$status"
