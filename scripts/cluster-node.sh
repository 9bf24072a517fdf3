#!/usr/bin/env bash
# One Tributary cluster node: WildFly's standalone-ha configuration with the EAR, on the shared PostgreSQL
# database, as an origin (takes publishers, sends viewers to edges) or an edge (serves viewers, pulls live
# streams from the node that has them). docs/CLUSTER.md explains the topology.
#
#   scripts/cluster-node.sh start --name NAME --role origin|edge --offset N --db-url jdbc:postgresql://HOST:5432/DB
#                                 [--db-user U] [--db-password P] [--members HOST[PORT],HOST[PORT],...]
#                                 [--bind ADDRESS] [--address HOST] [--media DIR] [--dir DIR] [--wait]
#                                 [-Dtributary.x=y ...]
#   scripts/cluster-node.sh stop --name NAME [--dir DIR]     # a clean stop (the node leaves the cluster at once)
#   scripts/cluster-node.sh kill --name NAME [--dir DIR]     # kill -9, as a crash would
#   scripts/cluster-node.sh status --name NAME [--dir DIR]
#
# Runs the WildFly that the build provisioned (mvn -B package -DskipTests first) with a server folder of the
# node's own (default server-config/target/nodes/NAME: configuration, deployments, data, log), configured once by
# the project's CLI scripts applied to standalone-ha.xml. Ports are WildFly's plus the offset (HTTP 8080+N,
# management 9990+N, JGroups 7600+N) and Tributary's plus the offset (RTSP 8554+N, RTP 6970+N, RTSPS 8322+N,
# publishers' RTP 30000+10N..+999). --members lists every node's JGroups address (default: this node's alone);
# --address is the host players and other nodes reach this node's RTSP port at (default: the bind address).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

say() { echo "[cluster-node] $*"; }
die() { echo "[cluster-node] ERROR: $*" >&2; exit 2; }

command=${1:-}
[ -n "$command" ] || die "usage: cluster-node.sh start|stop|kill|status --name NAME ... (see the head of this script)"
shift
name="" role="" offset="" db_url="" db_user=tributary db_password=tributary members="" bind=127.0.0.1 address=""
media="$root/server-config/target/media" dir="" wait=false extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --name) name=$2; shift 2 ;;
        --role) role=$2; shift 2 ;;
        --offset) offset=$2; shift 2 ;;
        --db-url) db_url=$2; shift 2 ;;
        --db-user) db_user=$2; shift 2 ;;
        --db-password) db_password=$2; shift 2 ;;
        --members) members=$2; shift 2 ;;
        --bind) bind=$2; shift 2 ;;
        --address) address=$2; shift 2 ;;
        --media) media=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --wait) wait=true; shift ;;
        -D*) extra+=("$1"); shift ;;
        *) die "unknown argument '$1'" ;;
    esac
done
[[ "$name" =~ ^[A-Za-z0-9._-]{1,64}$ ]] || die "--name is 1 to 64 letters, digits, '.', '_' or '-', not '$name'"
dir=${dir:-$root/server-config/target/nodes/$name}
pidfile=$dir/node.pid

running_pid() {
    [ -f "$pidfile" ] || return 1
    local pid
    pid=$(cat "$pidfile")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

case "$command" in
    status)
        if pid=$(running_pid); then say "$name runs (pid $pid, $dir)"; else say "$name is not running"; exit 1; fi
        exit 0 ;;
    stop|kill)
        if ! pid=$(running_pid); then say "$name is not running"; exit 0; fi
        if [ "$command" = kill ]; then
            kill -9 "$pid"
            say "$name killed (pid $pid)"
        else
            kill -TERM "$pid"
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; say "$name did not stop in 30 s: killed"; else say "$name stopped"; fi
        fi
        rm -f "$pidfile"
        exit 0 ;;
    start) ;;
    *) die "unknown command '$command' (start, stop, kill or status)" ;;
esac

