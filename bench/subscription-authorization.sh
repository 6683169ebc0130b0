#!/usr/bin/env bash
# Authorization at generation (SUB-04; issue 12, benchmark part b): ITEMS card subscriptions due at once
# on PostgreSQL, generated and authorized by two `kaimono worker` processes (release build) through the
# Stripe client against a local provider double (bench/fake-provider.py): first with no rate limit (as fast
# as the machine allows), then with kaimono's budget set to RATE calls a second shared by both workers and
# the double enforcing the same limit as a real provider does (429 with Retry-After past it). Prints the
# time and rate of the authorizations, the busiest second and the 429s as the provider saw them, and
# checks every order was authorized exactly once.
#
#   bench/subscription-authorization.sh        # needs cargo and psql
#
# Environment: KAIMONO_BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432), ITEMS (default
# 6000), RATE (default 100), LIMITS (default "0 $RATE"; 0 = no limit), WORKERS (default 2).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
pg="${KAIMONO_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
items="${ITEMS:-6000}"
rate="${RATE:-100}"
db=kaimono_bench_authorization
url="$pg/$db"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "== building kaimono (release)"
(cd "$root" && cargo build --release --locked --bin kaimono -q)
bin="$root/target/release/kaimono"
q() { psql -qtAX "$url" -c "$1"; }

port=18931
for limit in ${LIMITS:-0 $rate}; do
  python3 "$here/fake-provider.py" "$port" "$limit" /tmp/kaimono-bench-provider.log &
  pids+=($!)
  sleep 0.5
  echo "== $items card subscriptions due, ${WORKERS:-2} workers, provider limit ${limit}/s (0 = none)"
  psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  KAIMONO_DATABASE_URL="$url" "$bin" seed --demo >/dev/null
  psql -q -v ON_ERROR_STOP=1 -v items="$items" "$url" -f "$here/subscription-authorization.sql"
  for _ in $(seq "${WORKERS:-2}"); do
    KAIMONO_DATABASE_URL="$url" KAIMONO_JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 \
      KAIMONO_PAYMENT_PROVIDER=stripe KAIMONO_STRIPE_API_BASE="http://127.0.0.1:$port" \
      KAIMONO_STRIPE_SECRET_KEY=sk_test_bench KAIMONO_STRIPE_WEBHOOK_SECRET=whsec_bench \
      KAIMONO_PAYMENT_RATE_LIMIT="$limit" KAIMONO_LOG=warn "$bin" worker >/dev/null 2>&1 &
    pids+=($!)
  done
  while :; do
    left=$(q "SELECT count(*) FROM subscriptions s WHERE s.deliveries < 2")
    queued=$(q "SELECT count(*) FROM subscription_deliveries WHERE \"authorization\" = 'queued'")
    [ "$left" = 0 ] && [ "$queued" = 0 ] && break
    sleep 0.5
  done
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
  authorized=$(q "SELECT count(*) FROM subscription_deliveries WHERE \"authorization\" = 'authorized'")
  paid=$(q "SELECT count(DISTINCT payment_request_id) FROM payment_attempts WHERE kind = 'authorize' AND outcome = 'succeeded'")
  # The provider's view: arrival times of the authorizations it answered, and its 429s.
  read -r calls refused seconds busiest < <(awk '$3 == "/v1/payment_intents" {
      n++; if ($2 == "429") r++; else { s = int($1); c[s]++; if (!first || $1 < first) first = $1; if ($1 > last) last = $1 } }
    END { m = 0; for (k in c) if (c[k] > m) m = c[k]; printf "%d %d %.3f %d\n", n, r, last - first, m }' /tmp/kaimono-bench-provider.log)
  printf 'authorized %s of %s in %.1f s (%.0f/s); provider: %s calls, %s answered 429, busiest second %s\n' \
    "$authorized" "$items" "$seconds" "$(echo "($calls - $refused) / ($seconds + 0.001)" | bc -l)" "$calls" "$refused" "$busiest"
  if [ "$authorized" != "$items" ] || [ "$paid" != "$items" ]; then
    echo "NOT exactly one authorization per order" >&2
    exit 1
  fi
  if [ "$limit" != 0 ] && [ "$refused" -gt 0 ]; then
    echo "the provider refused $refused calls over its limit of $limit a second" >&2
    exit 1
  fi
done
