//! SUB-01, SUB-04, SUB-12: the orders of a subscription — the first one, placed with the subscription
//! (its stock held like any order's), and the generated ones, which never touch the shelf and send no
//! email (seed 002). The subscriptions crate decides what goes in them; this module only writes them.

use crate::checkout::{NewOrder, order_row};
use crate::error::OrderError;
use crate::model::{Carrier, LineStatus, MAX_LINE_QUANTITY, OrderStatus, OrderSubscription, with_shipping};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_catalog::{CatalogError, take_stock};
use kaimono_core::{AccountId, Money, ShippingAddress, ShopId, TaxCategory, VariantId};
use kaimono_entity::{order, order_line};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

/// One line of a subscription's order, priced by the subscription (SUB-03).
#[derive(Debug, Clone)]
pub struct SubscriptionLine {
    pub variant_id: VariantId,
    pub sku: String,
    pub product_name: String,
    pub color: String,
    pub size: String,
    pub tax_category: TaxCategory,
    pub unit_price: Money,
    pub quantity: u32,
}

/// A subscription's order to write.
#[derive(Debug, Clone)]
pub struct SubscriptionOrder {
    pub account_id: AccountId,
    pub shop_id: ShopId,
    pub ship_to: ShippingAddress,
    /// The first order may have no wished date; a generated one is for its scheduled delivery.
    pub delivery_date: Option<NaiveDate>,
    pub time_slot: Option<String>,
    pub carrier: Option<Carrier>,
    pub lines: Vec<SubscriptionLine>,
    pub shipping_fee: Money,
    pub payment_fee: Money,
    pub payment_method: String,
    /// A shop's own method's name (PAY-08), as the subscription keeps it.
    pub payment_method_name: Option<String>,
    pub subscription: OrderSubscription,
    pub memo: Option<String>,
    /// The first order holds its stock like any order; generated ones don't (SUB-04).
    pub take_stock: bool,
    /// SUB-15: points the member pays part of the first order with (taken from the balance here).
    pub points: i64,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct PlacedOrder {
    pub id: Uuid,
    pub number: String,
    pub total: Money,
    /// The total less the points used.
    pub amount_due: Money,
}

/// Writes a subscription's order in the caller's transaction. A first order's stock is taken in
/// ascending variant order (as checkout does) and refused when short. The caller counts the purchase
/// (`kaimono_accounts::count_purchase`; generation counts a whole batch at once).
pub async fn place_subscription_order(
    db: &impl ConnectionTrait,
    order: SubscriptionOrder,
    now: DateTime<Utc>,
) -> Result<PlacedOrder, OrderError> {
    if order.take_stock {
        let mut held: Vec<&SubscriptionLine> = order.lines.iter().collect();
        held.sort_by_key(|l| l.variant_id);
        for line in held {
            match take_stock(db, order.shop_id, line.variant_id, line.quantity, now).await {
                Err(CatalogError::InsufficientStock { available }) => {
                    return Err(OrderError::InsufficientStock {
                        variant: line.variant_id,
                        product_name: line.product_name.clone(),
                        sku: line.sku.clone(),
                        available,
                    });
                }
                other => other?,
            }
        }
    }
    let points = order.points;
    let account = order.account_id;
    let what = if order.take_stock { "placed" } else { "generated" };
    let (row, lines, placed) = rows(order, now)?;
    order::Entity::insert(row).exec_without_returning(db).await?;
    kaimono_accounts::use_points(db, account, points, &placed.number, Some(placed.id), now).await?;
    order_line::Entity::insert_many(lines).exec_without_returning(db).await?;
    crate::fulfilment::record(db, placed.id, what, kaimono_timeline::By::System, None, now).await?;
    Ok(placed)
}

/// SUB-04: writes a batch of generated orders — no stock taken, no points used — with one statement
/// each for their rows, lines and timeline entries, in the caller's transaction; placed in `orders`' order.
pub async fn place_generated_orders(
    db: &impl ConnectionTrait,
    orders: Vec<SubscriptionOrder>,
    now: DateTime<Utc>,
) -> Result<Vec<PlacedOrder>, OrderError> {
    if orders.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows_of_orders = Vec::with_capacity(orders.len());
    let mut rows_of_lines = Vec::with_capacity(orders.len());
    let mut placed = Vec::with_capacity(orders.len());
    for order in orders {
        if order.take_stock || order.points != 0 {
            return Err(OrderError::Corrupt("a generated order takes no stock and uses no points".into()));
        }
        let (row, lines, done) = rows(order, now)?;
        rows_of_orders.push(row);
        rows_of_lines.extend(lines);
        placed.push(done);
    }
    order::Entity::insert_many(rows_of_orders).exec_without_returning(db).await?;
    order_line::Entity::insert_many(rows_of_lines).exec_without_returning(db).await?;
    let generated = placed.iter().map(|p| (p.id, None)).collect();
    crate::fulfilment::record_each(db, generated, "generated", kaimono_timeline::By::System, now).await?;
    Ok(placed)
}

/// A subscription's order as rows: the order's, its lines', and what was placed.
fn rows(
    order: SubscriptionOrder,
    now: DateTime<Utc>,
) -> Result<(kaimono_entity::order::ActiveModel, Vec<order_line::ActiveModel>, PlacedOrder), OrderError> {
    // A generated line is secured for shipping without touching the shelf.
    let line_status = if order.take_stock { LineStatus::Held } else { LineStatus::Secured };
    let tax = with_shipping(
        order.lines.iter().map(|l| (l.tax_category, l.unit_price.times(l.quantity))),
        order.shipping_fee + order.payment_fee,
    );
    let id = Uuid::now_v7();
    let number = kaimono_core::ids::display_number("", id, now);
    let row = order_row(
        NewOrder {
            id,
            number: &number,
            account_id: order.account_id,
            shop_id: order.shop_id,
            status: OrderStatus::AwaitingPayment,
            ship_to: &order.ship_to,
            delivery_date: order.delivery_date,
            time_slot: order.time_slot,
            tax: &tax,
            shipping_fee: order.shipping_fee,
            payment_fee: order.payment_fee,
            carrier: order.carrier,
            subscription: Some(&order.subscription),
            memo: order.memo,
            payment_method: Some(order.payment_method),
            payment_method_name: order.payment_method_name,
            points_used: order.points,
        },
        now,
    )?;
    let mut lines = Vec::with_capacity(order.lines.len());
    for l in &order.lines {
        lines.push(order_line::ActiveModel {
            id: Set(Uuid::now_v7()),
            order_id: Set(id),
            variant_id: Set(l.variant_id.0),
            sku: Set(l.sku.clone()),
            product_name: Set(l.product_name.clone()),
            color: Set(l.color.clone()),
            size: Set(l.size.clone()),
            tax_category: Set(l.tax_category.as_str().to_owned()),
            unit_price: Set(l.unit_price.to_yen()?),
            quantity: Set(
                i32::try_from(l.quantity).map_err(|_| OrderError::QuantityTooLarge { max: MAX_LINE_QUANTITY })?
            ),
            status: Set(line_status.as_str().to_owned()),
            stocked: Set(order.take_stock),
        });
    }
    let placed = PlacedOrder { id, number, total: tax.total, amount_due: tax.total - Money::yen(order.points) };
    Ok((row, lines, placed))
}
