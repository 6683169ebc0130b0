//! Pruning rows that no rule reads any more: old login attempts, spent or expired email links, and
//! sessions that ended long ago.

use crate::error::AccountError;
use chrono::{DateTime, Duration, Utc};
use kaimono_entity::{email_token, login_attempt, session};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Login attempts and rate-limit counters older than this no longer count towards any limit.
const ATTEMPTS_KEPT: Duration = Duration::days(1);
/// Spent or expired links and ended sessions are kept this long for support questions.
const HISTORY_KEPT: Duration = Duration::days(30);

/// Deletes what is no longer needed; returns how many rows went.
pub async fn prune(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, AccountError> {
    let attempts = login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::AttemptedAt.lt(now - ATTEMPTS_KEPT))
        .exec(db)
        .await?
        .rows_affected;
    let links = email_token::Entity::delete_many()
        .filter(email_token::Column::ExpiresAt.lt(now - HISTORY_KEPT))
        .exec(db)
        .await?
        .rows_affected;
    let sessions = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lt(now - HISTORY_KEPT))
        .exec(db)
        .await?
        .rows_affected;
    let counters = crate::rate_limit::prune(db, now - ATTEMPTS_KEPT).await?;
    Ok(attempts + links + sessions + counters)
}
