//! SUB-07, SUB-10: the shop's subscription list and a subscription's detail with its delivery schedule,
//! past (the generation ledger) and upcoming (from the cycle).

use crate::error::SubscriptionError;
use crate::model::generation_on;
use crate::settings::subscription_settings;
use crate::store::{Subscription, SubscriptionStatus, load};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::{AccountId, Cursor, LIKE_ESCAPE, Page, ShopId, contains_pattern, search_words};
use kaimono_entity::{subscription, subscription_consent, subscription_delivery};
use sea_orm::sea_query::{Expr, LikeExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Who looks at a subscription: its member or its shop's staff.
#[derive(Debug, Clone, Copy)]
pub enum Viewer {
    Member(AccountId),
    Shop(ShopId),
}

/// The subscription, if `viewer` may see it; anyone else's is indistinguishable from a missing one.
pub async fn subscription_for(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    id: Uuid,
) -> Result<Subscription, SubscriptionError> {
    let query = subscription::Entity::find().filter(subscription::Column::Id.eq(id));
    let query = match viewer {
        Viewer::Member(account) => query.filter(subscription::Column::AccountId.eq(account.0)),
        Viewer::Shop(shop) => query.filter(subscription::Column::ShopId.eq(shop.0)),
    };
    let rows = query.all(db).await?;
    load(db, rows).await?.pop().ok_or(SubscriptionError::NotFound)
}

/// A subscription with its schedule, as its detail pages show it.
#[derive(Debug, Clone)]
pub struct SubscriptionDetail {
    pub subscription: Subscription,
    pub schedule: Vec<ScheduledDelivery>,
    /// Issue 12, item 10: the member's consents to raised prices, oldest first.
    pub price_consents: Vec<PriceConsent>,
}

/// One consent to raised prices: what the member agreed to, kept as it was and hashed.
#[derive(Debug, Clone)]
pub struct PriceConsent {
    pub content: serde_json::Value,
    pub content_sha256: String,
    pub consented_at: DateTime<Utc>,
}

/// The subscription and its delivery schedule, if `viewer` may see it.
pub async fn subscription_detail(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    id: Uuid,
) -> Result<SubscriptionDetail, SubscriptionError> {
    let subscription = subscription_for(db, viewer, id).await?;
    let schedule = delivery_schedule(db, &subscription).await?;
    let price_consents = price_consents(db, id).await?;
    Ok(SubscriptionDetail { subscription, schedule, price_consents })
}

/// The member's consents to raised prices, oldest first.
async fn price_consents(db: &impl ConnectionTrait, subscription: Uuid) -> Result<Vec<PriceConsent>, SubscriptionError> {
    use sea_orm::QueryOrder;
    subscription_consent::Entity::find()
        .filter(subscription_consent::Column::SubscriptionId.eq(subscription))
        .order_by_asc(subscription_consent::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            Ok(PriceConsent {
                content: serde_json::from_str(&c.content)
                    .map_err(|e| SubscriptionError::Corrupt(format!("consent {}: {e}", c.id)))?,
                content_sha256: c.content_sha256,
                consented_at: c.created_at,
            })
        })
        .collect()
}

/// What the shop's list shows.
#[derive(Debug, Clone, Default)]
pub struct SubscriptionFilter {
    pub status: Option<SubscriptionStatus>,
    /// Part of the subscription number or of the recipient's name (kanji or kana).
    pub search: Option<String>,
    /// Only those whose next order is generated on or before this date.
    pub generation_by: Option<NaiveDate>,
}

