# Everyday tasks. `just` is a shortcut: each recipe is a plain command you can run without it.

# Run the demo: API + docs (+ SPA once built) on the embedded database
run:
    ./scripts/run

# Every check and test (PostgreSQL too when it answers on 127.0.0.1:5432)
test:
    ./scripts/test

# Format the code
fmt:
    cargo fmt --all

# Lints as CI runs them
lint:
    cargo clippy --workspace --all-targets -- -D warnings

# Regenerate the committed OpenAPI spec after changing the API
openapi:
    cargo run -q --bin kaimono -- openapi --output openapi/openapi.json

# Apply migrations to KAIMONO_DATABASE_URL (default: data/kaimono.db)
migrate:
    cargo run -q --bin kaimono -- migrate

# Run only the background jobs
worker:
    cargo run --release --bin kaimono -- worker

# PostgreSQL and a mail catcher in containers (needs Docker)
services:
    docker compose up -d postgres mailpit

# The SPA with hot reload on :5173 (start `kaimono serve` on :8080 too)
dev:
    cd frontend && npm run dev

# Regenerate the SPA's API types from the committed spec
types:
    cd frontend && npm run generate
