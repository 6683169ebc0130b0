#!/usr/bin/env bash
# Subscription generation (SUB-04; issue 12, benchmark part a): ITEMS subscriptions due at once, generated
# by `kaimono worker` processes on PostgreSQL from a release build, with 1 and then 2 workers. Prints the
# time to generate them all and checks each delivery was generated exactly once: one order per
# subscription, one ledger row each, order totals summing to what the subscriptions charge, every
# subscription moved to its next delivery, and the shelf untouched.
#
#   bench/subscription-generation.sh        # needs cargo and psql
#
# Environment: KAIMONO_BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432), ITEMS (default
# 100000), WORKERS (default "1 2"), KILL=1 kills one worker (SIGKILL) halfway and starts another.
# Target (issue 12): 100,000 orders in ≤ 60 s on this machine with two workers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
pg="${KAIMONO_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
items="${ITEMS:-100000}"
db=kaimono_bench_generation
url="$pg/$db"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "== building kaimono (release)"
(cd "$root" && cargo build --release --locked --bin kaimono -q)
bin="$root/target/release/kaimono"
q() { psql -qtAX "$url" -c "$1"; }
start_worker() {
  KAIMONO_DATABASE_URL="$url" KAIMONO_JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 \
    KAIMONO_LOG=warn "$bin" worker >/dev/null 2>&1 &
  pids+=($!)
}
due="SELECT count(*) FROM subscriptions WHERE status = 'active' AND next_generation_on <= (now() AT TIME ZONE 'Asia/Tokyo')::date"

for workers in ${WORKERS:-1 2}; do
  echo "== $items subscriptions due, $workers worker(s)"
  psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  KAIMONO_DATABASE_URL="$url" "$bin" seed --demo >/dev/null
  psql -q -v ON_ERROR_STOP=1 -v items="$items" "$url" -f "$here/subscription-generation.sql"
  shelf_before=$(q "SELECT sum(quantity) FROM stock")
  expected=$(q "SELECT sum(i.unit_price * i.quantity + s.shipping_fee + s.fee) FROM subscriptions s JOIN subscription_items i ON i.subscription_id = s.id")
  start=$(date +%s.%N)
  for _ in $(seq "$workers"); do start_worker; done
  killed=no
  while :; do
    left=$(q "$due")
    [ "$left" = 0 ] && break
    if [ "${KILL:-0}" = 1 ] && [ "$killed" = no ] && [ "$left" -lt "$((items / 2))" ]; then
      kill -KILL "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
      echo "   killed a worker with $left left; starting another"
      start_worker
      killed=yes
    fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
  seconds=$(echo "$end - $start" | bc)
  orders=$(q "SELECT count(*) FROM orders WHERE subscription_id IS NOT NULL")
  distinct=$(q "SELECT count(DISTINCT subscription_id) FROM orders WHERE subscription_id IS NOT NULL")
  ledger=$(q "SELECT count(*) FROM subscription_deliveries WHERE status = 'generated'")
  total=$(q "SELECT coalesce(sum(total), 0) FROM orders WHERE subscription_id IS NOT NULL")
  moved=$(q "SELECT count(*) FROM subscriptions WHERE deliveries = 2 AND next_generation_on > (now() AT TIME ZONE 'Asia/Tokyo')::date")
  shelf_after=$(q "SELECT sum(quantity) FROM stock")
  printf 'generated in %.1f s (%.0f orders/s); orders %s (subscriptions %s), ledger rows %s, moved on %s, total ¥%s of ¥%s, shelf change %s\n' \
    "$seconds" "$(echo "$items / $seconds" | bc -l)" "$orders" "$distinct" "$ledger" "$moved" "$total" "$expected" \
    "$((shelf_after - shelf_before))"
  if [ "$orders" != "$items" ] || [ "$distinct" != "$items" ] || [ "$ledger" != "$items" ] || [ "$moved" != "$items" ] \
    || [ "$total" != "$expected" ] || [ "$shelf_after" != "$shelf_before" ]; then
    echo "NOT exactly once" >&2
    exit 1
  fi
done
