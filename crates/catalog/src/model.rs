//! Catalog types and their pure rules.

use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::{BusinessCalendar, Money, ProductId, ShopId, TaxCategory, VariantId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shop {
    pub id: ShopId,
    pub kind: ShopKind,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub postal_code: String,
    pub prefecture: i16,
    pub address: String,
    pub phone: String,
    pub contact_email: String,
    pub opening_hours: String,
    pub calendar: ShopCalendar,
    pub policy: ShopPolicy,
    /// The qualified-invoice registration number (`T` + 13 digits), printed on receipts.
    pub invoice_registration_number: Option<String>,
    /// Where members transfer money to.
    pub bank_account: Option<BankAccount>,
}

/// What a shop sells and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShopKind {
    /// Its own goods: store-pickup reservations and delivery orders.
    Retail,
    /// A proxy-buying service (代行): members ask it to buy from other sellers.
    Proxy,
}

impl ShopKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ShopKind::Retail => "retail",
            ShopKind::Proxy => "proxy",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "retail" => Some(ShopKind::Retail),
            "proxy" => Some(ShopKind::Proxy),
            _ => None,
        }
    }
}

/// A Japanese bank account for transfers (振込先).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankAccount {
    pub bank_name: String,
    pub branch_name: String,
    pub account_type: AccountType,
    /// Seven digits.
    pub account_number: String,
    /// The holder's name as the bank prints it, in katakana.
    pub account_holder: String,
}

/// 普通 (ordinary) or 当座 (current).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountType {
    Ordinary,
    Current,
}

impl AccountType {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountType::Ordinary => "ordinary",
            AccountType::Current => "current",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [AccountType::Ordinary, AccountType::Current].into_iter().find(|t| t.as_str() == value)
    }
}

/// What a shop's owner sets (SHOP settings): the policy, how members reach the shop, the invoice
/// registration number and the bank account. Checked by [`ShopSettings::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopSettings {
    pub policy: ShopPolicy,
    pub contact_email: String,
    pub invoice_registration_number: Option<String>,
    pub bank_account: Option<BankAccount>,
}

impl ShopSettings {
    /// The rules between the fields; each failure names its field.
    pub fn check(&self) -> Result<(), crate::CatalogError> {
        let p = self.policy;
        let bad = |field: &'static str, message: &str| {
            Err(crate::CatalogError::InvalidSetting { field, message: message.to_owned() })
        };
        if !(0..=365).contains(&p.reservation_min_days) {
            return bad("reservation_min_days", "must be from 0 to 365");
        }
        if !(p.reservation_min_days..=365).contains(&p.reservation_max_days) {
            return bad("reservation_max_days", "must be from reservation_min_days to 365");
        }
        if !(0..=30).contains(&p.hold_days) {
            return bad("hold_days", "must be from 0 to 30");
        }
        if !(1..=30).contains(&p.payment_limit_days) {
            return bad("payment_limit_days", "must be from 1 to 30");
        }
        if !(0..=30).contains(&p.delivery_preparation_days) {
            return bad("delivery_preparation_days", "must be from 0 to 30");
        }
        if !(p.delivery_preparation_days.max(1)..=365).contains(&p.delivery_window_days) {
            return bad("delivery_window_days", "must be from delivery_preparation_days (at least 1) to 365");
        }
        if let Some(number) = &self.invoice_registration_number
            && !kaimono_core::japan::is_invoice_registration_number(number)
        {
            return bad("invoice_registration_number", "must be T and 13 digits with a valid check digit");
        }
        if let Some(account) = &self.bank_account {
            if account.account_number.len() != 7 || !account.account_number.bytes().all(|b| b.is_ascii_digit()) {
                return bad("bank_account.account_number", "must be 7 digits");
            }
            if kaimono_core::japan::normalize_account_holder(&account.account_holder).as_deref()
                != Some(account.account_holder.as_str())
            {
                return bad("bank_account.account_holder", "must be in katakana as the bank prints it");
            }
        }
        Ok(())
    }
}

/// A shop's rules for reservations and payment requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopPolicy {
    /// RSV-01: a visit may be planned from this many days ahead …
    pub reservation_min_days: i32,
    /// … up to this many days ahead.
    pub reservation_max_days: i32,
    /// RSV-02: a confirmed reservation is held to the end of the visit date plus this many days.
    pub hold_days: i32,
    /// ORD-05: a payment request expires after this many days.
    pub payment_limit_days: i32,
    /// ORD-01: a wished delivery date is at least this many business days ahead (preparation) …
    pub delivery_preparation_days: i32,
    /// … and at most this many days ahead.
    pub delivery_window_days: i32,
}

impl ShopPolicy {
    /// ORD-05: when a payment request issued at `now` expires.
    pub fn payment_expiry(&self, now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
        now + chrono::Duration::days(i64::from(self.payment_limit_days))
    }
}

impl Default for ShopPolicy {
    fn default() -> Self {
        Self {
            reservation_min_days: 1,
            reservation_max_days: 14,
            hold_days: 3,
            payment_limit_days: 3,
            delivery_preparation_days: 2,
            delivery_window_days: 30,
        }
    }
}

/// The wished delivery dates a shop accepts: from `earliest` to `latest`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryWindow {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

