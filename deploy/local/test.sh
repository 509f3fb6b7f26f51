#!/usr/bin/env bash
# Runs every test against a real broker and database: starts a fresh single-node Kafka on
# 127.0.0.1:19092 (so a running platform on 9092 is left alone), uses database monitoring_test
# (recreated), runs ./mvnw verify, and stops what it started. Extra arguments go to Maven.
set -euo pipefail
export MT_RUN_DIR=${MT_TEST_RUN_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/.run/test}
export KAFKA_PORT=${TEST_KAFKA_PORT:-19092}
export KAFKA_CONTROLLER_PORT=${TEST_KAFKA_CONTROLLER_PORT:-19093}
export PG_DB=${TEST_PG_DB:-monitoring_test}
source "$(dirname "$0")/lib.sh"
stop_all
rm -rf "$RUN_DIR/kafka"
trap stop_all EXIT
start_kafka
ensure_postgres --fresh
export TEST_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export TEST_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB
cd "$ROOT"
"$ROOT/mvnw" -B verify "$@"
