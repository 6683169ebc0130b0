//! Starting and stopping: open and migrate the database, build the shared state, listen, run the jobs,
//! and on SIGTERM/SIGINT stop accepting, finish the requests and job batches in flight and release leases.

use crate::config::{Config, Environment};
use crate::state::{AppState, Keys};
use kaimono_core::SharedClock;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

/// How long in-flight requests and job batches get to finish after a stop signal.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(25);

/// Opens and migrates the database and builds the shared state.
pub async fn prepare(config: Config, clock: SharedClock) -> anyhow::Result<AppState> {
    let db = crate::database::connect(&config.database_url, &config.limits).await?;
    crate::database::migrate(&db).await?;
    let (payments, hosted): (Arc<dyn kaimono_payments::PaymentProvider>, Arc<dyn kaimono_payments::HostedCheckout>) =
        match &config.payments {
            crate::config::PaymentsConfig::Sandbox => {
                // The sandbox page signs its own webhooks with a secret derived from the token secret.
                let secret = format!("sandbox-checkout:{}", config.jwt_secret);
                (
                    Arc::new(kaimono_payments::SandboxProvider),
                    Arc::new(kaimono_payments::SandboxCheckout::new(secret.as_bytes())),
                )
            }
            crate::config::PaymentsConfig::Stripe { api_base, secret_key, webhook_secret } => {
                let client =
                    kaimono_payments::StripeClient::new(api_base, secret_key)?.with_webhook_secret(webhook_secret);
                (Arc::new(client.clone()), Arc::new(client))
            }
        };
    // Issue 12: the provider's rate, shared by every instance through the database.
    let payments: Arc<dyn kaimono_payments::PaymentProvider> = match config.payment_rate_limit {
        0 => payments,
        limit => Arc::new(kaimono_payments::ThrottledProvider::new(payments, db.clone(), limit)),
    };
    if config.env == Environment::Production {
        if payments.name() == "sandbox" {
            tracing::warn!("the sandbox payment provider is in use: no money moves (set KAIMONO_PAYMENT_PROVIDER)");
        }
        // Demo logins have a published password: whoever reads the README could sign in as the operator.
        let demo = crate::seed::demo_logins_present(&db).await?;
        if !demo.is_empty() {
            anyhow::bail!(
                "refusing to start in production: the database holds demo logins with the published password \
                 ({}); remove those accounts or run with KAIMONO_ENV=development",
                demo.join(", ")
            );
        }
    }
    let payables = kaimono_payments::Payables::new(vec![
        Arc::new(kaimono_orders::OrderPayments),
        Arc::new(kaimono_reservations::ReservationPayments),
    ]);
    let storage = kaimono_media::Storage::open(&config.storage, config.limits.storage)?;
    let checkout = kaimono_payments::Checkout::new(hosted, vec![Arc::new(kaimono_proxy::ProxyCardPayments)]);
    Ok(AppState {
        checkout,
        storage,
        settlement: kaimono_payments::Settlement::new(payments, payables),
        catalog_cache: Arc::new(crate::cache::PublicCache::new(config.catalog_cache_ttl)),
        db,
        clock,
        keys: Arc::new(Keys::from_secret(&config.jwt_secret)),
        config: Arc::new(config),
        throttle: kaimono_accounts::LoginThrottle::default(),
    })
}

/// A listening socket on `address` with `backlog` slots for connections not yet accepted (a std
/// listener keeps the backlog it was created with, so it is set here).
pub fn bind(address: SocketAddr, backlog: u32) -> std::io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::for_address(address), Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    socket.bind(&address.into())?;
    socket.listen(i32::try_from(backlog).unwrap_or(i32::MAX))?;
    Ok(socket.into())
}

/// Serves on `listener` until SIGTERM or SIGINT; runs the jobs in-process when the configuration says so.
/// On the signal: stop accepting, finish requests in flight (at most [`SHUTDOWN_GRACE`]), then stop the
/// jobs the same way.
pub async fn run(state: AppState, listener: TcpListener) -> anyhow::Result<()> {
    let jobs = if state.config.run_jobs { Some(crate::jobs::spawn(&state)?) } else { None };
    let app_state = state.clone();
    let server = actix_web::HttpServer::new(move || crate::app::build(app_state.clone()))
        .client_request_timeout(state.config.limits.request_head)
        .client_disconnect_timeout(std::time::Duration::from_secs(2))
        .listen(listener)?
        .shutdown_timeout(SHUTDOWN_GRACE.as_secs())
        .run();
    let result = server.await;
    tracing::info!("stopped accepting requests");
    if let Some(jobs) = jobs {
        jobs.stop(SHUTDOWN_GRACE).await;
    }
    state.db.clone().close().await.ok();
    tracing::info!("stopped");
    Ok(result?)
}
