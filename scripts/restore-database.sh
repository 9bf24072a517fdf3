#!/usr/bin/env bash
# Loads a database backup into a STOPPED server's embedded H2 database.
#   scripts/restore-database.sh BACKUP.sql.gz [SERVER_DATA_DIR]
# BACKUP.sql.gz: a backup made by POST /tributary/api/backups (the console's Backups box, or curl; see
# docs/OPERATIONS.md, Backups). SERVER_DATA_DIR: WildFly's standalone/data (default: that of the server
# scripts/run.sh provisions, or $JBOSS_HOME's); the database is SERVER_DATA_DIR/tributary/tributary.mv.db.
# The backup is loaded into a new file first; only when that worked does it take the database's place, and the
# database that was there is kept beside it as tributary.mv.db.before-restore-<time>, never deleted.
# H2's own RunScript tool comes from the WildFly the data belongs to ($JBOSS_HOME, or the provisioned one).
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "[restore-database] $*" >&2; exit 1; }
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: scripts/restore-database.sh BACKUP.sql.gz [SERVER_DATA_DIR]"
backup=$(realpath -e -- "$1" 2>/dev/null) || die "no such backup file: $1"
gzip -t -- "$backup" 2>/dev/null || die "$1 is not a gzip-compressed backup (make one with POST /tributary/api/backups)"

if [ -z "${JBOSS_HOME:-}" ]; then
    JBOSS_HOME=$(ls -d server-config/target/wildfly-*/ 2>/dev/null | head -n 1)
    [ -n "$JBOSS_HOME" ] || die "no WildFly found: set JBOSS_HOME, or build first (scripts/run.sh)"
fi
h2=$(ls "$JBOSS_HOME"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar 2>/dev/null | head -n 1)
[ -n "$h2" ] || die "no H2 driver in $JBOSS_HOME/modules (is JBOSS_HOME a WildFly?)"

data=${2:-$JBOSS_HOME/standalone/data}
mkdir -p -- "$data/tributary"
data=$(realpath -e -- "$data")
db=$data/tributary/tributary.mv.db
holder=$(find /proc/[0-9]*/fd -lname "$db" 2>/dev/null | head -n 1 || true)
[ -z "$holder" ] || die "the database $db is open (process ${holder#/proc/}); stop the server first"

fresh=$data/tributary/restoring
rm -f -- "$fresh.mv.db" "$fresh.trace.db"
echo "[restore-database] loading $backup"
java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:$fresh" -user sa -password sa -script "$backup" \
    -options COMPRESSION GZIP || { rm -f -- "$fresh.mv.db"; die "H2 could not load $backup; $db is unchanged"; }
if [ -e "$db" ]; then
    kept=$db.before-restore-$(date -u +%Y%m%d-%H%M%S)
    mv -- "$db" "$kept"
    echo "[restore-database] the database that was there is kept as $kept"
fi
mv -- "$fresh.mv.db" "$db"
echo "[restore-database] restored into $db; start the server"
