//! Order messages of proxy orders (MSG-01 to MSG-04), over the thread every kind of order shares
//! ([`kaimono_conversations`]): open while the order is in progress and for 30 days after it completed or
//! was cancelled.

use crate::error::ProxyError;
use crate::model::ProxyOrder;
use crate::queries::{Actor, proxy_order_for};
use chrono::{DateTime, Utc};
use kaimono_conversations::{Conversation, ThreadView};
use kaimono_core::AccountId;
use kaimono_media::Storage;
use kaimono_messaging::{Attachment, Message, NewMessage, PreparedMessage, Side, Thread};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

fn thread(order: &ProxyOrder) -> Thread {
    Thread {
        kind: "proxy_order",
        id: order.id,
        number: order.number.clone(),
        shop: order.shop_id,
        member: order.account_id,
    }
}

/// The order's thread: open in progress, and for 30 days after it completed or was cancelled (MSG-03).
fn conversation(order: &ProxyOrder, now: DateTime<Utc>) -> Conversation {
    let ended = if order.status.in_progress() { None } else { order.completed_at.or(order.cancelled_at) };
    Conversation::new(thread(order), &order.shop_name, ended, now)
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
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<ThreadView, ProxyError> {
    let order = proxy_order_for(db, actor, id).await?;
    Ok(kaimono_conversations::read(db, &conversation(&order, now), side(actor)?, now).await?)
}

/// MSG-01 to MSG-04: `author` (the member, or staff of the shop) writes on the order's thread with up to
/// three files; the other side is emailed. A finished order past its 30 days answers 409.
pub async fn send_proxy_message(
    db: &DatabaseConnection,
    storage: &Storage,
    actor: Actor,
    author: AccountId,
    id: Uuid,
    message: NewMessage,
    now: DateTime<Utc>,
) -> Result<Message, ProxyError> {
    let load =
        async |txn: &sea_orm::DatabaseTransaction| Ok(conversation(&proxy_order_for(txn, actor, id).await?, now));
    kaimono_conversations::send(db, storage, side(actor)?, author, message, now, load).await
}

/// Writes a message a use case composed (a receipt problem, a weight dispute) and emails the other side.
pub(crate) async fn post_and_notify(
    db: &impl ConnectionTrait,
    order: &ProxyOrder,
    from: Side,
    author: AccountId,
    message: &PreparedMessage,
    now: DateTime<Utc>,
) -> Result<Message, ProxyError> {
    kaimono_conversations::post_and_notify(db, &conversation(order, now), from, author, message, now).await
}

/// MSG-02: a file of the order's thread, for its member or the service's staff only (its preview with
/// `preview`).
pub async fn proxy_attachment(
    db: &impl ConnectionTrait,
    storage: &Storage,
    actor: Actor,
    id: Uuid,
    attachment: Uuid,
    preview: bool,
) -> Result<(Attachment, bytes::Bytes), ProxyError> {
    let order = proxy_order_for(db, actor, id).await?;
    Ok(kaimono_messaging::attachment_file(db, storage, &thread(&order), attachment, preview).await?)
}
