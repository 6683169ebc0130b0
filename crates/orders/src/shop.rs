//! ORD-01: the shop's side — its order queue and the stock check that secures lines or rejects the ones
//! it cannot supply (stock given back, amounts recomputed, the member told).

use crate::error::OrderError;
use crate::model::{LineStatus, Order, OrderStatus};
use crate::queries::load_orders;
use chrono::{DateTime, Utc};
use kaimono_core::{Locale, RoundingMode, ShopId, TaxCategory, summarize_tax};
use kaimono_entity::{account, order, order_line, stock};
use kaimono_messaging::{Email, Template, enqueue};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// The shop's orders, newest first, optionally in one status.
pub async fn list_shop_orders(
    db: &impl ConnectionTrait,
    shop: ShopId,
    status: Option<OrderStatus>,
) -> Result<Vec<Order>, OrderError> {
    let mut query = order::Entity::find().filter(order::Column::ShopId.eq(shop.0));
    if let Some(status) = status {
        query = query.filter(order::Column::Status.eq(status.as_str()));
    }
    load_orders(db, query).await
}

/// One of the shop's orders; another shop's is indistinguishable from a missing one.
pub async fn get_shop_order(db: &impl ConnectionTrait, shop: ShopId, id: Uuid) -> Result<Order, OrderError> {
    load_orders(db, order::Entity::find().filter(order::Column::Id.eq(id)).filter(order::Column::ShopId.eq(shop.0)))
        .await?
        .into_iter()
        .next()
        .ok_or(OrderError::NotFound)
}

/// The shop's stock check: every held line is secured except `rejected`, which are cancelled with their
/// stock given back. With nothing left the order is cancelled. Run it in a (write) transaction.
pub async fn check_stock(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    rejected: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let current = get_shop_order(db, shop, id).await?;
    if let Some(unknown) = rejected.iter().find(|r| !current.lines.iter().any(|l| l.id == **r)) {
        return Err(OrderError::UnknownLine { line: *unknown });
    }
    let kept: Vec<_> = current.lines.iter().filter(|l| !rejected.contains(&l.id)).collect();
    let next = if kept.is_empty() { OrderStatus::Cancelled } else { OrderStatus::AwaitingPayment };
    current.status.transition(next)?;

    let tax = summarize_tax(
        kept.iter().map(|l| (l.tax_category, l.unit_price.times(u32::try_from(l.quantity).unwrap_or(0)))),
        RoundingMode::Down,
    );
    let tax_of =
        |category| tax.lines.iter().find(|t| t.category == category).map_or(0, |t| t.tax.to_yen().unwrap_or(0));
    // Only from the state we read: a concurrent check of the same order changes nothing twice.
    let moved = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(next.as_str()))
        .col_expr(order::Column::Total, Expr::value(tax.total.to_yen().unwrap_or(0)))
        .col_expr(order::Column::TaxStandard, Expr::value(tax_of(TaxCategory::Standard)))
        .col_expr(order::Column::TaxReduced, Expr::value(tax_of(TaxCategory::Reduced)))
        .col_expr(order::Column::UpdatedAt, Expr::value(now))
        .filter(order::Column::Id.eq(id))
        .filter(order::Column::Status.eq(current.status.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Err(OrderError::InvalidTransition { from: current.status.as_str(), to: next.as_str() });
    }
    for line in &current.lines {
        let status = if rejected.contains(&line.id) { LineStatus::Rejected } else { LineStatus::Secured };
        order_line::Entity::update_many()
            .col_expr(order_line::Column::Status, Expr::value(status.as_str()))
            .filter(order_line::Column::Id.eq(line.id))
            .exec(db)
            .await?;
        if status == LineStatus::Rejected {
            stock::Entity::update_many()
                .col_expr(stock::Column::Quantity, Expr::col(stock::Column::Quantity).add(line.quantity))
                .col_expr(stock::Column::UpdatedAt, Expr::value(now))
                .filter(stock::Column::VariantId.eq(line.variant_id.0))
                .filter(stock::Column::ShopId.eq(shop.0))
                .exec(db)
                .await?;
        }
    }

    if !rejected.is_empty() {
        let owner = order::Entity::find_by_id(id).one(db).await?.ok_or(OrderError::NotFound)?;
        let member = account::Entity::find_by_id(owner.account_id).one(db).await?.ok_or(OrderError::NotFound)?;
        let items: Vec<String> = current
            .lines
            .iter()
            .filter(|l| rejected.contains(&l.id))
            .map(|l| format!("{} ({} / {}) × {}", l.product_name, l.color, l.size, l.quantity))
            .collect();
        let mail = Email::render(
            &member.email,
            Template::OrderLinesRejected,
            Locale::parse_or_default(&member.locale),
            json!({
                "name": member.name,
                "number": current.number,
                "shop": current.shop_name,
                "items": items,
                "cancelled": next == OrderStatus::Cancelled,
                "total": tax.total.to_string(),
            }),
        )?;
        enqueue(db, mail, now).await?;
    }
    get_shop_order(db, shop, id).await
}
