//! Subscriptions as the other modules see them: read from their rows with their items and shop name.

use crate::error::SubscriptionError;
use crate::model::{Cycle, PaymentMethod};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::{AccountId, Carrier, Money, ProductId, ShippingAddress, ShopId, TaxCategory, VariantId};
use kaimono_entity::{subscription, subscription_item};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// Running, or ended for good (SUB-06).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriptionStatus {
    Active,
    Ended,
}

impl SubscriptionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SubscriptionStatus::Active => "active",
            SubscriptionStatus::Ended => "ended",
        }
    }
}

/// An item of a subscription: a snapshot, untouched by later catalog edits (SUB-03).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionItem {
    pub id: Uuid,
    pub product_id: ProductId,
    pub variant_id: VariantId,
    pub product_name: String,
    pub sku: String,
    pub color: String,
    pub size: String,
    pub tax_category: TaxCategory,
    pub first_price: Money,
    /// The price from the 2nd delivery on.
    pub unit_price: Money,
    /// A raised 2nd+ price that waits for the member's consent (issue 12, item 10); generation keeps
    /// charging `unit_price` until then.
    pub proposed_price: Option<Money>,
    pub quantity: u32,
    pub max_deliveries: Option<u32>,
    pub deliveries: u32,
    /// False once it reached its maximum and dropped out (SUB-06).
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct Subscription {
    pub id: Uuid,
    pub shop_id: ShopId,
    pub shop_name: String,
    pub account_id: AccountId,
    pub number: String,
    pub status: SubscriptionStatus,
    pub cycle: Cycle,
    pub carrier: Option<Carrier>,
    pub time_slot: Option<String>,
    pub payment_method: PaymentMethod,
    /// A shop's own method's name as it was when chosen (seed 002: a rename shows once set again).
    pub custom_method_name: Option<String>,
    pub card_id: Option<Uuid>,
    pub ship_to: ShippingAddress,
    /// Fixed at sign-up unless staff edit it.
    pub shipping_fee: Money,
    pub fee: Money,
    pub memo: String,
    /// Deliveries so far, the first order included (SUB-13).
    pub deliveries: u32,
    pub next_delivery_on: NaiveDate,
    pub next_generation_on: NaiveDate,
    pub skip_next: bool,
    pub last_delivery_on: Option<NaiveDate>,
    pub last_generated_at: Option<DateTime<Utc>>,
    pub items: Vec<SubscriptionItem>,
    /// The final confirmation the member agreed to (JSON) and its SHA-256.
    pub confirmation: String,
    pub confirmation_sha256: String,
    pub created_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl Subscription {
    /// The items still delivered.
    pub fn active_items(&self) -> impl Iterator<Item = &SubscriptionItem> {
        self.items.iter().filter(|i| i.active)
    }

    /// Goods of one delivery from the 2nd on, tax-inclusive.
    pub fn later_goods(&self) -> Money {
        self.active_items().map(|i| i.unit_price.times(i.quantity)).sum()
    }

    /// How many more deliveries at most (none: no limit): the longest-running item decides.
    pub fn deliveries_left(&self) -> Option<u32> {
        let mut left = 0;
        for item in self.active_items() {
            left = left.max(item.max_deliveries?.saturating_sub(item.deliveries));
        }
        Some(left)
    }
}

fn corrupt(id: Uuid, what: &str) -> SubscriptionError {
    SubscriptionError::Corrupt(format!("subscription {id}: {what}"))
}

fn count(value: i32, id: Uuid) -> Result<u32, SubscriptionError> {
    u32::try_from(value).map_err(|_| corrupt(id, "negative count"))
}

fn to_item(r: subscription_item::Model) -> Result<SubscriptionItem, SubscriptionError> {
    Ok(SubscriptionItem {
        id: r.id,
        product_id: ProductId(r.product_id),
        variant_id: VariantId(r.variant_id),
        tax_category: TaxCategory::parse(&r.tax_category).ok_or_else(|| corrupt(r.subscription_id, "tax"))?,
        first_price: Money::yen(r.first_price),
        unit_price: Money::yen(r.unit_price),
        proposed_price: r.proposed_price.map(Money::yen),
        quantity: count(r.quantity, r.subscription_id)?,
        max_deliveries: r.max_deliveries.map(|m| count(m, r.subscription_id)).transpose()?,
        deliveries: count(r.deliveries, r.subscription_id)?,
        active: r.active,
        product_name: r.product_name,
        sku: r.sku,
        color: r.color,
        size: r.size,
    })
}

/// The subscriptions of these rows, in their order, with items and shop names.
pub(crate) async fn load(
    db: &impl ConnectionTrait,
    rows: Vec<subscription::Model>,
) -> Result<Vec<Subscription>, SubscriptionError> {
    let mut items: HashMap<Uuid, Vec<SubscriptionItem>> = HashMap::new();
    for r in subscription_item::Entity::find()
        .filter(subscription_item::Column::SubscriptionId.is_in(rows.iter().map(|s| s.id)))
        .order_by_asc(subscription_item::Column::Id)
        .all(db)
        .await?
    {
        items.entry(r.subscription_id).or_default().push(to_item(r)?);
    }
    let shops = kaimono_catalog::shop_names(db, rows.iter().map(|s| ShopId(s.shop_id))).await?;
    rows.into_iter()
        .map(|s| {
            let cycle = Cycle::parse(&s.cycle_kind, count(s.cycle_value, s.id)?)?;
            Ok(Subscription {
                shop_name: shops.get(&ShopId(s.shop_id)).cloned().unwrap_or_default(),
                items: items.remove(&s.id).unwrap_or_default(),
                status: match s.status.as_str() {
                    "active" => SubscriptionStatus::Active,
                    "ended" => SubscriptionStatus::Ended,
                    other => return Err(corrupt(s.id, other)),
                },
                cycle,
                carrier: s.carrier.as_deref().and_then(Carrier::parse),
                payment_method: PaymentMethod::stored(&s.payment_method, s.custom_method_id)
                    .ok_or_else(|| corrupt(s.id, "payment"))?,
                custom_method_name: s.custom_method_name,
                ship_to: ShippingAddress {
                    postal_code: s.ship_postal_code,
                    prefecture: s.ship_prefecture,
                    city: s.ship_city,
                    street: s.ship_street,
                    building: s.ship_building,
                    recipient_name: s.ship_name,
                    recipient_kana: s.ship_name_kana,
                    phone: s.ship_phone,
                },
                deliveries: count(s.deliveries, s.id)?,
                id: s.id,
                shop_id: ShopId(s.shop_id),
                account_id: AccountId(s.account_id),
                number: s.number,
                time_slot: s.time_slot,
                card_id: s.card_id,
                shipping_fee: Money::yen(s.shipping_fee),
                fee: Money::yen(s.fee),
                memo: s.memo,
                next_delivery_on: s.next_delivery_on,
                next_generation_on: s.next_generation_on,
                skip_next: s.skip_next,
                last_delivery_on: s.last_delivery_on,
                last_generated_at: s.last_generated_at,
                confirmation: s.confirmation,
                confirmation_sha256: s.confirmation_sha256,
                created_at: s.created_at,
                ended_at: s.ended_at,
            })
        })
        .collect()
}

/// Writes `changes` (and `updated_at`) to an active subscription only if it is still at the delivery it
/// was read at; `false` when generation or another change moved it first.
pub(crate) async fn update_at_delivery(
    db: &impl ConnectionTrait,
    s: &Subscription,
    changes: Vec<(subscription::Column, sea_orm::sea_query::SimpleExpr)>,
    now: DateTime<Utc>,
) -> Result<bool, SubscriptionError> {
    Ok(update_many_at_delivery(db, &[s.id], s.next_delivery_on, changes, now).await? == 1)
}

/// Writes `changes` (and `updated_at`) to those of the active subscriptions `ids` still at `delivery`;
/// how many were.
pub(crate) async fn update_many_at_delivery(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    delivery: chrono::NaiveDate,
    changes: Vec<(subscription::Column, sea_orm::sea_query::SimpleExpr)>,
    now: DateTime<Utc>,
) -> Result<u64, SubscriptionError> {
    use sea_orm::sea_query::Expr;
    let mut update = subscription::Entity::update_many().col_expr(subscription::Column::UpdatedAt, Expr::value(now));
    for (column, value) in changes {
        update = update.col_expr(column, value);
    }
    let moved = update
        .filter(subscription::Column::Id.is_in(ids.iter().copied()))
        .filter(subscription::Column::Status.eq("active"))
        .filter(subscription::Column::NextDeliveryOn.eq(delivery))
        .exec(db)
        .await?;
    Ok(moved.rows_affected)
}
