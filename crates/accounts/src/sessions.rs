//! ACC-02: login, refresh-token rotation with reuse detection, logout, and login throttling.
//!
//! Every login starts a session *family*. Each refresh replaces the presented token with a new one of
//! the same family; presenting a replaced token again means it leaked, so the whole family is revoked.

use crate::error::AccountError;
use crate::model::{REFRESH_TOKEN_TTL, Session, normalize_email};
use crate::profile::{find_account, to_account};
use crate::secrets::{DUMMY_HASH, new_token, token_digest, verify_password};
use chrono::{DateTime, Duration, Utc};
use kaimono_core::AccountId;
use kaimono_entity::{account, login_attempt, session};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// Limits on failed logins within a sliding window, per account and per client address.
#[derive(Debug, Clone, Copy)]
pub struct LoginThrottle {
    pub window: Duration,
    pub per_account: u64,
    pub per_client: u64,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self { window: Duration::minutes(15), per_account: 5, per_client: 30 }
    }
}

/// Checks the password and starts a session. Failed attempts count towards the throttle.
pub async fn login(
    db: &impl ConnectionTrait,
    email: &str,
    password: &str,
    client_ip: &str,
    throttle: LoginThrottle,
    now: DateTime<Utc>,
) -> Result<Session, AccountError> {
    let email = normalize_email(email);
    check_throttle(db, &email, client_ip, throttle, now).await?;
    let row = account::Entity::find().filter(account::Column::Email.eq(&email)).one(db).await?;
    let hash = row.as_ref().map_or(DUMMY_HASH, |r| r.password_hash.as_str());
    let valid = verify_password(password, hash) && row.is_some();
    login_attempt::Entity::insert(login_attempt::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email),
        client_ip: Set(client_ip.to_owned()),
        succeeded: Set(valid),
        attempted_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    match row {
        Some(row) if valid => {
            let account = to_account(row);
            start_session(db, account.id, Uuid::now_v7(), now).await
        }
        _ => Err(AccountError::InvalidCredentials),
    }
}

async fn check_throttle(
    db: &impl ConnectionTrait,
    email: &str,
    client_ip: &str,
    throttle: LoginThrottle,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let since = now - throttle.window;
    let failures = |column: login_attempt::Column, value: &str| {
        login_attempt::Entity::find()
            .filter(column.eq(value))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::AttemptedAt.gt(since))
    };
    for (column, value, limit) in [
        (login_attempt::Column::Email, email, throttle.per_account),
        (login_attempt::Column::ClientIp, client_ip, throttle.per_client),
    ] {
        if failures(column, value).count(db).await? >= limit {
            // The window frees up when the oldest counted failure leaves it.
            let oldest = failures(column, value)
                .order_by_asc(login_attempt::Column::AttemptedAt)
                .one(db)
                .await?
                .map_or(now, |a| a.attempted_at);
            let retry_after_secs =
                u64::try_from(Ord::max((oldest + throttle.window - now).num_seconds(), 1)).unwrap_or(1);
            return Err(AccountError::Throttled { retry_after_secs });
        }
    }
    Ok(())
}

/// Issues a refresh token in `family`.
pub async fn start_session(
    db: &impl ConnectionTrait,
    account_id: AccountId,
    family: Uuid,
    now: DateTime<Utc>,
) -> Result<Session, AccountError> {
    let account = find_account(db, account_id).await?;
    let token = new_token()?;
    let expires_at = now + REFRESH_TOKEN_TTL;
    session::Entity::insert(session::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(account_id.0),
        family_id: Set(family),
        token_hash: Set(token_digest(&token)),
        expires_at: Set(expires_at),
        created_at: Set(now),
        rotated_at: Set(None),
        revoked_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(Session { account, refresh_token: token, refresh_expires_at: expires_at })
}

/// Replaces `refresh_token` with a new one. A token that was already replaced revokes its family.
pub async fn refresh(
    db: &impl ConnectionTrait,
    refresh_token: &str,
    now: DateTime<Utc>,
) -> Result<Session, AccountError> {
    let row = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_digest(refresh_token)))
        .one(db)
        .await?
        .ok_or(AccountError::SessionInvalid)?;
    if row.rotated_at.is_some() {
        tracing::warn!(account_id = %row.account_id, family = %row.family_id, "refresh token reused; revoking its family");
        revoke_family(db, row.family_id, now).await?;
        return Err(AccountError::SessionInvalid);
    }
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Err(AccountError::SessionInvalid);
    }
    let rotated = session::Entity::update_many()
        .col_expr(session::Column::RotatedAt, Expr::value(now))
        .filter(session::Column::Id.eq(row.id))
        .filter(session::Column::RotatedAt.is_null())
        .exec(db)
        .await?;
    if rotated.rows_affected != 1 {
        revoke_family(db, row.family_id, now).await?;
        return Err(AccountError::SessionInvalid);
    }
    start_session(db, AccountId(row.account_id), row.family_id, now).await
}

/// Ends the session the token belongs to (its whole family). Unknown tokens are ignored.
pub async fn logout(db: &impl ConnectionTrait, refresh_token: &str, now: DateTime<Utc>) -> Result<(), AccountError> {
    if let Some(row) =
        session::Entity::find().filter(session::Column::TokenHash.eq(token_digest(refresh_token))).one(db).await?
    {
        revoke_family(db, row.family_id, now).await?;
    }
    Ok(())
}

async fn revoke_family(db: &impl ConnectionTrait, family: Uuid, now: DateTime<Utc>) -> Result<(), AccountError> {
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::FamilyId.eq(family))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Revokes every session of an account (after a password reset).
pub(crate) async fn revoke_all(
    db: &impl ConnectionTrait,
    account_id: AccountId,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::AccountId.eq(account_id.0))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
