#!/usr/bin/env bash
# The public catalog (CAT-06) under load: the product list (20 a page) and a product page, with wrk at
# 8 connections, on SQLite and on PostgreSQL, with the one-second catalog cache (the default) and
# without it (KAIMONO_CATALOG_CACHE_MS=0: every request runs its queries), and on PostgreSQL the list's
# main query alone with pgbench for comparison.
#
#   bench/catalog.sh            # needs cargo, curl, psql, pgbench; installs wrk with apt if missing
#
# Environment: KAIMONO_BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432), DURATION
# (seconds per run, default 10), CONNECTIONS (default 8).
# Target (issue 10): ≥ 15,000 requests/s with p99 ≤ 10 ms at 8 connections, list and page, both databases.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
pg="${KAIMONO_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-8}"
db=kaimono_bench_catalog
port=18081
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi

echo "== building kaimono (release)"
(cd "$root" && cargo build --release --locked --bin kaimono -q)
bin="$root/target/release/kaimono"

serve() { # database url, cache ms
  KAIMONO_DATABASE_URL="$1" KAIMONO_LISTEN="127.0.0.1:$port" KAIMONO_JWT_SECRET="bench-secret-bench-secret-bench-0123" \
    KAIMONO_STATIC_DIR=/nonexistent KAIMONO_CATALOG_CACHE_MS="$2" RUST_LOG=warn "$bin" serve --no-jobs >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.1; done
}

stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

measure() { # path → "requests/s p99_ms non2xx"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$1" >"$work/wrk.out"
  local rps p99 errors
  rps=$(awk '/^Requests\/sec/ {printf "%d", $2}' "$work/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
  errors=$(awk '/Non-2xx/ {print $5}' "$work/wrk.out"); errors=${errors:-0}
  echo "$rps $p99 $errors"
}

rows=()
run() { # label, database url
  local product
  for cache in 1000 0; do
    serve "$2" "$cache"
    product=$(curl -fs "http://127.0.0.1:$port/api/v1/products?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
    curl -fs "http://127.0.0.1:$port/api/v1/products?limit=20" >/dev/null
    read -r list_rps list_p99 list_err < <(measure "/api/v1/products?limit=20")
    read -r page_rps page_p99 page_err < <(measure "/api/v1/products/$product")
    stop
    rows+=("| $1 | $([ "$cache" = 0 ] && echo off || echo "${cache} ms") | $list_rps | $list_p99 | $page_rps | $page_p99 | $((list_err + page_err)) |")
    echo "${rows[-1]}"
  done
}

echo "== SQLite (demo catalog)"
KAIMONO_DATABASE_URL="sqlite://$work/bench.db?mode=rwc" "$bin" seed --demo >/dev/null
run SQLite "sqlite://$work/bench.db?mode=rwc"

echo "== PostgreSQL (demo catalog)"
psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
KAIMONO_DATABASE_URL="$pg/$db" "$bin" seed --demo >/dev/null
run PostgreSQL "$pg/$db"

echo "== the list's product query alone (pgbench, $connections connections)"
cat >"$work/list.sql" <<'SQL'
SELECT * FROM products WHERE active ORDER BY id DESC LIMIT 21;
SQL
pgbench -n -M prepared -c "$connections" -j 2 -T "$duration" -f "$work/list.sql" "$pg/$db" >"$work/pgbench.out"
raw=$(awk '/^tps = / {printf "%d", $3; exit}' "$work/pgbench.out")

echo
echo "| database | cache | list req/s | list p99 | page req/s | page p99 | non-2xx |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "PostgreSQL, the list's product query alone (pgbench): $raw queries/s"
