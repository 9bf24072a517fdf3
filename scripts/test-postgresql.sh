#!/usr/bin/env bash
# The access-control and log integration tests once more, against PostgreSQL instead of the embedded H2:
# one WildFly boot, no unit tests. The database is the one named by TRIBUTARY_PG_URL (with
# TRIBUTARY_PG_USER / TRIBUTARY_PG_PASSWORD, default tributary/tributary), else the local Debian cluster,
# which this script starts and prepares itself (role "tributary" with password "tributary", created or
# reset, and a fresh database "tributary_it") when it runs as root or may use sudo without a password.
# Without either, it says why and skips (exit 0).
# Extra arguments go to Maven, before this script's own (e.g. the -Dit.* port settings).
set -euo pipefail
cd "$(dirname "$0")/.."

TESTS=AccessDecisionIT,AuthenticationIT,DarwinImportIT,AccessSurvivesRedeployIT,AccessLogIT,Mp3OverHttpIT,PublishAccessIT,ChannelsApiIT
DATABASE=tributary_it

. scripts/lib/postgresql.sh
pass_named postgresql-pass "$@"
postgresql_database "$DATABASE"

status=0
mvn -B verify "$@" -pl it -am -Dtributary.db=postgresql "-Dtributary.db.url=$url" "-Dtributary.db.user=$user" \
    "-Dtributary.db.password=$password" "-Dit.test=$TESTS" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false || status=$?
# Put the provisioned server back on H2, as every other build expects it.
mvn -B -q -pl server-config compile || say "could not switch the provisioned server back to H2"
if [ "$status" -ne 0 ]; then
    say "FAILED against PostgreSQL"
else
    say "passed against PostgreSQL ($TESTS)"
fi
exit "$status"
