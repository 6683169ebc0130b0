//! The wire types (request and response bodies shared by several operations), one module per area;
//! here:  enums as snake_case strings, money as strings, and the
//! validation rules for Japanese fields (which call the one implementation in `kaimono_core::japan`).

pub mod auth;
pub mod cart;
pub mod me;
pub mod messages;
pub mod orders;
pub mod payments;
pub mod products;
pub mod proxy;
pub mod reservations;
pub mod settings;
pub mod shipping;
pub mod shops;
pub mod staff;
pub mod stock;
pub mod subscriptions;
pub mod timeline;

use crate::error::ErrorCode;
use kaimono_core::japan;
use kaimono_core::{Locale, Money, TaxCategory};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::ValidationError;

/// The language of the UI and of emails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LocaleDto {
    Ja,
    En,
}

impl From<LocaleDto> for Locale {
    fn from(value: LocaleDto) -> Self {
        match value {
            LocaleDto::Ja => Locale::Ja,
            LocaleDto::En => Locale::En,
        }
    }
}

impl From<Locale> for LocaleDto {
    fn from(value: Locale) -> Self {
        match value {
            Locale::Ja => LocaleDto::Ja,
            Locale::En => LocaleDto::En,
        }
    }
}

/// Consumption-tax category: `standard` (10 %) or `reduced` (8 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaxCategoryDto {
    Standard,
    Reduced,
}

impl From<TaxCategoryDto> for TaxCategory {
    fn from(value: TaxCategoryDto) -> Self {
        match value {
            TaxCategoryDto::Standard => TaxCategory::Standard,
            TaxCategoryDto::Reduced => TaxCategory::Reduced,
        }
    }
}

impl From<TaxCategory> for TaxCategoryDto {
    fn from(value: TaxCategory) -> Self {
        match value {
            TaxCategory::Standard => TaxCategoryDto::Standard,
            TaxCategory::Reduced => TaxCategoryDto::Reduced,
        }
    }
}

fn invalid(code: &'static str, message: &'static str) -> ValidationError {
    ValidationError::new(code).with_message(message.into())
}

/// A date the calendar knows (1990-01-01 to 2099-12-31): holidays before and after are not modelled.
pub fn validate_supported_date(value: &chrono::NaiveDate) -> Result<(), ValidationError> {
    if kaimono_core::is_supported_date(*value) {
        Ok(())
    } else {
        Err(ValidationError::new("date_range").with_message("must be from 1990-01-01 to 2099-12-31".into()))
    }
}

pub fn validate_postal_code(value: &str) -> Result<(), ValidationError> {
    japan::normalize_postal_code(value)
        .map(|_| ())
        .ok_or_else(|| invalid("postal_code", "must be 7 digits, with or without a hyphen (150-0001)"))
}

pub fn validate_phone(value: &str) -> Result<(), ValidationError> {
    japan::normalize_phone(value)
        .map(|_| ())
        .ok_or_else(|| invalid("phone", "must be a Japanese phone number of 10 or 11 digits starting with 0"))
}

pub fn validate_furigana(value: &str) -> Result<(), ValidationError> {
    if japan::is_furigana(value) { Ok(()) } else { Err(invalid("furigana", "must be written in katakana or hiragana")) }
}

/// A carrier's tracking number: letters, digits and hyphens.
pub fn validate_tracking_number(value: &str) -> Result<(), ValidationError> {
    let ok = value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !value.is_empty();
    if ok { Ok(()) } else { Err(invalid("tracking_number", "letters, digits and hyphens only")) }
}

/// A delivery time slot (時間帯指定) as Japanese carriers offer them.
pub fn validate_time_slot(value: &str) -> Result<(), ValidationError> {
    if kaimono_core::TIME_SLOTS.contains(&value) {
        Ok(())
    } else {
        Err(invalid("time_slot", "must be one of morning, 12-14, 14-16, 16-18, 18-20, 19-21"))
    }
}

pub fn validate_not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() { Err(invalid("blank", "must not be blank")) } else { Ok(()) }
}

/// The largest price accepted: ¥100,000,000.
const MAX_PRICE: i64 = 100_000_000;

pub fn validate_price(value: &Decimal) -> Result<(), ValidationError> {
    match Money::try_from_decimal(*value) {
        Ok(m) if m.to_yen().is_ok_and(|y| y <= MAX_PRICE) => Ok(()),
        Ok(_) => Err(invalid("range", "must be at most 100000000 yen")),
        Err(_) => Err(invalid("price", "must be a whole, non-negative number of yen")),
    }
}

/// A `Money` read from the wire: whole, non-negative yen up to the largest price.
pub fn validate_yen(value: &Money) -> Result<(), ValidationError> {
    validate_price(&value.amount())
}

/// A price as `Money`, or a 422 on `field`.
pub fn price(value: Decimal, field: &str) -> Result<Money, crate::error::ApiError> {
    Money::try_from_decimal(value).map_err(|_| {
        crate::error::ApiError::field(ErrorCode::ValidationFailed, field, "must be a whole, non-negative number of yen")
    })
}

/// `"1500001"` → `"150-0001"`.
pub fn display_postal_code(digits: &str) -> String {
    match (digits.get(..3), digits.get(3..)) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => digits.to_owned(),
    }
}

/// The Japanese name of a prefecture code.
pub fn prefecture_name(code: i16) -> String {
    japan::prefecture(code).map(|(ja, _)| ja.to_owned()).unwrap_or_default()
}

/// One page of a list. Every list of the API has this shape and is walked with [`PageQuery`].
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    /// The items of this page, in the list's order.
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// The wire form of a domain page.
    pub fn of<D>(page: kaimono_core::Page<D>) -> Self
    where
        T: From<D>,
    {
        Page { items: page.items.into_iter().map(T::from).collect(), next_cursor: page.next_cursor }
    }
}

/// Where a page starts and how long it is (the query of every list).
#[derive(Debug, Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// `next_cursor` of the previous page; absent for the first page.
    #[validate(length(min = 1, max = 200))]
    #[param(min_length = 1, max_length = 200)]
    pub cursor: Option<String>,
    /// Items per page, 1–100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
}

impl PageQuery {
    pub const DEFAULT_LIMIT: u64 = 20;

    /// The decoded cursor and the page size.
    pub fn parts(&self) -> Result<(Option<kaimono_core::Cursor>, u64), crate::error::ApiError> {
        let cursor = self
            .cursor
            .as_deref()
            .map(|c| {
                kaimono_core::Cursor::decode(c).map_err(|_| {
                    crate::error::ApiError::field(
                        ErrorCode::ValidationFailed,
                        "cursor",
                        "is not a cursor this server issued",
                    )
                })
            })
            .transpose()?;
        Ok((cursor, self.limit.unwrap_or(Self::DEFAULT_LIMIT)))
    }
}
