//! After the stock check: paid (ORD-02), shipped with carrier and tracking number (ORD-03), and
//! cancellation — by the member before paying, by the shop, or when the payment request expires
//! (ORD-05) — with held stock given back. Each runs in the caller's (write) transaction and moves the
//! order only from the status it read, so concurrent actions cannot both succeed.
//!
//! Shipping and cancelling a paid order move money first, through settlement (capture before shipping,
//! void before cancelling), outside any transaction; the order then moves in one transaction that also
//! records the capture.

use crate::error::OrderError;
use crate::model::{CancelReason, Carrier, LineStatus, Order, OrderStatus};
use crate::queries::{Actor, order_for};
use chrono::{DateTime, Utc};
use kaimono_accounts::{member_locale, notify_member};
use kaimono_catalog::return_stock;
use kaimono_core::ShopId;
use kaimono_entity::{begin_write, order, order_line};
use kaimono_messaging::Template;
use kaimono_payments::{Payer, Settlement, Subject, cancel_request};
use kaimono_timeline::{By, Entry};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// Who made a change and the fact worth keeping with it, for the timeline.
struct Done {
    by: By,
    note: Option<String>,
}

/// Where a shipped order went: the carrier and its tracking number (ORD-03).
#[derive(Debug, Clone, Copy)]
pub struct Parcel<'a> {
    pub carrier: Carrier,
    pub tracking_number: &'a str,
}

/// Moves the order from `from` to `to`, setting `extra` columns, only if it is still in `from`; the move
/// goes on the order's timeline as `done`.
async fn move_order(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: OrderStatus,
    to: OrderStatus,
    extra: Vec<(order::Column, Expr)>,
    done: Done,
    now: DateTime<Utc>,
) -> Result<(), OrderError> {
    from.transition(to)?;
    let mut update = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(to.as_str()))
        .col_expr(order::Column::UpdatedAt, Expr::value(now));
    for (column, value) in extra {
        update = update.col_expr(column, value);
    }
    let moved =
        update.filter(order::Column::Id.eq(id)).filter(order::Column::Status.eq(from.as_str())).exec(db).await?;
    if moved.rows_affected != 1 {
        return Err(OrderError::InvalidTransition { from: from.as_str(), to: to.as_str() });
    }
    record(db, id, to.as_str(), done.by, done.note, now).await
}

/// Puts `what` on the order's timeline; every order event is shown to its member too.
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    id: Uuid,
    what: &str,
    by: By,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), OrderError> {
    record_each(db, vec![(id, note)], what, by, now).await
}

/// Records `what` by `by` on each order's timeline (with its note), one statement for all; orders'
/// entries are the member's to see.
pub(crate) async fn record_each(
    db: &impl ConnectionTrait,
    orders: Vec<(Uuid, Option<String>)>,
    what: &str,
    by: By,
    now: DateTime<Utc>,
) -> Result<(), OrderError> {
    let entries = orders
        .into_iter()
        .map(|(id, note)| (kaimono_timeline::Subject::Order(id), Entry { what, by, for_member: true, note }))
        .collect();
    kaimono_timeline::record_many(db, entries, now).await?;
    Ok(())
}

/// ORD-02: the payment request was paid with `card` (e.g. "VISA •••• 4242"). Settlement calls it.
pub(crate) async fn mark_order_paid(
    db: &impl ConnectionTrait,
    id: Uuid,
    card: &str,
    payer: Payer,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let current = order_for(db, Actor::System, id).await?;
    let paid = vec![(order::Column::PaidAt, Expr::value(now))];
    let by = match payer {
        Payer::Member => By::Member(current.account_id),
        Payer::Automatic => By::System,
    };
    let done = Done { by, note: Some(card.to_owned()) };
    move_order(db, id, current.status, OrderStatus::Paid, paid, done, now).await?;
    // A subscription's generated order is authorized without the member: no mail (seed 002).
    if payer == Payer::Automatic {
        return order_for(db, Actor::System, id).await;
    }
    let context = json!({
        "reservation": false,
        "number": current.number,
        "shop": current.shop_name,
        "total": current.total.to_string(),
        "card": card,
    });
    notify_member(db, current.account_id, current.shop_id, Template::PaymentReceived, context, now).await?;
    order_for(db, Actor::System, id).await
}