/// SUB-07: the shop's subscriptions, newest first, `limit` per page after `after`.
pub async fn shop_subscriptions(
    db: &impl ConnectionTrait,
    shop: ShopId,
    filter: &SubscriptionFilter,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<Subscription>, SubscriptionError> {
    let mut query = subscription::Entity::find().filter(subscription::Column::ShopId.eq(shop.0));
    if let Some(status) = filter.status {
        query = query.filter(subscription::Column::Status.eq(status.as_str()));
    }
    if let Some(date) = filter.generation_by {
        query = query
            .filter(subscription::Column::Status.eq("active"))
            .filter(subscription::Column::NextGenerationOn.lte(date));
    }
    for word in filter.search.as_deref().map(search_words).unwrap_or_default() {
        let pattern = LikeExpr::new(contains_pattern(&word)).escape(LIKE_ESCAPE);
        query = query.filter(Expr::col((subscription::Entity, subscription::Column::SearchText)).like(pattern));
    }
    page(db, query, after, limit).await
}

/// SUB-10: the member's subscriptions, newest first.
pub async fn member_subscriptions(
    db: &impl ConnectionTrait,
    account: AccountId,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<Subscription>, SubscriptionError> {
    let query = subscription::Entity::find().filter(subscription::Column::AccountId.eq(account.0));
    page(db, query, after, limit).await
}

async fn page(
    db: &impl ConnectionTrait,
    mut query: sea_orm::Select<subscription::Entity>,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<Subscription>, SubscriptionError> {
    // Ids are time-ordered: the id is both the sort key and the cursor.
    if let Some(after) = after {
        query = query.filter(subscription::Column::Id.lt(after.id));
    }
    let rows = query.order_by_desc(subscription::Column::Id).limit(limit + 1).all(db).await?;
    Ok(Page::from_rows(load(db, rows).await?, limit, |s| Cursor::after(s.id)))
}

/// Where a delivery of the schedule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    /// Its order exists (the first order, or generated).
    Generated,
    /// Skipped (SUB-05): no order, not counted.
    Skipped,
    /// Ahead; `skip` says the shop plans to skip it.
    Upcoming { skip: bool },
}

/// One delivery of a subscription's schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledDelivery {
    pub delivery_on: NaiveDate,
    /// When its order was or will be generated.
    pub generation_on: NaiveDate,
    pub status: DeliveryStatus,
    pub order_id: Option<Uuid>,
    /// The delivery count after it (generated ones), or what it will be.
    pub sequence: Option<u32>,
    pub generated_at: Option<DateTime<Utc>>,
}

/// How many upcoming deliveries the schedule shows.
pub const UPCOMING: usize = 6;

/// SUB-07: past deliveries from the ledger, then up to [`UPCOMING`] ahead — the next one at its
/// stored generation date, the later ones at the shop's lead time now — ending where the items' maximum
/// ends the subscription.
pub async fn delivery_schedule(
    db: &impl ConnectionTrait,
    s: &Subscription,
) -> Result<Vec<ScheduledDelivery>, SubscriptionError> {
    let mut schedule: Vec<ScheduledDelivery> = subscription_delivery::Entity::find()
        .filter(subscription_delivery::Column::SubscriptionId.eq(s.id))
        .order_by_asc(subscription_delivery::Column::DeliveryOn)
        .all(db)
        .await?
        .into_iter()
        .map(|r| ScheduledDelivery {
            delivery_on: r.delivery_on,
            generation_on: r.generation_on,
            status: if r.status == "skipped" { DeliveryStatus::Skipped } else { DeliveryStatus::Generated },
            order_id: r.order_id,
            sequence: (r.status != "skipped").then(|| u32::try_from(r.sequence).unwrap_or(0)),
            generated_at: Some(r.created_at),
        })
        .collect();
    if s.status == SubscriptionStatus::Ended {
        return Ok(schedule);
    }
    let lead_days = subscription_settings(db, s.shop_id).await?.lead_days;
    schedule.extend(upcoming(s, lead_days).take(UPCOMING));
    Ok(schedule)
}

/// The deliveries ahead of an active subscription, in order: the next one at its stored generation date,
/// the later ones at `lead_days`; a planned skip is not counted; it stops where the items' maximum ends
/// the subscription (or goes on).
pub(crate) fn upcoming(s: &Subscription, lead_days: u32) -> impl Iterator<Item = ScheduledDelivery> + '_ {
    let mut left = s.deliveries_left();
    let (mut delivery, mut generation, mut skip) = (s.next_delivery_on, s.next_generation_on, s.skip_next);
    let mut sequence = s.deliveries;
    std::iter::from_fn(move || {
        if left == Some(0) || s.status == SubscriptionStatus::Ended {
            return None;
        }
        if !skip {
            sequence += 1;
            left = left.map(|l| l - 1);
        }
        let next = ScheduledDelivery {
            delivery_on: delivery,
            generation_on: generation,
            status: DeliveryStatus::Upcoming { skip },
            order_id: None,
            sequence: (!skip).then_some(sequence),
            generated_at: None,
        };
        delivery = s.cycle.after(delivery);
        generation = generation_on(delivery, lead_days);
        skip = false;
        Some(next)
    })
}