impl DeliveryWindow {
    pub fn contains(self, date: NaiveDate) -> bool {
        self.earliest <= date && date <= self.latest
    }

    /// The dates both windows accept, if any.
    pub fn intersect(self, other: DeliveryWindow) -> Option<DeliveryWindow> {
        let window =
            DeliveryWindow { earliest: self.earliest.max(other.earliest), latest: self.latest.min(other.latest) };
        (window.earliest <= window.latest).then_some(window)
    }
}

impl Shop {
    /// ORD-01: the delivery dates a member may wish for, ordering `today`: the preparation days are the
    /// shop's business days; carriers deliver any day. `None` if the shop cannot prepare in its window.
    pub fn delivery_window(&self, today: NaiveDate) -> Option<DeliveryWindow> {
        let preparation = u32::try_from(self.policy.delivery_preparation_days).ok()?;
        let earliest = self.calendar.rules.add_business_days(today, preparation)?;
        let latest = today + chrono::Duration::days(i64::from(self.policy.delivery_window_days));
        (earliest <= latest).then_some(DeliveryWindow { earliest, latest })
    }
}

/// A shop's business calendar with the notes on its special dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShopCalendar {
    pub rules: BusinessCalendar,
    pub closed_dates: Vec<CalendarDate>,
    pub open_dates: Vec<CalendarDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDate {
    pub date: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewShop {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub postal_code: String,
    pub prefecture: i16,
    pub address: String,
    pub phone: String,
    pub contact_email: String,
    pub opening_hours: String,
}

/// When a reservation is paid (CAT-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReservationPayment {
    /// 店頭決済
    InStore,
    /// オンライン事前決済
    Prepaid,
}

impl ReservationPayment {
    pub fn as_str(self) -> &'static str {
        match self {
            ReservationPayment::InStore => "in_store",
            ReservationPayment::Prepaid => "prepaid",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "in_store" => Some(ReservationPayment::InStore),
            "prepaid" => Some(ReservationPayment::Prepaid),
            _ => None,
        }
    }
}

/// How a product can be bought (CAT-04, CAT-05).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fulfilment {
    pub reservable: bool,
    pub deliverable: bool,
    pub reservation_payment: ReservationPayment,
    /// Offered as a subscription on these terms (none: not subscription-enabled).
    pub subscription: Option<SubscriptionTerms>,
}

/// CAT-05: what a product costs on subscription. The regular price is ignored for subscriptions (SUB-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubscriptionTerms {
    /// The first delivery's price, tax included.
    pub first_price: Money,
    /// The price from the 2nd delivery on.
    pub price: Money,
    /// Deliveries at most, the first included; none for no limit.
    pub max_deliveries: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub id: ProductId,
    pub shop_id: ShopId,
    pub name: String,
    pub description: String,
    pub category: String,
    pub tax_category: TaxCategory,
    pub fulfilment: Fulfilment,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub id: VariantId,
    pub product_id: ProductId,
    pub sku: String,
    pub color: String,
    pub size: String,
    /// Tax-inclusive.
    pub price: Money,
    pub active: bool,
}

/// Stock of one variant at one shop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockLevel {
    pub variant_id: VariantId,
    pub shop_id: ShopId,
    pub shop_name: String,
    pub quantity: i32,
}

/// A product with its variants and where it is in stock.
#[derive(Debug, Clone)]
pub struct ProductDetail {
    pub product: Product,
    pub shop_name: String,
    /// In display order.
    pub images: Vec<crate::ProductImage>,
    pub variants: Vec<Variant>,
    pub stock: Vec<StockLevel>,
}

/// One row of a product list.
#[derive(Debug, Clone)]
pub struct ProductSummary {
    pub product: Product,
    pub shop_name: String,
    /// The first image, shown on product cards.
    pub cover: Option<crate::ProductImage>,
    pub price_min: Money,
    pub price_max: Money,
    pub in_stock: bool,
}

#[derive(Debug, Clone, Default)]
pub struct ProductFilter {
    pub shop_id: Option<ShopId>,
    pub keyword: Option<String>,
    pub category: Option<String>,
    pub in_stock: bool,
    /// Staff views include archived products of their shop.
    pub include_archived: bool,
}

#[derive(Debug, Clone)]
pub struct NewVariant {
    pub sku: String,
    pub color: String,
    pub size: String,
    pub price: Money,
}

#[derive(Debug, Clone)]
pub struct NewProduct {
    pub name: String,
    pub description: String,
    pub category: String,
    pub tax_category: TaxCategory,
    pub fulfilment: Fulfilment,
    pub variants: Vec<NewVariant>,
}

#[derive(Debug, Clone, Default)]
pub struct ProductChanges {
    pub name: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    pub tax_category: Option<TaxCategory>,
    pub reservable: Option<bool>,
    pub deliverable: Option<bool>,
    pub reservation_payment: Option<ReservationPayment>,
    /// `Some(None)` stops offering it as a subscription (running subscriptions are not affected).
    pub subscription: Option<Option<SubscriptionTerms>>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct VariantChanges {
    pub sku: Option<String>,
    pub color: Option<String>,
    pub size: Option<String>,
    pub price: Option<Money>,
    pub active: Option<bool>,
}

pub use kaimono_core::Page;
