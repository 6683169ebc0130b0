//! Starting the server: open and migrate the database, optionally seed the demo, start the jobs, listen.

use crate::config::Config;
use crate::state::{AppState, Keys};
use kaimono_core::SharedClock;
use std::net::TcpListener;
use std::sync::Arc;

/// Opens and migrates the database and builds the shared state.
pub async fn prepare(config: Config, clock: SharedClock) -> anyhow::Result<AppState> {
    let db = crate::database::connect(&config.database_url).await?;
    crate::database::migrate(&db).await?;
    let payments: Arc<dyn kaimono_payments::PaymentProvider> = match &config.payments {
        crate::config::PaymentsConfig::Sandbox => Arc::new(kaimono_payments::SandboxProvider),
        crate::config::PaymentsConfig::Stripe { api_base, secret_key } => {
            Arc::new(kaimono_payments::StripeClient::new(api_base, secret_key)?)
        }
    };
    if config.env == crate::config::Environment::Production && payments.name() == "sandbox" {
        tracing::warn!("the sandbox payment provider is in use: no money moves (set KAIMONO_PAYMENT_PROVIDER)");
    }
    Ok(AppState {
        payments,
        db,
        clock,
        keys: Arc::new(Keys::from_secret(&config.jwt_secret)),
        config: Arc::new(config),
        throttle: kaimono_accounts::LoginThrottle::default(),
    })
}

/// Serves on `listener` until stopped; runs the jobs in-process when the configuration says so.
pub async fn run(state: AppState, listener: TcpListener) -> anyhow::Result<()> {
    let stop_jobs = if state.config.run_jobs { Some(crate::jobs::spawn(&state)?) } else { None };
    let app_state = state.clone();
    let server = actix_web::HttpServer::new(move || crate::app::build(app_state.clone()))
        .listen(listener)?
        .shutdown_timeout(10)
        .run();
    let result = server.await;
    if let Some(stop) = stop_jobs {
        let _ = stop.send(true);
    }
    Ok(result?)
}
