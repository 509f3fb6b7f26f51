#!/usr/bin/env bash
# Shared by start.sh, stop.sh and test.sh: fetch Kafka, run a single-node KRaft broker, make sure a
# PostgreSQL answers, run the services. Everything started is recorded as a PID file under $RUN_DIR.
# MT_API_KEYS (NAME:ROLE:SHA256HEX entries, deploy/local/api-key.sh) turns API keys on in the services it starts.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR=${MT_RUN_DIR:-$ROOT/.run/platform}
CACHE_DIR=${MT_CACHE_DIR:-$HOME/.cache/modeltrust}
KAFKA_VERSION=4.3.1
KAFKA_LIBS=$CACHE_DIR/kafka-$KAFKA_VERSION/libs
PG_LIBS=$CACHE_DIR/pg-tools/libs
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG_DB=${PG_DB:-monitoring}
PORT_BASE=${PORT_BASE:-8080}
# TLS (docs/security.md), all off by default: KAFKA_TLS_DIR (kafka.keystore.p12 + truststore.p12, password
# KAFKA_TLS_PASSWORD) makes the broker's client listener on KAFKA_PORT speak SSL only; PG_JDBC_PARAMS is appended
# to the services' JDBC URL (e.g. sslmode=verify-full&sslrootcert=/path/ca.crt); MT_HTTP_SCHEME=https and
# MT_CURL_OPTS (e.g. --cacert ca.crt) are how wait_ready and run_scenario reach services that serve HTTPS.
MT_HTTP_SCHEME=${MT_HTTP_SCHEME:-http}
# MT_SERVICES ("name:port ...") overrides the ports derived from PORT_BASE.
SERVICES=${MT_SERVICES:-"ingest-service:$((PORT_BASE + 1)) drift-service:$((PORT_BASE + 2)) performance-service:$((PORT_BASE + 3)) fairness-service:$((PORT_BASE + 4)) alert-service:$((PORT_BASE + 5))"}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

