//! ACC-03: password reset by an emailed single-use link; a reset revokes every session.

use crate::email_tokens::{self, Issue, LinkPurpose};
use crate::error::AccountError;
use crate::model::{RESET_LINK_TTL, normalize_email};
use crate::secrets::hash_password;
use crate::sessions::revoke_all;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Locale};
use kaimono_entity::account;
use kaimono_messaging::{Email, Template, enqueue};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter};
use serde_json::json;

/// Mails a reset link if the email has an account (run by the link job, see `links`).
pub(crate) async fn mail_password_reset(
    db: &impl ConnectionTrait,
    email: &str,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let email = normalize_email(email);
    let Some(row) = account::Entity::find().filter(account::Column::Email.eq(&email)).one(db).await? else {
        tracing::info!("password reset requested for an unknown email; no link sent");
        return Ok(());
    };
    let locale = Locale::parse_or_default(&row.locale);
    let issue = Issue {
        purpose: LinkPurpose::PasswordReset,
        email: &email,
        account_id: Some(AccountId(row.id)),
        locale,
        ttl: RESET_LINK_TTL,
    };
    let token = email_tokens::issue(db, issue, now).await?;
    let link = email_tokens::link(base_url, "/password-reset/complete", &token);
    let mail = Email::render(
        &email,
        Template::PasswordReset,
        locale,
        json!({"link": link, "expires_hours": RESET_LINK_TTL.num_hours()}),
    )?;
    enqueue(db, mail, now).await?;
    Ok(())
}

/// Consumes the link, sets the new password and signs the member out everywhere: refresh tokens are
/// revoked and access tokens issued before are refused (the token version moves on). The account's
/// login counters are cleared, so the owner is never left locked out. Run in a transaction.
pub async fn complete_password_reset(
    db: &impl ConnectionTrait,
    token: &str,
    new_password: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let link = email_tokens::consume(db, LinkPurpose::PasswordReset, token, now).await?;
    let account_id = link.account_id.map(AccountId).ok_or(AccountError::LinkInvalid)?;
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(hash_password(new_password)?))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .col_expr(account::Column::TokenVersion, Expr::col(account::Column::TokenVersion).add(1))
        .filter(account::Column::Id.eq(account_id.0))
        .exec(db)
        .await?;
    crate::rate_limit::clear_for_email(db, &link.email).await?;
    revoke_all(db, account_id, now).await
}
