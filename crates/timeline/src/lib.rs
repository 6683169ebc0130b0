//! Timelines (SHOP-02, ORD-04): every order and reservation keeps what happened to it, by whom and when.
//! The order and reservation domains record an entry in the same transaction as each change; this crate
//! owns the table and reads it back. Staff see every entry with who did it; members see the entries meant
//! for them, with "the shop" in place of a staff member's name.

use chrono::{DateTime, Utc};
use kaimono_core::AccountId;
use kaimono_entity::timeline_event;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// What a timeline belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Order(Uuid),
    Reservation(Uuid),
    ProxyOrder(Uuid),
}

impl Subject {
    fn parts(self) -> (&'static str, Uuid) {
        match self {
            Subject::Order(id) => ("order", id),
            Subject::Reservation(id) => ("reservation", id),
            Subject::ProxyOrder(id) => ("proxy_order", id),
        }
    }
}

/// Who did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Member(AccountId),
    Staff(AccountId),
    /// A background job (an expired payment link or hold) or the payment provider.
    System,
}

/// Who is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Member,
    Staff,
}

/// One entry. `what` is a stable code (`placed`, `awaiting_payment`, `paid`, `shipped`, `held`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub what: String,
    pub by: By,
    /// The person's name (staff audience only; `None` for the system or when hidden).
    pub by_name: Option<String>,
    /// Shown to the member.
    pub for_member: bool,
    /// A short fact: a tracking number, a cancellation reason, a count of rejected lines.
    pub note: Option<String>,
}

/// An entry to record.
pub struct Entry<'a> {
    pub what: &'a str,
    pub by: By,
    pub for_member: bool,
    pub note: Option<String>,
}

/// Records `entry` on `subject`'s timeline (in the caller's transaction).
pub async fn record(
    db: &impl ConnectionTrait,
    subject: Subject,
    entry: Entry<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    record_many(db, vec![(subject, entry)], now).await
}

/// Records each entry on its subject's timeline with one statement (a batch of generated orders).
pub async fn record_many(
    db: &impl ConnectionTrait,
    entries: Vec<(Subject, Entry<'_>)>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if entries.is_empty() {
        return Ok(());
    }
    let rows = entries.into_iter().map(|(subject, entry)| {
        let (kind, id) = subject.parts();
        let (by_kind, by_account) = match entry.by {
            By::Member(a) => ("member", Some(a.0)),
            By::Staff(a) => ("staff", Some(a.0)),
            By::System => ("system", None),
        };
        timeline_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            subject_kind: Set(kind.to_owned()),
            subject_id: Set(id),
            what: Set(entry.what.to_owned()),
            by_kind: Set(by_kind.to_owned()),
            by_account: Set(by_account),
            for_member: Set(entry.for_member),
            note: Set(entry.note),
            created_at: Set(now),
        }
    });
    timeline_event::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// `subject`'s timeline for `audience`, oldest first.
pub async fn events(db: &impl ConnectionTrait, subject: Subject, audience: Audience) -> Result<Vec<Event>, DbErr> {
    let (kind, id) = subject.parts();
    let mut query = timeline_event::Entity::find()
        .filter(timeline_event::Column::SubjectKind.eq(kind))
        .filter(timeline_event::Column::SubjectId.eq(id))
        .order_by_asc(timeline_event::Column::Id);
    if audience == Audience::Member {
        query = query.filter(timeline_event::Column::ForMember.eq(true));
    }
    let rows = query.all(db).await?;
    let names = if audience == Audience::Staff {
        kaimono_accounts::member_names(db, rows.iter().filter_map(|r| r.by_account.map(AccountId)))
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?
    } else {
        Default::default()
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let by = match (r.by_kind.as_str(), r.by_account) {
                ("member", Some(a)) => By::Member(AccountId(a)),
                ("staff", Some(a)) => By::Staff(AccountId(a)),
                _ => By::System,
            };
            Event {
                at: r.created_at,
                what: r.what,
                by_name: r.by_account.and_then(|a| names.get(&AccountId(a)).cloned()),
                by,
                for_member: r.for_member,
                note: r.note,
            }
        })
        .collect())
}
