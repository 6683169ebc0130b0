# Release image of the kaimono binary (the SPA is copied in once it exists).
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin kaimono

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/kaimono /usr/local/bin/kaimono
WORKDIR /app
# Production by default: no development mailbox, no demo logins, a JWT secret required
# (KAIMONO_JWT_SECRET, at least 32 characters), HSTS on.
ENV KAIMONO_ENV=production \
    KAIMONO_LISTEN=0.0.0.0:8080
EXPOSE 8080
STOPSIGNAL SIGTERM
CMD ["kaimono", "serve"]
