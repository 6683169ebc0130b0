//! ACC-01: sign-up by an emailed one-time link.

use crate::email_tokens::{self, Issue, LinkPurpose};
use crate::error::AccountError;
use crate::model::{Account, PersonDetails, Role, SIGNUP_LINK_TTL, normalize_email};
use crate::staff::{create_account, email_exists};
use chrono::{DateTime, Utc};
use kaimono_core::Locale;
use kaimono_messaging::{Email, Template, enqueue};
use sea_orm::ConnectionTrait;
use serde_json::json;

/// Mails a registration link to `email` unless it already has an account (run by the link job, see
/// `links`).
pub(crate) async fn mail_signup_link(
    db: &impl ConnectionTrait,
    email: &str,
    locale: Locale,
    next: Option<&str>,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let email = normalize_email(email);
    if email_exists(db, &email).await? {
        tracing::info!("sign-up requested for an existing account; no link sent");
        return Ok(());
    }
    let issue = Issue { purpose: LinkPurpose::Signup, email: &email, account_id: None, locale, ttl: SIGNUP_LINK_TTL };
    let token = email_tokens::issue(db, issue, now).await?;
    let mut link = email_tokens::link(base_url, "/signup/complete", &token);
    if let Some(next) = next {
        // A return path holds printable ASCII only (`is_return_path`); the query's own characters are
        // escaped.
        let escaped: String = next
            .chars()
            .map(|c| match c {
                '&' | '=' | '?' | '#' | '%' | '+' => format!("%{:02X}", c as u32),
                c => c.to_string(),
            })
            .collect();
        link.push_str(&format!("&next={escaped}"));
    }
    let mail = Email::render(
        &email,
        Template::Signup,
        locale,
        json!({"link": link, "expires_hours": SIGNUP_LINK_TTL.num_hours()}),
    )?;
    enqueue(db, mail, now).await?;
    Ok(())
}

/// Consumes the link and creates the member account. Run it in a transaction.
pub async fn complete_signup(
    db: &impl ConnectionTrait,
    token: &str,
    password: &str,
    person: PersonDetails,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<Account, AccountError> {
    let link = email_tokens::consume(db, LinkPurpose::Signup, token, now).await?;
    let locale = Locale::parse_or_default(&link.locale);
    let account = create_account(db, &link.email, password, Role::Member, person, locale, now).await?;
    let mail = Email::render(
        &account.email,
        Template::Welcome,
        locale,
        json!({"name": account.name, "link": format!("{}/mypage", base_url.trim_end_matches('/'))}),
    )?;
    enqueue(db, mail, now).await?;
    Ok(account)
}
