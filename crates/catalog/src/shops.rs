//! CAT-01: shops and their business calendars.

use crate::error::CatalogError;
use crate::model::{
    AccountType, BankAccount, CalendarDate, NewShop, Shop, ShopCalendar, ShopKind, ShopPolicy, ShopSettings,
};
use chrono::{DateTime, Utc};
use kaimono_core::{BusinessCalendar, ShopId, weekdays_from_mask, weekdays_to_mask};
use kaimono_entity::{shop, shop_calendar_date};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

const CLOSED: &str = "closed";
const OPEN: &str = "open";

fn to_shop(row: shop::Model, dates: Vec<shop_calendar_date::Model>) -> Shop {
    let (closed, open): (Vec<_>, Vec<_>) = dates.into_iter().partition(|d| d.kind == CLOSED);
    let to_dates = |rows: Vec<shop_calendar_date::Model>| -> Vec<CalendarDate> {
        rows.into_iter().map(|d| CalendarDate { date: d.date, note: d.note }).collect()
    };
    let (closed_dates, open_dates) = (to_dates(closed), to_dates(open));
    let rules = BusinessCalendar {
        closed_weekdays: weekdays_from_mask(u8::try_from(row.closed_weekdays).unwrap_or(0)),
        closed_on_holidays: row.closed_on_holidays,
        closed_dates: closed_dates.iter().map(|d| d.date).collect(),
        open_dates: open_dates.iter().map(|d| d.date).collect(),
    };
    Shop {
        id: ShopId(row.id),
        kind: ShopKind::parse(&row.kind).unwrap_or(ShopKind::Retail),
        slug: row.slug,
        name: row.name,
        description: row.description,
        postal_code: row.postal_code,
        prefecture: row.prefecture,
        address: row.address,
        phone: row.phone,
        contact_email: row.contact_email,
        opening_hours: row.opening_hours,
        calendar: ShopCalendar { rules, closed_dates, open_dates },
        policy: ShopPolicy {
            reservation_min_days: row.reservation_min_days,
            reservation_max_days: row.reservation_max_days,
            hold_days: row.hold_days,
            payment_limit_days: row.payment_limit_days,
            delivery_preparation_days: row.delivery_preparation_days,
            delivery_window_days: row.delivery_window_days,
        },
        invoice_registration_number: row.invoice_registration_number,
        bank_account: match (
            row.bank_name,
            row.bank_branch,
            row.bank_account_type,
            row.bank_account_number,
            row.bank_account_holder,
        ) {
            (Some(bank_name), Some(branch_name), Some(kind), Some(account_number), Some(account_holder)) => {
                AccountType::parse(&kind).map(|account_type| BankAccount {
                    bank_name,
                    branch_name,
                    account_type,
                    account_number,
                    account_holder,
                })
            }
            _ => None,
        },
    }
}

