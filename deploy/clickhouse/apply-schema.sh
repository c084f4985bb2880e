#!/bin/bash
# Applies fanbase's cluster DDL (sql/clickhouse/cluster/*.sql, mounted at /schema) in the order of the file
# names, one statement per file, through one node: each statement is ON CLUSTER fanbase, so every node runs it.
# The entrypoint of the one-shot compose service clickhouse-schema; any shell with clickhouse-client can run it:
#   CLICKHOUSE_HOST=... FANBASE_CLICKHOUSE_PASSWORD=... SCHEMA_DIR=sql/clickhouse/cluster deploy/clickhouse/apply-schema.sh
# Every statement is `create ... if not exists`: running it again changes nothing.
set -euo pipefail

host="${CLICKHOUSE_HOST:-clickhouse-1}"
dir="${SCHEMA_DIR:-/schema}"
client=(clickhouse-client --host "$host" --user "${FANBASE_CLICKHOUSE_USER:-fanbase}"
  --password "${FANBASE_CLICKHOUSE_PASSWORD:-}" --database "${FANBASE_CLICKHOUSE_DATABASE:-default}")

# ON CLUSTER needs the node up and Keeper reachable from it: wait up to 2 minutes for both
for attempt in $(seq 60); do
  if "${client[@]}" --query "select count() from system.zookeeper where path = '/'" >/dev/null 2>&1; then break; fi
  if [ "$attempt" = 60 ]; then
    echo "apply-schema: $host or its Keeper does not answer; last error:" >&2
    "${client[@]}" --query "select count() from system.zookeeper where path = '/'" >&2 || true
    exit 1
  fi
  sleep 2
done

shopt -s nullglob
files=("$dir"/*.sql)
if [ ${#files[@]} = 0 ]; then echo "apply-schema: no *.sql in $dir" >&2; exit 1; fi
for file in "${files[@]}"; do
  echo "apply-schema: $(basename "$file")"
  "${client[@]}" --multiquery < "$file"
done
echo "apply-schema: ${#files[@]} statements applied on cluster fanbase through $host"
