//! Shared domain vocabulary for every kaimono crate: typed ids, JPY money and Japanese consumption tax,
//! the clock, the business calendar with Japanese national holidays, and cursor paging.
//!
//! This crate is pure: no database, no HTTP, no I/O. Everything here can be unit-tested with values alone.

pub mod calendar;
pub mod clock;
pub mod ids;
pub mod japan;
pub mod locale;
pub mod money;
pub mod paging;
pub mod search;
pub mod shipping;
pub mod tax;

pub use calendar::{
    BusinessCalendar, Holiday, SUPPORTED_YEARS, holidays_in_year, is_supported_date, national_holiday,
    weekdays_from_mask, weekdays_to_mask,
};
pub use clock::{Clock, ManualClock, OffsetClock, SharedClock, SystemClock};
pub use ids::*;
pub use locale::Locale;
pub use money::{Money, MoneyError};
pub use paging::{Cursor, CursorError, Page, SortOrder};
pub use search::{LIKE_ESCAPE, contains_pattern, normalize_for_search, search_words};
pub use shipping::{Carrier, Region, ShippingAddress, TIME_SLOTS};
pub use tax::{RoundingMode, TaxCategory, TaxLine, TaxSummary, summarize_tax};
