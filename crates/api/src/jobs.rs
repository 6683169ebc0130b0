//! The background jobs `serve` and `worker` run.

use crate::config::Config;
use crate::state::AppState;
use kaimono_jobs::{Job, Runner};
use kaimono_messaging::Mailer;
use kaimono_payments::Settlement;
use std::sync::Arc;
use std::time::Duration;

/// How many emails one run of the sender tries at most (it runs again 1 s later).
const OUTBOX_BATCH: usize = 500;
/// Payment links and holds one expiry claim takes.
pub(crate) const EXPIRY_BATCH: u64 = 200;
/// Subscriptions one generation transaction takes (SUB-04).
pub(crate) const GENERATION_BATCH: u64 = 200;
/// Sign-up and reset links one run of the link job mails.
const LINK_BATCH: u64 = 100;

/// The jobs this configuration runs. Without `KAIMONO_SMTP_URL` there is no sender: mail stays in the
/// outbox (and the development mailbox, where switched on) until a process with SMTP configured delivers it.
pub fn jobs(
    config: &Config,
    settlement: Settlement,
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
    let (expiry_worker, expiry_settlement) = (worker.to_owned(), settlement.clone());
    jobs.push(Job {
        name: "payment_expiry",
        every: Duration::from_secs(5),
        exclusive: false,
        run: Arc::new(move |db, now, shutdown| {
            let (settlement, worker) = (expiry_settlement.clone(), expiry_worker.clone());
            Box::pin(async move {
                let stopping = || shutdown.requested();
                let expired = settlement.expire_due(&db, &worker, now, EXPIRY_BATCH, &stopping).await?;
                if expired > 0 {
                    tracing::info!(expired, "cancelled what lapsed payment links were for");
                }
                Ok(())
            })
        }),
    });
    let (refund_worker, refund_settlement) = (worker.to_owned(), settlement.clone());
    let authorize_settlement = settlement.clone();
    jobs.push(Job {
        name: "card_refunds",
        every: Duration::from_secs(5),
        exclusive: false,
        run: Arc::new(move |db, now, shutdown| {
            let (settlement, worker) = (refund_settlement.clone(), refund_worker.clone());
            Box::pin(async move {
                let stopping = || shutdown.requested();
                let settled = settlement.refund_cards_due(&db, &worker, now, EXPIRY_BATCH, &stopping).await?;
                if settled > 0 {
                    tracing::info!(settled, "paid card refunds back");
                }
                Ok(())
            })
        }),
    });
    let hold_worker = worker.to_owned();
    jobs.push(Job {
        name: "hold_expiry",
        every: Duration::from_secs(5),
        exclusive: false,
        run: Arc::new(move |db, now, shutdown| {
            let (settlement, worker) = (settlement.clone(), hold_worker.clone());
            Box::pin(async move {
                let stopping = || shutdown.requested();
                let expired =
                    kaimono_reservations::expire_lapsed_holds(&db, &settlement, &worker, now, EXPIRY_BATCH, &stopping)
                        .await?;
                if expired > 0 {
                    tracing::info!(expired, "expired reservation holds not collected by their deadline");
                }
                Ok(())
            })
        }),
    });
    jobs.push(Job {
        name: "proxy_deadlines",
        every: Duration::from_secs(60),
        exclusive: false,
        run: Arc::new(|db, now, _| {
            Box::pin(async move {
                let reminded = kaimono_proxy::remind_unpaid_quotes(&db, now, EXPIRY_BATCH).await?;
                if reminded > 0 {
                    tracing::info!(reminded, "warned members of proxy quotes cancelled tomorrow if unpaid");
                }
                let cancelled = kaimono_proxy::cancel_unpaid_quotes(&db, now, EXPIRY_BATCH).await?;
                if cancelled > 0 {
                    tracing::info!(cancelled, "cancelled proxy orders left unpaid 7 days after the quote");
                }
                let completed = kaimono_proxy::complete_shipped(&db, now, EXPIRY_BATCH).await?;
                if completed > 0 {
                    tracing::info!(completed, "completed proxy orders shipped 30 days ago");
                }
                Ok(())
            })
        }),
    });
    jobs.push(Job {
        name: "card_expiry_notices",
        every: Duration::from_secs(3600),
        // One process at a time: a notice is mailed once per period.
        exclusive: true,
        run: Arc::new(|db, now, _| {
            Box::pin(async move {
                let sent = kaimono_subscriptions::send_due_card_notices(&db, now).await?;
                if sent > 0 {
                    tracing::info!(sent, "told members their subscription card nears or passed its expiry");
                }
                Ok(())
            })
        }),
    });
    jobs.push(Job {
        name: "subscription_generation",
        every: Duration::from_secs(60),
        exclusive: false,
        run: Arc::new(|db, now, shutdown| {
            Box::pin(async move {
                let stopping = || shutdown.requested();
                let run = kaimono_subscriptions::generate_due(&db, now, GENERATION_BATCH, &stopping).await?;
                if run != kaimono_subscriptions::GenerationRun::default() {
                    tracing::info!(
                        generated = run.generated,
                        skipped = run.skipped,
                        ended = run.ended,
                        failed = run.failed,
                        "generated subscription orders"
                    );
                }
                Ok(())
            })
        }),
    });
    let (authorize_worker, public_url) = (worker.to_owned(), config.public_url.clone());
    jobs.push(Job {
        name: "subscription_authorizations",
        every: Duration::from_secs(5),
        exclusive: false,
        run: Arc::new(move |db, now, shutdown| {
            let (settlement, worker, url) =
                (authorize_settlement.clone(), authorize_worker.clone(), public_url.clone());
            Box::pin(async move {
                let stopping = || shutdown.requested();
                let settled = kaimono_subscriptions::authorize_queued(
                    &db,
                    &settlement,
                    &url,
                    &worker,
                    now,
                    EXPIRY_BATCH,
                    &stopping,
                )
                .await?;
                if settled > 0 {
                    tracing::info!(settled, "authorized generated subscription orders");
                }
                Ok(())
            })
        }),
    });
    if let Some(url) = &config.smtp_url {
        let mailer = Mailer::new(url, &config.mail_from, &config.public_url)?;
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
    let jobs = jobs(&state.config, state.settlement.clone(), &worker)?;
    Ok(Runner::start(state.db.clone(), state.clock.clone(), worker, jobs))
}
