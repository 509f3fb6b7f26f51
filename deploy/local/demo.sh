#!/usr/bin/env bash
# The README's main command: starts the platform (if it is not running yet), plays the seeded
# credit-scoring scenario through the HTTP API, prints what was detected, and leaves everything
# running for exploration. deploy/local/stop.sh stops it.
set -euo pipefail
"$(dirname "$0")/start.sh"
source "$(dirname "$0")/lib.sh"
echo
run_scenario "$@"
echo
echo "The platform is still running: explore the dashboard and the APIs, then stop it with deploy/local/stop.sh"
