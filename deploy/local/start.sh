#!/usr/bin/env bash
# Starts the whole platform locally without Docker: Kafka (KRaft, single node), PostgreSQL (the local
# server, or an embedded one), then every service, and waits until each is ready. Idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs"
start_kafka
ensure_postgres
build_services
for entry in $(built_services); do start_service "${entry%%:*}" "${entry##*:}"; done
for entry in $(built_services); do wait_ready "${entry%%:*}" "${entry##*:}"; done
echo
echo "Platform running (logs in $RUN_DIR/logs, stop with deploy/local/stop.sh):"
echo "  Kafka      127.0.0.1:$KAFKA_PORT"
echo "  PostgreSQL $PG_HOST:$PG_PORT/$PG_DB"
for entry in $(built_services); do
  printf '  %-20s http://127.0.0.1:%s  (OpenAPI /q/openapi, health /q/health, metrics /q/metrics)\n' "${entry%%:*}" "${entry##*:}"
done
if [ -f "$ROOT/alert-service/src/main/resources/application.properties" ]; then
  echo "  dashboard            http://127.0.0.1:8085/"
fi
if [ -n "${MT_API_KEYS:-}" ]; then
  echo "  API keys on (MT_API_KEYS): /api/** needs X-API-Key; the dashboard asks for one (docs/security.md)"
fi
