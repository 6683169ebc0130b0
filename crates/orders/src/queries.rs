//! ORD-04: the member's orders.

use crate::error::OrderError;
use crate::model::{
    CancelReason, Carrier, LineStatus, Order, OrderLine, OrderStatus, OrderSubscription, Shipment, ShippingAddress,
};
use kaimono_core::{AccountId, Cursor, Money, Page, ShopId, TaxCategory, VariantId};
use kaimono_entity::{order, order_line};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;
use uuid::Uuid;

/// The orders `query` selects, newest first, with their lines and shop names.
pub(crate) async fn load_orders(
    db: &impl ConnectionTrait,
    query: Select<order::Entity>,
) -> Result<Vec<Order>, OrderError> {
    let rows = query.order_by_desc(order::Column::Id).all(db).await?;
    let mut lines: HashMap<Uuid, Vec<OrderLine>> = HashMap::new();
    for l in order_line::Entity::find()
        .filter(order_line::Column::OrderId.is_in(rows.iter().map(|o| o.id)))
        .order_by_asc(order_line::Column::Id)
        .all(db)
        .await?
    {
        let quantity = crate::cart::quantity(l.quantity)?;
        lines.entry(l.order_id).or_default().push(OrderLine {
            id: l.id,
            variant_id: VariantId(l.variant_id),
            sku: l.sku,
            product_name: l.product_name,
            color: l.color,
            size: l.size,
            tax_category: TaxCategory::parse(&l.tax_category).unwrap_or(TaxCategory::Standard),
            unit_price: Money::yen(l.unit_price),
            quantity,
            status: LineStatus::parse(&l.status).unwrap_or(LineStatus::Held),
            stocked: l.stocked,
            image: None,
        });
    }
    let covers = kaimono_catalog::variant_covers(db, lines.values().flatten().map(|l| l.variant_id)).await?;
    for line in lines.values_mut().flatten() {
        line.image = covers.get(&line.variant_id).cloned();
    }
    let shops = kaimono_catalog::shop_names(db, rows.iter().map(|o| ShopId(o.shop_id))).await?;
    Ok(rows
        .into_iter()
        .map(|o| Order {
            id: o.id,
            number: o.number,
            account_id: AccountId(o.account_id),
            shop_id: ShopId(o.shop_id),
            shop_name: shops.get(&ShopId(o.shop_id)).cloned().unwrap_or_default(),
            status: OrderStatus::parse(&o.status).unwrap_or(OrderStatus::AwaitingStockCheck),
            ship_to: ShippingAddress {
                postal_code: o.ship_postal_code,
                prefecture: o.ship_prefecture,
                city: o.ship_city,
                street: o.ship_street,
                building: o.ship_building,
                recipient_name: o.ship_name,
                recipient_kana: o.ship_name_kana,
                phone: o.ship_phone,
            },
            delivery_date: o.delivery_date,
            delivery_time_slot: o.delivery_time_slot,
            total: Money::yen(o.total),
            shipping_fee: Money::yen(o.shipping_fee),
            shipping_carrier: o.shipping_carrier.as_deref().and_then(Carrier::parse),
            tax_standard: Money::yen(o.tax_standard),
            tax_reduced: Money::yen(o.tax_reduced),
            lines: lines.remove(&o.id).unwrap_or_default(),
            created_at: o.created_at,
            paid_at: o.paid_at,
            shipment: match (o.carrier.as_deref().and_then(Carrier::parse), o.tracking_number, o.shipped_at) {
                (Some(carrier), Some(tracking_number), Some(shipped_at)) => {
                    Some(Shipment { carrier, tracking_number, shipped_at })
                }
                _ => None,
            },
            cancelled_at: o.cancelled_at,
            cancel_reason: o.cancel_reason.as_deref().and_then(CancelReason::parse),
            subscription: match (o.subscription_id, o.subscription_number) {
                (Some(id), Some(number)) => {
                    Some(OrderSubscription { id, number, next_delivery_on: o.next_delivery_on })
                }
                _ => None,
            },
            memo: o.memo,
            payment_method: o.payment_method,
            payment_method_name: o.payment_method_name,
            payment_fee: Money::yen(o.payment_fee),
            points_used: Money::yen(o.points_used),
        })
        .collect())
}

/// ORD-04: the member's orders, newest first, `limit` per page after `after`.
pub async fn list_member_orders(
    db: &impl ConnectionTrait,
    account: AccountId,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<Order>, OrderError> {
    let query = order::Entity::find().filter(order::Column::AccountId.eq(account.0));
    page_of(db, query, after, limit, kaimono_core::SortOrder::NewestFirst).await
}

/// A page of the orders `query` selects, newest first.
pub(crate) async fn page_of(
    db: &impl ConnectionTrait,
    mut query: Select<order::Entity>,
    after: Option<&Cursor>,
    limit: u64,
    sort: kaimono_core::SortOrder,
) -> Result<Page<Order>, OrderError> {
    // Ids are time-ordered: the id is both the sort key and the cursor.
    query = match sort {
        kaimono_core::SortOrder::NewestFirst => query.order_by_desc(order::Column::Id),
        kaimono_core::SortOrder::OldestFirst => query.order_by_asc(order::Column::Id),
    };
    if let Some(after) = after {
        query = match sort {
            kaimono_core::SortOrder::NewestFirst => query.filter(order::Column::Id.lt(after.id)),
            kaimono_core::SortOrder::OldestFirst => query.filter(order::Column::Id.gt(after.id)),
        };
    }
    let rows = load_orders(db, query.limit(limit + 1)).await?;
    Ok(Page::from_rows(rows, limit, |o| Cursor::after(o.id)))
}

/// Who looks at an order: its member, one of its shop's staff, or the system (expiry).
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    Member(AccountId),
    Shop(ShopId),
    System,
}

/// The order, if `actor` may see it; anyone else's is indistinguishable from a missing one.
pub async fn order_for(db: &impl ConnectionTrait, actor: Actor, id: Uuid) -> Result<Order, OrderError> {
    let query = order::Entity::find().filter(order::Column::Id.eq(id));
    let query = match actor {
        Actor::Member(account) => query.filter(order::Column::AccountId.eq(account.0)),
        Actor::Shop(shop) => query.filter(order::Column::ShopId.eq(shop.0)),
        Actor::System => query,
    };
    load_orders(db, query).await?.into_iter().next().ok_or(OrderError::NotFound)
}

/// The order's timeline as `actor` may read it: staff see every entry and who did it; the member sees
/// the entries meant for them.
pub async fn order_timeline(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
) -> Result<Vec<kaimono_timeline::Event>, OrderError> {
    order_for(db, actor, id).await?;
    let audience = match actor {
        Actor::Member(_) => kaimono_timeline::Audience::Member,
        Actor::Shop(_) | Actor::System => kaimono_timeline::Audience::Staff,
    };
    Ok(kaimono_timeline::events(db, kaimono_timeline::Subject::Order(id), audience).await?)
}
