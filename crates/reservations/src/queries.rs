//! Reading reservations: one for its member or shop, the member's list (RSV-07), the shop's list and
//! queues (SHOP-01, SHOP-02), and the pickup desk's lookup by pickup number (RSV-03).

use crate::error::ReservationError;
use crate::model::{Payment, Reservation, ReservationStatus, normalize_pickup_number};
use chrono::NaiveDate;
use kaimono_core::{
    AccountId, Cursor, LIKE_ESCAPE, Money, Page, ShopId, TaxCategory, VariantId, contains_pattern, search_words,
};
use kaimono_entity::reservation;
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

/// Members a name search may match at most.
const MEMBER_MATCHES: u64 = 500;

/// Who acts on a reservation: its member, one of its shop's staff, or the system (expiry).
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    Member(AccountId),
    Shop(ShopId),
    System,
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
    let shops = kaimono_catalog::shop_names(db, rows.iter().map(|r| ShopId(r.shop_id))).await?;
    let members = kaimono_accounts::member_names(db, rows.iter().map(|r| AccountId(r.account_id))).await?;
    let covers = kaimono_catalog::variant_covers(db, rows.iter().map(|r| VariantId(r.variant_id))).await?;
    rows.into_iter()
        .map(|r| {
            Ok(Reservation {
                id: r.id,
                pickup_number: r.pickup_number,
                account_id: AccountId(r.account_id),
                member_name: members.get(&AccountId(r.account_id)).cloned().unwrap_or_default(),
                shop_id: ShopId(r.shop_id),
                shop_name: shops.get(&ShopId(r.shop_id)).cloned().unwrap_or_default(),
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
                image: covers.get(&VariantId(r.variant_id)).cloned(),
            })
        })
        .collect()
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

/// RSV-07: the member's reservations, newest first, `limit` per page after `after`.
pub async fn list_member_reservations(
    db: &impl ConnectionTrait,
    account: AccountId,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<Reservation>, ReservationError> {
    let mut query = reservation::Entity::find()
        .filter(reservation::Column::AccountId.eq(account.0))
        .order_by_desc(reservation::Column::Id)
        .limit(limit + 1);
    if let Some(after) = after {
        query = query.filter(reservation::Column::Id.lt(after.id));
    }
    Ok(Page::from_rows(load(db, query).await?, limit, |r| Cursor::after(r.id)))
}

/// SHOP-02: the shop's reservations, by visit date then newest first, `limit` per page after `after`
/// (a cursor keyed by the visit date).
pub async fn list_shop_reservations(
    db: &impl ConnectionTrait,
    shop: ShopId,
    filter: &ReservationFilter,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<Reservation>, ReservationError> {
    let mut query = reservation::Entity::find()
        .filter(reservation::Column::ShopId.eq(shop.0))
        .order_by_asc(reservation::Column::VisitDate)
        .order_by_desc(reservation::Column::Id)
        .limit(limit + 1);
    if let Some(after) = after {
        let date: NaiveDate = after.key.as_deref().and_then(|k| k.parse().ok()).ok_or(ReservationError::BadCursor)?;
        query = query.filter(
            reservation::Column::VisitDate
                .gt(date)
                .or(reservation::Column::VisitDate.eq(date).and(reservation::Column::Id.lt(after.id))),
        );
    }
    if let Some(status) = filter.status {
        query = query.filter(reservation::Column::Status.eq(status.as_str()));
    }
    if let Some(date) = filter.visit_date {
        query = query.filter(reservation::Column::VisitDate.eq(date));
    }
    for word in filter.search.as_deref().map(search_words).unwrap_or_default() {
        let number = normalize_pickup_number(&word);
        let members = kaimono_accounts::search_members(db, &word, MEMBER_MATCHES).await?;
        let product = Expr::expr(Func::lower(Expr::col((reservation::Entity, reservation::Column::SearchText))))
            .like(LikeExpr::new(contains_pattern(&word)).escape(LIKE_ESCAPE));
        let mut matches = product.or(reservation::Column::AccountId.is_in(members.into_iter().map(|m| m.0)));
        if !number.is_empty() {
            matches = matches.or(reservation::Column::PickupNumber
                .like(LikeExpr::new(contains_pattern(&number).to_uppercase()).escape(LIKE_ESCAPE)));
        }
        query = query.filter(matches);
    }
    let rows = load(db, query).await?;
    Ok(Page::from_rows(rows, limit, |r| Cursor::after_key(r.visit_date.to_string(), r.id)))
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

/// The reservation's timeline as `actor` may read it: staff see every entry and who did it; the member
/// sees the entries meant for them.
pub async fn reservation_timeline(
    db: &impl ConnectionTrait,
    actor: Actor,
    id: Uuid,
) -> Result<Vec<kaimono_timeline::Event>, ReservationError> {
    reservation_for(db, actor, id).await?;
    let audience = match actor {
        Actor::Member(_) => kaimono_timeline::Audience::Member,
        Actor::Shop(_) | Actor::System => kaimono_timeline::Audience::Staff,
    };
    Ok(kaimono_timeline::events(db, kaimono_timeline::Subject::Reservation(id), audience).await?)
}
