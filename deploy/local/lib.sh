#!/usr/bin/env bash
# Shared by start.sh, stop.sh and test.sh: fetch Kafka, run a single-node KRaft broker, make sure a
# PostgreSQL answers, run the services. Everything started is recorded as a PID file under $RUN_DIR.

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
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
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
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id; id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    kafka_java kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" --standalone --ignore-formatted \
      > "$RUN_DIR/logs/kafka-format.log" 2>&1 || die "Kafka storage format failed: see $RUN_DIR/logs/kafka-format.log"
  fi
  log "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$KAFKA_PORT"
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
  local bs=127.0.0.1:$KAFKA_PORT
  local existing; existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$bs" --list 2>/dev/null)
  local spec
  for spec in monitoring.batches:6 monitoring.results:6 monitoring.alerts:3 monitoring.dlq:1; do
    local topic=${spec%%:*} parts=${spec##*:}
    grep -qx "$topic" <<<"$existing" && continue
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$bs" --create --if-not-exists \
      --topic "$topic" --partitions "$parts" --replication-factor 1 \
      --config max.message.bytes=16777216 --config retention.ms="${MT_RETENTION_MS:-604800000}" \
      >>"$RUN_DIR/logs/topics.log" 2>&1 \
      || die "could not create topic $topic"
  done
  log "topics ready: monitoring.batches(6) monitoring.results(6) monitoring.alerts(3) monitoring.dlq(1)"
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

start_private_postgres() { # port: a throw-away cluster under $RUN_DIR/pg that this script may stop and start
  local port=$1 dir=$RUN_DIR/pg
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
  local dir=$RUN_DIR/pg
  [ -f "$dir/data/PG_VERSION" ] || return 0
  if _pg pg_ctl -D "$dir/data" status >/dev/null 2>&1; then
    _pg pg_ctl -D "$dir/data" -m fast -w -t 60 stop >/dev/null && log "stopped private PostgreSQL"
  fi
}

_pg() { # runs a PostgreSQL binary as the postgres user when we are root (initdb and postgres refuse root)
  local bin=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/$bin" "$@"; else "$PG_BIN/$bin" "$@"; fi
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
    local sources=("$ROOT/$svc/src/main" "$ROOT/shared-model/src/main")
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

start_service() { # name port [instance]: instance (default: name) names the pid and log files, so a
  # second instance of a service (same consumer group) can run beside the first, e.g. drift-service-2
  local svc=$1 port=$2 inst=${3:-$1}
  local pidfile=$RUN_DIR/pids/$inst.pid
  if pid_alive "$pidfile"; then log "$inst already running (pid $(cat "$pidfile"))"; return 0; fi
  port_open 127.0.0.1 "$port" && die "port $port is taken by a process this script did not start"
  log "starting $inst on :$port"
  QUARKUS_HTTP_PORT=$port \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
  nohup java ${MT_SERVICE_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" \
    > "$RUN_DIR/logs/$inst.log" 2>&1 &
  echo $! > "$pidfile"
}

wait_ready() { # name port [instance]
  local svc=$1 port=$2 inst=${3:-$1} seconds=${MT_READY_SECONDS:-90}
  for _ in $(seq 1 $((seconds * 2))); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
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

run_scenario() { # extra args for the player
  java -cp "$ROOT/scenario/target/scenario.jar:$ROOT/scenario/target/lib/*" io.modeltrust.scenario.ScenarioPlayer \
    --ingest "http://127.0.0.1:$((PORT_BASE + 1))" --alerts "http://127.0.0.1:$((PORT_BASE + 5))" "$@"
}
