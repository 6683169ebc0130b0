//! After the stock check: paid (ORD-02), shipped with carrier and tracking number (ORD-03), and
//! cancellation — by the member before paying, by the shop, or when the payment request expires
//! (ORD-05) — with held stock given back. Each runs in the caller's (write) transaction and moves the
//! order only from the status it read, so concurrent actions cannot both succeed.
//!
//! Money moves at the provider before these run (capture before shipping, void before cancelling a
//! paid order); the caller records those attempts.

use crate::error::OrderError;
use crate::model::{CancelReason, Carrier, LineStatus, Order, OrderStatus};
use crate::queries::{Actor, order_for};
use chrono::{DateTime, Utc};
use kaimono_catalog::return_stock;
use kaimono_core::ShopId;
use kaimono_entity::{order, order_line};
use kaimono_messaging::{Template, notify_member};
use kaimono_payments::{Subject, cancel_request};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// Moves the order from `from` to `to`, setting `extra` columns, only if it is still in `from`.
async fn move_order(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: OrderStatus,
    to: OrderStatus,
    extra: Vec<(order::Column, Expr)>,
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
    if moved.rows_affected == 1 {
        Ok(())
    } else {
        Err(OrderError::InvalidTransition { from: from.as_str(), to: to.as_str() })
    }
}

/// ORD-02: the payment request was paid with `card` (e.g. "VISA •••• 4242").
pub async fn mark_order_paid(
    db: &impl ConnectionTrait,
    id: Uuid,
    card: &str,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let current = order_for(db, Actor::System, id).await?;
    move_order(db, id, current.status, OrderStatus::Paid, vec![(order::Column::PaidAt, Expr::value(now))], now).await?;
    let context = json!({
        "reservation": false,
        "number": current.number,
        "shop": current.shop_name,
        "total": current.total.to_string(),
        "card": card,
    });
    notify_member(db, current.account_id.0, Template::PaymentReceived, context, now).await?;
    order_for(db, Actor::System, id).await
}

/// ORD-03: handed to `carrier` with `tracking_number`; the member is emailed both.
pub async fn ship_order(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    carrier: Carrier,
    tracking_number: &str,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let current = order_for(db, Actor::Shop(shop), id).await?;
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
        now,
    )
    .await?;
    let owner = current.account_id.0;
    let locale = kaimono_entity::account::Entity::find_by_id(owner)
        .one(db)
        .await?
        .map_or(kaimono_core::Locale::Ja, |a| kaimono_core::Locale::parse_or_default(&a.locale));
    let context = json!({
        "number": current.number,
        "shop": current.shop_name,
        "carrier": carrier.display_name(locale),
        "tracking": tracking_number,
        "delivery_date": current.delivery_date.map(|d| d.to_string()),
        "items": current.item_lines(),
    });
    notify_member(db, owner, Template::OrderShipped, context, now).await?;
    order_for(db, Actor::System, id).await
}

/// Cancels the order as `actor` may: the member before paying, the shop before shipping, the system
/// when the payment request expired. Held and secured stock goes back on the shelf, an open payment
/// request is cancelled (a payment in progress stops the cancellation), and the member is emailed.
/// `voided`: the caller released a card authorization first.
pub async fn cancel_order(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    reason: CancelReason,
    voided: bool,
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
        now,
    )
    .await?;
    cancel_request(db, Subject::Order(id)).await?;
    for line in current.lines.iter().filter(|l| matches!(l.status, LineStatus::Held | LineStatus::Secured)) {
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
        "items": current.item_lines(),
    });
    notify_member(db, current.account_id.0, Template::OrderCancelled, context, now).await?;
    order_for(db, Actor::System, id).await
}
