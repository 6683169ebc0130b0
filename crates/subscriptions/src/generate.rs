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
use kaimono_orders::{OrderSubscription, SubscriptionLine, SubscriptionOrder, place_generated_orders};
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

/// What a batch wrote, and what its members' figures gain (written once per transaction).
#[derive(Default)]
struct Written {
    run: GenerationRun,
    purchases: Vec<(AccountId, Money)>,
    awards: Vec<Award>,
}

impl Written {
    fn add(&mut self, other: Written) {
        self.run.generated += other.run.generated;
        self.run.skipped += other.run.skipped;
        self.run.ended += other.run.ended;
        self.purchases.extend(other.purchases);
        self.awards.extend(other.awards);
    }
}

/// Generates every order due on `now`'s Japanese date, `batch` subscriptions per transaction, until none
/// is due or `stopping()` says the process is stopping.
///
/// A batch is written with a few statements whatever its size (its orders, lines, timeline entries and
/// ledger rows each in one insert, its subscriptions moved on in groups). If any of it fails, the batch is
/// rolled back and taken again one subscription at a time, each in a savepoint: the failing one is
/// logged and left for the next run, the others are generated.
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
    let mut one_by_one = false;
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
        let subs = load(&txn, rows).await?;
        let mut terms = Vec::with_capacity(subs.len());
        for s in &subs {
            terms.push(terms_of(&txn, &mut shops, s.shop_id).await?);
        }
        let mut written = Written::default();
        if one_by_one {
            for (s, t) in subs.iter().zip(&terms) {
                let point = txn.begin().await?;
                match write_batch(&point, std::slice::from_ref(s), std::slice::from_ref(t), today, now).await {
                    Ok(one) => {
                        point.commit().await?;
                        written.add(one);
                    }
                    Err(error) => {
                        point.rollback().await?;
                        tracing::error!(subscription = %s.id, %error, "subscription order not generated; retried next run");
                        failed.push(s.id);
                        written.run.failed += 1;
                    }
                }
            }
        } else {
            match write_batch(&txn, &subs, &terms, today, now).await {
                Ok(all) => written = all,
                Err(error) => {
                    txn.rollback().await?;
                    tracing::warn!(%error, "generation batch rolled back; taking it again one by one");
                    one_by_one = true;
                    continue;
                }
            }
        }
        kaimono_accounts::count_purchases(&txn, &written.purchases, now).await?;
        kaimono_accounts::award_points_many(&txn, &written.awards, now).await?;
        txn.commit().await?;
        one_by_one = false;
        run.generated += written.run.generated;
        run.skipped += written.run.skipped;
        run.ended += written.run.ended;
        run.failed += written.run.failed;
    }
    Ok(run)
}

/// The shop's terms for generation, read once per run.
async fn terms_of(
    db: &impl ConnectionTrait,
    shops: &mut HashMap<ShopId, Terms>,
    shop: ShopId,
) -> Result<Terms, SubscriptionError> {
    if let Some(terms) = shops.get(&shop) {
        return Ok(*terms);
    }
    let settings = subscription_settings(db, shop).await?;
    let terms = Terms {
        lead_days: settings.lead_days,
        auto_authorize: settings.auto_authorize,
        points_rate_bp: settings.points_rate_bp,
        policy: kaimono_catalog::get_shop(db, shop).await?.policy,
    };
    shops.insert(shop, terms);
    Ok(terms)
}

/// How one subscription moves on: to the delivery after, or (its items all done) to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Move {
    /// SUB-05: the skip is used up; not counted.
    Skipped { next: NaiveDate, generation: NaiveDate },
    /// SUB-13: counted at generation.
    Generated { next: NaiveDate, generation: NaiveDate },
    /// SUB-06: every item reached its maximum.
    Ended,
}

