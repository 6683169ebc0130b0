//! ACC-02: login, refresh-token rotation with reuse detection, logout, and login throttling.
//!
//! Every login starts a session *family*. Each refresh replaces the presented token with a new one of
//! the same family; presenting a replaced token again means it leaked, so the whole family is revoked.

use crate::error::AccountError;
use crate::model::{REFRESH_TOKEN_TTL, Session, normalize_email};
use crate::profile::{find_account, to_account};
use crate::rate_limit::{self, Limit};
use crate::secrets::{DUMMY_HASH, new_token, successor_token, token_digest, verify_password};
use chrono::{DateTime, Duration, Utc};
use kaimono_core::AccountId;
use kaimono_entity::{account, login_attempt, session};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// The login throttle (ACC-02). Every attempt is counted *before* the password is checked, in one atomic
/// step per counter, so concurrent guesses cannot overtake the count:
/// - per account and client address (an attacker slows only himself: the owner, from another address,
///   still signs in);
/// - per client address, across all accounts.
///
/// A successful login takes its count back; a password reset clears the account's counters.
#[derive(Debug, Clone, Copy)]
pub struct LoginThrottle {
    pub per_account_and_client: Limit,
    pub per_client: Limit,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        let window = Duration::minutes(15);
        Self { per_account_and_client: Limit { max: 5, window }, per_client: Limit { max: 30, window } }
    }
}

fn account_and_client_key(email: &str, client_ip: &str) -> String {
    format!("login:{email}|{client_ip}")
}

/// Checks the password and starts a session. Every attempt counts towards the throttle until it succeeds.
pub async fn login(
    db: &impl ConnectionTrait,
    email: &str,
    password: &str,
    client_ip: &str,
    throttle: LoginThrottle,
    now: DateTime<Utc>,
) -> Result<Session, AccountError> {
    let email = normalize_email(email);
    let pair = account_and_client_key(&email, client_ip);
    let client = format!("login-client:{client_ip}");
    if let Err(retry_after_secs) =
        rate_limit::hit(db, &pair, Some(&email), throttle.per_account_and_client, now).await?
    {
        return Err(AccountError::Throttled { retry_after_secs });
    }
    if let Err(retry_after_secs) = rate_limit::hit(db, &client, None, throttle.per_client, now).await? {
        return Err(AccountError::Throttled { retry_after_secs });
    }
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
            rate_limit::clear(db, &pair).await?;
            rate_limit::forgive(db, &client).await?;
            let account = to_account(row);
            start_session(db, account.id, Uuid::now_v7(), now).await
        }
        _ => Err(AccountError::InvalidCredentials),
    }
}

/// Whether `email` has an account whose password is `password` (no throttle, no record: for start-up
/// checks such as refusing published demo passwords in production).
pub async fn has_password(db: &impl ConnectionTrait, email: &str, password: &str) -> Result<bool, AccountError> {
    let row = account::Entity::find().filter(account::Column::Email.eq(normalize_email(email))).one(db).await?;
    Ok(row.is_some_and(|r| verify_password(password, &r.password_hash)))
}

/// How long after a refresh the replaced token still answers, with the same successor: tabs of one
/// browser refreshing together, or a client retrying after a lost response. Later reuse revokes the family.
pub const REFRESH_GRACE: Duration = Duration::seconds(30);

/// Stores `token` as the refresh token of a new session in `family`.
async fn store_session(
    db: &impl ConnectionTrait,
    account_id: AccountId,
    family: Uuid,
    token: String,
    now: DateTime<Utc>,
) -> Result<Session, AccountError> {
    let account = find_account(db, account_id).await?;
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

/// Issues a refresh token in `family`.
pub async fn start_session(
    db: &impl ConnectionTrait,
    account_id: AccountId,
    family: Uuid,
    now: DateTime<Utc>,
) -> Result<Session, AccountError> {
    store_session(db, account_id, family, new_token()?, now).await
}

/// Replaces `refresh_token` with its successor (derived with `key`, see [`successor_token`]). Within
/// [`REFRESH_GRACE`] of the replacement the same successor is returned again; a replaced token presented
/// later means it leaked, and revokes its family.
pub async fn refresh(
    db: &impl ConnectionTrait,
    refresh_token: &str,
    key: &[u8],
    now: DateTime<Utc>,
) -> Result<Session, AccountError> {
    let row = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_digest(refresh_token)))
        .one(db)
        .await?
        .ok_or(AccountError::SessionInvalid)?;
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Err(AccountError::SessionInvalid);
    }
    let successor = successor_token(key, refresh_token)?;
    if let Some(rotated_at) = row.rotated_at {
        if now - rotated_at <= REFRESH_GRACE
            && let Some(next) = session::Entity::find()
                .filter(session::Column::TokenHash.eq(token_digest(&successor)))
                .filter(session::Column::RevokedAt.is_null())
                .one(db)
                .await?
        {
            let account = find_account(db, AccountId(next.account_id)).await?;
            return Ok(Session { account, refresh_token: successor, refresh_expires_at: next.expires_at });
        }
        tracing::warn!(account_id = %row.account_id, family = %row.family_id, "refresh token reused; revoking its family");
        revoke_family(db, row.family_id, now).await?;
        return Err(AccountError::SessionInvalid);
    }
    let rotated = session::Entity::update_many()
        .col_expr(session::Column::RotatedAt, Expr::value(now))
        .filter(session::Column::Id.eq(row.id))
        .filter(session::Column::RotatedAt.is_null())
        .exec(db)
        .await?;
    if rotated.rows_affected != 1 {
        // Rotated concurrently: the other request stored the same successor; answer with it.
        return Box::pin(refresh(db, refresh_token, key, now)).await;
    }
    store_session(db, AccountId(row.account_id), row.family_id, successor, now).await
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
