# Sourced by the scripts that need a PostgreSQL database of their own (test-postgresql.sh, test-cluster.sh).
# postgresql_database NAME sets url, user and password: the server named by TRIBUTARY_PG_URL (with
# TRIBUTARY_PG_USER / TRIBUTARY_PG_PASSWORD, default tributary/tributary), else the local Debian cluster, which it
# starts and prepares (role "tributary" with password "tributary", created or reset, and a fresh database NAME)
# when it runs as root or may use sudo without a password. Otherwise it skips the pass, saying why.

# pass_named NAME ARGS...: say and skip print "[NAME] ..."; the pass is skipped (exit 0) when ARGS switch the
# integration tests off.
pass_named() {
    PASS_NAME=$1
    shift
    for arg in "$@"; do
        case "$arg" in
            -DskipITs|-DskipITs=true|-DskipTests|-DskipTests=true) skip "integration tests are switched off ($arg)" ;;
        esac
    done
}
say() { echo "[$PASS_NAME] $*"; }
skip() { say "SKIPPED: $*"; exit 0; }

postgresql_database() {
    local DATABASE=$1 cluster version name port status force as_root as_postgres
    if [ -n "${TRIBUTARY_PG_URL:-}" ]; then
        url=$TRIBUTARY_PG_URL
        user=${TRIBUTARY_PG_USER:-tributary}
        password=${TRIBUTARY_PG_PASSWORD:-tributary}
        say "using the PostgreSQL server of TRIBUTARY_PG_URL: $url (user $user)"
    else
        command -v pg_ctlcluster >/dev/null 2>&1 || skip "no TRIBUTARY_PG_URL given and no local PostgreSQL (pg_ctlcluster not found)"
        if [ "$(id -u)" -eq 0 ]; then
            as_root=()
            as_postgres=(runuser -u postgres --)
        elif sudo -n true 2>/dev/null; then
            as_root=(sudo -n)
            as_postgres=(sudo -n -u postgres)
        else
            skip "a local PostgreSQL exists, but this user is not root and cannot use sudo without a password (or set TRIBUTARY_PG_URL)"
        fi
        # The newest cluster: version, name, port, status.
        cluster=$(pg_lsclusters --no-header 2>/dev/null | sort -V | tail -n 1)
        [ -n "$cluster" ] || skip "pg_ctlcluster exists but no PostgreSQL cluster is set up (pg_createcluster)"
        read -r version name port status _ <<<"$cluster"
        if [ "$status" != online ]; then
            say "starting PostgreSQL cluster $version/$name"
            "${as_root[@]}" pg_ctlcluster "$version" "$name" start
        fi
        user=tributary
        password=tributary
        # A role for the server and an empty database for this pass (run from /tmp: postgres cannot read every cwd).
        # FORCE (PostgreSQL 13+) also ends connections a server killed mid-run may have left behind.
        force=""
        [ "${version%%.*}" -ge 13 ] && force="WITH (FORCE)"
        (cd /tmp && "${as_postgres[@]}" psql -p "$port" -v ON_ERROR_STOP=1 -q) <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE $user LOGIN PASSWORD '$password';
  ELSE
    ALTER ROLE $user LOGIN PASSWORD '$password';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $DATABASE $force;
CREATE DATABASE $DATABASE OWNER $user;
SQL
        url=jdbc:postgresql://127.0.0.1:$port/$DATABASE
        say "using the local cluster $version/$name: $url"
    fi
}
