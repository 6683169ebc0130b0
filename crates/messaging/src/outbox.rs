//! Writing to and reading from the outbox table.

use crate::error::MessagingError;
use crate::template::Email;
use chrono::{DateTime, Utc};
use kaimono_core::EmailId;
use kaimono_entity::outbox_email;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    Pending,
    Sent,
    Failed,
}

impl OutboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
        }
    }

    fn parse(value: &str) -> Self {
        match value {
            "sent" => OutboxStatus::Sent,
            "failed" => OutboxStatus::Failed,
            _ => OutboxStatus::Pending,
        }
    }
}

/// An email as the outbox holds it.
#[derive(Debug, Clone)]
pub struct OutboxEmail {
    pub id: EmailId,
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The HTML alternative (absent on emails written before it existed).
    pub html: Option<String>,
    pub template: String,
    pub locale: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Adds `email` to the outbox on `db` — pass the transaction of the change that causes the email.
pub async fn enqueue(db: &impl ConnectionTrait, email: Email, now: DateTime<Utc>) -> Result<EmailId, MessagingError> {
    let id = EmailId::new();
    outbox_email::Entity::insert(outbox_email::ActiveModel {
        id: Set(id.0),
        to_address: Set(email.to),
        subject: Set(email.subject),
        body_text: Set(email.body),
        body_html: Set(Some(email.html)),
        template: Set(email.template.name().to_owned()),
        locale: Set(email.locale.as_str().to_owned()),
        status: Set(OutboxStatus::Pending.as_str().to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// The newest emails first, optionally only those to one address; for the development mailbox.
pub async fn list_recent(
    db: &impl ConnectionTrait,
    limit: u64,
    to: Option<&str>,
) -> Result<Vec<OutboxEmail>, MessagingError> {
    let mut query = outbox_email::Entity::find();
    if let Some(to) = to {
        query = query.filter(outbox_email::Column::ToAddress.eq(to));
    }
    let rows = query.order_by_desc(outbox_email::Column::Id).limit(limit).all(db).await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// One email of the outbox.
pub async fn find(db: &impl ConnectionTrait, id: EmailId) -> Result<Option<OutboxEmail>, MessagingError> {
    Ok(outbox_email::Entity::find_by_id(id.0).one(db).await?.map(from_row))
}

pub(crate) fn from_row(row: outbox_email::Model) -> OutboxEmail {
    OutboxEmail {
        id: EmailId(row.id),
        to: row.to_address,
        subject: row.subject,
        body: row.body_text,
        html: row.body_html,
        template: row.template,
        locale: row.locale,
        status: OutboxStatus::parse(&row.status),
        attempts: row.attempts,
        last_error: row.last_error,
        created_at: row.created_at,
        sent_at: row.sent_at,
    }
}
