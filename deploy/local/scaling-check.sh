#!/usr/bin/env bash
# Scaling check (issue 10): two drift-service instances in one consumer group on the 6-partition
# monitoring.batches each take partitions, and drift throughput over many models with two instances
# is reported next to one. Own broker (49092), ports (4808x) and database. Prints a short report.
set -euo pipefail
export MT_RUN_DIR=$(cd "$(dirname "$0")/../.." && pwd)/.run/scaling
export KAFKA_PORT=49092 KAFKA_CONTROLLER_PORT=49093 PG_DB=monitoring_scaling PORT_BASE=48080
source "$(dirname "$0")/lib.sh"
MODELS=${MODELS:-12}; ROWS=${ROWS:-100000}
DATA=$RUN_DIR/data; mkdir -p "$DATA" "$RUN_DIR/pids" "$RUN_DIR/logs"
stop_all; rm -rf "$RUN_DIR/kafka"; trap 'stop_pidfile "$RUN_DIR/pids/drift-service-b.pid"; stop_all' EXIT
start_kafka; ensure_postgres --fresh; build_services
[ -f "$DATA/batch.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_wide_csv.py" "$ROWS" "$DATA/batch.csv" "$DATA/spec.json" 1
/usr/bin/python3 "$ROOT/bench/gen_wide_csv.py" 20000 "$DATA/ref.csv" "$DATA/spec.json"
start_service ingest-service 48081; wait_ready ingest-service 48081
MT_SERVICE_JAVA_OPTS="-Xmx1g" start_service drift-service 48082; wait_ready drift-service 48082
INGEST=http://127.0.0.1:48081/api/v1/models
for m in $(seq 1 "$MODELS"); do
  curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" "$INGEST/scale-$m" >/dev/null
  curl -sf -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" "$INGEST/scale-$m/reference" >/dev/null
done
sleep 5
round() { # label -> rows/s over one batch per model, until every drift result is stored
  local start ids=() m id
  start=$(date +%s%N)
  for m in $(seq 1 "$MODELS"); do
    id=$(curl -sf -H 'Content-Type: text/csv' --data-binary @"$DATA/batch.csv" "$INGEST/scale-$m/batches" \
      | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["batchId"])')
    ids+=("$m:$id")
  done
  for entry in "${ids[@]}"; do
    until curl -sf "http://127.0.0.1:48082/api/v1/models/scale-${entry%%:*}/drift/${entry#*:}" >/dev/null; do sleep 0.2; done
  done
  awk -v rows=$((MODELS * ROWS)) -v ns=$(( $(date +%s%N) - start )) -v l="$1" \
    'BEGIN { printf "  %-14s %d batches x %d rows in %.1f s: %.0f rows/s\n", l, rows/'"$ROWS"', '"$ROWS"', ns/1e9, rows/(ns/1e9) }'
}
echo "Scaling check: $MODELS models, one ${ROWS}-row batch each per round, drift-service -Xmx1g"
round "one instance" | tee "$RUN_DIR/report.txt"
QUARKUS_HTTP_PORT=48182 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
  nohup java -Xmx1g -jar "$ROOT/drift-service/target/quarkus-app/quarkus-run.jar" > "$RUN_DIR/logs/drift-service-b.log" 2>&1 &
echo $! > "$RUN_DIR/pids/drift-service-b.pid"
until curl -sf http://127.0.0.1:48182/q/health/ready >/dev/null; do sleep 0.5; done
sleep 8
echo "  partitions of monitoring.batches by member of group drift-service:"
kafka_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:$KAFKA_PORT \
  --describe --group drift-service --members --verbose 2>/dev/null | sed 's/^/    /'
round "two instances" | tee -a "$RUN_DIR/report.txt"
