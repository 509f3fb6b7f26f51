#!/usr/bin/env bash
# TLS check (docs/security.md) on throwaway certificates: generates a CA and a server certificate for
# 127.0.0.1/localhost, runs Kafka with an SSL client listener only, a private PostgreSQL cluster that accepts
# SSL connections only (hostssl), and the five services with HTTPS only, Kafka SSL and JDBC sslmode=verify-full.
# Then: plain HTTP is not served, HTTPS verifies against the CA (and fails without it), a model, its reference
# and a batch posted over HTTPS get drift, performance and fairness results in the alert-service history,
# PostgreSQL saw SSL connections only, and Kafka has no plaintext client port. Finally ingest restarts with
# HTTP_TLS_CERT/HTTP_TLS_KEY set to "" (plain HTTP, no failure), sslmode given as additional JDBC properties
# and the CA's PEM file as its Kafka trust store.
# Prints PASS/FAIL lines and "tls: N passed, M failed"; exits non-zero on a failure; stops all it started.
# Runs as root (initdb/pg_ctl through runuser -u postgres) or as an ordinary user (runs them itself).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export MT_RUN_DIR=${MT_TLS_RUN_DIR:-$ROOT/.run/tls}
# Not exported: every KAFKA_* variable in a service's environment becomes a Kafka client setting.
KAFKA_PORT=${TLS_KAFKA_PORT:-29094}              # the SSL listener
PLAIN_KAFKA_PORT=${TLS_PLAIN_KAFKA_PORT:-29092}  # must stay closed
KAFKA_CONTROLLER_PORT=${TLS_KAFKA_CONTROLLER_PORT:-29093}
PG_PORT=${TLS_PG_PORT:-25432}
PG_DB=${TLS_PG_DB:-monitoring_tls}
PORT_BASE=${TLS_PORT_BASE:-28080}
source "$ROOT/deploy/local/lib.sh"

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
TLS=$RUN_DIR/tls
PASS=changeit
MODEL=tls-check
passed=0; failed=0
check() { # name, exit status (0 = pass), detail on failure
  if [ "$2" = 0 ]; then echo "PASS $1"; passed=$((passed + 1)); else echo "FAIL $1${3:+: $3}"; failed=$((failed + 1)); fi
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# PostgreSQL's data directory must belong to the user that runs it, and that user must reach it.
PGDATA_DIR=$RUN_DIR/pgdata
pg_stop() {
  [ -f "$PGDATA_DIR/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGDATA_DIR"
}
cleanup() {
  [ -n "${KAFKA_STARTER:-}" ] && kill "$KAFKA_STARTER" 2>/dev/null
  stop_all
  pg_stop
  [ -n "${PG_TMP:-}" ] && rm -rf "$PG_TMP"
  return 0
}

START=$SECONDS
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries (initdb) under /usr/lib/postgresql/*/bin: set PG_BIN"
stop_all
pg_stop
rm -rf "$RUN_DIR/kafka" "$TLS"
trap cleanup EXIT
build_services
BUILT=$SECONDS

# 1. Throwaway CA and a server certificate for 127.0.0.1 and localhost; PKCS12 stores for Kafka.
mkdir -p "$TLS"
(
  cd "$TLS" || exit 1
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=modeltrust tls-check CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout ca.key -out ca.crt
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr
  printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "extendedKeyUsage=serverAuth" \
    "keyUsage=critical,digitalSignature,keyEncipherment" "basicConstraints=CA:FALSE" > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out server.crt
  openssl pkcs12 -export -in server.crt -inkey server.key -certfile ca.crt -name kafka \
    -out kafka.keystore.p12 -passout "pass:$PASS"
  keytool -importcert -noprompt -alias modeltrust-ca -file ca.crt -keystore truststore.p12 -storetype PKCS12 \
    -storepass "$PASS"
) > "$RUN_DIR/tls-certs.log" 2>&1 || { mkdir -p "$RUN_DIR/logs"; die "certificate generation failed: see $RUN_DIR/tls-certs.log"; }
log "certificates in $TLS (CA ca.crt, server.crt/server.key, kafka.keystore.p12, truststore.p12)"

# 2. Kafka: the client listener speaks SSL only (the controller listener stays plaintext on 127.0.0.1).
# It starts in the background while PostgreSQL is set up; its PID file is what stop_all stops.
mkdir -p "$RUN_DIR/logs"
(KAFKA_TLS_DIR=$TLS KAFKA_TLS_PASSWORD=$PASS start_kafka) &
KAFKA_STARTER=$!

# 3. Private PostgreSQL cluster: ssl=on, hostssl only.
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$RUN_DIR"; then
  PG_TMP=$(mktemp -d /tmp/mt-tls-pg.XXXXXX); chmod 755 "$PG_TMP"; PGDATA_DIR=$PG_TMP/pgdata
fi
mkdir -p "$PGDATA_DIR"
[ "$(id -u)" = 0 ] && chown postgres: "$PGDATA_DIR"
chmod 700 "$PGDATA_DIR"
as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" --auth=trust -U postgres > "$RUN_DIR/logs/pg-initdb.log" 2>&1 \
  || die "initdb failed: see $RUN_DIR/logs/pg-initdb.log"
cp "$TLS/server.crt" "$TLS/server.key" "$PGDATA_DIR/"
[ "$(id -u)" = 0 ] && chown postgres: "$PGDATA_DIR/server.crt" "$PGDATA_DIR/server.key"
chmod 600 "$PGDATA_DIR/server.key"
cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '/tmp'
max_connections = 200
fsync = off
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
CONF
cat > "$PGDATA_DIR/pg_hba.conf" <<HBA
local     all all              trust
hostssl   all all 127.0.0.1/32 trust
hostnossl all all 0.0.0.0/0    reject
HBA
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w start > /dev/null \
  || die "PostgreSQL did not start: see $PGDATA_DIR/server.log"
psql_local() { psql -X -q -h /tmp -p "$PG_PORT" -U postgres -d postgres -tA "$@"; }
psql_local -c "CREATE DATABASE $PG_DB" || die "could not create database $PG_DB"
log "PostgreSQL (SSL only) on 127.0.0.1:$PG_PORT, database $PG_DB"
DATA=$RUN_DIR/data; mkdir -p "$DATA"
[ -f "$DATA/ref.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" 5000 "$DATA/ref.csv" "$DATA/spec.json" 0 ref
[ -f "$DATA/batch.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" 5000 "$DATA/batch.csv" "$DATA/spec.json" 1 b
wait "$KAFKA_STARTER" || die "Kafka with TLS did not start: see $RUN_DIR/logs/kafka.log and topics.log"

# 4. The services: HTTPS only on their usual ports, Kafka over SSL, JDBC with sslmode=verify-full.
export HTTP_TLS_CERT=$TLS/server.crt HTTP_TLS_KEY=$TLS/server.key HTTP_INSECURE_REQUESTS=disabled
export KAFKA_SECURITY_PROTOCOL=SSL KAFKA_SSL_TRUSTSTORE_LOCATION=$TLS/truststore.p12 \
  KAFKA_SSL_TRUSTSTORE_TYPE=PKCS12 KAFKA_SSL_TRUSTSTORE_PASSWORD=$PASS
PG_JDBC_PARAMS="sslmode=verify-full&sslrootcert=$TLS/ca.crt"
MT_HTTP_SCHEME=https
MT_CURL_OPTS="--cacert $TLS/ca.crt"
for entry in $SERVICES; do HTTPS_PORT=${entry##*:} start_service "${entry%%:*}" "${entry##*:}"; done
for entry in $SERVICES; do wait_ready "${entry%%:*}" "${entry##*:}"; done
READY=$SECONDS
log "all services ready over HTTPS"

INGEST=https://127.0.0.1:$((PORT_BASE + 1))
ALERTS=https://127.0.0.1:$((PORT_BASE + 5))
api() { curl -s --cacert "$TLS/ca.crt" --max-time 30 "$@"; }

# HTTP checks.
for entry in $SERVICES; do
  code=$(api -o /dev/null -w '%{http_code}' "https://127.0.0.1:${entry##*:}/q/health/ready")
  check "${entry%%:*}: HTTPS with the CA answers /q/health/ready" "$([ "$code" = 200 ] && echo 0 || echo 1)" "HTTP $code"
done
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$((PORT_BASE + 1))/q/health/ready")
check "plain HTTP to the ingest port is not served" "$([ "$code" = 000 ] && echo 0 || echo 1)" "HTTP $code"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$((PORT_BASE + 5))/")
check "plain HTTP to the alert-service port is not served" "$([ "$code" = 000 ] && echo 0 || echo 1)" "HTTP $code"
curl -s -o /dev/null --max-time 5 "$ALERTS/q/health/ready"; rc=$?
check "HTTPS without the CA fails certificate verification" "$([ "$rc" = 60 ] && echo 0 || echo 1)" "curl exit $rc, not 60"
code=$(api -o /dev/null -w '%{http_code}' "https://localhost:$((PORT_BASE + 1))/q/health/ready")
check "HTTPS by the name localhost verifies too (DNS SAN)" "$([ "$code" = 200 ] && echo 0 || echo 1)" "HTTP $code"

# A model, its reference and a drifted batch over HTTPS; the history must get all three results.
code=$(api -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" \
  "$INGEST/api/v1/models/$MODEL")
check "register the model over HTTPS" "$([ "${code:0:1}" = 2 ] && echo 0 || echo 1)" "HTTP $code"
code=$(api -o /dev/null -w '%{http_code}' -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" \
  "$INGEST/api/v1/models/$MODEL/reference")
check "upload the reference over HTTPS" "$([ "${code:0:1}" = 2 ] && echo 0 || echo 1)" "HTTP $code"
batch=$(api -H 'Content-Type: text/csv' --data-binary @"$DATA/batch.csv" "$INGEST/api/v1/models/$MODEL/batches" \
  | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["batchId"])' 2>/dev/null)
check "post a batch over HTTPS (through Kafka over SSL)" "$([ -n "$batch" ] && echo 0 || echo 1)" "no batchId"
kinds=""
for _ in $(seq 1 180); do
  [ -n "$batch" ] || break
  kinds=$(api "$ALERTS/api/v1/models/$MODEL/batches/$batch/report" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
print(" ".join(k for k in ("drift", "performance", "fairness") if isinstance(r.get(k), dict)))' 2>/dev/null)
  [ "$kinds" = "drift performance fairness" ] && break
  sleep 0.5
done
check "the history shows drift, performance and fairness results for the batch" \
  "$([ "$kinds" = "drift performance fairness" ] && echo 0 || echo 1)" "got '${kinds}'"
drifted=$(api "$ALERTS/api/v1/models/$MODEL/batches/$batch/report" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin).get("drift", {})
print(" ".join(sorted(f["feature"] for f in d.get("features", []) if f.get("drifted"))))' 2>/dev/null)
check "the drift result flags the shifted features n0 and n1" "$([[ " $drifted " == *" n0 "* && " $drifted " == *" n1 "* ]] && echo 0 || echo 1)" \
  "drifted: '$drifted'"

# Optional (TLS_CHECK_SCENARIO=1, about a minute more): the whole credit scenario over HTTPS, the player
# trusting the CA through the JDK's trust store properties.
if [ -n "${TLS_CHECK_SCENARIO:-}" ]; then
  MT_SCENARIO_JAVA_OPTS="-Djavax.net.ssl.trustStore=$TLS/truststore.p12 -Djavax.net.ssl.trustStorePassword=$PASS -Djavax.net.ssl.trustStoreType=PKCS12" \
    run_scenario --check --model credit-tls --wait-seconds 300 > "$RUN_DIR/logs/scenario.log" 2>&1
  check "the credit scenario over HTTPS (ScenarioPlayer --check)" "$?" "see $RUN_DIR/logs/scenario.log"
fi

# PostgreSQL: the services' connections are SSL; a plaintext connection is refused; verify-full works.
ssl=$(psql_local -c "SELECT count(*) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) WHERE ssl AND datname='$PG_DB'")
check "PostgreSQL sees SSL connections to $PG_DB ($ssl)" "$([ "${ssl:-0}" -gt 0 ] && echo 0 || echo 1)"
plain=$(psql_local -c "SELECT count(*) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) WHERE NOT ssl AND datname='$PG_DB'")
check "no plaintext connection to $PG_DB" "$([ "${plain:-1}" = 0 ] && echo 0 || echo 1)" "$plain"
psql -X -q "host=127.0.0.1 port=$PG_PORT user=postgres dbname=$PG_DB sslmode=disable connect_timeout=5" -c 'SELECT 1' \
  >/dev/null 2>&1; rc=$?
check "PostgreSQL refuses a plaintext TCP connection" "$([ "$rc" != 0 ] && echo 0 || echo 1)"
psql -X -q "host=127.0.0.1 port=$PG_PORT user=postgres dbname=$PG_DB sslmode=verify-full sslrootcert=$TLS/ca.crt" \
  -tAc 'SELECT 1' >/dev/null 2>&1
check "psql with sslmode=verify-full and the CA connects" "$?"

# Kafka: no plaintext client port; the SSL port presents a certificate the CA verifies.
! port_open 127.0.0.1 "$PLAIN_KAFKA_PORT"
check "the plaintext Kafka port $PLAIN_KAFKA_PORT is not open" "$?"
kafka_ports=$(ss -ltnpH 2>/dev/null | grep "pid=$(cat "$RUN_DIR/pids/kafka.pid")," | awk '{print $4}' | sed 's/.*://' | sort -n | xargs)
expected=$(printf '%s\n' "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" | sort -n | xargs)
check "Kafka listens only on SSL $KAFKA_PORT and controller $KAFKA_CONTROLLER_PORT" \
  "$([ "$kafka_ports" = "$expected" ] && echo 0 || echo 1)" "listens on '$kafka_ports'"
echo | openssl s_client -connect "127.0.0.1:$KAFKA_PORT" -CAfile "$TLS/ca.crt" -verify_return_error -verify_ip 127.0.0.1 \
  >/dev/null 2>&1
check "Kafka's port $KAFKA_PORT speaks TLS with a certificate the CA verifies" "$?"

# Empty HTTP_TLS_CERT/HTTP_TLS_KEY mean "no TLS": ingest restarts on plain HTTP; this time sslmode comes as
# additional JDBC properties (env) instead of URL parameters.
# Its Kafka clients trust the CA's PEM file directly (a PEM trust store takes no password).
stop_pidfile "$RUN_DIR/pids/ingest-service.pid"
(
  unset KAFKA_SSL_TRUSTSTORE_PASSWORD
  HTTP_TLS_CERT="" HTTP_TLS_KEY="" HTTP_INSECURE_REQUESTS="" PG_JDBC_PARAMS="" \
    QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_SSLMODE=verify-full \
    QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_SSLROOTCERT=$TLS/ca.crt \
    KAFKA_SSL_TRUSTSTORE_TYPE=PEM KAFKA_SSL_TRUSTSTORE_LOCATION=$TLS/ca.crt \
    start_service ingest-service "$((PORT_BASE + 1))"
)
(MT_HTTP_SCHEME=http MT_CURL_OPTS="" wait_ready ingest-service "$((PORT_BASE + 1))")
check "with TLS settings empty ingest starts (no startup failure)" "$?" "see $RUN_DIR/logs/ingest-service.log"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$((PORT_BASE + 1))/q/health/ready")
check "with HTTP_TLS_CERT=\"\" and HTTP_TLS_KEY=\"\" ingest serves plain HTTP" "$([ "$code" = 200 ] && echo 0 || echo 1)" "HTTP $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" \
  "http://127.0.0.1:$((PORT_BASE + 1))/api/v1/models/$MODEL-2")
check "ingest stores over SSL with sslmode in QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_*" \
  "$([ "${code:0:1}" = 2 ] && echo 0 || echo 1)" "HTTP $code"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H 'Content-Type: text/csv' --data-binary @"$DATA/batch.csv" \
  "http://127.0.0.1:$((PORT_BASE + 1))/api/v1/models/$MODEL/batches")
check "Kafka acknowledges its batch over SSL with a PEM trust store (KAFKA_SSL_TRUSTSTORE_TYPE=PEM)" \
  "$([ "${code:0:1}" = 2 ] && echo 0 || echo 1)" "HTTP $code"

echo "tls: $passed passed, $failed failed (build $((BUILT - START)) s, start $((READY - BUILT)) s, total after build $((SECONDS - BUILT)) s)"
[ "$failed" = 0 ]
