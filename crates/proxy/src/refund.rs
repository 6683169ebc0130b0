//! Refunds of paid items (PAY-06, PRX-06): when a seller cannot supply an item after the member paid —
//! sold out, or cancelled and refunded by the seller — staff cancel it with a reason. What the member paid
//! for it (its goods, the seller's shipping and the fee on them) goes back to the deposit at once; the 1st
//! invoice is rewritten for the items left (the paid version kept). The last item cancelled cancels the
//! order. The refund goes to the deposit, or — when the member asked for it — back to the card that paid
//! the 1st invoice on a hosted page (queued in this transaction, paid back by the card-refund job); what
//! the card did not pay still goes to the deposit.

use crate::billing::{first_invoice_amounts, reference, reissue_paid_invoice};
use crate::error::ProxyError;
use crate::model::*;
use crate::queries::{Actor, proxy_order_for};
use crate::settings::proxy_settings;
use crate::workflow::{move_order, record, tell_member};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{proxy_item, proxy_order};
use kaimono_messaging::Template;
use kaimono_payments::{DepositKind, Movement};
use kaimono_timeline::By;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// Staff cancel a paid item (`(order, item)`) the seller cannot supply; answers the order after it.
pub async fn cancel_paid_item(
    db: &impl ConnectionTrait,
    shop: ShopId,
    (id, item): (Uuid, Uuid),
    reason: String,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let found = order.items.iter().find(|i| i.id == item).ok_or(ProxyError::UnknownItem { item })?;
    if order.status != ProxyStatus::Purchasing {
        return Err(ProxyError::InvalidTransition { from: order.status.as_str(), to: ProxyStatus::Cancelled.as_str() });
    }
    if !matches!(found.status, ItemStatus::Paid | ItemStatus::Purchased) {
        return Err(ProxyError::ItemLocked { status: found.status.as_str() });
    }
    let paid =
        order.invoice(Stage::First).filter(|i| i.status == InvoiceStatus::Paid).ok_or(ProxyError::NothingDue)?.clone();
    let cancelled = proxy_item::Entity::update_many()
        .col_expr(proxy_item::Column::Status, Expr::value(ItemStatus::Cancelled.as_str()))
        .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
        .filter(proxy_item::Column::Id.eq(item))
        .filter(proxy_item::Column::Status.eq(found.status.as_str()))
        .exec(db)
        .await?;
    if cancelled.rows_affected == 0 {
        return Err(ProxyError::ItemLocked { status: found.status.as_str() });
    }
    let left = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let amounts = first_invoice_amounts(&left.items, &proxy_settings(db, shop).await?)?;
    let refund = reissue_paid_invoice(db, &left, &paid, amounts, now).await?;
    let paid_with = reference(id, Stage::First);
    let to_card = match order.refund_to {
        RefundTo::Card if refund > Money::ZERO => {
            let whose = (order.account_id, shop);
            kaimono_payments::queue_card_refund(db, &paid_with, whose, refund, now).await?
        }
        _ => Money::ZERO,
    };
    let to_deposit = refund - to_card;
    if to_deposit > Money::ZERO {
        let movement = Movement { reference: Some(paid_with), reason: Some(reason.clone()), by: Some(staff) };
        kaimono_payments::credit_deposit(db, order.account_id, shop, DepositKind::Refund, to_deposit, movement, now)
            .await?;
    }
    let by = By::Staff(staff);
    record(db, id, "item_refunded", by, Some(format!("{} {refund} {reason}", found.name)), now).await?;
    let nothing_left = left.items.iter().all(|i| i.status == ItemStatus::Cancelled);
    if nothing_left {
        let extra = vec![
            (proxy_order::Column::CancelReason, Expr::value(ProxyCancelReason::NoItems.as_str())),
            (proxy_order::Column::CancelledAt, Expr::value(now)),
        ];
        move_order(db, &left, ProxyStatus::Cancelled, extra, by, now).await?;
    }
    let context = json!({
        "item": found.name,
        "reason": reason,
        "refund": refund.to_string(),
        "to_card": to_card.to_string(),
        "to_deposit": to_deposit.to_string(),
        "by_card": to_card > Money::ZERO,
        "by_deposit": to_deposit > Money::ZERO,
        "cancelled": nothing_left,
    });
    tell_member(db, &order, Template::ProxyItemRefunded, context, now).await?;
    proxy_order_for(db, Actor::Shop(shop), id).await
}

/// PAY-06: the member chooses where the order's refunds go; any time before the order ends.
pub async fn set_refund_to(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    to: RefundTo,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    if !order.status.in_progress() {
        return Err(ProxyError::InvalidTransition { from: order.status.as_str(), to: "refund_method_changed" });
    }
    proxy_order::Entity::update_many()
        .col_expr(proxy_order::Column::RefundTo, Expr::value(to.as_str()))
        .filter(proxy_order::Column::Id.eq(id))
        .exec(db)
        .await?;
    proxy_order_for(db, Actor::Member(account), id).await
}
