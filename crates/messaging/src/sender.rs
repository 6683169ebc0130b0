//! The outbox sender: claims due emails and delivers them over SMTP, several at once.
//!
//! Rows are claimed a few at a time with one conditional UPDATE (`SKIP LOCKED` on PostgreSQL), so any
//! number of processes may run the sender on one database and each email is handed to SMTP by one of
//! them at a time. Every exchange is bounded ([`SEND_TIMEOUT`]), and up to [`CONCURRENCY`] messages are in
//! flight per process, so a silent server or a hanging recipient holds up one slot, never the queue. A
//! failure is retried with exponential backoff; after `MAX_ATTEMPTS` the row is marked failed and stays
//! visible for an operator.
//!
//! Delivery is recorded right after the SMTP server accepts the message. The remaining duplicate window:
//! if the process dies between the server's acceptance and that UPDATE (milliseconds), or the server
//! accepts but its answer is lost, the claim lapses after `kaimono_jobs::CLAIM` (30 s) and the email is
//! sent again. Both copies carry the same `Message-ID` (`<row id@sender domain>`), which mail systems use
//! to drop duplicates.

use crate::error::MessagingError;
use crate::outbox::OutboxStatus;
use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use kaimono_entity::outbox_email;
use lettre::message::{
    Mailbox, MultiPart, SinglePart,
    header::{ContentTransferEncoding, ContentType},
};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// After this many failed attempts (about two days with the backoff below) an email is marked failed.
pub const MAX_ATTEMPTS: i32 = 40;
/// The longest one message may take, from connecting to the server's acceptance.
pub const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);
/// Messages in flight at once per process.
pub const CONCURRENCY: usize = 8;

/// Delay before retry `attempt` (1-based): 15 s, 30 s, 1 min … capped at one hour.
fn backoff(attempt: i32) -> Duration {
    let exponent = u32::try_from(attempt.clamp(1, 9) - 1).unwrap_or(0);
    Duration::seconds(15 * 2_i64.pow(exponent)).min(Duration::hours(1))
}

/// An SMTP connection pool, the sender address and the site's public URL.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
    send_timeout: std::time::Duration,
}

impl Mailer {
    /// `url` as lettre reads it: `smtp://host:port` (plain), `smtp://host?tls=required` (STARTTLS),
    /// `smtps://user:pass@host` (TLS). `public_url` (`https://shop.example`) makes the site-relative
    /// pictures and links of the HTML part absolute.
    pub fn new(url: &str, from: &str, public_url: &str) -> Result<Self, MessagingError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MessagingError::Config(format!("SMTP URL: {e}")))?
            .timeout(Some(std::time::Duration::from_secs(10)))
            .build();
        let from = from.parse().map_err(|e| MessagingError::Config(format!("sender address: {e}")))?;
        let public_url = public_url.trim_end_matches('/').to_owned();
        Ok(Self { transport, from, public_url, send_timeout: SEND_TIMEOUT })
    }

    /// A shorter bound on one message than [`SEND_TIMEOUT`] (never a longer one: the claim,
    /// `kaimono_jobs::CLAIM`, must outlive it so a live sender always records its outcome first).
    pub fn with_send_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.send_timeout = timeout.min(SEND_TIMEOUT);
        self
    }

    /// Sends one message, bounded by its send timeout as a whole (lettre's own timeout was seen to bound
    /// the connect only).
    async fn send(&self, row: &outbox_email::Model) -> Result<(), String> {
        let to: Mailbox = row.to_address.parse().map_err(|e| format!("recipient address: {e}"))?;
        let part = |kind: ContentType, body: String| {
            SinglePart::builder().header(kind).header(ContentTransferEncoding::Base64).body(body)
        };
        let text = part(ContentType::TEXT_PLAIN, row.body_text.clone());
        let builder = Message::builder()
            .message_id(Some(format!("<{}@{}>", row.id, self.from.email.domain())))
            .from(self.from.clone())
            .to(to)
            .subject(&row.subject);
        let message = match &row.body_html {
            Some(html) => builder.multipart(
                MultiPart::alternative()
                    .singlepart(text)
                    .singlepart(part(ContentType::TEXT_HTML, absolute(html, &self.public_url))),
            ),
            None => builder.singlepart(text),
        }
        .map_err(|e| e.to_string())?;
        match tokio::time::timeout(self.send_timeout, self.transport.send(message)).await {
            Ok(result) => result.map(|_| ()).map_err(|e| e.to_string()),
            Err(_) => Err(format!("the SMTP server did not finish within {:?}", self.send_timeout)),
        }
    }
}

/// Makes the site-relative pictures and links of an email's HTML (`src="/media/…"`) absolute. Only the
/// template's own markup can hold them: every value in the HTML is escaped, quotes included.
fn absolute(html: &str, public_url: &str) -> String {
    html.replace("src=\"/", &format!("src=\"{public_url}/")).replace("href=\"/", &format!("href=\"{public_url}/"))
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub failed: usize,
}

