//! The preflight report (issue 12, item 10): what will go wrong with the shop's upcoming generations,
//! read days ahead — a delivery on a day the shop is closed, stock short of what the upcoming deliveries
//! need, and a card that will have expired by its order's generation (so its authorization will fail).
//! Read-only.

use crate::error::SubscriptionError;
use crate::model::PaymentMethod;
use crate::queries::upcoming;
use crate::settings::subscription_settings;
use crate::store::load;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use kaimono_core::japan::japan_today;
use kaimono_core::{Carrier, ShopId, VariantId};
use kaimono_entity::subscription;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The largest horizon of a report.
pub const MAX_PREFLIGHT_DAYS: u32 = 60;

/// One thing to look at before a generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreflightIssue {
    /// The delivery falls on a day the shop's calendar has it closed.
    ClosedDay { subscription_id: Uuid, number: String, delivery_on: NaiveDate },
    /// The upcoming deliveries need more of a variant than the shop's shelf holds now.
    StockShort { variant_id: VariantId, product_name: String, sku: String, needed: u32, available: i32 },
    /// The card expires before the order is generated: its authorization will fail.
    CardExpiresBeforeGeneration {
        subscription_id: Uuid,
        number: String,
        generation_on: NaiveDate,
        exp_month: i16,
        exp_year: i16,
    },
    /// PAY-08: the subscription's payment method does not work with its carrier (the shop's settings or
    /// an edit changed one of them since).
    MethodNotForCarrier { subscription_id: Uuid, number: String, payment_method: PaymentMethod, carrier: Carrier },
}

/// The report for generations from today to `days` ahead.
pub async fn preflight(
    db: &impl ConnectionTrait,
    shop: ShopId,
    days: u32,
    now: DateTime<Utc>,
) -> Result<Vec<PreflightIssue>, SubscriptionError> {
    let today = japan_today(now);
    let until = today + Duration::days(i64::from(days.min(MAX_PREFLIGHT_DAYS)));
    let settings = subscription_settings(db, shop).await?;
    let lead_days = settings.lead_days;
    let calendar = kaimono_catalog::get_shop(db, shop).await?.calendar;
    let rows = subscription::Entity::find()
        .filter(subscription::Column::ShopId.eq(shop.0))
        .filter(subscription::Column::Status.eq("active"))
        .filter(subscription::Column::NextGenerationOn.lte(until))
        .all(db)
        .await?;
    let subscriptions = load(db, rows).await?;
    let cards = kaimono_payments::cards_by_id(db, subscriptions.iter().filter_map(|s| s.card_id)).await?;
    let mut issues = Vec::new();
    let mut needed: BTreeMap<VariantId, (u32, String, String)> = BTreeMap::new();
    for s in &subscriptions {
        if let Some(carrier) = s.carrier
            && !settings.method_takes(s.payment_method, Some(carrier))
        {
            issues.push(PreflightIssue::MethodNotForCarrier {
                subscription_id: s.id,
                number: s.number.clone(),
                payment_method: s.payment_method,
                carrier,
            });
        }
        for delivery in upcoming(s, lead_days).take_while(|d| d.generation_on <= until) {
            if matches!(delivery.status, crate::queries::DeliveryStatus::Upcoming { skip: true }) {
                continue;
            }
            if !calendar.rules.is_business_day(delivery.delivery_on) {
                issues.push(PreflightIssue::ClosedDay {
                    subscription_id: s.id,
                    number: s.number.clone(),
                    delivery_on: delivery.delivery_on,
                });
            }
            for item in s.active_items() {
                let entry = needed.entry(item.variant_id).or_insert((0, item.product_name.clone(), item.sku.clone()));
                entry.0 += item.quantity;
            }
            if s.payment_method == PaymentMethod::Card
                && let Some(card) = s.card_id.and_then(|c| cards.get(&c))
            {
                let expiry = i32::from(card.exp_year) * 12 + i32::from(card.exp_month) - 1;
                let generation =
                    delivery.generation_on.year() * 12 + i32::try_from(delivery.generation_on.month0()).unwrap_or(0);
                if expiry < generation {
                    issues.push(PreflightIssue::CardExpiresBeforeGeneration {
                        subscription_id: s.id,
                        number: s.number.clone(),
                        generation_on: delivery.generation_on,
                        exp_month: card.exp_month,
                        exp_year: card.exp_year,
                    });
                }
            }
        }
    }
    let shelf = kaimono_catalog::variant_views(db, needed.keys().copied()).await?;
    for (variant, (count, product_name, sku)) in needed {
        let available = shelf.get(&variant).map_or(0, |v| v.available);
        if i64::from(count) > i64::from(available) {
            issues.push(PreflightIssue::StockShort {
                variant_id: variant,
                product_name,
                sku,
                needed: count,
                available,
            });
        }
    }
    Ok(issues)
}
