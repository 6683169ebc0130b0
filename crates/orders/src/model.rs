//! Order and line states and the rules between them (pure).

use crate::error::OrderError;
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::{AccountId, Money, ProductId, ShopId, TaxCategory, TaxSummary, VariantId};
use uuid::Uuid;

/// The largest quantity of one variant in a cart or an order line.
pub const MAX_LINE_QUANTITY: i32 = 99;

/// Where a delivery order is in its life (seed 000, 配送購入).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderStatus {
    /// Placed unpaid; the shop has not yet checked stock (ORD-01).
    AwaitingStockCheck,
    /// Stock secured; the payment URL is out (ORD-02).
    AwaitingPayment,
    Paid,
    /// Handed to the carrier (ORD-03).
    Shipped,
    /// By the member, the shop, all lines rejected, or an expired payment request (ORD-05).
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 5] = [
        OrderStatus::AwaitingStockCheck,
        OrderStatus::AwaitingPayment,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::AwaitingStockCheck => "awaiting_stock_check",
            OrderStatus::AwaitingPayment => "awaiting_payment",
            OrderStatus::Paid => "paid",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Whether the life of an order allows going from `self` to `to`.
    pub fn can_become(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (AwaitingStockCheck, AwaitingPayment)
                | (AwaitingStockCheck, Cancelled)
                | (AwaitingPayment, Paid)
                | (AwaitingPayment, Cancelled)
                | (Paid, Shipped)
                | (Paid, Cancelled)
        )
    }

    pub fn transition(self, to: OrderStatus) -> Result<OrderStatus, OrderError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(OrderError::InvalidTransition { from: self.as_str(), to: to.as_str() })
        }
    }
}

/// Whether a line holds stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStatus {
    /// Stock taken from the shelf at checkout, waiting for the shop's check.
    Held,
    /// The shop confirmed it (在庫確保).
    Secured,
    /// Out of stock at the shop: cancelled, stock given back.
    Rejected,
    /// Given back because the order was cancelled.
    Released,
}

impl LineStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LineStatus::Held => "held",
            LineStatus::Secured => "secured",
            LineStatus::Rejected => "rejected",
            LineStatus::Released => "released",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [LineStatus::Held, LineStatus::Secured, LineStatus::Rejected, LineStatus::Released]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

/// A delivery-time wish (時間帯指定), as Japanese carriers offer them.
pub const TIME_SLOTS: [&str; 6] = ["morning", "12-14", "14-16", "16-18", "18-20", "19-21"];

/// A line of the cart, priced now.
#[derive(Debug, Clone)]
pub struct CartLine {
    pub variant_id: VariantId,
    pub product_id: ProductId,
    pub shop_id: ShopId,
    pub shop_name: String,
    pub product_name: String,
    pub sku: String,
    pub color: String,
    pub size: String,
    pub tax_category: TaxCategory,
    pub unit_price: Money,
    pub quantity: u32,
    /// Units on the shelf now (stock is held only at checkout).
    pub available: i32,
    /// Variant and product active and the product sold for delivery.
    pub on_sale: bool,
}

impl CartLine {
    pub fn total(&self) -> Money {
        self.unit_price.times(self.quantity)
    }
}

#[derive(Debug, Clone)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    pub total: Money,
    pub tax: TaxSummary,
    /// ORD-01: the wished delivery dates every shop in the cart accepts; `None` when the cart is empty
    /// or the shops have no date in common.
    pub delivery_window: Option<kaimono_catalog::DeliveryWindow>,
}

