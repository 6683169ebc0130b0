//! SUB-04, SUB-06, SUB-13: generating each subscription's order its lead time before the delivery —
//! without email and without touching the shelf — counting the delivery, dropping items that reached
//! their maximum and ending the subscription when none is left; a planned skip is recorded instead.
//!
//! Exactly once, whatever runs it: due subscriptions are taken in batches inside one write transaction
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two workers take disjoint batches; SQLite has one writer),
//! each delivery writes its ledger row under the unique key (subscription, delivery date), and the
//! subscription moves on only from the delivery it was read at. A crash rolls the batch back whole.
//! The shop's pause does not stop generation (seed 002).

use crate::error::SubscriptionError;
use crate::model::{PaymentMethod, generation_on};
use crate::settings::subscription_settings;
use crate::store::{Subscription, load};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_accounts::Award;
use kaimono_catalog::ShopPolicy;
use kaimono_core::japan::japan_today;
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{begin_write, subscription, subscription_delivery, subscription_item};
use kaimono_orders::{OrderSubscription, SubscriptionLine, SubscriptionOrder, place_subscription_order};
use kaimono_payments::{Subject, issue_request};
use sea_orm::sea_query::{CaseStatement, Expr, LockBehavior, LockType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::HashMap;
use uuid::Uuid;

/// A shop's settings that generation follows.
#[derive(Debug, Clone, Copy)]
struct Terms {
    lead_days: u32,
    auto_authorize: bool,
    /// SUB-15: points on each generated order, in basis points of its total.
    points_rate_bp: u32,
    /// ORD-05: how long a generated order's payment request stays open.
    policy: ShopPolicy,
}

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GenerationRun {
    pub generated: u64,
    pub skipped: u64,
    /// Subscriptions that ended because every item reached its maximum.
    pub ended: u64,
    /// Subscriptions left for the next run after an error (logged).
    pub failed: u64,
}

/// What happened to one subscription.
enum Outcome {
    /// The order, with what its member's figures gain (written once per batch).
    Generated {
        ended: bool,
        purchase: (AccountId, Money),
        award: Award,
    },
    Skipped,
}

/// Generates every order due on `now`'s Japanese date, `batch` subscriptions per transaction, until none
/// is due or `stopping()` says the process is stopping.
pub async fn generate_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    batch: u64,
    stopping: &(dyn Fn() -> bool + Sync),
) -> Result<GenerationRun, SubscriptionError> {
    let today = japan_today(now);
    let mut run = GenerationRun::default();
    let mut failed: Vec<Uuid> = Vec::new();
    // Each shop's terms for generation, read once per run.
    let mut shops: HashMap<ShopId, Terms> = HashMap::new();
    while !stopping() {
        let txn = begin_write(db).await?;
        let mut due = subscription::Entity::find()
            .filter(subscription::Column::Status.eq("active"))
            .filter(subscription::Column::NextGenerationOn.lte(today))
            .order_by_asc(subscription::Column::NextGenerationOn)
            .order_by_asc(subscription::Column::Id)
            .limit(batch)
            .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        if !failed.is_empty() {
            due = due.filter(subscription::Column::Id.is_not_in(failed.clone()));
        }
        let rows = due.all(&txn).await?;
        if rows.is_empty() {
            break;
        }
        // The members' purchase figures and points of the batch's orders, written together at its end.
        let mut purchases = Vec::with_capacity(rows.len());
        let mut awards = Vec::with_capacity(rows.len());
        for s in load(&txn, rows).await? {
            let terms = match shops.get(&s.shop_id) {
                Some(terms) => *terms,
                None => {
                    let settings = subscription_settings(&txn, s.shop_id).await?;
                    let terms = Terms {
                        lead_days: settings.lead_days,
                        auto_authorize: settings.auto_authorize,
                        points_rate_bp: settings.points_rate_bp,
                        policy: kaimono_catalog::get_shop(&txn, s.shop_id).await?.policy,
                    };
                    shops.insert(s.shop_id, terms);
                    terms
                }
            };
            // Each subscription in a savepoint: one that fails is logged and left for the next run.
            let point = txn.begin().await?;
            match generate_one(&point, &s, terms, today, now).await {
                Ok(outcome) => {
                    point.commit().await?;
                    match outcome {
                        Outcome::Generated { ended, purchase, award } => {
                            run.generated += 1;
                            run.ended += u64::from(ended);
                            purchases.push(purchase);
                            awards.push(award);
                        }
                        Outcome::Skipped => run.skipped += 1,
                    }
                }
                Err(error) => {
                    point.rollback().await?;
                    tracing::error!(subscription = %s.id, %error, "subscription order not generated; retried next run");
                    failed.push(s.id);
                    run.failed += 1;
                }
            }
        }
        kaimono_accounts::count_purchases(&txn, &purchases, now).await?;
        kaimono_accounts::award_points_many(&txn, &awards, now).await?;
        txn.commit().await?;
    }
    Ok(run)
}