[ "$role" = origin ] || [ "$role" = edge ] || die "--role is origin or edge, not '$role'"
[[ "$offset" =~ ^[0-9]{1,4}$ ]] && [ "$offset" -le 2000 ] || die "--offset is a number from 0 to 2000, not '$offset'"
[[ "$db_url" == jdbc:postgresql://* ]] || die "--db-url is the shared database, jdbc:postgresql://HOST:PORT/DB (every node uses the same one)"
if pid=$(running_pid); then die "$name already runs (pid $pid); stop it first"; fi

wildfly=$(ls -d "$root"/server-config/target/wildfly-*/ 2>/dev/null | head -n 1)
ear=$root/ear/target/tributary.ear
[ -n "$wildfly" ] && [ -x "$wildfly/bin/standalone.sh" ] || die "no provisioned WildFly under server-config/target: build first (mvn -B package -DskipTests)"
[ -f "$ear" ] || die "no $ear: build first (mvn -B package -DskipTests)"
wildfly=${wildfly%/}

jgroups_port=$((7600 + offset))
members=${members:-$bind[$jgroups_port]}
address=${address:-$bind}
[ "$address" != 0.0.0.0 ] || address=$(hostname -I | awk '{print $1}')

# The node's own server folder, configured once (a marker remembers the database and members it was made for).
wanted="$role $db_url $db_user $members"
if [ ! -f "$dir/configured" ] || [ "$(cat "$dir/configured")" != "$wanted" ]; then
    say "configuring $dir (standalone-ha.xml, database $db_url, JGroups members $members)"
    rm -rf "$dir"
    mkdir -p "$dir/deployments" "$dir/cli"
    cp -a "$wildfly/standalone/configuration" "$dir/configuration"
    rm -rf "$dir/configuration/standalone_xml_history"
    for script in configure-server configure-tls configure-metrics configure-postgresql configure-cluster; do
        sed -e "s#--server-config=standalone.xml#--server-config=standalone-ha.xml#" \
            -e "s#@project.build.directory@#$root/server-config/target#g" \
            -e "s#@tributary.db.url@#$db_url#g" -e "s#@tributary.db.user@#$db_user#g" \
            -e "s#@tributary.db.password@#$db_password#g" \
            -e "s#@tributary.tls.key-store-password@#${TRIBUTARY_TLS_KEY_STORE_PASSWORD:-tributary}#g" \
            -e "s#@tributary.cluster.members@#$members#g" \
            "$root/server-config/src/main/cli/$script.cli" > "$dir/cli/$script.cli"
        if [ "$script" = configure-postgresql ] && [ -f "$wildfly/modules/org/postgresql/main/module.xml" ]; then
            sed -i '/^ *module add /d' "$dir/cli/$script.cli" # the driver module is shared by every node
        fi
    done
    [ -f "$root/server-config/target/drivers/postgresql.jar" ] || die "no PostgreSQL driver under server-config/target/drivers: build first (mvn -B package -DskipTests)"
    for script in configure-server configure-tls configure-metrics configure-postgresql configure-cluster; do
        JAVA_OPTS="-Djboss.server.base.dir=$dir" "$wildfly/bin/jboss-cli.sh" --file="$dir/cli/$script.cli" \
            > "$dir/cli/$script.out" 2>&1 || { cat "$dir/cli/$script.out" >&2; die "$script.cli failed on $name"; }
    done
    echo "$wanted" > "$dir/configured"
fi
rm -f "$dir"/deployments/tributary.ear.*
cp "$ear" "$dir/deployments/tributary.ear"

http_port=$((8080 + offset))
rtsp_port=$((8554 + offset))
mkdir -p "$dir/log"
say "starting $name ($role): RTSP $address:$rtsp_port, console http://$bind:$http_port/tributary/, log $dir/log/server.log"
JBOSS_PIDFILE=$pidfile LAUNCH_JBOSS_IN_BACKGROUND=1 nohup "$wildfly/bin/standalone.sh" -c standalone-ha.xml \
    -Djboss.server.base.dir="$dir" -Djboss.node.name="$name" -Djboss.socket.binding.port-offset="$offset" \
    -Djboss.bind.address="$bind" -Djboss.bind.address.private="$bind" \
    -Dtributary.cluster.role="$role" -Dtributary.cluster.rtsp-address="$address:$rtsp_port" \
    -Dtributary.media.root="$media" -Dtributary.rtsp.bind-address="$bind" -Dtributary.rtsp.port="$rtsp_port" \
    -Dtributary.rtp.port=$((6970 + offset)) -Dtributary.rtsps.port=$((8322 + offset)) \
    -Dtributary.rtsp.http-tunnel-port=0 \
    -Dtributary.live.rtp-port-first=$((30000 + 10 * offset)) -Dtributary.live.rtp-port-last=$((30000 + 10 * offset + 999)) \
    -Dtributary.multicast.port-first=$((40000 + offset)) -Dtributary.multicast.port-last=$((40000 + offset + 15)) \
    "${extra[@]}" > "$dir/log/console.log" 2>&1 < /dev/null &

if $wait; then
    # The deployment scanner's marker first (polling the readiness check during the boot would fill the log with
    # WildFly's "health down" warnings), then the readiness check once the EAR is in.
    for _ in $(seq 1 360); do
        if [ -f "$dir/deployments/tributary.ear.failed" ]; then
            die "$name could not deploy the EAR: $(cat "$dir/deployments/tributary.ear.failed") ($dir/log/server.log)"
        fi
        if [ -f "$dir/deployments/tributary.ear.deployed" ] \
                && curl -fsS -o /dev/null "http://$bind:$((9990 + offset))/health/ready" 2>/dev/null; then
            say "$name is ready"
            exit 0
        fi
        if [ -f "$pidfile" ] && ! running_pid >/dev/null; then
            tail -n 30 "$dir/log/console.log" >&2
            die "$name stopped while starting (log above, $dir/log/server.log)"
        fi
        sleep 0.5
    done
    die "$name was not ready within 180 s ($dir/log/server.log)"
fi
