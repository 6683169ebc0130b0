//! Order messages of reservations (MSG-01 to MSG-04), over the thread every kind of order shares
//! ([`kaimono_conversations`]): open until the reservation is handed over, refused, cancelled or expires, and for
//! 30 days after.

use crate::error::ReservationError;
use crate::model::{Reservation, display_pickup_number};
use crate::queries::{Actor, reservation_for};
use chrono::{DateTime, Utc};
use kaimono_conversations::{Conversation, ThreadView};
use kaimono_core::AccountId;
use kaimono_media::Storage;
use kaimono_messaging::{Attachment, Message, NewMessage, Side, Thread};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

fn thread(reservation: &Reservation) -> Thread {
    Thread {
        kind: "reservation",
        id: reservation.id,
        number: display_pickup_number(&reservation.pickup_number),
        shop: reservation.shop_id,
        member: reservation.account_id,
    }
}

/// MSG-03: a reservation ends when it leaves its last open state (its last change).
fn conversation(reservation: &Reservation, now: DateTime<Utc>) -> Conversation {
    let ended = (!reservation.status.holds_stock()).then_some(reservation.updated_at);
    Conversation::new(thread(reservation), &reservation.shop_name, ended, now)
}

fn side(actor: Actor) -> Result<Side, ReservationError> {
    match actor {
        Actor::Member(_) => Ok(Side::Member),
        Actor::Shop(_) => Ok(Side::Staff),
        Actor::System => Err(ReservationError::NotFound),
    }
}

/// The reservation's thread as `actor` reads it (the other side's messages become read).
pub async fn reservation_messages(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<ThreadView, ReservationError> {
    let reservation = reservation_for(db, actor, id).await?;
    Ok(kaimono_conversations::read(db, &conversation(&reservation, now), side(actor)?, now).await?)
}

/// MSG-01 to MSG-04: the member or the shop's staff write on the reservation's thread with up to three files;
/// the other side is emailed.
pub async fn send_reservation_message(
    db: &DatabaseConnection,
    storage: &Storage,
    actor: Actor,
    author: AccountId,
    id: Uuid,
    message: NewMessage,
    now: DateTime<Utc>,
) -> Result<Message, ReservationError> {
    let load =
        async |txn: &sea_orm::DatabaseTransaction| Ok(conversation(&reservation_for(txn, actor, id).await?, now));
    kaimono_conversations::send(db, storage, side(actor)?, author, message, now, load).await
}

/// MSG-02: a file of the reservation's thread, for its member or the shop's staff only.
pub async fn reservation_attachment(
    db: &impl ConnectionTrait,
    storage: &Storage,
    actor: Actor,
    id: Uuid,
    attachment: Uuid,
    preview: bool,
) -> Result<(Attachment, bytes::Bytes), ReservationError> {
    let reservation = reservation_for(db, actor, id).await?;
    Ok(kaimono_messaging::attachment_file(db, storage, &thread(&reservation), attachment, preview).await?)
}
