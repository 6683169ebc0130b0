//! RSV-01 … RSV-07: reserving goods for pickup, the shop's check, the pickup desk, cancellation and the
//! automatic expiry at the hold deadline.
//!
//! Stock is taken off the shelf when the member reserves (a conditional UPDATE, as at checkout), so a
//! crowd cannot reserve more than there is; it goes back when the shop cannot supply it, the member
//! cancels, or the hold lapses. Every function runs in the caller's (write) transaction and moves a
//! reservation only from the status it read.

use crate::error::ReservationError;
use crate::model::{
    CancelCause, Payment, Reservation, ReservationStatus, display_pickup_number, new_pickup_number,
    normalize_pickup_number,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use kaimono_catalog::{return_stock, take_stock};
use kaimono_core::japan::{end_of_japan_day, japan_time_label, japan_today};
use kaimono_core::{AccountId, LIKE_ESCAPE, Money, ShopId, TaxCategory, VariantId, contains_pattern};
use kaimono_entity::{account, product, reservation, shop, variant};
use kaimono_messaging::{Template, notify_member};
use kaimono_payments::{Subject, cancel_request, issue_request, payment_link};
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Select,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Who acts on a reservation: its member, one of its shop's staff, or the system (expiry).
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    Member(AccountId),
    Shop(ShopId),
    System,
}

/// What a member asks for (RSV-01).
#[derive(Debug, Clone)]
pub struct NewReservation {
    pub variant_id: VariantId,
    pub quantity: i32,
    pub visit_date: NaiveDate,
}

/// The shop's reservation list (SHOP-02).
#[derive(Debug, Clone, Default)]
pub struct ReservationFilter {
    pub status: Option<ReservationStatus>,
    pub visit_date: Option<NaiveDate>,
    /// Part of the pickup number, the member's name or the product name.
    pub search: Option<String>,
}