/// The mall's shops by name, `limit` per page after `after` (a cursor keyed by the name).
pub async fn list_shops(
    db: &impl ConnectionTrait,
    after: Option<&kaimono_core::Cursor>,
    limit: u64,
) -> Result<kaimono_core::Page<Shop>, CatalogError> {
    use sea_orm::{ExprTrait, QuerySelect};
    let mut query =
        shop::Entity::find().order_by_asc(shop::Column::Name).order_by_asc(shop::Column::Id).limit(limit + 1);
    if let Some(after) = after {
        let name = after.key.clone().unwrap_or_default();
        query = query.filter(
            shop::Column::Name.gt(name.clone()).or(shop::Column::Name.eq(name).and(shop::Column::Id.gt(after.id))),
        );
    }
    let rows = query.all(db).await?;
    let mut dates: HashMap<uuid::Uuid, Vec<shop_calendar_date::Model>> = HashMap::new();
    for d in shop_calendar_date::Entity::find()
        .filter(shop_calendar_date::Column::ShopId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(shop_calendar_date::Column::Date)
        .all(db)
        .await?
    {
        dates.entry(d.shop_id).or_default().push(d);
    }
    let shops = rows
        .into_iter()
        .map(|r| {
            let d = dates.remove(&r.id).unwrap_or_default();
            to_shop(r, d)
        })
        .collect();
    Ok(kaimono_core::Page::from_rows(shops, limit, |s: &Shop| kaimono_core::Cursor::after_key(s.name.clone(), s.id.0)))
}

pub async fn get_shop(db: &impl ConnectionTrait, id: ShopId) -> Result<Shop, CatalogError> {
    let row = shop::Entity::find_by_id(id.0).one(db).await?.ok_or(CatalogError::ShopNotFound)?;
    let dates = shop_calendar_date::Entity::find()
        .filter(shop_calendar_date::Column::ShopId.eq(id.0))
        .order_by_asc(shop_calendar_date::Column::Date)
        .all(db)
        .await?;
    Ok(to_shop(row, dates))
}

pub async fn create_shop(
    db: &impl ConnectionTrait,
    new: NewShop,
    kind: ShopKind,
    calendar: ShopCalendar,
    now: DateTime<Utc>,
) -> Result<Shop, CatalogError> {
    let id = ShopId::new();
    let slug = new.slug.clone();
    shop::Entity::insert(shop::ActiveModel {
        id: Set(id.0),
        slug: Set(new.slug),
        name: Set(new.name),
        description: Set(new.description),
        postal_code: Set(new.postal_code),
        prefecture: Set(new.prefecture),
        address: Set(new.address),
        phone: Set(new.phone),
        contact_email: Set(new.contact_email),
        opening_hours: Set(new.opening_hours),
        closed_weekdays: Set(0),
        closed_on_holidays: Set(false),
        reservation_min_days: Set(ShopPolicy::default().reservation_min_days),
        reservation_max_days: Set(ShopPolicy::default().reservation_max_days),
        hold_days: Set(ShopPolicy::default().hold_days),
        payment_limit_days: Set(ShopPolicy::default().payment_limit_days),
        delivery_preparation_days: Set(ShopPolicy::default().delivery_preparation_days),
        delivery_window_days: Set(ShopPolicy::default().delivery_window_days),
        invoice_registration_number: Set(None),
        bank_name: Set(None),
        bank_branch: Set(None),
        bank_account_type: Set(None),
        bank_account_number: Set(None),
        bank_account_holder: Set(None),
        free_shipping_over: Set(None),
        kind: Set(kind.as_str().to_owned()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => CatalogError::SlugTaken { slug },
        _ => e.into(),
    })?;
    update_calendar(db, id, calendar).await
}

/// Changes what the mall shows of a shop: name, description, address, phone, opening hours (its slug
/// stays, as URLs and emails carry it). The operator's to change.
pub async fn update_profile(db: &impl ConnectionTrait, id: ShopId, profile: NewShop) -> Result<Shop, CatalogError> {
    let found = shop::Entity::find_by_id(id.0).one(db).await?.ok_or(CatalogError::ShopNotFound)?;
    let mut row: shop::ActiveModel = found.into();
    row.name = Set(profile.name);
    row.description = Set(profile.description);
    row.postal_code = Set(profile.postal_code);
    row.prefecture = Set(profile.prefecture);
    row.address = Set(profile.address);
    row.phone = Set(profile.phone);
    row.contact_email = Set(profile.contact_email);
    row.opening_hours = Set(profile.opening_hours);
    sea_orm::ActiveModelTrait::update(row, db).await?;
    get_shop(db, id).await
}

/// Replaces the shop's calendar: weekly rule, holiday rule and special dates. Run in a transaction.
pub async fn update_calendar(
    db: &impl ConnectionTrait,
    id: ShopId,
    calendar: ShopCalendar,
) -> Result<Shop, CatalogError> {
    let updated = shop::Entity::update_many()
        .col_expr(shop::Column::ClosedWeekdays, i16::from(weekdays_to_mask(calendar.rules.closed_weekdays)).into())
        .col_expr(shop::Column::ClosedOnHolidays, calendar.rules.closed_on_holidays.into())
        .filter(shop::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(CatalogError::ShopNotFound);
    }
    shop_calendar_date::Entity::delete_many().filter(shop_calendar_date::Column::ShopId.eq(id.0)).exec(db).await?;
    let rows = calendar
        .closed_dates
        .into_iter()
        .map(|d| (CLOSED, d))
        .chain(calendar.open_dates.into_iter().map(|d| (OPEN, d)))
        .map(|(kind, d)| shop_calendar_date::ActiveModel {
            shop_id: Set(id.0),
            date: Set(d.date),
            kind: Set(kind.to_owned()),
            note: Set(d.note),
        })
        .collect::<Vec<_>>();
    if !rows.is_empty() {
        shop_calendar_date::Entity::insert_many(rows).exec_without_returning(db).await?;
    }
    get_shop(db, id).await
}

/// The owner's settings of a shop, checked first ([`ShopSettings::check`]).
pub async fn update_settings(
    db: &impl ConnectionTrait,
    id: ShopId,
    settings: ShopSettings,
) -> Result<Shop, CatalogError> {
    settings.check()?;
    let p = settings.policy;
    let account = settings.bank_account;
    let text = |f: fn(&BankAccount) -> String| account.as_ref().map(f);
    let updated = shop::Entity::update_many()
        .col_expr(shop::Column::ReservationMinDays, p.reservation_min_days.into())
        .col_expr(shop::Column::ReservationMaxDays, p.reservation_max_days.into())
        .col_expr(shop::Column::HoldDays, p.hold_days.into())
        .col_expr(shop::Column::PaymentLimitDays, p.payment_limit_days.into())
        .col_expr(shop::Column::DeliveryPreparationDays, p.delivery_preparation_days.into())
        .col_expr(shop::Column::DeliveryWindowDays, p.delivery_window_days.into())
        .col_expr(shop::Column::ContactEmail, settings.contact_email.into())
        .col_expr(shop::Column::InvoiceRegistrationNumber, settings.invoice_registration_number.into())
        .col_expr(shop::Column::BankName, text(|a| a.bank_name.clone()).into())
        .col_expr(shop::Column::BankBranch, text(|a| a.branch_name.clone()).into())
        .col_expr(shop::Column::BankAccountType, text(|a| a.account_type.as_str().to_owned()).into())
        .col_expr(shop::Column::BankAccountNumber, text(|a| a.account_number.clone()).into())
        .col_expr(shop::Column::BankAccountHolder, text(|a| a.account_holder.clone()).into())
        .filter(shop::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(CatalogError::ShopNotFound);
    }
    get_shop(db, id).await
}
