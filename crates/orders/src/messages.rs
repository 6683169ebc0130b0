//! Order messages of delivery orders (MSG-01 to MSG-04), over the thread every kind of order shares
//! ([`kaimono_conversations`]): open until the order ships or is cancelled, and for 30 days after.

use crate::error::OrderError;
use crate::model::{Order, OrderStatus};
use crate::queries::{Actor, order_for};
use chrono::{DateTime, Utc};
use kaimono_conversations::{Conversation, ThreadView};
use kaimono_core::AccountId;
use kaimono_media::Storage;
use kaimono_messaging::{Attachment, Message, NewMessage, Side, Thread};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

fn thread(order: &Order) -> Thread {
    Thread { kind: "order", id: order.id, number: order.number.clone(), shop: order.shop_id, member: order.account_id }
}

/// MSG-03: a delivery order ends when it ships or is cancelled.
fn conversation(order: &Order, now: DateTime<Utc>) -> Conversation {
    let ended = match order.status {
        OrderStatus::Shipped => order.shipment.as_ref().map(|s| s.shipped_at),
        OrderStatus::Cancelled => order.cancelled_at,
        _ => None,
    };
    Conversation::new(thread(order), &order.shop_name, ended, now)
}

fn side(actor: Actor) -> Result<Side, OrderError> {
    match actor {
        Actor::Member(_) => Ok(Side::Member),
        Actor::Shop(_) => Ok(Side::Staff),
        Actor::System => Err(OrderError::NotFound),
    }
}

/// The order's thread as `actor` reads it (the other side's messages become read).
pub async fn order_messages(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<ThreadView, OrderError> {
    let order = order_for(db, actor, id).await?;
    Ok(kaimono_conversations::read(db, &conversation(&order, now), side(actor)?, now).await?)
}

/// MSG-01 to MSG-04: the member or the shop's staff write on the order's thread with up to three files;
/// the other side is emailed.
pub async fn send_order_message(
    db: &DatabaseConnection,
    storage: &Storage,
    actor: Actor,
    author: AccountId,
    id: Uuid,
    message: NewMessage,
    now: DateTime<Utc>,
) -> Result<Message, OrderError> {
    let load = async |txn: &sea_orm::DatabaseTransaction| Ok(conversation(&order_for(txn, actor, id).await?, now));
    kaimono_conversations::send(db, storage, side(actor)?, author, message, now, load).await
}

/// MSG-02: a file of the order's thread, for its member or the shop's staff only.
pub async fn order_attachment(
    db: &impl ConnectionTrait,
    storage: &Storage,
    actor: Actor,
    id: Uuid,
    attachment: Uuid,
    preview: bool,
) -> Result<(Attachment, bytes::Bytes), OrderError> {
    let order = order_for(db, actor, id).await?;
    Ok(kaimono_messaging::attachment_file(db, storage, &thread(&order), attachment, preview).await?)
}