async fn load(
    db: &impl ConnectionTrait,
    query: Select<reservation::Entity>,
) -> Result<Vec<Reservation>, ReservationError> {
    let rows = query.all(db).await?;
    let shops: HashMap<Uuid, String> = shop::Entity::find()
        .filter(shop::Column::Id.is_in(rows.iter().map(|r| r.shop_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let members: HashMap<Uuid, String> = account::Entity::find()
        .filter(account::Column::Id.is_in(rows.iter().map(|r| r.account_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| Reservation {
            id: r.id,
            pickup_number: r.pickup_number,
            account_id: AccountId(r.account_id),
            member_name: members.get(&r.account_id).cloned().unwrap_or_default(),
            shop_id: ShopId(r.shop_id),
            shop_name: shops.get(&r.shop_id).cloned().unwrap_or_default(),
            variant_id: VariantId(r.variant_id),
            sku: r.sku,
            product_name: r.product_name,
            color: r.color,
            size: r.size,
            tax_category: TaxCategory::parse(&r.tax_category).unwrap_or(TaxCategory::Standard),
            unit_price: Money::yen(r.unit_price),
            quantity: r.quantity,
            total: Money::yen(r.total),
            payment: Payment::parse(&r.payment).unwrap_or(Payment::InStore),
            visit_date: r.visit_date,
            hold_deadline: r.hold_deadline,
            status: ReservationStatus::parse(&r.status).unwrap_or(ReservationStatus::Cancelled),
            paid_at: r.paid_at,
            paid_in_store: r.paid_in_store,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

/// The reservation, if `actor` may see it; anyone else's is "not found".
pub async fn reservation_for(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
) -> Result<Reservation, ReservationError> {
    let query = scoped(reservation::Entity::find().filter(reservation::Column::Id.eq(id)), actor);
    load(db, query).await?.into_iter().next().ok_or(ReservationError::NotFound)
}

fn scoped(query: Select<reservation::Entity>, actor: Actor) -> Select<reservation::Entity> {
    match actor {
        Actor::Member(account) => query.filter(reservation::Column::AccountId.eq(account.0)),
        Actor::Shop(shop) => query.filter(reservation::Column::ShopId.eq(shop.0)),
        Actor::System => query,
    }
}

/// RSV-07: the member's reservations, newest first.
pub async fn list_member_reservations(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<Vec<Reservation>, ReservationError> {
    load(
        db,
        reservation::Entity::find()
            .filter(reservation::Column::AccountId.eq(account.0))
            .order_by_desc(reservation::Column::Id),
    )
    .await
}

/// SHOP-02: the shop's reservations, by visit date then newest first.
pub async fn list_shop_reservations(
    db: &impl ConnectionTrait,
    shop: ShopId,
    filter: &ReservationFilter,
) -> Result<Vec<Reservation>, ReservationError> {
    let mut query = reservation::Entity::find()
        .filter(reservation::Column::ShopId.eq(shop.0))
        .order_by_asc(reservation::Column::VisitDate)
        .order_by_desc(reservation::Column::Id)
        .limit(500);
    if let Some(status) = filter.status {
        query = query.filter(reservation::Column::Status.eq(status.as_str()));
    }
    if let Some(date) = filter.visit_date {
        query = query.filter(reservation::Column::VisitDate.eq(date));
    }
    if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let number = normalize_pickup_number(search);
        let pattern = contains_pattern(search);
        let lower =
            |column: Expr| Expr::expr(Func::lower(column)).like(LikeExpr::new(pattern.clone()).escape(LIKE_ESCAPE));
        let members = account::Entity::find()
            .select_only()
            .column(account::Column::Id)
            .filter(lower(Expr::col((account::Entity, account::Column::Name))))
            .as_query()
            .to_owned();
        query = query.filter(
            reservation::Column::PickupNumber
                .like(LikeExpr::new(contains_pattern(&number).to_uppercase()).escape(LIKE_ESCAPE))
                .or(lower(Expr::col((reservation::Entity, reservation::Column::ProductName))))
                .or(reservation::Column::AccountId.in_subquery(members)),
        );
    }
    load(db, query).await
}

/// RSV-03: the pickup desk — the shop's reservation with this pickup number (typed or scanned).
pub async fn find_by_pickup_number(
    db: &impl ConnectionTrait,
    shop: ShopId,
    number: &str,
) -> Result<Reservation, ReservationError> {
    let query = reservation::Entity::find()
        .filter(reservation::Column::ShopId.eq(shop.0))
        .filter(reservation::Column::PickupNumber.eq(normalize_pickup_number(number)));
    load(db, query).await?.into_iter().next().ok_or(ReservationError::NotFound)
}

/// The visit dates a shop accepts from `today`: business days from `min` to `max` days ahead (RSV-01).
pub fn check_visit_date(
    calendar: &kaimono_core::BusinessCalendar,
    policy: kaimono_catalog::ShopPolicy,
    today: NaiveDate,
    visit: NaiveDate,
) -> Result<(), ReservationError> {
    let earliest = today + Duration::days(i64::from(policy.reservation_min_days));
    let latest = today + Duration::days(i64::from(policy.reservation_max_days));
    if visit < earliest || visit > latest {
        return Err(ReservationError::VisitDateOutOfWindow { earliest, latest });
    }
    if !calendar.is_business_day(visit) {
        return Err(ReservationError::ShopClosed(visit));
    }
    Ok(())
}

/// RSV-01: reserves a variant for pickup; its stock is taken now, pending the shop's check.
pub async fn request_reservation(
    db: &impl ConnectionTrait,
    account: AccountId,
    new: NewReservation,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let variant =
        variant::Entity::find_by_id(new.variant_id.0).one(db).await?.ok_or(ReservationError::NotReservable)?;
    let product =
        product::Entity::find_by_id(variant.product_id).one(db).await?.ok_or(ReservationError::NotReservable)?;
    if !(variant.active && product.active && product.reservable) {
        return Err(ReservationError::NotReservable);
    }
    let shop_id = ShopId(product.shop_id);
    let shop = kaimono_catalog::get_shop(db, shop_id).await?;
    check_visit_date(&shop.calendar.rules, shop.policy, japan_today(now), new.visit_date)?;
    take_stock(db, shop_id, new.variant_id, new.quantity, now).await?;

    let id = Uuid::now_v7();
    let total = Money::yen(variant.price).times(u32::try_from(new.quantity).unwrap_or(0));
    let payment = Payment::parse(&product.reservation_payment).unwrap_or(Payment::InStore);
    reservation::Entity::insert(reservation::ActiveModel {
        id: Set(id),
        pickup_number: Set(new_pickup_number()?),
        account_id: Set(account.0),
        shop_id: Set(shop_id.0),
        variant_id: Set(variant.id),
        sku: Set(variant.sku.clone()),
        product_name: Set(product.name.clone()),
        color: Set(variant.color.clone()),
        size: Set(variant.size.clone()),
        tax_category: Set(product.tax_category.clone()),
        unit_price: Set(variant.price),
        quantity: Set(new.quantity),
        total: Set(total.to_yen().unwrap_or(0)),
        payment: Set(payment.as_str().to_owned()),
        visit_date: Set(new.visit_date),
        hold_deadline: Set(None),
        status: Set(ReservationStatus::Requested.as_str().to_owned()),
        paid_at: Set(None),
        paid_in_store: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        expiry_claimed_by: Set(None),
        expiry_claimed_until: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    let created = reservation_for(db, Actor::System, id).await?;
    let context = json!({
        "number": display_pickup_number(&created.pickup_number),
        "shop": created.shop_name,
        "item": created.item_label(),
        "visit_date": created.visit_date.to_string(),
        "prepaid": created.payment == Payment::Prepaid,
    });
    notify_member(db, account.0, Template::ReservationReceived, context, now).await?;
    Ok(created)
}

/// Moves the reservation from `from` to `to` with `extra` columns, only if it is still in `from`.
async fn move_reservation(
    db: &impl ConnectionTrait,
    current: &Reservation,
    to: ReservationStatus,
    extra: Vec<(reservation::Column, Expr)>,
    now: DateTime<Utc>,
) -> Result<(), ReservationError> {
    current.status.transition(to)?;
    let mut update = reservation::Entity::update_many()
        .col_expr(reservation::Column::Status, Expr::value(to.as_str()))
        .col_expr(reservation::Column::UpdatedAt, Expr::value(now));
    for (column, value) in extra {
        update = update.col_expr(column, value);
    }
    let moved = update
        .filter(reservation::Column::Id.eq(current.id))
        .filter(reservation::Column::Status.eq(current.status.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Err(ReservationError::InvalidTransition { from: current.status.as_str(), to: to.as_str() });
    }
    if current.status.holds_stock() && !to.holds_stock() && to != ReservationStatus::Completed {
        return_stock(db, current.shop_id, current.variant_id, current.quantity, now).await?;
    }
    Ok(())
}

/// RSV-02, RSV-04: the shop secured the stock. Held until the end of the visit date plus the shop's
/// hold days; the pickup number is mailed, with the payment URL for prepaid items.
pub async fn confirm_reservation(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::Shop(shop), id).await?;
    let policy = kaimono_catalog::get_shop(db, shop).await?.policy;
    let deadline = end_of_japan_day(current.visit_date + Duration::days(i64::from(policy.hold_days)));
    move_reservation(
        db,
        &current,
        ReservationStatus::Held,
        vec![(reservation::Column::HoldDeadline, Expr::value(deadline))],
        now,
    )
    .await?;
    let (mut url, mut pay_by) = (None, None);
    if current.payment == Payment::Prepaid {
        // Paid before pickup: the link lasts the shop's limit, and never beyond the hold.
        let expires_at = Ord::min(now + Duration::days(i64::from(policy.payment_limit_days)), deadline);
        let subject = Subject::Reservation(id);
        let token = issue_request(db, subject, current.account_id, shop, current.total, expires_at, now).await?;
        url = Some(payment_link(public_url, &token));
        pay_by = Some(japan_time_label(expires_at));
    }
    let shop_row = shop::Entity::find_by_id(shop.0).one(db).await?.ok_or(ReservationError::NotFound)?;
    let context = json!({
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "item": current.item_label(),
        "visit_date": current.visit_date.to_string(),
        "deadline": japan_time_label(deadline),
        "total": current.total.to_string(),
        "prepaid": current.payment == Payment::Prepaid,
        "url": url,
        "pay_by": pay_by,
        "address": shop_row.address,
        "hours": shop_row.opening_hours,
    });
    notify_member(db, current.account_id.0, Template::ReservationConfirmed, context, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-02: the shop cannot supply it; stock goes back and the member is told.
pub async fn reject_reservation(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::Shop(shop), id).await?;
    move_reservation(db, &current, ReservationStatus::Unavailable, vec![], now).await?;
    let context = json!({
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "item": current.item_label(),
        "visit_date": current.visit_date.to_string(),
    });
    notify_member(db, current.account_id.0, Template::ReservationUnavailable, context, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-03, RSV-04: the hand-over at the counter. A pay-in-store item needs the in-store payment recorded
/// now (`paid_in_store`); a prepaid one must have been paid online.
pub async fn complete_reservation(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    paid_in_store: bool,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::Shop(shop), id).await?;
    current.status.transition(ReservationStatus::Completed)?;
    let mut extra = Vec::new();
    match current.payment {
        Payment::Prepaid if current.paid_at.is_none() => return Err(ReservationError::NotPaid),
        Payment::Prepaid => {}
        Payment::InStore if !paid_in_store => return Err(ReservationError::InStorePaymentRequired),
        Payment::InStore => {
            extra.push((reservation::Column::PaidAt, Expr::value(now)));
            extra.push((reservation::Column::PaidInStore, Expr::value(true)));
        }
    }
    move_reservation(db, &current, ReservationStatus::Completed, extra, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-04: the prepaid reservation's payment request was paid with `card`.
pub async fn mark_reservation_paid(
    db: &impl ConnectionTrait,
    id: Uuid,
    card: &str,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, Actor::System, id).await?;
    if current.status != ReservationStatus::Held || current.paid_at.is_some() {
        return Err(ReservationError::InvalidTransition { from: current.status.as_str(), to: "paid" });
    }
    reservation::Entity::update_many()
        .col_expr(reservation::Column::PaidAt, Expr::value(now))
        .col_expr(reservation::Column::UpdatedAt, Expr::value(now))
        .filter(reservation::Column::Id.eq(id))
        .filter(reservation::Column::PaidAt.is_null())
        .exec(db)
        .await?;
    let context = json!({
        "reservation": true,
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "total": current.total.to_string(),
        "card": card,
    });
    notify_member(db, current.account_id.0, Template::PaymentReceived, context, now).await?;
    reservation_for(db, Actor::System, id).await
}

fn cancelled_context(current: &Reservation, reason: &str, refunded: bool) -> serde_json::Value {
    json!({
        "number": display_pickup_number(&current.pickup_number),
        "shop": current.shop_name,
        "item": current.item_label(),
        "visit_date": current.visit_date.to_string(),
        "deadline": current.hold_deadline.map(japan_time_label),
        "reason": reason,
        "refunded": refunded,
        "total": current.total.to_string(),
    })
}

/// RSV-06 (member, before pickup) or an expired payment request: cancelled, stock back, member told.
/// The caller refunds a paid reservation (`refunded`) after this commits.
pub async fn cancel_reservation(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
    cause: CancelCause,
    now: DateTime<Utc>,
) -> Result<Reservation, ReservationError> {
    let current = reservation_for(db, actor, id).await?;
    move_reservation(db, &current, ReservationStatus::Cancelled, vec![], now).await?;
    cancel_request(db, Subject::Reservation(id)).await?;
    let reason = match cause {
        CancelCause::Member => "member",
        CancelCause::PaymentExpired => "payment_expired",
    };
    let context = cancelled_context(&current, reason, current.paid_at.is_some());
    notify_member(db, current.account_id.0, Template::ReservationCancelled, context, now).await?;
    reservation_for(db, Actor::System, id).await
}

/// RSV-05: claims up to `limit` held reservations whose hold deadline has passed, oldest first, for
/// `claim` (see `kaimono_jobs::claim_batch`), and returns their ids. Expire each with
/// [`expire_reservation`].
pub async fn claim_lapsed_holds(
    db: &impl ConnectionTrait,
    claim: &str,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Uuid>, ReservationError> {
    use reservation::Column as C;
    let held = || C::Status.eq(ReservationStatus::Held.as_str());
    let due = reservation::Entity::find()
        .filter(held())
        .filter(C::HoldDeadline.lte(now))
        .filter(C::ExpiryClaimedUntil.is_null().or(C::ExpiryClaimedUntil.lt(now)))
        .order_by_asc(C::HoldDeadline);
    let claim_on = kaimono_jobs::Claim::new(claim, now);
    kaimono_jobs::claim_batch(db, due, C::Id, C::ExpiryClaimedBy, C::ExpiryClaimedUntil, claim_on, limit).await?;
    Ok(reservation::Entity::find()
        .select_only()
        .column(C::Id)
        .filter(C::ExpiryClaimedBy.eq(claim))
        .filter(held())
        .into_tuple::<Uuid>()
        .all(db)
        .await?)
}

/// RSV-05: expires one lapsed hold — stock back, member told. `None` if it is not due (any more): picked
/// up, cancelled, or expired by another worker first.
pub async fn expire_reservation(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<Reservation>, ReservationError> {
    let current = reservation_for(db, Actor::System, id).await?;
    let due = current.status == ReservationStatus::Held && current.hold_deadline.is_some_and(|d| d <= now);
    if !due {
        return Ok(None);
    }
    match move_reservation(db, &current, ReservationStatus::Expired, vec![], now).await {
        Ok(()) => {}
        Err(ReservationError::InvalidTransition { .. }) => return Ok(None),
        Err(e) => return Err(e),
    }
    cancel_request(db, Subject::Reservation(id)).await?;
    let context = cancelled_context(&current, "expired", current.paid_at.is_some());
    notify_member(db, current.account_id.0, Template::ReservationCancelled, context, now).await?;
    reservation_for(db, Actor::System, id).await.map(Some)
}

/// SHOP-01: the shop's reservation queues on `today`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReservationQueues {
    /// Waiting for the stock check.
    pub to_confirm: u64,
    /// Held for a visit today.
    pub pickups_today: u64,
    /// Held, prepaid, not yet paid.
    pub awaiting_payment: u64,
}

pub async fn reservation_queues(
    db: &impl ConnectionTrait,
    shop: ShopId,
    today: NaiveDate,
) -> Result<ReservationQueues, ReservationError> {
    use sea_orm::PaginatorTrait;
    let base = || reservation::Entity::find().filter(reservation::Column::ShopId.eq(shop.0));
    let held = || base().filter(reservation::Column::Status.eq(ReservationStatus::Held.as_str()));
    Ok(ReservationQueues {
        to_confirm: base()
            .filter(reservation::Column::Status.eq(ReservationStatus::Requested.as_str()))
            .count(db)
            .await?,
        pickups_today: held().filter(reservation::Column::VisitDate.eq(today)).count(db).await?,
        awaiting_payment: held()
            .filter(reservation::Column::Payment.eq(Payment::Prepaid.as_str()))
            .filter(reservation::Column::PaidAt.is_null())
            .count(db)
            .await?,
    })
}
