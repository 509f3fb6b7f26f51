#!/usr/bin/env bash
# Stops exactly what start.sh started (PID files under .run/platform/pids), and nothing else.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
stop_all
log "platform stopped"
