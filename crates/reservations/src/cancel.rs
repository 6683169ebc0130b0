//! The end of a reservation before pickup: the member cancels (RSV-06), the hold lapses (RSV-05), or the
//! payment link lapses (through settlement). A paid reservation is refunded after the cancellation
//! commits — the provider is never called inside a transaction.

use crate::desk::move_reservation;
use crate::error::ReservationError;
use crate::model::{CancelCause, Reservation, ReservationStatus, display_pickup_number};
use crate::queries::{Actor, reservation_for};
use chrono::{DateTime, Utc};
use kaimono_accounts::notify_member;
use kaimono_entity::{begin_write, reservation};
use kaimono_messaging::Template;
use kaimono_payments::{Settlement, Subject, cancel_request};
use kaimono_timeline::By;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

fn cancelled_context(current: &Reservation, reason: &str, refunded: bool) -> serde_json::Value {
    json!({
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "item": current.mail_item(),
        "visit_date": current.visit_date.to_string(),
        "deadline": current.hold_deadline.map(|d| d.to_rfc3339()),
        "reason": reason,
        "refunded": refunded,
        "total": current.total.to_string(),
    })
}

/// RSV-06 (member, before pickup) or an expired payment request: cancelled, stock back, member told, in
/// the caller's transaction. A paid reservation is refunded after it commits ([`cancel_reservation`]).
pub(crate) async fn cancel_in(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    cause: CancelCause,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, actor, id).await?;
    let by = match cause {
        CancelCause::Member => By::Member(current.account_id),
        CancelCause::PaymentExpired => By::System,
    };
    move_reservation(db, &current, ReservationStatus::Cancelled, vec![], by, now).await?;
    cancel_request(db, Subject::Reservation(id)).await?;
    let reason = match cause {
        CancelCause::Member => "member",
        CancelCause::PaymentExpired => "payment_expired",
    };
    let context = cancelled_context(&current, reason, current.paid_at.is_some());
    notify_member(db, current.account_id, current.shop_id, Template::ReservationCancelled, context, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-05: claims up to `limit` held reservations whose hold deadline has passed, oldest first, for
/// `claim` (see `kaimono_jobs::claim_batch`), and returns their ids. Expire each with
/// [`expire_in`].
async fn claim_lapsed_holds(
    db: &impl ConnectionTrait,
    claim: &str,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Uuid>, ReservationError> {
    use reservation::Column as C;
    let held = || C::Status.eq(ReservationStatus::Held.as_str());
    let due = reservation::Entity::find()
        .filter(held())
        .filter(C::HoldDeadline.lte(now))
        .filter(C::ExpiryClaimedUntil.is_null().or(C::ExpiryClaimedUntil.lt(now)))
        .order_by_asc(C::HoldDeadline);
    let claim_on = kaimono_jobs::Claim::new(claim, now);
    kaimono_jobs::claim_batch(db, due, C::Id, C::ExpiryClaimedBy, C::ExpiryClaimedUntil, claim_on, limit).await?;
    Ok(reservation::Entity::find()
        .select_only()
        .column(C::Id)
        .filter(C::ExpiryClaimedBy.eq(claim))
        .filter(held())
        .into_tuple::<Uuid>()
        .all(db)
        .await?)
}

/// RSV-05: expires one lapsed hold — stock back, member told. `None` if it is not due (any more): picked
/// up, cancelled, or expired by another worker first.
async fn expire_in(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<Reservation>, ReservationError> {
    let current = reservation_for(db, Actor::System, id).await?;
    let due = current.status == ReservationStatus::Held && current.hold_deadline.is_some_and(|d| d <= now);
    if !due {
        return Ok(None);
    }
    match move_reservation(db, &current, ReservationStatus::Expired, vec![], By::System, now).await {
        Ok(()) => {}
        Err(ReservationError::InvalidTransition { .. }) => return Ok(None),
        Err(e) => return Err(e),
    }
    cancel_request(db, Subject::Reservation(id)).await?;
    let context = cancelled_context(&current, "expired", current.paid_at.is_some());
    notify_member(db, current.account_id, current.shop_id, Template::ReservationCancelled, context, now).await?;
    reservation_for(db, Actor::System, id).await.map(Some)
}

/// RSV-06: the member cancels before pickup; the stock goes back and a prepaid amount is refunded.
pub async fn cancel_reservation(
    db: &DatabaseConnection,
    settlement: &Settlement,
    actor: Actor,
    id: Uuid,
    cause: CancelCause,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let txn = begin_write(db).await?;
    cancel_in(&txn, actor, id, cause, now).await?;
    txn.commit().await?;
    settlement.refund(db, Subject::Reservation(id), now).await?;
    reservation_for(db, actor, id).await
}

/// Expires one lapsed hold, then refunds it if it was paid online. `false`: it was not due any more.
async fn expire_hold(
    db: &DatabaseConnection,
    settlement: &Settlement,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, ReservationError> {
    let txn = begin_write(db).await?;
    let lapsed = expire_in(&txn, id, now).await?;
    txn.commit().await?;
    match lapsed {
        Some(reservation) => {
            if reservation.paid_at.is_some() {
                settlement.refund(db, Subject::Reservation(id), now).await?;
            }
            Ok(true)
        }
        None => Ok(false),
    }
}

/// The hold-expiry job (RSV-05): expires holds not collected by their deadline, refunding any online
/// payment. Claimed in batches of `batch` (`kaimono_jobs::claim_batch`), so every worker takes its own
/// rows; each moves in its own short transaction, exactly once. Runs until nothing is due or
/// `stopping()`; returns how many expired.
pub async fn expire_lapsed_holds(
    db: &DatabaseConnection,
    settlement: &Settlement,
    worker: &str,
    now: DateTime<Utc>,
    batch: u64,
    stopping: &(dyn Fn() -> bool + Sync),
) -> Result<u64, ReservationError> {
    let mut expired = 0;
    while !stopping() {
        let claim = format!("{worker}/{}", Uuid::now_v7().simple());
        let holds = claim_lapsed_holds(db, &claim, now, batch).await?;
        if holds.is_empty() {
            break;
        }
        expired += kaimono_jobs::move_each("hold", holds, |id| expire_hold(db, settlement, id, now)).await;
    }
    Ok(expired)
}