/// The orders of `subs`' next deliveries (or their skips), in the caller's transaction; `terms[i]` are
/// `subs[i]`'s shop's.
async fn write_batch(
    db: &impl ConnectionTrait,
    subs: &[Subscription],
    terms: &[Terms],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Written, SubscriptionError> {
    let mut written = Written::default();
    let mut ledger = Vec::with_capacity(subs.len());
    // Subscriptions that move the same way from the same delivery are moved by one statement.
    let mut moves: HashMap<(NaiveDate, Move), Vec<Uuid>> = HashMap::new();
    let mut orders = Vec::with_capacity(subs.len());
    let mut generated = Vec::with_capacity(subs.len());
    for (s, t) in subs.iter().zip(terms) {
        let delivery = s.next_delivery_on;
        let next = s.cycle.after(delivery);
        let generation = generation_on(next, t.lead_days);
        let entry = |status: &str, sequence: u32| subscription_delivery::ActiveModel {
            id: Set(Uuid::now_v7()),
            subscription_id: Set(s.id),
            delivery_on: Set(delivery),
            generation_on: Set(today),
            status: Set(status.to_owned()),
            order_id: Set(None),
            sequence: Set(i32::try_from(sequence).unwrap_or(i32::MAX)),
            authorization: Set(None),
            claimed_by: Set(None),
            claimed_until: Set(None),
            created_at: Set(now),
        };
        // SUB-05: a skip is recorded and not counted.
        if s.skip_next {
            ledger.push(entry("skipped", s.deliveries));
            moves.entry((delivery, Move::Skipped { next, generation })).or_default().push(s.id);
            written.run.skipped += 1;
            continue;
        }
        let items: Vec<_> = s.active_items().collect();
        // SUB-06: what is still delivered after this one.
        let ended = items.iter().all(|i| i.max_deliveries.is_some_and(|m| i.deliveries + 1 >= m));
        let to = if ended { Move::Ended } else { Move::Generated { next, generation } };
        moves.entry((delivery, to)).or_default().push(s.id);
        orders.push(SubscriptionOrder {
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
        });
        generated.push((s, *t, ended, entry("generated", s.deliveries + 1)));
    }
    let placed = place_generated_orders(db, orders, now).await?;
    for ((s, t, ended, mut row), placed) in generated.into_iter().zip(placed) {
        // A card, or (PAY-08) deferred payment the company assesses at generation, pays through a request:
        // authorized (a card) or assessed (deferred) by the queue when the shop says so (与信を同時に実行する);
        // its link is the member's way to pay when that fails.
        let by_request = match s.payment_method {
            PaymentMethod::Card => true,
            PaymentMethod::Deferred => t.auto_authorize,
            PaymentMethod::CashOnDelivery | PaymentMethod::Custom(_) => false,
        };
        if by_request {
            let expires_at = t.policy.payment_expiry(now);
            issue_request(db, Subject::Order(placed.id), s.account_id, s.shop_id, placed.total, expires_at, now)
                .await?;
            if t.auto_authorize && (s.card_id.is_some() || s.payment_method == PaymentMethod::Deferred) {
                row.authorization = Set(Some(crate::authorize::QUEUED.to_owned()));
            }
        }
        row.order_id = Set(Some(placed.id));
        ledger.push(row);
        // SUB-15: points on the order's total by the shop's rate, as each order is generated (seed 002).
        let points = placed.total.to_yen()?.saturating_mul(i64::from(t.points_rate_bp)) / 10_000;
        written.awards.push(Award { account: s.account_id, points, reason: placed.number, order: Some(placed.id) });
        written.purchases.push((s.account_id, placed.total));
        written.run.generated += 1;
        written.run.ended += u64::from(ended);
    }
    if !ledger.is_empty() {
        subscription_delivery::Entity::insert_many(ledger).exec_without_returning(db).await?;
    }
    // SUB-13: counted now (a later cancellation of the order does not change the count); an item that
    // reaches its maximum drops out — one statement, both sides reading the count before it.
    let counted: Vec<Uuid> = moves
        .iter()
        .filter(|((_, to), _)| !matches!(to, Move::Skipped { .. }))
        .flat_map(|(_, ids)| ids.iter().copied())
        .collect();
    if !counted.is_empty() {
        use subscription_item::Column as I;
        let reached = Expr::col(I::MaxDeliveries)
            .is_not_null()
            .and(Expr::col(I::Deliveries).add(1).gte(Expr::col(I::MaxDeliveries)));
        subscription_item::Entity::update_many()
            .col_expr(I::Deliveries, Expr::col(I::Deliveries).add(1))
            .col_expr(I::Active, CaseStatement::new().case(reached, Expr::val(false)).finally(Expr::val(true)).into())
            .filter(I::SubscriptionId.is_in(counted))
            .filter(I::Active.eq(true))
            .exec(db)
            .await?;
    }
    for ((delivery, to), ids) in moves {
        use subscription::Column as C;
        let changes = match to {
            Move::Skipped { next, generation } => vec![
                (C::SkipNext, Expr::value(false)),
                (C::NextDeliveryOn, Expr::value(next)),
                (C::NextGenerationOn, Expr::value(generation)),
            ],
            Move::Generated { next, generation } => vec![
                (C::Deliveries, Expr::col(C::Deliveries).add(1)),
                (C::LastDeliveryOn, Expr::value(delivery)),
                (C::LastGeneratedAt, Expr::value(now)),
                (C::NextDeliveryOn, Expr::value(next)),
                (C::NextGenerationOn, Expr::value(generation)),
            ],
            Move::Ended => vec![
                (C::Deliveries, Expr::col(C::Deliveries).add(1)),
                (C::LastDeliveryOn, Expr::value(delivery)),
                (C::LastGeneratedAt, Expr::value(now)),
                (C::Status, Expr::value("ended")),
                (C::EndedAt, Expr::value(now)),
            ],
        };
        let moved = crate::store::update_many_at_delivery(db, &ids, delivery, changes, now).await?;
        if moved != ids.len() as u64 {
            return Err(SubscriptionError::Corrupt(format!(
                "{} subscriptions moved during generation",
                ids.len() as u64 - moved
            )));
        }
    }
    Ok(written)
}