/// The order of `s`'s next delivery (or its skip), in the caller's transaction.
async fn generate_one(
    db: &impl ConnectionTrait,
    s: &Subscription,
    Terms { lead_days, auto_authorize, points_rate_bp, policy }: Terms,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Outcome, SubscriptionError> {
    let delivery = s.next_delivery_on;
    let next = s.cycle.after(delivery);
    let mut ledger = subscription_delivery::ActiveModel {
        id: Set(Uuid::now_v7()),
        subscription_id: Set(s.id),
        delivery_on: Set(delivery),
        generation_on: Set(today),
        status: Set("skipped".to_owned()),
        order_id: Set(None),
        sequence: Set(i32::try_from(s.deliveries).unwrap_or(i32::MAX)),
        authorization: Set(None),
        claimed_by: Set(None),
        claimed_until: Set(None),
        created_at: Set(now),
    };
    // SUB-05: a skip is recorded and not counted.
    if s.skip_next {
        subscription_delivery::Entity::insert(ledger).exec_without_returning(db).await?;
        advance(
            db,
            s,
            now,
            vec![
                (subscription::Column::SkipNext, Expr::value(false)),
                (subscription::Column::NextDeliveryOn, Expr::value(next)),
                (subscription::Column::NextGenerationOn, Expr::value(generation_on(next, lead_days))),
            ],
        )
        .await?;
        return Ok(Outcome::Skipped);
    }

    let items: Vec<_> = s.active_items().collect();
    let count = s.deliveries + 1;
    // SUB-06: what is still delivered after this one.
    let ended = items.iter().all(|i| i.max_deliveries.is_some_and(|m| i.deliveries + 1 >= m));
    // A card, or (PAY-08) deferred payment the company assesses at generation, pays through a request.
    let by_request = match s.payment_method {
        PaymentMethod::Card => true,
        PaymentMethod::Deferred => auto_authorize,
        PaymentMethod::CashOnDelivery | PaymentMethod::Custom(_) => false,
    };
    let placed = place_subscription_order(
        db,
        SubscriptionOrder {
            points: 0,
            account_id: s.account_id,
            shop_id: s.shop_id,
            ship_to: s.ship_to.clone(),
            delivery_date: Some(delivery),
            time_slot: s.time_slot.clone(),
            carrier: s.carrier,
            lines: items
                .iter()
                .map(|i| SubscriptionLine {
                    variant_id: i.variant_id,
                    sku: i.sku.clone(),
                    product_name: i.product_name.clone(),
                    color: i.color.clone(),
                    size: i.size.clone(),
                    tax_category: i.tax_category,
                    unit_price: i.unit_price,
                    quantity: i.quantity,
                })
                .collect(),
            shipping_fee: s.shipping_fee,
            payment_fee: s.fee,
            payment_method: s.payment_method.as_str().to_owned(),
            payment_method_name: s.custom_method_name.clone(),
            subscription: OrderSubscription {
                id: s.id,
                number: s.number.clone(),
                next_delivery_on: (!ended).then_some(next),
            },
            memo: Some(s.memo.clone()).filter(|m| !m.trim().is_empty()),
            take_stock: false,
        },
        now,
    )
    .await?;
    if by_request {
        // The payment of the generated order: authorized (a card) or assessed (deferred) by the queue
        // when the shop says so (与信を同時に実行する); its link is the member's way to pay when that fails.
        let expires_at = policy.payment_expiry(now);
        issue_request(db, Subject::Order(placed.id), s.account_id, s.shop_id, placed.total, expires_at, now).await?;
        if auto_authorize && (s.card_id.is_some() || s.payment_method == PaymentMethod::Deferred) {
            ledger.authorization = Set(Some(crate::authorize::QUEUED.to_owned()));
        }
    }
    // SUB-15: points on the order's total by the shop's rate, as each order is generated (seed 002).
    let points = placed.total.to_yen()?.saturating_mul(i64::from(points_rate_bp)) / 10_000;
    let award = Award { account: s.account_id, points, reason: placed.number.clone(), order: Some(placed.id) };
    ledger.status = Set("generated".to_owned());
    ledger.order_id = Set(Some(placed.id));
    ledger.sequence = Set(i32::try_from(count).unwrap_or(i32::MAX));
    subscription_delivery::Entity::insert(ledger).exec_without_returning(db).await?;

    // SUB-13: counted now (a later cancellation of the order does not change the count); an item that
    // reaches its maximum drops out — one statement, both sides reading the count before it.
    use subscription_item::Column as I;
    let reached =
        Expr::col(I::MaxDeliveries).is_not_null().and(Expr::col(I::Deliveries).add(1).gte(Expr::col(I::MaxDeliveries)));
    subscription_item::Entity::update_many()
        .col_expr(I::Deliveries, Expr::col(I::Deliveries).add(1))
        .col_expr(I::Active, CaseStatement::new().case(reached, Expr::val(false)).finally(Expr::val(true)).into())
        .filter(I::SubscriptionId.eq(s.id))
        .filter(I::Active.eq(true))
        .exec(db)
        .await?;
    let mut changes = vec![
        (subscription::Column::Deliveries, Expr::value(i32::try_from(count).unwrap_or(i32::MAX))),
        (subscription::Column::LastDeliveryOn, Expr::value(delivery)),
        (subscription::Column::LastGeneratedAt, Expr::value(now)),
    ];
    if ended {
        changes.push((subscription::Column::Status, Expr::value("ended")));
        changes.push((subscription::Column::EndedAt, Expr::value(now)));
    } else {
        changes.push((subscription::Column::NextDeliveryOn, Expr::value(next)));
        changes.push((subscription::Column::NextGenerationOn, Expr::value(generation_on(next, lead_days))));
    }
    advance(db, s, now, changes).await?;
    Ok(Outcome::Generated { ended, purchase: (s.account_id, placed.total), award })
}

/// Moves the subscription on from the delivery it was read at, or fails (someone else moved it).
async fn advance(
    db: &impl ConnectionTrait,
    s: &Subscription,
    now: DateTime<Utc>,
    changes: Vec<(subscription::Column, sea_orm::sea_query::SimpleExpr)>,
) -> Result<(), SubscriptionError> {
    if crate::store::update_at_delivery(db, s, changes, now).await? {
        Ok(())
    } else {
        Err(SubscriptionError::Corrupt(format!("subscription {} moved during generation", s.id)))
    }
}
