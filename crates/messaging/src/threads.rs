//! Order messages (MSG-01): one thread per order between its member and its shop. The order's own crate
//! decides who may read and write and when (MSG-03); this module keeps the messages and who has read them.

use crate::attachments::{Attachment, PreparedMessage, attach, attachments_of};
use crate::error::MessagingError;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, ShopId};
use kaimono_entity::order_message;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Which order a thread belongs to, and its two sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    /// `proxy_order`, `order` or `reservation`.
    pub kind: &'static str,
    pub id: Uuid,
    /// The order's number as its two sides know it (a reservation's pickup number).
    pub number: String,
    pub shop: ShopId,
    pub member: AccountId,
}

/// A side of a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Member,
    Staff,
}

impl Side {
    fn as_str(self) -> &'static str {
        match self {
            Side::Member => "member",
            Side::Staff => "staff",
        }
    }

    fn other(self) -> Side {
        match self {
            Side::Member => Side::Staff,
            Side::Staff => Side::Member,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: Uuid,
    pub author: Side,
    pub author_id: AccountId,
    pub title: String,
    pub body: String,
    pub at: DateTime<Utc>,
    /// When the other side read it.
    pub read_at: Option<DateTime<Utc>>,
    /// MSG-02: its files, in order.
    pub attachments: Vec<Attachment>,
}

fn to_message(row: order_message::Model) -> Message {
    Message {
        id: row.id,
        author: if row.author == "staff" { Side::Staff } else { Side::Member },
        author_id: AccountId(row.author_id),
        title: row.title,
        body: row.body,
        at: row.created_at,
        read_at: row.read_at,
        attachments: Vec::new(),
    }
}

/// Adds a message to `thread` with its files, already prepared and stored
/// ([`crate::prepare_message`], [`crate::store_attachments`]).
pub async fn post_message(
    db: &impl ConnectionTrait,
    thread: &Thread,
    author: Side,
    author_id: AccountId,
    message: &PreparedMessage,
    now: DateTime<Utc>,
) -> Result<Message, MessagingError> {
    let row = order_message::Model {
        id: Uuid::now_v7(),
        subject_kind: thread.kind.to_owned(),
        subject_id: thread.id,
        subject_number: thread.number.clone(),
        shop_id: thread.shop.0,
        member_id: thread.member.0,
        author: author.as_str().to_owned(),
        author_id: author_id.0,
        title: message.title.clone(),
        body: message.body.clone(),
        created_at: now,
        read_at: None,
    };
    order_message::Entity::insert(order_message::ActiveModel::from(row.clone())).exec_without_returning(db).await?;
    let attachments = attach(db, row.id, message, now).await?;
    Ok(Message { attachments, ..to_message(row) })
}

/// The thread, oldest first, as `reader` reads it: the other side's messages become read.
pub async fn read_thread(
    db: &impl ConnectionTrait,
    thread: &Thread,
    reader: Side,
    now: DateTime<Utc>,
) -> Result<Vec<Message>, MessagingError> {
    let of_thread = |q: sea_orm::Select<order_message::Entity>| {
        q.filter(order_message::Column::SubjectKind.eq(thread.kind))
            .filter(order_message::Column::SubjectId.eq(thread.id))
    };
    let rows = of_thread(order_message::Entity::find()).order_by_asc(order_message::Column::Id).all(db).await?;
    order_message::Entity::update_many()
        .col_expr(order_message::Column::ReadAt, Expr::value(now))
        .filter(order_message::Column::SubjectKind.eq(thread.kind))
        .filter(order_message::Column::SubjectId.eq(thread.id))
        .filter(order_message::Column::Author.eq(reader.other().as_str()))
        .filter(order_message::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    let mut files = attachments_of(db, rows.iter().map(|r| r.id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let attachments = files.remove(&row.id).unwrap_or_default();
            Message { attachments, ..to_message(row) }
        })
        .collect())
}

/// Messages from members the shop's staff have not read: the console's "messages to answer" (SHOP-01).
pub async fn unread_by_shop(db: &impl ConnectionTrait, shop: ShopId) -> Result<u64, MessagingError> {
    Ok(order_message::Entity::find()
        .filter(order_message::Column::ShopId.eq(shop.0))
        .filter(order_message::Column::Author.eq(Side::Member.as_str()))
        .filter(order_message::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// Messages from shops the member has not read.
pub async fn unread_by_member(db: &impl ConnectionTrait, member: AccountId) -> Result<u64, MessagingError> {
    Ok(order_message::Entity::find()
        .filter(order_message::Column::MemberId.eq(member.0))
        .filter(order_message::Column::Author.eq(Side::Staff.as_str()))
        .filter(order_message::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// One thread of a shop's inbox: its latest message and how many of the member's it has not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadSummary {
    /// `proxy_order`, `order` or `reservation`.
    pub kind: String,
    pub id: Uuid,
    /// The order's number (a reservation's pickup number).
    pub number: String,
    pub last_title: String,
    pub last_author: Side,
    pub last_at: DateTime<Utc>,
    pub unread: u64,
}

/// How many recent messages the inbox reads to find its threads.
const INBOX_WINDOW: u64 = 1000;

/// SHOP-01: the shop's threads, the latest first, with their unread counts (from the most recent
/// messages; threads quiet for longer are found from their orders).
pub async fn shop_inbox(db: &impl ConnectionTrait, shop: ShopId) -> Result<Vec<ThreadSummary>, MessagingError> {
    let rows = order_message::Entity::find()
        .filter(order_message::Column::ShopId.eq(shop.0))
        .order_by_desc(order_message::Column::Id)
        .limit(INBOX_WINDOW)
        .all(db)
        .await?;
    let mut threads: Vec<ThreadSummary> = Vec::new();
    for row in rows {
        let unread = u64::from(row.author == Side::Member.as_str() && row.read_at.is_none());
        match threads.iter_mut().find(|t| t.kind == row.subject_kind && t.id == row.subject_id) {
            Some(thread) => thread.unread += unread,
            None => {
                let message = to_message(row.clone());
                threads.push(ThreadSummary {
                    kind: row.subject_kind,
                    id: row.subject_id,
                    number: row.subject_number.clone(),
                    last_title: message.title,
                    last_author: message.author,
                    last_at: message.at,
                    unread,
                });
            }
        }
    }
    Ok(threads)
}