/// ORD-03: ships a paid order — its authorization is captured, then the order is handed to the parcel's
/// carrier with its tracking number and the capture recorded, in one transaction; the member is emailed
/// both.
pub async fn ship_order(
    db: &DatabaseConnection,
    settlement: &Settlement,
    shop: ShopId,
    id: Uuid,
    parcel: Parcel<'_>,
    by: By,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let order = order_for(db, Actor::Shop(shop), id).await?;
    order.status.transition(OrderStatus::Shipped)?;
    // Paid to the carrier or afterwards: it ships unpaid, with nothing to capture.
    let captured = match (order.status, order.pays_after_delivery()) {
        (OrderStatus::AwaitingPayment, true) => None,
        (OrderStatus::AwaitingPayment, false) => {
            return Err(OrderError::InvalidTransition { from: order.status.as_str(), to: "shipped" });
        }
        _ => Some(settlement.capture(db, Subject::Order(id), now).await?),
    };
    let txn = begin_write(db).await?;
    if let Some(captured) = captured {
        captured.record(&txn, now).await?;
    }
    let shipped = ship_in(&txn, shop, id, parcel, by, now).await?;
    txn.commit().await?;
    Ok(shipped)
}

async fn ship_in(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    Parcel { carrier, tracking_number }: Parcel<'_>,
    by: By,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let current = order_for(db, Actor::Shop(shop), id).await?;
    let note = format!("{} {tracking_number}", carrier.as_str());
    move_order(
        db,
        id,
        current.status,
        OrderStatus::Shipped,
        vec![
            (order::Column::Carrier, Expr::value(carrier.as_str())),
            (order::Column::TrackingNumber, Expr::value(tracking_number)),
            (order::Column::ShippedAt, Expr::value(now)),
        ],
        Done { by, note: Some(note) },
        now,
    )
    .await?;
    let owner = current.account_id;
    let locale = member_locale(db, owner).await?;
    let context = json!({
        "number": current.number,
        "shop": current.shop_name,
        "carrier": carrier.display_name(locale),
        "tracking": tracking_number,
        "delivery_date": current.delivery_date.map(|d| d.to_string()),
        "items": current.mail_items(),
    });
    notify_member(db, owner, current.shop_id, Template::OrderShipped, context, now).await?;
    order_for(db, Actor::System, id).await
}

/// Cancels the order as `actor` may: the member before paying, the shop before shipping (a paid order's
/// authorization is voided first, PAY-03). Held and secured stock goes back on the shelf, an open payment
/// request is cancelled (a payment in progress stops the cancellation), and the member is emailed.
pub async fn cancel_order(
    db: &DatabaseConnection,
    settlement: &Settlement,
    actor: Actor,
    id: Uuid,
    reason: CancelReason,
    by: By,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let order = order_for(db, actor, id).await?;
    let voided = order.status == OrderStatus::Paid && !matches!(actor, Actor::Member(_));
    if voided {
        settlement.void(db, Subject::Order(id), now).await?;
    }
    let txn = begin_write(db).await?;
    let cancelled = cancel_in(&txn, actor, id, reason, voided, by, now).await?;
    txn.commit().await?;
    Ok(cancelled)
}

/// [`cancel_order`] in the caller's transaction, after any money has moved (`voided`: a card
/// authorization was released).
pub(crate) async fn cancel_in(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    reason: CancelReason,
    voided: bool,
    by: By,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let current = order_for(db, actor, id).await?;
    let allowed = match actor {
        Actor::Member(_) => matches!(current.status, OrderStatus::AwaitingStockCheck | OrderStatus::AwaitingPayment),
        Actor::Shop(_) | Actor::System => true,
    };
    if !allowed {
        return Err(OrderError::InvalidTransition { from: current.status.as_str(), to: "cancelled" });
    }
    move_order(
        db,
        id,
        current.status,
        OrderStatus::Cancelled,
        vec![
            (order::Column::CancelledAt, Expr::value(now)),
            (order::Column::CancelReason, Expr::value(reason.as_str())),
        ],
        Done { by, note: Some(reason.as_str().to_owned()) },
        now,
    )
    .await?;
    cancel_request(db, Subject::Order(id)).await?;
    kaimono_accounts::count_purchase(db, current.account_id, -1, kaimono_core::Money::ZERO - current.total, now)
        .await?;
    let points = current.points_used.to_yen()?;
    kaimono_accounts::return_points(db, current.account_id, points, &current.number, Some(id), now).await?;
    let holding =
        current.lines.iter().filter(|l| l.stocked && matches!(l.status, LineStatus::Held | LineStatus::Secured));
    for line in holding {
        order_line::Entity::update_many()
            .col_expr(order_line::Column::Status, Expr::value(LineStatus::Released.as_str()))
            .filter(order_line::Column::Id.eq(line.id))
            .exec(db)
            .await?;
        return_stock(db, current.shop_id, line.variant_id, line.quantity, now).await?;
    }
    let context = json!({
        "number": current.number,
        "shop": current.shop_name,
        "reason": reason.as_str(),
        "voided": voided,
        "items": current.mail_items(),
    });
    notify_member(db, current.account_id, current.shop_id, Template::OrderCancelled, context, now).await?;
    order_for(db, Actor::System, id).await
}
