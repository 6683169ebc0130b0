//! RSV-01: reserving goods for pickup on a planned visit date. Stock is taken off the shelf at once (a
//! conditional UPDATE, as at checkout), so a crowd cannot reserve more than there is.

use crate::error::ReservationError;
use crate::model::{Payment, Reservation, ReservationStatus, display_pickup_number, new_pickup_number};
use crate::queries::{Actor, reservation_for};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use kaimono_accounts::notify_member;
use kaimono_catalog::take_stock;
use kaimono_core::japan::japan_today;
use kaimono_core::{AccountId, VariantId, normalize_for_search};
use kaimono_entity::reservation;
use kaimono_messaging::Template;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use serde_json::json;
use uuid::Uuid;

/// What a member asks for (RSV-01).
#[derive(Debug, Clone)]
pub struct NewReservation {
    pub variant_id: VariantId,
    pub quantity: i32,
    pub visit_date: NaiveDate,
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
    let item = match kaimono_catalog::variant_view(db, new.variant_id).await {
        Err(kaimono_catalog::CatalogError::VariantNotFound) => return Err(ReservationError::NotReservable),
        other => other?,
    };
    if !(item.active && item.reservable) {
        return Err(ReservationError::NotReservable);
    }
    let shop_id = item.shop_id;
    let shop = kaimono_catalog::get_shop(db, shop_id).await?;
    check_visit_date(&shop.calendar.rules, shop.policy, japan_today(now), new.visit_date)?;

    let id = Uuid::now_v7();
    let quantity = u32::try_from(new.quantity).map_err(|_| ReservationError::InvalidQuantity)?;
    take_stock(db, shop_id, new.variant_id, quantity, now).await?;
    let total = item.price.times(quantity);
    let payment = Payment::parse(&item.reservation_payment).unwrap_or(Payment::InStore);
    reservation::Entity::insert(reservation::ActiveModel {
        id: Set(id),
        pickup_number: Set(new_pickup_number()?),
        account_id: Set(account.0),
        shop_id: Set(shop_id.0),
        variant_id: Set(item.id.0),
        sku: Set(item.sku.clone()),
        search_text: Set(normalize_for_search(&format!("{}\n{}", item.product_name, item.sku))),
        product_name: Set(item.product_name),
        color: Set(item.color),
        size: Set(item.size),
        tax_category: Set(item.tax_category.as_str().to_owned()),
        unit_price: Set(item.price.to_yen()?),
        quantity: Set(new.quantity),
        total: Set(total.to_yen()?),
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
    crate::desk::record(db, id, "requested", kaimono_timeline::By::Member(account), None, now).await?;
    let created = reservation_for(db, Actor::System, id).await?;
    let context = json!({
        "number": display_pickup_number(&created.pickup_number),
        "shop": created.shop_name,
        "item": created.mail_item(),
        "visit_date": created.visit_date.to_string(),
        "prepaid": created.payment == Payment::Prepaid,
    });
    notify_member(db, account, created.shop_id, Template::ReservationReceived, context, now).await?;
    Ok(created)
}
