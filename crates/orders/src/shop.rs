//! ORD-01: the shop's side — its order queue and the stock check that secures lines or rejects the ones
//! it cannot supply (stock given back, amounts recomputed, the member told).

use crate::error::OrderError;
use crate::model::{CancelReason, LineStatus, Order, OrderLine, OrderStatus, with_shipping};
use crate::queries::{Actor, order_for};
use chrono::{DateTime, Utc};
use kaimono_accounts::notify_member;
use kaimono_catalog::return_stock;
use kaimono_core::{Cursor, LIKE_ESCAPE, Money, Page, ShopId, TaxCategory, contains_pattern, search_words};
use kaimono_entity::{order, order_line};
use kaimono_messaging::Template;
use kaimono_payments::{Subject, issue_request, payment_link};
use sea_orm::sea_query::{Expr, LikeExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// What the shop's order list shows (SHOP-02).
#[derive(Debug, Clone, Default)]
pub struct ShopOrderFilter {
    pub status: Option<OrderStatus>,
    /// Part of the order number or of the recipient's name (kanji or kana).
    pub search: Option<String>,
    /// Newest (the default) or oldest first: the oldest waiting order is the most urgent.
    pub sort: kaimono_core::SortOrder,
}

/// The shop's orders in `filter.sort` order, `limit` per page after `after`.
pub async fn list_shop_orders(
    db: &impl ConnectionTrait,
    shop: ShopId,
    filter: &ShopOrderFilter,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<Order>, OrderError> {
    let mut query = order::Entity::find().filter(order::Column::ShopId.eq(shop.0));
    if let Some(status) = filter.status {
        query = query.filter(order::Column::Status.eq(status.as_str()));
    }
    for word in filter.search.as_deref().map(search_words).unwrap_or_default() {
        let pattern = LikeExpr::new(contains_pattern(&word)).escape(LIKE_ESCAPE);
        query = query.filter(Expr::col((order::Entity, order::Column::SearchText)).like(pattern));
    }
    crate::queries::page_of(db, query, after, limit, filter.sort).await
}

/// The shop's stock check: every held line is secured except `rejected`, which are cancelled with their
/// stock given back. With nothing left the order is cancelled. Run it in a (write) transaction.
pub async fn check_stock(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    rejected: &[Uuid],
    public_url: &str,
    by: kaimono_timeline::By,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let current = order_for(db, Actor::Shop(shop), id).await?;
    if let Some(unknown) = rejected.iter().find(|r| !current.lines.iter().any(|l| l.id == **r)) {
        return Err(OrderError::UnknownLine { line: *unknown });
    }
    let kept: Vec<_> = current.lines.iter().filter(|l| !rejected.contains(&l.id)).collect();
    let next = if kept.is_empty() { OrderStatus::Cancelled } else { OrderStatus::AwaitingPayment };
    current.status.transition(next)?;

    // CART-02: shipping follows what is left (the free-shipping threshold may no longer be reached).
    let goods: Money = kept.iter().map(|l| l.total()).sum();
    let shipping_fee = if kept.is_empty() {
        Money::ZERO
    } else {
        let rules = kaimono_catalog::shipping_of(db, shop).await?;
        match rules.quote(current.shipping_carrier, current.ship_to.prefecture, goods) {
            Ok(quote) => quote.fee,
            // The shop stopped using the carrier since: the fee charged at checkout stands.
            Err(kaimono_catalog::CatalogError::CarrierNotOffered) => current.shipping_fee,
            Err(e) => return Err(e.into()),
        }
    };
    let tax = with_shipping(kept.iter().map(|l| (l.tax_category, l.total())), shipping_fee);
    // Only from the state we read: a concurrent check of the same order changes nothing twice.
    let moved = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(next.as_str()))
        .col_expr(order::Column::Total, Expr::value(tax.total.to_yen()?))
        .col_expr(order::Column::TaxStandard, Expr::value(tax.tax_of(TaxCategory::Standard).to_yen()?))
        .col_expr(order::Column::TaxReduced, Expr::value(tax.tax_of(TaxCategory::Reduced).to_yen()?))
        .col_expr(order::Column::ShippingFee, Expr::value(shipping_fee.to_yen()?))
        .col_expr(order::Column::UpdatedAt, Expr::value(now))
        .filter(order::Column::Id.eq(id))
        .filter(order::Column::Status.eq(current.status.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Err(OrderError::InvalidTransition { from: current.status.as_str(), to: next.as_str() });
    }
    let cancelled = i64::from(next == OrderStatus::Cancelled);
    kaimono_accounts::count_purchase(db, current.account_id, -cancelled, tax.total - current.total, now).await?;
    let note = (!rejected.is_empty()).then(|| format!("rejected_lines={}", rejected.len()));
    crate::fulfilment::record(db, id, next.as_str(), by, note, now).await?;
    for line in &current.lines {
        let status = if rejected.contains(&line.id) { LineStatus::Rejected } else { LineStatus::Secured };
        order_line::Entity::update_many()
            .col_expr(order_line::Column::Status, Expr::value(status.as_str()))
            .filter(order_line::Column::Id.eq(line.id))
            .exec(db)
            .await?;
        if status == LineStatus::Rejected {
            return_stock(db, shop, line.variant_id, line.quantity, now).await?;
        }
    }
    if next == OrderStatus::Cancelled {
        order::Entity::update_many()
            .col_expr(order::Column::CancelledAt, Expr::value(now))
            .col_expr(order::Column::CancelReason, Expr::value(CancelReason::OutOfStock.as_str()))
            .filter(order::Column::Id.eq(id))
            .exec(db)
            .await?;
    }

    if !rejected.is_empty() {
        let items: Vec<_> =
            current.lines.iter().filter(|l| rejected.contains(&l.id)).map(OrderLine::mail_item).collect();
        let context = json!({
            "number": current.number,
            "shop": current.shop_name,
            "items": items,
            "cancelled": next == OrderStatus::Cancelled,
            "total": tax.total.to_string(),
        });
        notify_member(db, current.account_id, shop, Template::OrderLinesRejected, context, now).await?;
    }
    if next == OrderStatus::AwaitingPayment {
        // ORD-02, PAY-04: the payment request, in the same transaction as the secured stock.
        let expires_at = kaimono_catalog::get_shop(db, shop).await?.policy.payment_expiry(now);
        let subject = Subject::Order(id);
        let token = issue_request(db, subject, current.account_id, shop, tax.total, expires_at, now).await?;
        let secured = order_for(db, Actor::Shop(shop), id).await?;
        let context = json!({
            "number": secured.number,
            "shop": secured.shop_name,
            "items": secured.mail_items(),
            "shipping_fee": (secured.shipping_fee > Money::ZERO).then(|| secured.shipping_fee.to_string()),
            "total": secured.total.to_string(),
            "url": payment_link(public_url, &token),
            "expires": expires_at.to_rfc3339(),
        });
        notify_member(db, current.account_id, shop, Template::OrderPaymentRequested, context, now).await?;
        return Ok(secured);
    }
    order_for(db, Actor::Shop(shop), id).await
}

/// SHOP-01: how many of the shop's orders are in each status.
pub async fn count_shop_orders(db: &impl ConnectionTrait, shop: ShopId) -> Result<Vec<(OrderStatus, u64)>, OrderError> {
    use sea_orm::PaginatorTrait;
    let mut counts = Vec::new();
    for status in OrderStatus::ALL {
        let n = order::Entity::find()
            .filter(order::Column::ShopId.eq(shop.0))
            .filter(order::Column::Status.eq(status.as_str()))
            .count(db)
            .await?;
        counts.push((status, n));
    }
    Ok(counts)
}
