//! Wire types of `/shops` routes (and of others that show the same resources).

use crate::dto::{display_postal_code, prefecture_name};
use chrono::{Datelike, NaiveDate, Weekday};
use kaimono_catalog::{CalendarDate, Shop};
use kaimono_core::{BusinessCalendar, national_holiday};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WeekdayDto {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl From<WeekdayDto> for Weekday {
    fn from(value: WeekdayDto) -> Self {
        match value {
            WeekdayDto::Mon => Weekday::Mon,
            WeekdayDto::Tue => Weekday::Tue,
            WeekdayDto::Wed => Weekday::Wed,
            WeekdayDto::Thu => Weekday::Thu,
            WeekdayDto::Fri => Weekday::Fri,
            WeekdayDto::Sat => Weekday::Sat,
            WeekdayDto::Sun => Weekday::Sun,
        }
    }
}

impl From<Weekday> for WeekdayDto {
    fn from(value: Weekday) -> Self {
        match value {
            Weekday::Mon => WeekdayDto::Mon,
            Weekday::Tue => WeekdayDto::Tue,
            Weekday::Wed => WeekdayDto::Wed,
            Weekday::Thu => WeekdayDto::Thu,
            Weekday::Fri => WeekdayDto::Fri,
            Weekday::Sat => WeekdayDto::Sat,
            Weekday::Sun => WeekdayDto::Sun,
        }
    }
}

/// A special date of a shop's calendar.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarDateDto {
    /// The date, 1990-01-01 to 2099-12-31.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub date: NaiveDate,
    /// Why (棚卸し, 臨時営業 …), optional.
    pub note: Option<String>,
}

impl From<CalendarDate> for CalendarDateDto {
    fn from(d: CalendarDate) -> Self {
        Self { date: d.date, note: d.note }
    }
}

/// One day of a shop's calendar.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarDay {
    /// The day.
    pub date: NaiveDate,
    /// Its weekday.
    pub weekday: WeekdayDto,
    /// Whether the shop is open.
    pub business_day: bool,
    /// The national holiday on this day, in Japanese (祝日名).
    pub holiday_ja: Option<String>,
    /// The national holiday on this day, in English.
    pub holiday_en: Option<String>,
}

/// A shop's business calendar.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarResponse {
    /// Regular closed weekdays (定休日).
    pub closed_weekdays: Vec<WeekdayDto>,
    /// Whether the shop closes on national holidays.
    pub closed_on_holidays: bool,
    /// Extra closed dates.
    pub closed_dates: Vec<CalendarDateDto>,
    /// Dates open despite the rules above.
    pub open_dates: Vec<CalendarDateDto>,
    /// The next 60 days from today (Japan time).
    pub upcoming: Vec<CalendarDay>,
}

/// A shop of the mall.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShopResponse {
    /// The shop's id.
    pub id: Uuid,
    /// What it sells and how: its own goods, or proxy-buying.
    pub kind: ShopKindDto,
    /// A short name for URLs.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// What the shop is.
    pub description: String,
    /// 7 digits.
    pub postal_code: String,
    /// Formatted as `150-0001`.
    pub postal_code_display: String,
    /// JIS code, 1–47.
    pub prefecture: i16,
    /// Prefecture name (東京都).
    pub prefecture_name: String,
    /// The address after the prefecture.
    pub address: String,
    /// The shop's phone number.
    pub phone: String,
    /// Where members can write to the shop.
    pub contact_email: String,
    /// Opening hours as shown to customers (10:00〜20:00).
    pub opening_hours: String,
    /// The shop's business calendar.
    pub calendar: CalendarResponse,
    /// A reservation's planned visit date must be at least this many days ahead (RSV-01) …
    pub reservation_min_days: i32,
    /// … and at most this many.
    pub reservation_max_days: i32,
    /// A confirmed reservation is held to the end of the visit date plus this many days (RSV-02).
    pub hold_days: i32,
    /// A payment link expires after this many days (ORD-05).
    pub payment_limit_days: i32,
    /// A wished delivery date is at least this many business days ahead (preparation) …
    pub delivery_preparation_days: i32,
    /// … and at most this many days ahead.
    pub delivery_window_days: i32,
}

/// What a shop sells and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ShopKind)]
pub enum ShopKindDto {
    /// Its own goods: store-pickup reservations and delivery orders.
    #[default]
    Retail,
    /// A proxy-buying service (代行): members ask it to buy from other sellers.
    Proxy,
}

impl From<kaimono_catalog::ShopKind> for ShopKindDto {
    fn from(kind: kaimono_catalog::ShopKind) -> Self {
        match kind {
            kaimono_catalog::ShopKind::Retail => ShopKindDto::Retail,
            kaimono_catalog::ShopKind::Proxy => ShopKindDto::Proxy,
        }
    }
}

impl From<ShopKindDto> for kaimono_catalog::ShopKind {
    fn from(kind: ShopKindDto) -> Self {
        match kind {
            ShopKindDto::Retail => kaimono_catalog::ShopKind::Retail,
            ShopKindDto::Proxy => kaimono_catalog::ShopKind::Proxy,
        }
    }
}

impl ShopResponse {
    pub fn new(shop: Shop, today: NaiveDate) -> Self {
        let upcoming = calendar_days(&shop.calendar.rules, today, 60);
        Self {
            id: shop.id.0,
            kind: shop.kind.into(),
            slug: shop.slug,
            name: shop.name,
            description: shop.description,
            postal_code_display: display_postal_code(&shop.postal_code),
            postal_code: shop.postal_code,
            prefecture_name: prefecture_name(shop.prefecture),
            prefecture: shop.prefecture,
            address: shop.address,
            phone: shop.phone,
            contact_email: shop.contact_email,
            opening_hours: shop.opening_hours,
            reservation_min_days: shop.policy.reservation_min_days,
            reservation_max_days: shop.policy.reservation_max_days,
            hold_days: shop.policy.hold_days,
            payment_limit_days: shop.policy.payment_limit_days,
            delivery_preparation_days: shop.policy.delivery_preparation_days,
            delivery_window_days: shop.policy.delivery_window_days,
            calendar: CalendarResponse {
                closed_weekdays: shop.calendar.rules.closed_weekdays.iter(Weekday::Mon).map(Into::into).collect(),
                closed_on_holidays: shop.calendar.rules.closed_on_holidays,
                closed_dates: shop.calendar.closed_dates.into_iter().map(Into::into).collect(),
                open_dates: shop.calendar.open_dates.into_iter().map(Into::into).collect(),
                upcoming,
            },
        }
    }
}

/// The shop's calendar, day by day, from `from` for `days` days (CAT-01).
pub fn calendar_days(rules: &BusinessCalendar, from: NaiveDate, days: u32) -> Vec<CalendarDay> {
    from.iter_days()
        .take(days as usize)
        .take_while(|date| kaimono_core::is_supported_date(*date))
        .map(|date| {
            let holiday = national_holiday(date);
            CalendarDay {
                date,
                weekday: date.weekday().into(),
                business_day: rules.is_business_day(date),
                holiday_ja: holiday.as_ref().map(|h| h.name_ja.to_owned()),
                holiday_en: holiday.map(|h| h.name_en.to_owned()),
            }
        })
        .collect()
}