/// Claims up to `limit` due rows for `claim` (a token unique to this call) and returns them.
async fn claim_due(
    db: &impl ConnectionTrait,
    claim: &str,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<outbox_email::Model>, MessagingError> {
    use outbox_email::Column as C;
    let due = outbox_email::Entity::find()
        .filter(C::Status.eq(OutboxStatus::Pending.as_str()))
        .filter(C::NextAttemptAt.lte(now))
        .filter(C::LockedUntil.is_null().or(C::LockedUntil.lt(now)))
        .order_by_asc(C::NextAttemptAt);
    let claim_on = kaimono_jobs::Claim::new(claim, now);
    kaimono_jobs::claim_batch(db, due, C::Id, C::LockedBy, C::LockedUntil, claim_on, limit).await?;
    Ok(outbox_email::Entity::find().filter(outbox_email::Column::LockedBy.eq(claim)).all(db).await?)
}

/// Records the outcome of one attempt on a row this sender claimed.
async fn record(
    db: &impl ConnectionTrait,
    row: &outbox_email::Model,
    outcome: Result<(), String>,
    now: DateTime<Utc>,
) -> Result<bool, MessagingError> {
    let attempts = row.attempts + 1;
    let update = outbox_email::Entity::update_many()
        .col_expr(outbox_email::Column::Attempts, Expr::value(attempts))
        .col_expr(outbox_email::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(outbox_email::Column::Id.eq(row.id))
        .filter(outbox_email::Column::LockedBy.eq(row.locked_by.clone()));
    let sent = match outcome {
        Ok(()) => {
            update
                .col_expr(outbox_email::Column::Status, Expr::value(OutboxStatus::Sent.as_str()))
                .col_expr(outbox_email::Column::SentAt, Expr::value(now))
                .col_expr(outbox_email::Column::LastError, Expr::value(Option::<String>::None))
                .exec(db)
                .await?;
            true
        }
        Err(error) => {
            tracing::warn!(email_id = %row.id, attempts, %error, "email delivery failed; will retry");
            let status = if attempts >= MAX_ATTEMPTS { OutboxStatus::Failed } else { OutboxStatus::Pending };
            update
                .col_expr(outbox_email::Column::Status, Expr::value(status.as_str()))
                .col_expr(outbox_email::Column::NextAttemptAt, Expr::value(now + backoff(attempts)))
                .col_expr(outbox_email::Column::LastError, Expr::value(error))
                .exec(db)
                .await?;
            false
        }
    };
    Ok(sent)
}

/// Delivers due emails, up to [`CONCURRENCY`] at a time, until none is due, `batch` have been tried, or
/// `stopping()` says the process is shutting down (then the messages in flight finish and are recorded,
/// and nothing new is claimed). `worker` names this process in the claims. Safe to call from several
/// processes at once.
pub async fn deliver_due(
    db: &impl ConnectionTrait,
    mailer: &Mailer,
    worker: &str,
    now: DateTime<Utc>,
    batch: usize,
    stopping: &(dyn Fn() -> bool + Sync),
) -> Result<DeliveryReport, MessagingError> {
    let started = std::time::Instant::now();
    let clock = || now + Duration::from_std(started.elapsed()).unwrap_or_default();
    let mut report = DeliveryReport::default();
    let mut in_flight = FuturesUnordered::new();
    let (mut claimed, mut exhausted) = (0, false);
    loop {
        let room = CONCURRENCY.saturating_sub(in_flight.len()).min(batch - claimed);
        if room > 0 && !exhausted && !stopping() {
            let claim = format!("{worker}/{}", Uuid::now_v7().simple());
            let rows = claim_due(db, &claim, clock(), room as u64).await?;
            exhausted = rows.len() < room;
            claimed += rows.len();
            for row in rows {
                in_flight.push(async move {
                    let outcome = mailer.send(&row).await;
                    (row, outcome)
                });
            }
        }
        let Some((row, outcome)) = in_flight.next().await else { break };
        if record(db, &row, outcome, clock()).await? {
            report.sent += 1;
        } else {
            report.failed += 1;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_fifteen_seconds_and_caps_at_an_hour() {
        assert_eq!(backoff(1), Duration::seconds(15));
        assert_eq!(backoff(2), Duration::seconds(30));
        assert_eq!(backoff(5), Duration::seconds(240));
        assert_eq!(backoff(9), Duration::hours(1));
        assert_eq!(backoff(40), Duration::hours(1));
    }

    #[test]
    fn site_relative_pictures_and_links_become_absolute() {
        let html =
            r#"<img src="/media/p-1.jpg" alt=""> <a href="/me/orders">x</a> <a href="https://pay.example/x">y</a>"#;
        assert_eq!(
            absolute(html, "https://shop.example"),
            r#"<img src="https://shop.example/media/p-1.jpg" alt=""> <a href="https://shop.example/me/orders">x</a> <a href="https://pay.example/x">y</a>"#
        );
    }

    #[test]
    fn a_claim_outlives_the_longest_send() {
        assert!(kaimono_jobs::CLAIM.to_std().unwrap() > SEND_TIMEOUT);
    }
}
