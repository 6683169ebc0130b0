//! One-time email links (sign-up, password reset): issued as random tokens, stored as digests,
//! consumed at most once with a conditional UPDATE.

use crate::error::AccountError;
use crate::secrets::{new_token, token_digest};
use chrono::{DateTime, Duration, Utc};
use kaimono_core::{AccountId, Locale};
use kaimono_entity::email_token;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// What an emailed link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    Signup,
    PasswordReset,
}

impl LinkPurpose {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Signup => "signup",
            LinkPurpose::PasswordReset => "password_reset",
        }
    }

    pub(crate) fn parse(value: &str) -> Option<Self> {
        [LinkPurpose::Signup, LinkPurpose::PasswordReset].into_iter().find(|p| p.as_str() == value)
    }
}

pub(crate) struct Issue<'a> {
    pub purpose: LinkPurpose,
    pub email: &'a str,
    pub account_id: Option<AccountId>,
    pub locale: Locale,
    pub ttl: Duration,
}

/// The URL a link email carries: `{base_url}{path}?token=…`.
pub(crate) fn link(base_url: &str, path: &str, token: &str) -> String {
    format!("{}{path}?token={token}", base_url.trim_end_matches('/'))
}

/// Stores a new link token and returns it in the clear (it goes into the email only).
pub(crate) async fn issue(
    db: &impl ConnectionTrait,
    link: Issue<'_>,
    now: DateTime<Utc>,
) -> Result<String, AccountError> {
    let token = new_token()?;
    email_token::Entity::insert(email_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        purpose: Set(link.purpose.as_str().to_owned()),
        token_hash: Set(token_digest(&token)),
        email: Set(link.email.to_owned()),
        account_id: Set(link.account_id.map(|a| a.0)),
        locale: Set(link.locale.as_str().to_owned()),
        expires_at: Set(now + link.ttl),
        used_at: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(token)
}

/// Marks the link used and returns it; fails if it is unknown, used, expired or for another purpose.
pub(crate) async fn consume(
    db: &impl ConnectionTrait,
    purpose: LinkPurpose,
    token: &str,
    now: DateTime<Utc>,
) -> Result<email_token::Model, AccountError> {
    let row = email_token::Entity::find()
        .filter(email_token::Column::TokenHash.eq(token_digest(token)))
        .filter(email_token::Column::Purpose.eq(purpose.as_str()))
        .one(db)
        .await?
        .ok_or(AccountError::LinkInvalid)?;
    if row.used_at.is_some() {
        return Err(AccountError::LinkInvalid);
    }
    if row.expires_at <= now {
        return Err(AccountError::LinkExpired);
    }
    let used = email_token::Entity::update_many()
        .col_expr(email_token::Column::UsedAt, Expr::value(now))
        .filter(email_token::Column::Id.eq(row.id))
        .filter(email_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if used.rows_affected != 1 {
        return Err(AccountError::LinkInvalid); // consumed concurrently
    }
    Ok(row)
}
