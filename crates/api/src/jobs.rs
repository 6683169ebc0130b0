//! The background jobs `serve` and `worker` run.

use crate::config::Config;
use crate::state::AppState;
use kaimono_jobs::Job;
use kaimono_messaging::Mailer;
use kaimono_payments::PaymentProvider;
use std::sync::Arc;

/// How many emails one run of the sender delivers at most.
const OUTBOX_BATCH: u64 = 50;

/// How many payment links and holds one run of the expiry job handles at most.
const EXPIRY_BATCH: u64 = 100;

/// The jobs this configuration runs. Without `KAIMONO_SMTP_URL` there is no sender: mail stays in the
/// outbox (and the development mailbox) until a process with SMTP configured delivers it.
pub fn jobs(
    config: &Config,
    payments: Arc<dyn PaymentProvider>,
    worker: &str,
) -> Result<Vec<Job>, kaimono_messaging::MessagingError> {
    let mut jobs = vec![Job {
        name: "housekeeping",
        every: std::time::Duration::from_secs(600),
        lease: chrono::Duration::minutes(10),
        run: Arc::new(|db, now| {
            Box::pin(async move {
                let pruned = kaimono_accounts::prune(&db, now).await?;
                if pruned > 0 {
                    tracing::info!(pruned, "housekeeping removed old login attempts, links and sessions");
                }
                Ok(())
            })
        }),
    }];
    jobs.push(Job {
        name: "expiry",
        every: std::time::Duration::from_secs(30),
        lease: chrono::Duration::minutes(5),
        run: Arc::new(move |db, now| {
            let payments = payments.clone();
            Box::pin(async move {
                let expired = crate::payment_flow::expire_due(&db, payments.as_ref(), now, EXPIRY_BATCH)
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
            every: std::time::Duration::from_secs(2),
            lease: chrono::Duration::minutes(5),
            run: Arc::new(move |db, now| {
                let (mailer, worker) = (mailer.clone(), worker.clone());
                Box::pin(async move {
                    let report = kaimono_messaging::deliver_due(&db, &mailer, &worker, now, OUTBOX_BATCH).await?;
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

/// A name for this process in leases and logs.
pub fn worker_name() -> String {
    format!("{}-{}", std::process::id(), uuid::Uuid::now_v7().simple())
}

/// Starts the jobs in the background; send `true` on the returned channel to stop them.
pub fn spawn(state: &AppState) -> Result<tokio::sync::watch::Sender<bool>, kaimono_messaging::MessagingError> {
    let worker = worker_name();
    let jobs = jobs(&state.config, state.payments.clone(), &worker)?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(kaimono_jobs::run_forever(state.db.clone(), state.clock.clone(), worker, jobs, stopped));
    Ok(stop)
}
