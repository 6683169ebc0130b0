//! A small runner for background jobs, safe when several `serve` / `worker` processes share one database.
//!
//! Two kinds of job:
//! - *Exclusive* jobs (housekeeping) run in one process at a time. A process runs one only after taking
//!   its row in `job_leases` with one conditional UPDATE (`… WHERE locked_until IS NULL OR locked_until <
//!   now`), atomic on PostgreSQL and SQLite alike. The lease is short ([`LEASE`]) and renewed by a
//!   heartbeat while the job runs, so a process that dies loses it within [`LEASE`].
//! - *Shared* jobs (expiry, the outbox sender) run in every process at once: they claim their own rows in
//!   batches (row locks with `SKIP LOCKED` on PostgreSQL, claim columns where a row outlives a
//!   transaction), so more processes clear a backlog faster and no row is worked twice.
//!
//! Stopping: [`Runner::stop`] stops starting runs, lets a running job see [`Shutdown`] and finish the
//! batch in hand, and releases the leases this process holds.

use chrono::{DateTime, Duration, Utc};
use futures_util::future::BoxFuture;
use kaimono_core::SharedClock;
use kaimono_entity::job_lease;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, QueryFilter};
use std::sync::Arc;

/// How long an exclusive job's lease lasts without a heartbeat: a dead process's job is taken over
/// within this.
pub const LEASE: Duration = Duration::seconds(30);
/// How often a running exclusive job renews its lease.
const HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(10);

/// Tells a running job that the process is stopping: finish what is claimed, claim nothing new.
#[derive(Clone)]
pub struct Shutdown(tokio::sync::watch::Receiver<bool>);

impl Shutdown {
    pub fn requested(&self) -> bool {
        *self.0.borrow()
    }
}

/// What a job does in one run.
pub type JobFn =
    Arc<dyn Fn(DatabaseConnection, DateTime<Utc>, Shutdown) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync>;

#[derive(Clone)]
pub struct Job {
    pub name: &'static str,
    /// How often the job runs.
    pub every: std::time::Duration,
    /// Run in one process at a time under a lease (otherwise in every process, claiming rows).
    pub exclusive: bool,
    pub run: JobFn,
}

