//! Order messages of proxy orders (MSG-01, MSG-03, MSG-04): the thread between the member and the
//! service, open while the order is in progress and for 30 days after it completes or is cancelled; the
//! other side is emailed about each new message.

use crate::error::ProxyError;
use crate::model::ProxyOrder;
use crate::queries::{Actor, proxy_order_for};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Locale};
use kaimono_media::Storage;
use kaimono_messaging::{Attachment, Email, Message, NewMessage, Side, Template, Thread};
use sea_orm::DatabaseConnection;
use serde_json::json;
use uuid::Uuid;

/// MSG-03: a finished order takes messages this many days after it completed or was cancelled.
pub const MESSAGE_WINDOW_DAYS: i64 = 30;

fn thread_of(order: &ProxyOrder) -> Thread {
    Thread { kind: "proxy_order", id: order.id, shop: order.shop_id, member: order.account_id }
}

/// MSG-03: in progress, or finished less than 30 days ago.
pub fn accepts_messages(order: &ProxyOrder, now: DateTime<Utc>) -> bool {
    if order.status.in_progress() {
        return true;
    }
    order
        .completed_at
        .or(order.cancelled_at)
        .is_some_and(|ended| now - ended <= chrono::Duration::days(MESSAGE_WINDOW_DAYS))
}

fn side(actor: Actor) -> Result<Side, ProxyError> {
    match actor {
        Actor::Member(_) => Ok(Side::Member),
        Actor::Shop(_) => Ok(Side::Staff),
        Actor::System => Err(ProxyError::NotFound),
    }
}

/// The thread of one order as `actor` reads it (the other side's messages become read), and whether it
/// still takes messages.
pub async fn proxy_messages(
    db: &impl sea_orm::ConnectionTrait,
    actor: Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(Vec<Message>, bool), ProxyError> {
    let order = proxy_order_for(db, actor, id).await?;
    let messages = kaimono_messaging::read_thread(db, thread_of(&order), side(actor)?, now).await?;
    Ok((messages, accepts_messages(&order, now)))
}

/// MSG-01, MSG-02, MSG-04: `author` (the member, or staff of the shop) writes on the order's thread with
/// up to three files; the other side is emailed. A finished order past its 30 days answers 409. The
/// files are judged, re-encoded and stored before the message is written in one transaction, and removed
/// if it cannot be.
pub async fn send_proxy_message(
    db: &DatabaseConnection,
    storage: &Storage,
    actor: Actor,
    author: AccountId,
    id: Uuid,
    message: NewMessage,
    now: DateTime<Utc>,
) -> Result<Message, ProxyError> {
    let order = proxy_order_for(db, actor, id).await?;
    if !accepts_messages(&order, now) {
        return Err(ProxyError::MessagesClosed { days: MESSAGE_WINDOW_DAYS });
    }
    let from = side(actor)?;
    let message = kaimono_messaging::prepare_message(message).await?;
    kaimono_messaging::store_attachments(storage, &message).await?;
    let written = async {
        let txn = kaimono_entity::begin_write(db).await?;
        // Read again inside the transaction: the order may have ended meanwhile.
        let order = proxy_order_for(&txn, actor, id).await?;
        if !accepts_messages(&order, now) {
            return Err(ProxyError::MessagesClosed { days: MESSAGE_WINDOW_DAYS });
        }
        let posted = post_and_notify(&txn, &order, from, author, &message, now).await?;
        txn.commit().await?;
        Ok(posted)
    }
    .await;
    if written.is_err() {
        kaimono_messaging::discard_attachments(storage, &message).await;
    }
    written
}

/// Writes `message` on the order's thread and emails the other side (the member, or the service at its
/// contact address).
pub(crate) async fn post_and_notify(
    db: &impl sea_orm::ConnectionTrait,
    order: &ProxyOrder,
    from: Side,
    author: AccountId,
    message: &kaimono_messaging::PreparedMessage,
    now: DateTime<Utc>,
) -> Result<Message, ProxyError> {
    let context = json!({"number": order.number, "shop": order.shop_name, "title": message.title});
    let posted = kaimono_messaging::post_message(db, thread_of(order), from, author, message, now).await?;
    match from {
        Side::Staff => {
            kaimono_accounts::notify_member(db, order.account_id, Template::OrderMessageToMember, context, now).await?;
        }
        Side::Member => {
            let shop = kaimono_catalog::get_shop(db, order.shop_id).await?;
            let email = Email::render(&shop.contact_email, Template::OrderMessageToShop, Locale::Ja, context)?;
            kaimono_messaging::enqueue(db, email, now).await?;
        }
    }
    Ok(posted)
}

/// MSG-02: a file of the order's thread, for its member or the service's staff only (its preview with
/// `preview`).
pub async fn proxy_attachment(
    db: &impl sea_orm::ConnectionTrait,
    storage: &Storage,
    actor: Actor,
    id: Uuid,
    attachment: Uuid,
    preview: bool,
) -> Result<(Attachment, bytes::Bytes), ProxyError> {
    let order = proxy_order_for(db, actor, id).await?;
    Ok(kaimono_messaging::attachment_file(db, storage, thread_of(&order), attachment, preview).await?)
}

/// SHOP-01: a thread of the service's inbox with the order it is about.
#[derive(Debug, Clone)]
pub struct InboxThread {
    pub summary: kaimono_messaging::ThreadSummary,
    pub order_number: String,
}

/// SHOP-01: the service's message threads, the latest first, each with its order's number.
pub async fn proxy_inbox(
    db: &impl sea_orm::ConnectionTrait,
    shop: kaimono_core::ShopId,
) -> Result<Vec<InboxThread>, ProxyError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let threads: Vec<_> =
        kaimono_messaging::shop_inbox(db, shop).await?.into_iter().filter(|t| t.kind == "proxy_order").collect();
    let numbers: std::collections::HashMap<Uuid, String> = kaimono_entity::proxy_order::Entity::find()
        .filter(kaimono_entity::proxy_order::Column::Id.is_in(threads.iter().map(|t| t.id)))
        .filter(kaimono_entity::proxy_order::Column::ShopId.eq(shop.0))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.number))
        .collect();
    Ok(threads
        .into_iter()
        .filter_map(|summary| {
            numbers.get(&summary.id).cloned().map(|order_number| InboxThread { summary, order_number })
        })
        .collect())
}
