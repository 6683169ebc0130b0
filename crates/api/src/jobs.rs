//! The background jobs `serve` and `worker` run.

use crate::config::Config;
use crate::state::AppState;
use kaimono_jobs::{Job, Runner};
use kaimono_messaging::Mailer;
use kaimono_payments::PaymentProvider;
use std::sync::Arc;
use std::time::Duration;

/// How many emails one run of the sender tries at most (it runs again 1 s later).
const OUTBOX_BATCH: usize = 500;
/// Payment links and holds one expiry claim takes.
const EXPIRY_BATCH: u64 = 200;
/// Sign-up and reset links one run of the link job mails.
const LINK_BATCH: u64 = 100;

/// The jobs this configuration runs. Without `KAIMONO_SMTP_URL` there is no sender: mail stays in the
/// outbox (and the development mailbox, where switched on) until a process with SMTP configured delivers it.
pub fn jobs(
    config: &Config,
    payments: Arc<dyn PaymentProvider>,
    worker: &str,
) -> Result<Vec<Job>, kaimono_messaging::MessagingError> {
    let mut jobs = vec![Job {
        name: "housekeeping",
        every: Duration::from_secs(600),
        exclusive: true,
        run: Arc::new(|db, now, _| {
            Box::pin(async move {
                let pruned = kaimono_accounts::prune(&db, now).await?;
                if pruned > 0 {
                    tracing::info!(pruned, "housekeeping removed old login attempts, counters, links and sessions");
                }
                Ok(())
            })
        }),
    }];
    let base_url = config.public_url.clone();
    jobs.push(Job {
        name: "links",
        every: Duration::from_secs(1),
        exclusive: false,
        run: Arc::new(move |db, now, _| {
            let base_url = base_url.clone();
            Box::pin(async move {
                kaimono_accounts::send_requested_links(&db, &base_url, now, LINK_BATCH).await?;
                Ok(())
            })
        }),
    });
    let expiry_worker = worker.to_owned();
    jobs.push(Job {
        name: "expiry",
        every: Duration::from_secs(5),
        exclusive: false,
        run: Arc::new(move |db, now, shutdown| {
            let (payments, worker) = (payments.clone(), expiry_worker.clone());
            Box::pin(async move {
                let stopping = || shutdown.requested();
                let expired =
                    crate::payment_flow::expire_due(&db, payments.as_ref(), &worker, now, EXPIRY_BATCH, &stopping)
                        .await
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                if expired > 0 {
                    tracing::info!(expired, "expired unpaid payment links and lapsed reservation holds");
                }
                Ok(())
            })
        }),
    });
    if let Some(url) = &config.smtp_url {
        let mailer = Mailer::new(url, &config.mail_from)?;
        let worker = worker.to_owned();
        jobs.push(Job {
            name: "outbox_sender",
            every: Duration::from_secs(1),
            exclusive: false,
            run: Arc::new(move |db, now, shutdown| {
                let (mailer, worker) = (mailer.clone(), worker.clone());
                Box::pin(async move {
                    let stopping = || shutdown.requested();
                    let report =
                        kaimono_messaging::deliver_due(&db, &mailer, &worker, now, OUTBOX_BATCH, &stopping).await?;
                    if report.sent + report.failed > 0 {
                        tracing::info!(sent = report.sent, failed = report.failed, "outbox delivered");
                    }
                    Ok(())
                })
            }),
        });
    }
    Ok(jobs)
}

/// A name for this process in leases, claims and logs.
pub fn worker_name() -> String {
    format!("{}-{}", std::process::id(), uuid::Uuid::now_v7().simple())
}

/// Starts the jobs in the background; [`Runner::stop`] stops them cleanly.
pub fn spawn(state: &AppState) -> Result<Runner, kaimono_messaging::MessagingError> {
    let worker = worker_name();
    let jobs = jobs(&state.config, state.payments.clone(), &worker)?;
    Ok(Runner::start(state.db.clone(), state.clock.clone(), worker, jobs))
}