/// Takes the lease of job `name` for `worker` until `now + lease`; `true` if this worker holds it now.
pub async fn try_lease(
    db: &DatabaseConnection,
    name: &str,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<bool, DbErr> {
    job_lease::Entity::insert(job_lease::ActiveModel {
        name: Set(name.to_owned()),
        locked_by: Set(None),
        locked_until: Set(None),
        last_started_at: Set(None),
        last_finished_at: Set(None),
    })
    .on_conflict(OnConflict::column(job_lease::Column::Name).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    let taken = job_lease::Entity::update_many()
        .col_expr(job_lease::Column::LockedBy, Expr::value(worker))
        .col_expr(job_lease::Column::LockedUntil, Expr::value(now + lease))
        .col_expr(job_lease::Column::LastStartedAt, Expr::value(now))
        .filter(job_lease::Column::Name.eq(name))
        .filter(job_lease::Column::LockedUntil.is_null().or(job_lease::Column::LockedUntil.lt(now)))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Extends a lease `worker` still holds; `false` if it lost it.
pub async fn renew(
    db: &DatabaseConnection,
    name: &str,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<bool, DbErr> {
    let renewed = job_lease::Entity::update_many()
        .col_expr(job_lease::Column::LockedUntil, Expr::value(now + lease))
        .filter(job_lease::Column::Name.eq(name))
        .filter(job_lease::Column::LockedBy.eq(worker))
        .filter(job_lease::Column::LockedUntil.is_not_null())
        .exec(db)
        .await?;
    Ok(renewed.rows_affected == 1)
}

/// Gives the lease back so the next run need not wait for it to time out.
pub async fn release(db: &DatabaseConnection, name: &str, worker: &str, now: DateTime<Utc>) -> Result<(), DbErr> {
    job_lease::Entity::update_many()
        .col_expr(job_lease::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(job_lease::Column::LastFinishedAt, Expr::value(now))
        .filter(job_lease::Column::Name.eq(name))
        .filter(job_lease::Column::LockedBy.eq(worker))
        .exec(db)
        .await?;
    Ok(())
}

/// Runs `job` once (an exclusive one only if its lease can be taken); `true` if it ran.
pub async fn run_once(
    db: &DatabaseConnection,
    clock: &SharedClock,
    worker: &str,
    job: &Job,
    shutdown: Shutdown,
) -> Result<bool, DbErr> {
    if !job.exclusive {
        if let Err(error) = (job.run)(db.clone(), clock.now(), shutdown).await {
            tracing::error!(job = job.name, error = format!("{error:#}"), "job failed");
        }
        return Ok(true);
    }
    if !try_lease(db, job.name, worker, clock.now(), LEASE).await? {
        return Ok(false);
    }
    let run = (job.run)(db.clone(), clock.now(), shutdown);
    tokio::pin!(run);
    let mut heartbeat = tokio::time::interval(HEARTBEAT);
    heartbeat.tick().await; // the first tick is immediate
    let result = loop {
        tokio::select! {
            result = &mut run => break result,
            _ = heartbeat.tick() => {
                match renew(db, job.name, worker, clock.now(), LEASE).await {
                    Ok(true) => {}
                    Ok(false) => tracing::warn!(job = job.name, "lease lost while running"),
                    Err(error) => tracing::warn!(job = job.name, %error, "could not renew the lease"),
                }
            }
        }
    };
    if let Err(error) = result {
        tracing::error!(job = job.name, error = format!("{error:#}"), "job failed");
    }
    release(db, job.name, worker, clock.now()).await?;
    Ok(true)
}

/// The jobs running in this process.
pub struct Runner {
    stop: tokio::sync::watch::Sender<bool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Runner {
    /// Starts every job on its own interval.
    pub fn start(db: DatabaseConnection, clock: SharedClock, worker: String, jobs: Vec<Job>) -> Self {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let tasks = jobs
            .into_iter()
            .map(|job| {
                let (db, clock, worker, mut stopped) = (db.clone(), clock.clone(), worker.clone(), stopped.clone());
                tokio::spawn(async move {
                    let mut ticker = tokio::time::interval(job.every);
                    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                    loop {
                        tokio::select! {
                            biased;
                            _ = stopped.changed() => break,
                            _ = ticker.tick() => {
                                if *stopped.borrow() {
                                    break;
                                }
                                let shutdown = Shutdown(stopped.clone());
                                if let Err(error) = run_once(&db, &clock, &worker, &job, shutdown).await {
                                    tracing::warn!(job = job.name, %error, "could not run job");
                                }
                            }
                        }
                    }
                })
            })
            .collect();
        Runner { stop, tasks }
    }

    /// Stops starting runs and waits, at most `grace`, for the runs in progress to finish their batch and
    /// release their leases and claims.
    pub async fn stop(self, grace: std::time::Duration) {
        let _ = self.stop.send(true);
        let all = futures_util::future::join_all(self.tasks);
        if tokio::time::timeout(grace, all).await.is_err() {
            tracing::warn!(grace_secs = grace.as_secs(), "jobs did not stop in time; their claims lapse on their own");
        }
    }
}

/// How long a batch claim lasts: a worker that dies lets its rows go after this.
pub const CLAIM: Duration = Duration::seconds(30);

/// A claim on rows: who holds them (a token unique to one claim) and until when.
#[derive(Debug, Clone, Copy)]
pub struct Claim<'a> {
    pub by: &'a str,
    pub until: DateTime<Utc>,
}

impl<'a> Claim<'a> {
    /// A claim by `by` lasting [`CLAIM`] from `now`.
    pub fn new(by: &'a str, now: DateTime<Utc>) -> Self {
        Claim { by, until: now + CLAIM }
    }
}

/// Claims up to `limit` rows of `due` (a query of the rows ready for work, excluding rows under a live
/// claim) for `claim`, in one UPDATE of the columns `claimed_by` and `claimed_until`. On PostgreSQL the rows are picked with
/// `FOR UPDATE SKIP LOCKED`, so concurrent claimers take disjoint batches without waiting on each other;
/// SQLite runs one writer at a time, so the same UPDATE is atomic there too. Read the claimed rows back
/// by `claimed_by = claim.by`. Returns how many were claimed.
pub async fn claim_batch<E, C>(
    db: &C,
    due: sea_orm::Select<E>,
    id: E::Column,
    claimed_by: E::Column,
    claimed_until: E::Column,
    claim: Claim<'_>,
    limit: u64,
) -> Result<u64, DbErr>
where
    E: EntityTrait,
    C: sea_orm::ConnectionTrait,
{
    use sea_orm::sea_query::{LockBehavior, LockType};
    use sea_orm::{QuerySelect, QueryTrait};
    let ids = due.select_only().column(id).limit(limit).lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    let claimed = E::update_many()
        .col_expr(claimed_by, Expr::value(claim.by))
        .col_expr(claimed_until, Expr::value(claim.until))
        .filter(id.in_subquery(ids.into_query()))
        .exec(db)
        .await?;
    Ok(claimed.rows_affected)
}

/// Items of a claimed batch one worker moves at once (each in its own short transaction).
pub const ITEM_CONCURRENCY: usize = 4;

/// Runs `move_one` on every claimed item, [`ITEM_CONCURRENCY`] at a time, and counts those that moved
/// (`Ok(true)`). An item that fails is logged with `what` and left for its claim to lapse and be retried.
pub async fn move_each<T, E, F, Fut>(what: &'static str, items: Vec<T>, move_one: F) -> u64
where
    E: std::fmt::Display,
    F: Fn(T) -> Fut,
    Fut: std::future::Future<Output = Result<bool, E>>,
{
    use futures_util::StreamExt;
    let moved = futures_util::stream::iter(items)
        .map(move_one)
        .buffer_unordered(ITEM_CONCURRENCY)
        .filter(|result| {
            if let Err(e) = result {
                tracing::warn!(error = %e, "{what} not moved; will retry");
            }
            std::future::ready(matches!(result, Ok(true)))
        })
        .count()
        .await;
    moved as u64
}
