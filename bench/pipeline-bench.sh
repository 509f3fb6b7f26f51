#!/usr/bin/env bash
# Whole-pipeline benchmark suite (issue 8). Starts the platform on its own broker (29092), ports
# (2808x) and database, then measures through the public API (bench/pipeline_bench.py):
#   scale (one 1M-row x 20-column batch end to end, peak heap per service), throughput (100k-row
#   batches for 60 s, rows/s per service and overall), latency (1k-row batches, POST to alert,
#   p50/p95/p99);
# and, in the same run, the ceilings and baselines: Kafka's ProducerPerformance and
# ConsumerPerformance on the same broker, and the SciPy / scikit-learn / pandas baselines of the three
# engines (bench/engines-bench.sh; skip with NO_ENGINES=1). Phases: PHASES=scale,throughput,latency.
# Writes bench-results/pipeline.txt and prints it. Needs /usr/bin/python3 with numpy (and SciPy,
# scikit-learn, pandas, statsmodels for the engine baselines).
set -euo pipefail
export MT_RUN_DIR=$(cd "$(dirname "$0")/.." && pwd)/.run/bench
export KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093 PG_DB=monitoring_bench PORT_BASE=28080
source "$(dirname "$0")/../deploy/local/lib.sh"
OUT=$ROOT/bench-results; mkdir -p "$OUT"; DATA=$MT_RUN_DIR/data/pipeline; mkdir -p "$DATA"
stop_all; rm -rf "$RUN_DIR/kafka"; listener=""
trap '[ -n "$listener" ] && kill "$listener" 2>/dev/null; stop_all' EXIT
start_kafka; ensure_postgres --fresh; build_services
gen() { [ -f "$DATA/$2" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" "$1" "$DATA/$2" "$DATA/spec.json" "$3" "$4"; }
gen 100000 ref.csv 0 ref; gen 1000000 batch-1m.csv 0 s; gen 100000 batch-100k.csv 0 t; gen 1000 batch-1k-drifted.csv 1 l
for entry in $(built_services); do
  svc=${entry%%:*}
  case $svc in ingest-service|alert-service) opts="-Xmx512m -XX:+UseParallelGC" ;; *) opts="-Xmx1g -XX:+UseParallelGC" ;; esac
  MT_SERVICE_JAVA_OPTS=$opts start_service "$svc" "${entry##*:}"
done
for entry in $(built_services); do wait_ready "${entry%%:*}" "${entry##*:}"; done
java -Xmx256m -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server 127.0.0.1:$KAFKA_PORT \
  --topic monitoring.alerts --property print.timestamp=true > "$DATA/alerts.txt" 2>/dev/null &
listener=$!
sleep 3
/usr/bin/python3 "$ROOT/bench/pipeline_bench.py" "http://127.0.0.1:$((PORT_BASE + 1))" "http://127.0.0.1:$((PORT_BASE + 5))" \
  "$DATA" "$DATA/alerts.txt" "$((PORT_BASE + 1)),$((PORT_BASE + 2)),$((PORT_BASE + 3)),$((PORT_BASE + 4)),$((PORT_BASE + 5))" \
  "${PHASES:-scale,throughput,latency}"
cp "$DATA/pipeline.txt" "$OUT/pipeline.txt"
topic_bytes=$(du -sb "$RUN_DIR"/kafka/data/monitoring.batches-* | awk '{s+=$1} END {print s}')
records=$(( topic_bytes / 1000000 + 1 ))
{
  echo "ceilings on the same broker (Kafka's own tools):"
  echo "  ProducerPerformance, $records x 1 MB records (the bytes now on monitoring.batches), acks=all:"
  kafka_java org.apache.kafka.tools.ProducerPerformance --topic monitoring.dlq --num-records "$records" --record-size 1000000 \
    --throughput -1 --producer-props bootstrap.servers=127.0.0.1:$KAFKA_PORT acks=all max.request.size=16777216 \
    batch.size=1048576 linger.ms=2 2>/dev/null | tail -1 | sed 's/^/    /'
  echo "  ConsumerPerformance, all of monitoring.batches ($((topic_bytes / 1048576)) MB):"
  kafka_java org.apache.kafka.tools.ConsumerPerformance --bootstrap-server 127.0.0.1:$KAFKA_PORT --topic monitoring.batches \
    --messages 1000000000 --timeout 15000 2>/dev/null | tail -1 | sed 's/^/    /'
  echo "    (columns: start, end, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...)"
} | tee -a "$OUT/pipeline.txt"
kill "$listener" 2>/dev/null; listener=""
stop_all
if [ -z "${NO_ENGINES:-}" ]; then
  echo "engine baselines (SciPy / scikit-learn / pandas on the same 1M-row computations):" | tee -a "$OUT/pipeline.txt"
  "$ROOT/bench/engines-bench.sh" | grep -E '^-- .*Java .* vs Python' | tee -a "$OUT/pipeline.txt"
fi
echo "report: $OUT/pipeline.txt"
