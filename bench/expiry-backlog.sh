#!/usr/bin/env bash
# The expiry backlog (ORD-05, RSV-05; issue 8): ITEMS lapsed items — half unpaid payment links of
# delivery orders, half reservation holds past their deadline — cleared by `kaimono worker` processes on
# PostgreSQL, with 1 and then 2 workers. Prints the time to clear and checks each item moved exactly once
# (every order and hold cancelled once, one email each, every unit back on the shelf once).
#
#   bench/expiry-backlog.sh            # needs cargo and psql
#
# Environment: KAIMONO_BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432), ITEMS (default
# 10000), WORKERS (default "1 2"). Target (issue 8): 10,000 cleared in ≤ 60 s by one worker, faster by two.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
pg="${KAIMONO_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
items="${ITEMS:-10000}"
db=kaimono_bench_expiry
url="$pg/$db"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "== building kaimono (release)"
(cd "$root" && cargo build --release --locked --bin kaimono -q)
bin="$root/target/release/kaimono"
q() { psql -qtAX "$url" -c "$1"; }

for workers in ${WORKERS:-1 2}; do
  echo "== $items lapsed items, $workers worker(s)"
  psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  KAIMONO_DATABASE_URL="$url" "$bin" seed --demo >/dev/null
  psql -q -v ON_ERROR_STOP=1 -v items="$items" "$url" -f "$here/expiry-backlog.sql"
  shelf_before=$(q "SELECT sum(quantity) FROM stock")
  start=$(date +%s.%N)
  for _ in $(seq "$workers"); do
    KAIMONO_DATABASE_URL="$url" KAIMONO_JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 \
      KAIMONO_LOG=warn "$bin" worker >/dev/null 2>&1 &
    pids+=($!)
  done
  while :; do
    left=$(q "SELECT (SELECT count(*) FROM payment_requests WHERE status = 'open') + (SELECT count(*) FROM reservations WHERE status = 'held')")
    [ "$left" = 0 ] && break
    sleep 0.2
  done
  end=$(date +%s.%N)
  for p in "${pids[@]}"; do kill -TERM "$p"; wait "$p" || true; done
  pids=()
  seconds=$(echo "$end - $start" | bc)
  orders=$(q "SELECT count(*) FROM orders WHERE status = 'cancelled'")
  holds=$(q "SELECT count(*) FROM reservations WHERE status = 'expired'")
  mails=$(q "SELECT count(*) FROM outbox_emails WHERE template IN ('order_cancelled', 'reservation_cancelled')")
  shelf_after=$(q "SELECT sum(quantity) FROM stock")
  printf 'cleared in %.1f s (%.0f items/s); cancelled orders %s, expired holds %s, emails %s, units back %s\n' \
    "$seconds" "$(echo "$items / $seconds" | bc -l)" "$orders" "$holds" "$mails" "$((shelf_after - shelf_before))"
  if [ "$((orders + holds))" != "$items" ] || [ "$mails" != "$items" ] || [ "$((shelf_after - shelf_before))" != "$items" ]; then
    echo "NOT exactly once" >&2
    exit 1
  fi
done
