//! Cancelling before the 1st payment (PRX-03): by the member at any time, by itself 7 days after an
//! unpaid quote — the member warned a day before. Money already put towards the open invoice goes back
//! to the deposit.

use crate::error::ProxyError;
use crate::model::*;
use crate::queries::{Actor, proxy_order_for};
use crate::request::paid_so_far;
use crate::workflow::{move_order, tell_member};
use chrono::{DateTime, Utc};
use kaimono_entity::{proxy_invoice, proxy_item, proxy_order};
use kaimono_messaging::Template;
use kaimono_payments::{DepositKind, Movement};
use kaimono_timeline::By;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use uuid::Uuid;

/// Cancels an order that is not yet paid. Answers 409 (`InvalidTransition`) once the 1st payment is in.
pub async fn cancel_proxy_order(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    reason: ProxyCancelReason,
    by: By,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let current = proxy_order_for(db, actor, id).await?;
    if !current.status.before_first_payment() {
        return Err(ProxyError::InvalidTransition {
            from: current.status.as_str(),
            to: ProxyStatus::Cancelled.as_str(),
        });
    }
    let extra = vec![
        (proxy_order::Column::CancelReason, Expr::value(reason.as_str())),
        (proxy_order::Column::CancelledAt, Expr::value(now)),
    ];
    move_order(db, &current, ProxyStatus::Cancelled, extra, by, now).await?;
    proxy_invoice::Entity::update_many()
        .col_expr(proxy_invoice::Column::Status, Expr::value(InvoiceStatus::Void.as_str()))
        .filter(proxy_invoice::Column::OrderId.eq(id))
        .filter(proxy_invoice::Column::Status.eq(InvoiceStatus::Open.as_str()))
        .exec(db)
        .await?;
    proxy_item::Entity::update_many()
        .col_expr(proxy_item::Column::Status, Expr::value(ItemStatus::Cancelled.as_str()))
        .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
        .filter(proxy_item::Column::OrderId.eq(id))
        .exec(db)
        .await?;
    let refunded = paid_so_far(&current);
    if refunded > kaimono_core::Money::ZERO {
        let movement = Movement { reference: Some(crate::billing::reference(id, Stage::First)), ..Default::default() };
        kaimono_payments::credit_deposit(
            db,
            current.account_id,
            current.shop_id,
            DepositKind::Refund,
            refunded,
            movement,
            now,
        )
        .await?;
    }
    let context = serde_json::json!({
        "reason": reason.as_str(),
        "refunded": (refunded > kaimono_core::Money::ZERO).then(|| refunded.to_string()),
    });
    tell_member(db, &current, Template::ProxyCancelled, context, now).await?;
    proxy_order_for(db, Actor::System, id).await
}

/// PRX-03's job: cancels quotes left unpaid for 7 days, up to `batch` per run, each in its own
/// transaction. Safe on any number of workers at once: the status move is conditional, so each order is
/// cancelled (and mailed) once; the others skip it.
pub async fn cancel_unpaid_quotes(db: &DatabaseConnection, now: DateTime<Utc>, batch: u64) -> Result<u64, ProxyError> {
    let cutoff = now - chrono::Duration::days(crate::UNPAID_CANCEL_DAYS);
    let due: Vec<Uuid> = proxy_order::Entity::find()
        .select_only()
        .column(proxy_order::Column::Id)
        .filter(proxy_order::Column::Status.eq(ProxyStatus::AwaitingFirstPayment.as_str()))
        .filter(proxy_order::Column::QuotedAt.lte(cutoff))
        .order_by_asc(proxy_order::Column::QuotedAt)
        .limit(batch)
        .into_tuple()
        .all(db)
        .await?;
    let cancel_one = |id: Uuid| async move {
        let txn = kaimono_entity::begin_write(db).await?;
        let still_due = proxy_order_for(&txn, Actor::System, id).await?;
        if still_due.status != ProxyStatus::AwaitingFirstPayment || still_due.quoted_at.is_none_or(|q| q > cutoff) {
            return Ok::<bool, ProxyError>(false);
        }
        match cancel_proxy_order(&txn, Actor::System, id, ProxyCancelReason::Unpaid, By::System, now).await {
            Ok(_) => {
                txn.commit().await?;
                Ok(true)
            }
            // Another worker, or the member's payment, moved it first.
            Err(ProxyError::InvalidTransition { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    };
    Ok(kaimono_jobs::move_each("unpaid proxy quote", due, cancel_one).await)
}

/// PRX-03: the member is warned this long before an unpaid quote is cancelled.
pub const REMINDER_BEFORE_HOURS: i64 = 24;

/// PRX-03's reminder: a day before an unpaid quote is cancelled, the member is mailed the amount due
/// and the deadline — once per order, on any number of workers (the mark is a conditional UPDATE).
pub async fn remind_unpaid_quotes(db: &DatabaseConnection, now: DateTime<Utc>, batch: u64) -> Result<u64, ProxyError> {
    let cutoff =
        now - chrono::Duration::days(crate::UNPAID_CANCEL_DAYS) + chrono::Duration::hours(REMINDER_BEFORE_HOURS);
    let due: Vec<Uuid> = proxy_order::Entity::find()
        .select_only()
        .column(proxy_order::Column::Id)
        .filter(proxy_order::Column::Status.eq(ProxyStatus::AwaitingFirstPayment.as_str()))
        .filter(proxy_order::Column::QuotedAt.lte(cutoff))
        .filter(proxy_order::Column::PaymentRemindedAt.is_null())
        .order_by_asc(proxy_order::Column::QuotedAt)
        .limit(batch)
        .into_tuple()
        .all(db)
        .await?;
    let remind_one = |id: Uuid| async move {
        let txn = kaimono_entity::begin_write(db).await?;
        let marked = proxy_order::Entity::update_many()
            .col_expr(proxy_order::Column::PaymentRemindedAt, Expr::value(now))
            .filter(proxy_order::Column::Id.eq(id))
            .filter(proxy_order::Column::Status.eq(ProxyStatus::AwaitingFirstPayment.as_str()))
            .filter(proxy_order::Column::PaymentRemindedAt.is_null())
            .exec(&txn)
            .await?;
        if marked.rows_affected == 0 {
            return Ok::<bool, ProxyError>(false);
        }
        let order = proxy_order_for(&txn, Actor::System, id).await?;
        let Some(invoice) = order.invoice(Stage::First).filter(|i| i.status == InvoiceStatus::Open) else {
            return Ok(false);
        };
        let pay_by = order.quoted_at.map(|q| q + chrono::Duration::days(crate::UNPAID_CANCEL_DAYS));
        let context = json!({"due": invoice.due().to_string(), "pay_by": pay_by});
        tell_member(&txn, &order, Template::ProxyPaymentReminder, context, now).await?;
        txn.commit().await?;
        Ok(true)
    };
    Ok(kaimono_jobs::move_each("unpaid proxy quote reminder", due, remind_one).await)
}
