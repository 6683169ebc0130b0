//! The outbox sender: claims due emails row by row and delivers them over SMTP.
//!
//! A row is claimed with one conditional UPDATE, so any number of processes may run the sender on one
//! database and each email is handed to SMTP by one of them at a time. A failure is retried with
//! exponential backoff; after `MAX_ATTEMPTS` the row is marked failed and stays visible for an operator.

use crate::error::MessagingError;
use crate::outbox::OutboxStatus;
use chrono::{DateTime, Duration, Utc};
use kaimono_entity::outbox_email;
use lettre::message::{
    Mailbox, SinglePart,
    header::{ContentTransferEncoding, ContentType},
};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect};

/// After this many failed attempts (about two days with the backoff below) an email is marked failed.
pub const MAX_ATTEMPTS: i32 = 40;
/// How long a claim lasts; a sender that dies mid-send releases its rows after this.
const CLAIM: Duration = Duration::minutes(2);

/// Delay before retry `attempt` (1-based): 15 s, 30 s, 1 min … capped at one hour.
fn backoff(attempt: i32) -> Duration {
    let exponent = u32::try_from(attempt.clamp(1, 9) - 1).unwrap_or(0);
    Duration::seconds(15 * 2_i64.pow(exponent)).min(Duration::hours(1))
}

/// An SMTP connection pool and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `url` as lettre reads it: `smtp://host:port` (plain), `smtp://host?tls=required` (STARTTLS),
    /// `smtps://user:pass@host` (TLS).
    pub fn new(url: &str, from: &str) -> Result<Self, MessagingError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MessagingError::Config(format!("SMTP URL: {e}")))?
            .timeout(Some(std::time::Duration::from_secs(10)))
            .build();
        let from = from.parse().map_err(|e| MessagingError::Config(format!("sender address: {e}")))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|e| format!("recipient address: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::Base64)
                    .body(body.to_owned()),
            )
            .map_err(|e| e.to_string())?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub failed: usize,
}

/// Delivers up to `batch` due emails. Safe to call from several processes at once.
pub async fn deliver_due(
    db: &impl ConnectionTrait,
    mailer: &Mailer,
    worker: &str,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<DeliveryReport, MessagingError> {
    let due = outbox_email::Entity::find()
        .filter(outbox_email::Column::Status.eq(OutboxStatus::Pending.as_str()))
        .filter(outbox_email::Column::NextAttemptAt.lte(now))
        .filter(outbox_email::Column::LockedUntil.is_null().or(outbox_email::Column::LockedUntil.lt(now)))
        .order_by_asc(outbox_email::Column::NextAttemptAt)
        .limit(batch)
        .all(db)
        .await?;

    let mut report = DeliveryReport::default();
    for row in due {
        let claimed = outbox_email::Entity::update_many()
            .col_expr(outbox_email::Column::LockedBy, Expr::value(worker))
            .col_expr(outbox_email::Column::LockedUntil, Expr::value(now + CLAIM))
            .filter(outbox_email::Column::Id.eq(row.id))
            .filter(outbox_email::Column::Status.eq(OutboxStatus::Pending.as_str()))
            .filter(outbox_email::Column::LockedUntil.is_null().or(outbox_email::Column::LockedUntil.lt(now)))
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue; // another sender has it
        }
        let attempts = row.attempts + 1;
        let update = outbox_email::Entity::update_many()
            .col_expr(outbox_email::Column::Attempts, Expr::value(attempts))
            .col_expr(outbox_email::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .filter(outbox_email::Column::Id.eq(row.id))
            .filter(outbox_email::Column::LockedBy.eq(worker));
        match mailer.send(&row.to_address, &row.subject, &row.body_text).await {
            Ok(()) => {
                update
                    .col_expr(outbox_email::Column::Status, Expr::value(OutboxStatus::Sent.as_str()))
                    .col_expr(outbox_email::Column::SentAt, Expr::value(now))
                    .col_expr(outbox_email::Column::LastError, Expr::value(Option::<String>::None))
                    .exec(db)
                    .await?;
                report.sent += 1;
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
                report.failed += 1;
            }
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
}
