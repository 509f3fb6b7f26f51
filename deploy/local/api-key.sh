#!/usr/bin/env bash
# Creates an API key: prints a random key (32 bytes, base64url) for the client's X-API-Key header and the
# NAME:ROLE:SHA256HEX entry to add to the services' API_KEYS (comma-separated). Only the entry goes into
# the deployment; the key is shown once and stored nowhere (docs/security.md).
#   deploy/local/api-key.sh NAME read|write
#   deploy/local/api-key.sh --entry NAME ROLE     print the entry only, for a key read from stdin
set -euo pipefail
usage() { echo "usage: $0 [--entry] NAME read|write" >&2; exit 2; }
entry_only=0
if [ "${1:-}" = "--entry" ]; then entry_only=1; shift; fi
[ $# -eq 2 ] || usage
name=$1 role=$2
[[ $name =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]] || { echo "NAME must be 1-64 letters, digits, '.', '_' or '-'" >&2; exit 2; }
[[ $role == read || $role == write ]] || { echo "ROLE must be read or write" >&2; exit 2; }

if [ $entry_only = 1 ]; then
  IFS= read -r key || true # a key without a final newline is still read
else
  if command -v openssl >/dev/null 2>&1; then
    key=$(openssl rand -base64 32)
  else
    key=$(head -c 32 /dev/urandom | base64)
  fi
  key=$(printf '%s' "$key" | tr '+/' '-_' | tr -d '=\n')
fi
[ -n "$key" ] || { echo "empty key" >&2; exit 2; }
hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)

if [ $entry_only = 1 ]; then
  echo "$name:$role:$hash"
elif [ -t 1 ]; then
  echo "key   (give to the client, as X-API-Key; shown once): $key"
  echo "entry (add to API_KEYS, comma-separated):           $name:$role:$hash"
else
  # Piped: two plain lines, key then entry, for scripts (deploy/local/test.sh).
  echo "$key"
  echo "$name:$role:$hash"
fi