/// One delivery of a generation day: the subscription and what happened (or will happen) to it.
#[derive(Debug, Clone)]
pub struct GenerationEntry {
    pub subscription_id: Uuid,
    pub number: String,
    pub delivery: ScheduledDelivery,
    /// `queued`, `authorized` or `failed:<code>` for a generated card order.
    pub authorization: Option<String>,
}

/// The generation ledger's view of one day (item 10 of issue 12): what was generated or skipped on
/// `date`, and — a dry run — what the active subscriptions would generate on it, from their schedules.
#[derive(Debug, Clone, Default)]
pub struct GenerationDay {
    pub done: Vec<GenerationEntry>,
    pub planned: Vec<GenerationEntry>,
}

/// Past generations (the ledger) and the dry run for `date`, for one shop.
pub async fn generation_day(
    db: &impl ConnectionTrait,
    shop: ShopId,
    date: NaiveDate,
) -> Result<GenerationDay, SubscriptionError> {
    let mut day = GenerationDay::default();
    let rows: Vec<subscription::Model> =
        subscription::Entity::find().filter(subscription::Column::ShopId.eq(shop.0)).all(db).await?;
    let numbers: std::collections::HashMap<Uuid, String> = rows.iter().map(|r| (r.id, r.number.clone())).collect();
    for r in subscription_delivery::Entity::find()
        .filter(subscription_delivery::Column::SubscriptionId.is_in(numbers.keys().copied()))
        .filter(subscription_delivery::Column::GenerationOn.eq(date))
        .filter(subscription_delivery::Column::Sequence.gt(1).or(subscription_delivery::Column::Status.eq("skipped")))
        .order_by_asc(subscription_delivery::Column::CreatedAt)
        .all(db)
        .await?
    {
        let skipped = r.status == "skipped";
        day.done.push(GenerationEntry {
            subscription_id: r.subscription_id,
            number: numbers.get(&r.subscription_id).cloned().unwrap_or_default(),
            delivery: ScheduledDelivery {
                delivery_on: r.delivery_on,
                generation_on: r.generation_on,
                status: if skipped { DeliveryStatus::Skipped } else { DeliveryStatus::Generated },
                order_id: r.order_id,
                sequence: (!skipped).then(|| u32::try_from(r.sequence).unwrap_or(0)),
                generated_at: Some(r.created_at),
            },
            authorization: r.authorization,
        });
    }
    let lead_days = subscription_settings(db, shop).await?.lead_days;
    let active: Vec<_> = rows.into_iter().filter(|r| r.status == "active").collect();
    for s in load(db, active).await? {
        let planned = upcoming(&s, lead_days).take_while(|d| d.generation_on <= date).find(|d| d.generation_on == date);
        if let Some(delivery) = planned {
            day.planned.push(GenerationEntry {
                subscription_id: s.id,
                number: s.number.clone(),
                delivery,
                authorization: None,
            });
        }
    }
    Ok(day)
}
