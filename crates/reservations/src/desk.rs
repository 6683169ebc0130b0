//! The shop's side of a reservation: the stock check that holds it or gives it back (RSV-02), the online
//! payment (RSV-04) and the hand-over at the counter (RSV-03). Every function runs in the caller's (write)
//! transaction and moves a reservation only from the status it read, so concurrent actions cannot both
//! succeed.

use crate::error::ReservationError;
use crate::model::{Payment, Reservation, ReservationStatus, display_pickup_number};
use crate::queries::{Actor, reservation_for};
use chrono::{DateTime, Duration, Utc};
use kaimono_accounts::notify_member;
use kaimono_catalog::return_stock;
use kaimono_core::ShopId;
use kaimono_core::japan::end_of_japan_day;
use kaimono_entity::reservation;
use kaimono_messaging::Template;
use kaimono_payments::{Subject, issue_request, payment_link};
use kaimono_timeline::{By, Entry};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// Moves the reservation from `from` to `to` with `extra` columns, only if it is still in `from`; the move
/// goes on its timeline as done `by`.
pub(crate) async fn move_reservation(
    db: &impl ConnectionTrait,
    current: &Reservation,
    to: ReservationStatus,
    extra: Vec<(reservation::Column, Expr)>,
    by: By,
    now: DateTime<Utc>,
) -> Result<(), ReservationError> {
    current.status.transition(to)?;
    let mut update = reservation::Entity::update_many()
        .col_expr(reservation::Column::Status, Expr::value(to.as_str()))
        .col_expr(reservation::Column::UpdatedAt, Expr::value(now));
    for (column, value) in extra {
        update = update.col_expr(column, value);
    }
    let moved = update
        .filter(reservation::Column::Id.eq(current.id))
        .filter(reservation::Column::Status.eq(current.status.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Err(ReservationError::InvalidTransition { from: current.status.as_str(), to: to.as_str() });
    }
    if current.status.holds_stock() && !to.holds_stock() && to != ReservationStatus::Completed {
        let quantity = u32::try_from(current.quantity).map_err(|_| ReservationError::InvalidQuantity)?;
        return_stock(db, current.shop_id, current.variant_id, quantity, now).await?;
    }
    record(db, current.id, to.as_str(), by, None, now).await
}

/// Puts `what` on the reservation's timeline; every reservation event is shown to its member too.
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    id: Uuid,
    what: &str,
    by: By,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), ReservationError> {
    let entry = Entry { what, by, for_member: true, note };
    kaimono_timeline::record(db, kaimono_timeline::Subject::Reservation(id), entry, now).await?;
    Ok(())
}

/// RSV-02, RSV-04: the shop secured the stock. Held until the end of the visit date plus the shop's
/// hold days; the pickup number is mailed, with the payment URL for prepaid items.
pub async fn confirm_reservation(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    public_url: &str,
    by: By,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::Shop(shop), id).await?;
    let shop_info = kaimono_catalog::get_shop(db, shop).await?;
    let policy = shop_info.policy;
    let deadline = end_of_japan_day(current.visit_date + Duration::days(i64::from(policy.hold_days)));
    move_reservation(
        db,
        &current,
        ReservationStatus::Held,
        vec![(reservation::Column::HoldDeadline, Expr::value(deadline))],
        by,
        now,
    )
    .await?;
    let (mut url, mut pay_by) = (None, None);
    if current.payment == Payment::Prepaid {
        // Paid before pickup: the link lasts the shop's limit, and never beyond the hold.
        let expires_at = Ord::min(now + Duration::days(i64::from(policy.payment_limit_days)), deadline);
        let subject = Subject::Reservation(id);
        let token = issue_request(db, subject, current.account_id, shop, current.total, expires_at, now).await?;
        url = Some(payment_link(public_url, &token));
        pay_by = Some(expires_at.to_rfc3339());
    }
    let context = json!({
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "item": current.mail_item(),
        "visit_date": current.visit_date.to_string(),
        "deadline": deadline.to_rfc3339(),
        "total": current.total.to_string(),
        "prepaid": current.payment == Payment::Prepaid,
        "url": url,
        "pay_by": pay_by,
        "address": shop_info.address,
        "hours": shop_info.opening_hours,
    });
    notify_member(db, current.account_id, current.shop_id, Template::ReservationConfirmed, context, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-02: the shop cannot supply it; stock goes back and the member is told.
pub async fn reject_reservation(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    by: By,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::Shop(shop), id).await?;
    move_reservation(db, &current, ReservationStatus::Unavailable, vec![], by, now).await?;
    let context = json!({
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "item": current.mail_item(),
        "visit_date": current.visit_date.to_string(),
    });
    notify_member(db, current.account_id, current.shop_id, Template::ReservationUnavailable, context, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-03, RSV-04: the hand-over at the counter. A pay-in-store item needs the in-store payment recorded
/// now (`paid_in_store`); a prepaid one must have been paid online.
pub async fn complete_reservation(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    paid_in_store: bool,
    by: By,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::Shop(shop), id).await?;
    current.status.transition(ReservationStatus::Completed)?;
    let mut extra = Vec::new();
    match current.payment {
        Payment::Prepaid if current.paid_at.is_none() => return Err(ReservationError::NotPaid),
        Payment::Prepaid => {}
        Payment::InStore if !paid_in_store => return Err(ReservationError::InStorePaymentRequired),
        Payment::InStore => {
            extra.push((reservation::Column::PaidAt, Expr::value(now)));
            extra.push((reservation::Column::PaidInStore, Expr::value(true)));
        }
    }
    move_reservation(db, &current, ReservationStatus::Completed, extra, by, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-04: the prepaid reservation's payment request was paid with `card`.
pub async fn mark_reservation_paid(
    db: &impl ConnectionTrait,
    id: Uuid,
    card: &str,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::System, id).await?;
    if current.status != ReservationStatus::Held || current.paid_at.is_some() {
        return Err(ReservationError::InvalidTransition { from: current.status.as_str(), to: "paid" });
    }
    reservation::Entity::update_many()
        .col_expr(reservation::Column::PaidAt, Expr::value(now))
        .col_expr(reservation::Column::UpdatedAt, Expr::value(now))
        .filter(reservation::Column::Id.eq(id))
        .filter(reservation::Column::PaidAt.is_null())
        .exec(db)
        .await?;
    record(db, id, "paid", By::Member(current.account_id), Some(card.to_owned()), now).await?;
    let context = json!({
        "reservation": true,
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "total": current.total.to_string(),
        "card": card,
    });
    notify_member(db, current.account_id, current.shop_id, Template::PaymentReceived, context, now).await?;
    reservation_for(db, Actor::System, id).await
}