/// What checkout needs besides the cart.
#[derive(Debug, Clone)]
pub struct Checkout {
    pub address_id: Uuid,
    pub delivery_date: Option<NaiveDate>,
    pub delivery_time_slot: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ShippingAddress {
    pub postal_code: String,
    pub prefecture: i16,
    pub city: String,
    pub street: String,
    pub building: Option<String>,
    pub recipient_name: String,
    pub recipient_kana: String,
    pub phone: String,
}

#[derive(Debug, Clone)]
pub struct OrderLine {
    pub id: Uuid,
    pub variant_id: VariantId,
    pub sku: String,
    pub product_name: String,
    pub color: String,
    pub size: String,
    pub tax_category: TaxCategory,
    pub unit_price: Money,
    pub quantity: u32,
    pub status: LineStatus,
}

impl OrderLine {
    pub fn total(&self) -> Money {
        self.unit_price.times(self.quantity)
    }
}

#[derive(Debug, Clone)]
pub struct Order {
    pub id: Uuid,
    pub number: String,
    /// The member who placed it.
    pub account_id: AccountId,
    pub shop_id: ShopId,
    pub shop_name: String,
    pub status: OrderStatus,
    pub ship_to: ShippingAddress,
    pub delivery_date: Option<NaiveDate>,
    pub delivery_time_slot: Option<String>,
    pub total: Money,
    pub tax_standard: Money,
    pub tax_reduced: Money,
    pub lines: Vec<OrderLine>,
    pub created_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    pub shipment: Option<Shipment>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<CancelReason>,
}

impl Order {
    /// Tax per rate contained in the total: the lines the shop did not reject, rounded once per rate.
    pub fn tax(&self) -> kaimono_core::TaxSummary {
        kaimono_core::summarize_tax(
            self.lines.iter().filter(|l| l.status != LineStatus::Rejected).map(|l| (l.tax_category, l.total())),
            kaimono_core::RoundingMode::Down,
        )
    }
}

impl Order {
    /// "Name (color / size) × n  ¥total" per line still in the order, for emails.
    pub fn item_lines(&self) -> Vec<String> {
        self.lines
            .iter()
            .filter(|l| l.status != LineStatus::Rejected)
            .map(|l| format!("{} ({} / {}) × {}  {}", l.product_name, l.color, l.size, l.quantity, l.total()))
            .collect()
    }
}

/// The carriers a shop ships with (配送会社).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    Yamato,
    Sagawa,
    JapanPost,
    Seino,
    Other,
}

impl Carrier {
    pub const ALL: [Carrier; 5] =
        [Carrier::Yamato, Carrier::Sagawa, Carrier::JapanPost, Carrier::Seino, Carrier::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Carrier::Yamato => "yamato",
            Carrier::Sagawa => "sagawa",
            Carrier::JapanPost => "japan_post",
            Carrier::Seino => "seino",
            Carrier::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == value)
    }

    /// The name members know, in their language.
    pub fn display_name(self, locale: kaimono_core::Locale) -> &'static str {
        use kaimono_core::Locale::*;
        match (self, locale) {
            (Carrier::Yamato, Ja) => "ヤマト運輸",
            (Carrier::Yamato, En) => "Yamato Transport",
            (Carrier::Sagawa, Ja) => "佐川急便",
            (Carrier::Sagawa, En) => "Sagawa Express",
            (Carrier::JapanPost, Ja) => "日本郵便",
            (Carrier::JapanPost, En) => "Japan Post",
            (Carrier::Seino, Ja) => "西濃運輸",
            (Carrier::Seino, En) => "Seino Transportation",
            (Carrier::Other, Ja) => "その他",
            (Carrier::Other, En) => "Other",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Shipment {
    pub carrier: Carrier,
    pub tracking_number: String,
    pub shipped_at: DateTime<Utc>,
}

/// Why an order was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelReason {
    /// Every line was out of stock (ORD-01).
    OutOfStock,
    Member,
    Shop,
    /// The payment request expired (ORD-05).
    PaymentExpired,
}

impl CancelReason {
    pub fn as_str(self) -> &'static str {
        match self {
            CancelReason::OutOfStock => "out_of_stock",
            CancelReason::Member => "member",
            CancelReason::Shop => "shop",
            CancelReason::PaymentExpired => "payment_expired",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [CancelReason::OutOfStock, CancelReason::Member, CancelReason::Shop, CancelReason::PaymentExpired]
            .into_iter()
            .find(|r| r.as_str() == value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    // ORD-01 … ORD-05: every allowed transition, and every other one refused.
    #[test]
    fn order_status_allows_exactly_the_documented_transitions() {
        let allowed = [
            (AwaitingStockCheck, AwaitingPayment),
            (AwaitingStockCheck, Cancelled),
            (AwaitingPayment, Paid),
            (AwaitingPayment, Cancelled),
            (Paid, Shipped),
            (Paid, Cancelled),
        ];
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_become(to), expected, "{} -> {}", from.as_str(), to.as_str());
                assert_eq!(from.transition(to).is_ok(), expected);
            }
        }
        assert!(matches!(
            Shipped.transition(Cancelled),
            Err(OrderError::InvalidTransition { from: "shipped", to: "cancelled" })
        ));
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(LineStatus::parse("held"), Some(LineStatus::Held));
        assert_eq!(OrderStatus::parse("lost"), None);
    }
}
