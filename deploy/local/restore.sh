#!/usr/bin/env bash
# Restores a backup.sh dump into a fresh database (created here; --replace drops it first if it exists)
# with pg_restore --no-owner --exit-on-error, on $PG_HOST:$PG_PORT as $PG_USER. It refuses $PG_DB, the
# database the services use: restore beside it, check, then switch (docs/operations.md, "Backup and restore").
# Usage: deploy/local/restore.sh FILE DATABASE [--replace]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 2 ] || die "usage: $0 FILE DATABASE [--replace]"
restore_history "$@"
