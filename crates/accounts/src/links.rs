//! ACC-01, ACC-03: requests for sign-up and password-reset links.
//!
//! The request only counts against the mail limits and stores a row in `link_requests`: the same work
//! whether or not the email has an account, so neither the answer nor its timing tells which. The link
//! job ([`send_requested_links`]) then looks the email up, issues the link and writes the email.

use crate::email_tokens::LinkPurpose;
use crate::error::AccountError;
use crate::model::normalize_email;
use crate::rate_limit::{self, Limit};
use chrono::{DateTime, Duration, Utc};
use kaimono_core::Locale;
use kaimono_entity::link_request;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};
use uuid::Uuid;

/// Link mails to one address: at most this many per hour (a mail bomb through our form stops here).
pub const PER_ADDRESS: Limit = Limit { max: 5, window: Duration::hours(1) };
/// Link requests from one client address per hour, across all emails.
pub const PER_CLIENT: Limit = Limit { max: 30, window: Duration::hours(1) };

/// A path on this site a link may bring the member back to (ACC-06): `/…`, never `//…` (another host) or
/// a backslash, printable ASCII, at most 300 characters.
pub fn is_return_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 300
        && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

/// Queues a link to `email`; a sign-up link brings the member back to `next` (see [`is_return_path`];
/// others are dropped). `Err(TooManyLinkRequests)` past the limits, for registered and unknown addresses
/// alike.
pub async fn request_link(
    db: &impl ConnectionTrait,
    purpose: LinkPurpose,
    email: &str,
    locale: Locale,
    next: Option<&str>,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let email = normalize_email(email);
    for (key, limit) in [(format!("link:{email}"), PER_ADDRESS), (format!("link-client:{client_ip}"), PER_CLIENT)] {
        if let Err(retry_after_secs) = rate_limit::hit(db, &key, None, limit, now).await? {
            return Err(AccountError::TooManyLinkRequests { retry_after_secs });
        }
    }
    link_request::Entity::insert(link_request::ActiveModel {
        id: Set(Uuid::now_v7()),
        purpose: Set(purpose.as_str().to_owned()),
        email: Set(email),
        locale: Set(locale.as_str().to_owned()),
        next_path: Set(next.filter(|n| purpose == LinkPurpose::Signup && is_return_path(n)).map(str::to_owned)),
        requested_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The link job: mails up to `batch` queued links, oldest first, each in its own transaction that first
/// deletes its request (so with several workers each link goes out once). Returns how many were handled.
pub async fn send_requested_links(
    db: &DatabaseConnection,
    base_url: &str,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<u64, AccountError> {
    let queued = link_request::Entity::find().order_by_asc(link_request::Column::Id).limit(batch).all(db).await?;
    let mut handled = 0;
    for request in queued {
        let txn = db.begin().await?;
        let taken = link_request::Entity::delete_many()
            .filter(link_request::Column::Id.eq(request.id))
            .exec(&txn)
            .await?
            .rows_affected;
        if taken != 1 {
            continue; // another worker has it
        }
        let locale = Locale::parse_or_default(&request.locale);
        match LinkPurpose::parse(&request.purpose) {
            Some(LinkPurpose::Signup) => {
                let next = request.next_path.as_deref();
                crate::signup::mail_signup_link(&txn, &request.email, locale, next, base_url, now).await?;
            }
            Some(LinkPurpose::PasswordReset) => {
                crate::password_reset::mail_password_reset(&txn, &request.email, base_url, now).await?;
            }
            None => tracing::warn!(purpose = request.purpose, "unknown link request dropped"),
        }
        txn.commit().await?;
        handled += 1;
    }
    Ok(handled)
}
