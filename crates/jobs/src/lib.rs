//! A small runner for scheduled background jobs, safe when several `serve` / `worker` processes share
//! one database.
//!
//! Each job has a row in `job_leases`. A process runs a job only after taking its lease with one
//! conditional UPDATE (`… WHERE locked_until IS NULL OR locked_until < now`), which is atomic on
//! PostgreSQL and SQLite alike, so no two processes run the same job at once. A process that dies
//! mid-run loses its lease when it times out. Jobs must still be idempotent per row (claim what they touch).

use chrono::{DateTime, Duration, Utc};
use futures_util::future::BoxFuture;
use kaimono_core::SharedClock;
use kaimono_entity::job_lease;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, QueryFilter};
use std::sync::Arc;

/// What a job does once it holds its lease.
pub type JobFn = Arc<dyn Fn(DatabaseConnection, DateTime<Utc>) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync>;

#[derive(Clone)]
pub struct Job {
    pub name: &'static str,
    /// How often the job runs.
    pub every: std::time::Duration,
    /// The longest one run may take before another process may take over.
    pub lease: Duration,
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

/// Runs `job` once if its lease can be taken; `true` if it ran.
pub async fn run_once(db: &DatabaseConnection, clock: &SharedClock, worker: &str, job: &Job) -> Result<bool, DbErr> {
    if !try_lease(db, job.name, worker, clock.now(), job.lease).await? {
        return Ok(false);
    }
    if let Err(error) = (job.run)(db.clone(), clock.now()).await {
        tracing::error!(job = job.name, error = format!("{error:#}"), "job failed");
    }
    release(db, job.name, worker, clock.now()).await?;
    Ok(true)
}

/// Runs every job on its own interval until `shutdown` fires.
pub async fn run_forever(
    db: DatabaseConnection,
    clock: SharedClock,
    worker: String,
    jobs: Vec<Job>,
    shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let tasks = jobs.into_iter().map(|job| {
        let (db, clock, worker, mut shutdown) = (db.clone(), clock.clone(), worker.clone(), shutdown.clone());
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(job.every);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = ticker.tick() => {
                        if let Err(error) = run_once(&db, &clock, &worker, &job).await {
                            tracing::warn!(job = job.name, %error, "could not run job");
                        }
                    }
                    _ = shutdown.changed() => break,
                }
            }
        })
    });
    futures_util::future::join_all(tasks).await;
}