mvnw() { "$ROOT/mvnw" -B -q "$@"; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

fetch_jars() { # pom dir, target dir
  if [ ! -f "$2/.complete" ]; then
    log "fetching $(basename "$1") jars from Maven Central into $2 (once)"
    mkdir -p "$2"
    mvnw -f "$1/pom.xml" dependency:copy-dependencies -DoutputDirectory="$2" >/dev/null || die "could not fetch jars for $1"
    touch "$2/.complete"
  fi
}

kafka_java() { java -Xmx256m -XX:+UseSerialGC -cp "$KAFKA_LIBS/*" "$@"; }

start_kafka() {
  local dir=$RUN_DIR/kafka pidfile=$RUN_DIR/pids/kafka.pid
  mkdir -p "$dir" "$RUN_DIR/pids" "$RUN_DIR/logs"
  if pid_alive "$pidfile"; then log "Kafka already running (pid $(cat "$pidfile"))"; return 0; fi
  port_open 127.0.0.1 "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by a process this script did not start"
  fetch_jars "$ROOT/deploy/local/kafka" "$KAFKA_LIBS"
  # Clients (the topic tool here) read client.properties: plaintext, or SSL trusting the test CA.
  local client=PLAINTEXT
  if [ -n "${KAFKA_TLS_DIR:-}" ]; then
    client=SSL
    local store
    for store in kafka.keystore.p12 truststore.p12; do
      [ -f "$KAFKA_TLS_DIR/$store" ] || die "KAFKA_TLS_DIR=$KAFKA_TLS_DIR has no $store"
    done
  fi
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
listeners=$client://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=$client://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=$client
listener.security.protocol.map=CONTROLLER:PLAINTEXT,$client:$client
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$dir/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=16777216
message.max.bytes=16777216
auto.create.topics.enable=false
PROPS
  echo "security.protocol=$client" > "$dir/client.properties"
  if [ "$client" = SSL ]; then
    local pass=${KAFKA_TLS_PASSWORD:-changeit}
    cat >> "$dir/server.properties" <<PROPS
ssl.keystore.type=PKCS12
ssl.keystore.location=$KAFKA_TLS_DIR/kafka.keystore.p12
ssl.keystore.password=$pass
ssl.key.password=$pass
ssl.truststore.type=PKCS12
ssl.truststore.location=$KAFKA_TLS_DIR/truststore.p12
ssl.truststore.password=$pass
ssl.client.auth=${KAFKA_TLS_CLIENT_AUTH:-none}
PROPS
    cat >> "$dir/client.properties" <<PROPS
ssl.truststore.type=PKCS12
ssl.truststore.location=$KAFKA_TLS_DIR/truststore.p12
ssl.truststore.password=$pass
PROPS
  fi
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id; id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    id=${id/#-/A} # an id that starts with '-' reads as an option to StorageTool (1 start in 32 failed)
    kafka_java kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" --standalone --ignore-formatted \
      > "$RUN_DIR/logs/kafka-format.log" 2>&1 || die "Kafka storage format failed: see $RUN_DIR/logs/kafka-format.log"
  fi
  log "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$KAFKA_PORT ($client)"
  nohup java -Xmx256m -XX:+UseSerialGC -cp "$KAFKA_LIBS/*" kafka.Kafka "$dir/server.properties" \
    > "$RUN_DIR/logs/kafka.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    grep -q "Kafka Server started" "$RUN_DIR/logs/kafka.log" 2>/dev/null && break
    pid_alive "$pidfile" || die "Kafka exited at start: see $RUN_DIR/logs/kafka.log"
    sleep 0.5
  done
  grep -q "Kafka Server started" "$RUN_DIR/logs/kafka.log" || die "Kafka did not start in 60 s"
  create_topics
}

create_topics() {
  local bs=127.0.0.1:$KAFKA_PORT cc=$RUN_DIR/kafka/client.properties
  local existing; existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$bs" --command-config "$cc" --list 2>/dev/null)
  local spec
  # monitoring.control (deletions) is kept forever: a service stopped for longer than the data topics' retention
  # must still learn what was deleted meanwhile. Its events are a few hundred bytes each.
  for spec in monitoring.batches:6 monitoring.results:6 monitoring.alerts:3 monitoring.dlq:1 monitoring.control:3; do
    local topic=${spec%%:*} parts=${spec##*:} retention=${MT_RETENTION_MS:-604800000}
    [[ $topic == monitoring.control ]] && retention=-1
    grep -qx "$topic" <<<"$existing" && continue
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$bs" --command-config "$cc" --create --if-not-exists \
      --topic "$topic" --partitions "$parts" --replication-factor 1 \
      --config max.message.bytes=16777216 --config retention.ms="$retention" \
      >>"$RUN_DIR/logs/topics.log" 2>&1 \
      || die "could not create topic $topic"
  done
  log "topics ready: monitoring.batches(6) monitoring.results(6) monitoring.alerts(3) monitoring.dlq(1) monitoring.control(3)"
}

ensure_postgres() { # [--fresh]
  fetch_jars "$ROOT/deploy/local/tools" "$PG_LIBS"
  if ! port_open "$PG_HOST" "$PG_PORT"; then
    local pidfile=$RUN_DIR/pids/postgres.pid
    if ! pid_alive "$pidfile"; then
      log "no PostgreSQL answers on $PG_HOST:$PG_PORT: starting an embedded one"
      mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs"
      nohup java -cp "$PG_LIBS/*" "$ROOT/deploy/local/tools/PgTool.java" embedded "$PG_PORT" "$RUN_DIR/postgres" \
        > "$RUN_DIR/logs/postgres.log" 2>&1 &
      echo $! > "$pidfile"
    fi
    for _ in $(seq 1 120); do port_open "$PG_HOST" "$PG_PORT" && break; sleep 0.5; done
    port_open "$PG_HOST" "$PG_PORT" || die "embedded PostgreSQL did not start: see $RUN_DIR/logs/postgres.log"
  fi
  java -cp "$PG_LIBS/*" "$ROOT/deploy/local/tools/PgTool.java" ensure-db "$PG_HOST" "$PG_PORT" "$PG_USER" "$PG_DB" "$@" \
    || die "could not create database $PG_DB on $PG_HOST:$PG_PORT"
  log "PostgreSQL on $PG_HOST:$PG_PORT, database $PG_DB"
}

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

private_pg_dir() { # $RUN_DIR/pg, or a fixed folder under /tmp when user postgres cannot reach $RUN_DIR (a 0700 home)
  # RUN_DIR must exist first: asked of a missing folder, the answer would change once it is made.
  mkdir -p "$RUN_DIR"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$RUN_DIR"; then
    echo "/tmp/modeltrust-pg-$(printf '%s' "$RUN_DIR" | md5sum | cut -c1-12)"
  else
    echo "$RUN_DIR/pg"
  fi
}

start_private_postgres() { # port: a throw-away cluster under $RUN_DIR/pg that this script may stop and start
  local port=$1 dir
  dir=$(private_pg_dir)
  [ -x "$PG_BIN/pg_ctl" ] || die "no PostgreSQL binaries in $PG_BIN (set PG_BIN)"
  mkdir -p "$dir" "$RUN_DIR/pids"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    port_open 127.0.0.1 "$port" && die "port $port is taken by a process this script did not start"
    chown postgres "$dir" 2>/dev/null
    _pg initdb -D "$dir/data" --auth=trust -U postgres >"$dir/initdb.log" 2>&1 \
      || die "initdb failed: see $dir/initdb.log"
  fi
  echo "$port" > "$RUN_DIR/pids/private-postgres.port"
  if ! _pg pg_ctl -D "$dir/data" status >/dev/null 2>&1; then
    port_open 127.0.0.1 "$port" && die "port $port is taken by a process this script did not start"
    _pg pg_ctl -D "$dir/data" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -l "$dir/postgres.log" -w -t 60 start \
      >/dev/null || die "private PostgreSQL did not start: see $dir/postgres.log"
    log "private PostgreSQL on 127.0.0.1:$port (data $dir/data)"
  fi
}

stop_private_postgres() { # fast shutdown: open transactions are rolled back, clients see their connections drop
  local dir
  dir=$(private_pg_dir)
  [ -f "$dir/data/PG_VERSION" ] || return 0
  if _pg pg_ctl -D "$dir/data" status >/dev/null 2>&1; then
    _pg pg_ctl -D "$dir/data" -m fast -w -t 60 stop >/dev/null && log "stopped private PostgreSQL"
  fi
}

_pg() { # runs a PostgreSQL binary as the postgres user when we are root (initdb and postgres refuse root)
  local bin=$1; shift
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$PG_BIN/$bin" "$@"); else "$PG_BIN/$bin" "$@"; fi
}

ensure_browser() { # the dashboard's browser tests need Debian's chromium and chromium-driver; never fails the run
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "browser for the dashboard tests: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "chromium or chromedriver missing and cannot install them here (needs root and apt-get): the dashboard browser tests will skip"
    return 0
  fi
  log "installing chromium and chromium-driver for the dashboard browser tests (apt-get)"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; then
    log "installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  else
    log "could not install chromium/chromium-driver: the dashboard browser tests will skip"
  fi
  return 0
}

ensure_numpy() { # the fault suite and the TLS check generate their batches with /usr/bin/python3 and numpy
  /usr/bin/python3 -c 'import numpy' 2>/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing python3-numpy for the batch generators (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy >/dev/null; } \
      || log "could not install python3-numpy"
  fi
  /usr/bin/python3 -c 'import numpy' 2>/dev/null || die "/usr/bin/python3 with numpy is needed (apt-get install python3-numpy)"
}

ensure_python_client() { # the Python client's tests (clients/python) need /usr/bin/python3 with pytest, requests and pandas
  local check='import pytest, requests, pandas, numpy'
  /usr/bin/python3 -c "$check" 2>/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing python3-pytest, python3-requests and python3-pandas for the Python client tests (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pytest python3-requests python3-pandas >/dev/null; } \
      || log "could not install the Python client's test dependencies"
  fi
  /usr/bin/python3 -c "$check" 2>/dev/null \
    || die "/usr/bin/python3 with pytest, requests and pandas is needed (apt-get install python3-pytest python3-requests python3-pandas)"
}

ensure_jq() { # the getting-started guide's curl steps (docs/getting-started.md) read the answers with jq
  command -v jq >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing jq for the getting-started guide's curl steps (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; } || log "could not install jq"
  fi
  command -v jq >/dev/null 2>&1 || die "jq is needed by the code blocks of docs/getting-started.md (apt-get install jq)"
}

built_services() { # services that exist beyond an empty shell
  local entry
  for entry in $SERVICES; do
    [ -f "$ROOT/${entry%%:*}/src/main/resources/application.properties" ] && echo "$entry"
  done
}

build_services() {
  local stale=0 entry svc
  for entry in $(built_services); do
    svc=${entry%%:*}
    local jar=$ROOT/$svc/target/quarkus-app/quarkus-run.jar
    local sources=("$ROOT/$svc/src/main" "$ROOT/shared-model/src/main" "$ROOT/api-security/src/main")
    grep -q '<artifactId>service-support</artifactId>' "$ROOT/$svc/pom.xml" && sources+=("$ROOT/service-support/src/main")
    if [ ! -f "$jar" ] || [ -n "$(find "${sources[@]}" -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
      stale=1
    fi
  done
  [ -f "$ROOT/scenario/target/scenario.jar" ] || stale=1
  if [ $stale = 1 ]; then
    log "building the services (./mvnw package -DskipTests)"
    (cd "$ROOT" && mvnw package -DskipTests) || die "build failed"
  fi
}

# The services' host:port list for alert-service, which never sends a webhook to one of them.
platform_services() {
  local entry out=""
  for entry in $SERVICES; do out="$out${out:+,}127.0.0.1:${entry##*:}"; done
  printf '%s' "$out"
}

service_port() { # name: its port in $SERVICES
  local entry
  for entry in $SERVICES; do [ "${entry%%:*}" = "$1" ] && { printf '%s' "${entry##*:}"; return; }; done
}

start_service() { # name port [instance]: instance (default: name) names the pid and log files, so a
  # second instance of a service (same consumer group) can run beside the first, e.g. drift-service-2
  local svc=$1 port=$2 inst=${3:-$1}
  local pidfile=$RUN_DIR/pids/$inst.pid
  if pid_alive "$pidfile"; then log "$inst already running (pid $(cat "$pidfile"))"; return 0; fi
  port_open 127.0.0.1 "$port" && die "port $port is taken by a process this script did not start"
  log "starting $inst on :$port"
  # alert-service alone: a local webhook receiver on 127.0.0.1 is allowed, the platform's own ports never
  # are (docs/security.md, "Webhook targets"), and its notifications link to the port it starts on.
  local own=()
  if [ "$svc" = alert-service ]; then
    own=("ALERT_WEBHOOK_ALLOWED_HOSTS=${ALERT_WEBHOOK_ALLOWED_HOSTS:-127.0.0.1}"
      "ALERT_WEBHOOK_PLATFORM_SERVICES=${ALERT_WEBHOOK_PLATFORM_SERVICES:-$(platform_services)}"
      "ALERT_PUBLIC_URL=${ALERT_PUBLIC_URL:-$MT_HTTP_SCHEME://127.0.0.1:$port}"
      "ALERT_INGEST_URL=${ALERT_INGEST_URL:-$MT_HTTP_SCHEME://127.0.0.1:$(service_port ingest-service)}")
  fi
  QUARKUS_HTTP_PORT=$port \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB${PG_JDBC_PARAMS:+?$PG_JDBC_PARAMS}" \
  API_KEYS="${MT_API_KEYS:-}" \
  env ${own[@]+"${own[@]}"} nohup java ${MT_SERVICE_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" \
    > "$RUN_DIR/logs/$inst.log" 2>&1 &
  echo $! > "$pidfile"
}

wait_ready() { # name port [instance]
  local svc=$1 port=$2 inst=${3:-$1} seconds=${MT_READY_SECONDS:-90}
  for _ in $(seq 1 $((seconds * 2))); do
    # shellcheck disable=SC2086 # MT_CURL_OPTS holds several words on purpose
    curl -sf ${MT_CURL_OPTS:-} "$MT_HTTP_SCHEME://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    pid_alive "$RUN_DIR/pids/$inst.pid" || die "$inst exited at start: see $RUN_DIR/logs/$inst.log"
    sleep 0.5
  done
  die "$inst not ready after $seconds s: see $RUN_DIR/logs/$inst.log"
}

stop_pidfile() {
  local pidfile=$1 name; name=$(basename "$pidfile" .pid)
  if pid_alive "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    log "stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}

stop_all() {
  local f
  for f in "$RUN_DIR"/pids/*-service.pid "$RUN_DIR"/pids/*-service-*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
  [ -e "$RUN_DIR/pids/kafka.pid" ] && stop_pidfile "$RUN_DIR/pids/kafka.pid"
  [ -e "$RUN_DIR/pids/postgres.pid" ] && stop_pidfile "$RUN_DIR/pids/postgres.pid"
  if [ -e "$RUN_DIR/pids/private-postgres.port" ]; then stop_private_postgres; rm -f "$RUN_DIR/pids/private-postgres.port"; fi
  return 0
}

run_scenario() { # extra args for the player; MT_API_KEY (a write key) goes along as X-API-Key when set
  local key_args=()
  [ -n "${MT_API_KEY:-}" ] && key_args=(--api-key "$MT_API_KEY")
  # shellcheck disable=SC2086 # e.g. -Djavax.net.ssl.trustStore=... for a platform that serves HTTPS
  java ${MT_SCENARIO_JAVA_OPTS:-} -cp "$ROOT/scenario/target/scenario.jar:$ROOT/scenario/target/lib/*" io.modeltrust.scenario.ScenarioPlayer \
    --ingest "$MT_HTTP_SCHEME://127.0.0.1:$((PORT_BASE + 1))" --alerts "$MT_HTTP_SCHEME://127.0.0.1:$((PORT_BASE + 5))" \
    ${key_args[@]+"${key_args[@]}"} "$@"
}

scenario_java() { # main class, args: the scenario module's tools (ScenarioPlayer, PrivacyAudit, HistorySnapshot)
  java -cp "$ROOT/scenario/target/scenario.jar:$ROOT/scenario/target/lib/*" "io.modeltrust.scenario.$1" "${@:2}"
}

run_privacy_audit() { # extra args for the audit; prints "privacy: ... PASS|FAIL", fails on FAIL
  scenario_java PrivacyAudit --ingest "http://127.0.0.1:$((PORT_BASE + 1))" --alerts "http://127.0.0.1:$((PORT_BASE + 5))" \
    --jdbc "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" --db-user "$PG_USER" --check "$@"
}

# --- Backup and restore (docs/operations.md) ---------------------------------------------------------------

HISTORY_SCHEMAS="ingest drift performance fairness alert"

pg_bin() { # tool: $PG_BIN_DIR/tool, else the newest /usr/lib/postgresql/*/bin/tool (a pg_dump must not be older than the server), else PATH
  local tool=$1 dir
  if [ -n "${PG_BIN_DIR:-}" ]; then echo "$PG_BIN_DIR/$tool"; return 0; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$dir" ] && [ -x "$dir/$tool" ]; then echo "$dir/$tool"; return 0; fi
  command -v "$tool" || return 1
}

pg_sql() { # db sql: one statement through psql, unaligned output
  "$(pg_bin psql)" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -v ON_ERROR_STOP=1 -qAtc "$2"
}

backup_history() { # file: pg_dump -Fc of the service schemas of $PG_DB
  local file=$1 schemas="" s args=()
  pg_bin pg_dump >/dev/null || die "no pg_dump found (install postgresql-client, or set PG_BIN_DIR)"
  for s in $HISTORY_SCHEMAS; do
    if [ -n "$(pg_sql "$PG_DB" "SELECT 1 FROM pg_namespace WHERE nspname = '$s'")" ]; then
      schemas="$schemas $s"; args+=(-n "$s")
    fi
  done
  [ ${#args[@]} -gt 0 ] || die "database $PG_DB has none of the schemas $HISTORY_SCHEMAS"
  mkdir -p "$(dirname "$file")"
  "$(pg_bin pg_dump)" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -Fc "${args[@]}" -f "$file" \
    || die "pg_dump of $PG_DB failed"
  log "backed up schemas$schemas of $PG_DB to $file ($(du -h "$file" | cut -f1))"
}

restore_history() { # file db [--replace]: a fresh database db from a backup_history dump
  local file=$1 db=$2 replace=${3:-}
  [ -f "$file" ] || die "no dump $file"
  [ "$db" != "$PG_DB" ] || die "will not restore into $PG_DB, the database the services use: restore into a new one, then switch (docs/operations.md)"
  if [ -n "$(pg_sql postgres "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    [ "$replace" = --replace ] || die "database $db exists; pass --replace to drop it first"
    pg_sql postgres "DROP DATABASE \"$db\" WITH (FORCE)"
  fi
  pg_sql postgres "CREATE DATABASE \"$db\""
  "$(pg_bin pg_restore)" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" --no-owner --exit-on-error "$file" \
    || die "pg_restore into $db failed"
  log "restored $file into $db: $(pg_sql "$db" "SELECT string_agg(schemaname || ' ' || n, ', ') FROM (SELECT schemaname, sum(n_live_tup)::bigint AS n FROM pg_stat_user_tables GROUP BY 1 ORDER BY 1) s") rows (estimates)"
}

run_backup_check() { # model: dump the test database, restore it fresh, and compare a second alert-service on it with the running one
  local model=${1:-credit-e2e} dir=$RUN_DIR/backup-check db=${PG_DB}_restore port=$((PORT_BASE + 15)) attempt
  local original=http://127.0.0.1:$((PORT_BASE + 5)) restored=http://127.0.0.1:$((PORT_BASE + 15))
  local name=alert-restored-service topic=monitoring.restore-check
  if ! pg_bin pg_dump >/dev/null || ! pg_bin pg_restore >/dev/null; then
    log "backup: no pg_dump/pg_restore on this machine: SKIP"; return 0
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  # Answers before and after the dump: equal means the history did not change while it ran.
  for attempt in 1 2 3; do
    scenario_java HistorySnapshot --base "$original" --model "$model" --out "$dir/before" >/dev/null
    backup_history "$dir/history.dump"
    scenario_java HistorySnapshot --base "$original" --paths "$dir/before/paths.txt" --out "$dir/after" >/dev/null
    diff -rq "$dir/before" "$dir/after" >/dev/null && break
    [ $attempt = 3 ] && { echo "backup: the history kept changing while it was dumped: FAIL"; return 1; }
    rm -rf "$dir/before" "$dir/after"; sleep 5
  done
  if grep -L '^HTTP 200 ' "$dir"/after/[0-9]*.json | grep -q .; then
    echo "backup: the running alert-service did not answer every request with 200 (see $dir/after): FAIL"; return 1
  fi
  restore_history "$dir/history.dump" "$db" --replace
  # The copy reads an empty scratch topic: re-consuming monitoring.results would refill what the restore
  # missed and hide it. It publishes no alert events and sends no webhooks, and prunes nothing.
  kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --if-not-exists \
    --topic "$topic" --partitions 1 --replication-factor 1 >>"$RUN_DIR/logs/topics.log" 2>&1 || die "could not create topic $topic"
  port_open 127.0.0.1 "$port" && die "port $port is taken by a process this script did not start"
  log "starting a second alert-service on :$port against $db"
  QUARKUS_HTTP_PORT=$port KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
  RESULTS_TOPIC=$topic ALERT_GROUP_ID=alert-service-restore-check ALERT_PUBLISH_ALERTS=false ALERT_WEBHOOK_ENABLED=false \
  API_KEYS="${MT_API_KEYS:-}" \
  HISTORY_RETENTION=0 \
  nohup java ${MT_SERVICE_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -jar "$ROOT/alert-service/target/quarkus-app/quarkus-run.jar" \
    > "$RUN_DIR/logs/$name.log" 2>&1 &
  echo $! > "$RUN_DIR/pids/$name.pid"
  wait_ready "$name" "$port"
  scenario_java HistorySnapshot --base "$restored" --paths "$dir/after/paths.txt" --out "$dir/restored" >/dev/null
  local verdict=PASS
  diff -r "$dir/after" "$dir/restored" > "$dir/diff.txt" || verdict=FAIL
  stop_pidfile "$RUN_DIR/pids/$name.pid"
  pg_sql postgres "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  echo "backup: $(($(wc -l < "$dir/after/paths.txt"))) history answers of the restored copy equal the original's byte for byte: $verdict"
  if [ $verdict = FAIL ]; then head -40 "$dir/diff.txt"; return 1; fi
}
