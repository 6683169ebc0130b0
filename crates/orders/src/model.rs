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
                // Only an order paid after delivery (cash on delivery, deferred): `ship_order` checks.
                | (AwaitingPayment, Shipped)
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
pub use kaimono_core::TIME_SLOTS;

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
    /// The product's cover picture.
    pub image: Option<kaimono_catalog::ProductImage>,
}

impl CartLine {
    pub fn total(&self) -> Money {
        self.unit_price.times(self.quantity)
    }
}

#[derive(Debug, Clone)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    /// The goods, tax-inclusive (shipping is per shop, in `shipping`).
    pub total: Money,
    pub tax: TaxSummary,
    /// Per shop of the cart, in the order of the lines.
    pub shipping: Vec<CartShipping>,
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
    /// The carrier chosen per shop; a shop not named ships with its default carrier.
    pub carriers: Vec<(ShopId, Carrier)>,
}

/// A shop's part of the cart: how it can ship, and what shipping costs to the member's default address.
#[derive(Debug, Clone)]
pub struct CartShipping {
    pub shop_id: ShopId,
    pub shop_name: String,
    /// The shop's carriers with their time slots (empty: it ships free, without set carriers).
    pub options: Vec<(Carrier, Vec<String>)>,
    /// With the default carrier to the default address; `None` without an address yet.
    pub quote: Option<kaimono_catalog::ShippingQuote>,
}

pub use kaimono_core::ShippingAddress;

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
    /// Its units came off the shelf (a subscription's generated line does not, SUB-04).
    pub stocked: bool,
    /// The product's cover picture now.
    pub image: Option<kaimono_catalog::ProductImage>,
}

impl OrderLine {
    pub fn total(&self) -> Money {
        self.unit_price.times(self.quantity)
    }

    /// The line as emails name it, with the product's picture.
    pub fn mail_item(&self) -> kaimono_messaging::MailItem {
        let picture = self.image.as_ref().and_then(|i| i.thumbnail_path());
        kaimono_messaging::MailItem::goods(&self.product_name, &self.color, &self.size, self.quantity, picture)
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
    /// Goods and shipping, tax-inclusive.
    pub total: Money,
    pub tax_standard: Money,
    pub tax_reduced: Money,
    /// Shipping, tax-inclusive at 10 % (CART-02).
    pub shipping_fee: Money,
    pub shipping_carrier: Option<Carrier>,
    pub lines: Vec<OrderLine>,
    pub created_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    pub shipment: Option<Shipment>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<CancelReason>,
    /// SUB-12: the subscription it came from.
    pub subscription: Option<OrderSubscription>,
    /// The subscription's memo, copied at generation.
    pub memo: Option<String>,
    /// A subscription order's payment method (`card`, `cash_on_delivery`, …).
    pub payment_method: Option<String>,
    /// A shop's own payment method's name (`payment_method` = `custom`).
    pub payment_method_name: Option<String>,
    /// The payment method's fee, tax-inclusive at 10 %, in `total`.
    pub payment_fee: Money,
    /// SUB-15: points used as payment (1 point = ¥1); the total and its tax are unchanged.
    pub points_used: Money,
}

/// SUB-12: what an order shows of the subscription it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderSubscription {
    pub id: Uuid,
    pub number: String,
    /// The delivery after this order's, as scheduled when it was generated.
    pub next_delivery_on: Option<NaiveDate>,
}

impl Order {
    /// Tax per rate contained in the total: the lines the shop did not reject and shipping (at 10 %),
    /// rounded once per rate.
    pub fn tax(&self) -> kaimono_core::TaxSummary {
        let kept = self.lines.iter().filter(|l| l.status != LineStatus::Rejected);
        with_shipping(kept.map(|l| (l.tax_category, l.total())), self.shipping_fee + self.payment_fee)
    }
}

impl Order {
    /// What the member pays: the total less the points used.
    pub fn amount_due(&self) -> Money {
        self.total - self.points_used
    }

    /// Paid to the carrier, afterwards or as the shop arranges (a subscription's cash on delivery,
    /// deferred payment or the shop's own method, PAY-08): it ships while awaiting payment.
    pub fn pays_after_delivery(&self) -> bool {
        matches!(self.payment_method.as_deref(), Some("cash_on_delivery" | "deferred" | "custom"))
    }

    /// The lines still in the order, with their totals and pictures, for emails.
    pub fn mail_items(&self) -> Vec<kaimono_messaging::MailItem> {
        self.lines
            .iter()
            .filter(|l| l.status != LineStatus::Rejected)
            .map(|l| l.mail_item().priced(l.total()))
            .collect()
    }
}

pub use kaimono_core::Carrier;

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

/// The tax summary of goods plus a shipping fee, which is taxed at the standard rate (CART-02).
pub fn with_shipping(goods: impl Iterator<Item = (TaxCategory, Money)>, shipping_fee: Money) -> TaxSummary {
    let fee = (shipping_fee > Money::ZERO).then_some((TaxCategory::Standard, shipping_fee));
    kaimono_core::summarize_tax(goods.chain(fee), kaimono_core::RoundingMode::Down)
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
            // SUB-04: paid after delivery (cash on delivery, deferred); `ship_order` checks the method.
            (AwaitingPayment, Shipped),
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
