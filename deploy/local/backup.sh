#!/usr/bin/env bash
# Backs up the platform's history: pg_dump -Fc of the schemas ingest, drift, performance, fairness and
# alert of database $PG_DB (default monitoring) on $PG_HOST:$PG_PORT as $PG_USER (PGPASSWORD if needed).
# Usage: deploy/local/backup.sh [FILE]     (default backups/$PG_DB-<UTC time>.dump)
# Restore with deploy/local/restore.sh; the procedure is in docs/operations.md ("Backup and restore").
set -euo pipefail
source "$(dirname "$0")/lib.sh"
backup_history "${1:-$ROOT/backups/$PG_DB-$(date -u +%Y%m%dT%H%M%SZ).dump}"
