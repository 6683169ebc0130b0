//! Wire types of `/orders` routes (and of others that show the same resources).

use crate::dto::cart::TaxLineResponse;
use crate::dto::payments::PaymentResponse;
use crate::dto::products::ShopRef;
use crate::dto::{TaxCategoryDto, display_postal_code, prefecture_name};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::Money;
use kaimono_orders::Order;
use kaimono_payments::PaymentView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Where an order is: `awaiting_stock_check` (placed, unpaid), `awaiting_payment` (a subscription's
/// order paid on delivery or afterwards ships from here), `paid`, `shipped`, `cancelled`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatusDto {
    AwaitingStockCheck,
    AwaitingPayment,
    Paid,
    Shipped,
    Cancelled,
}

impl From<kaimono_orders::OrderStatus> for OrderStatusDto {
    fn from(s: kaimono_orders::OrderStatus) -> Self {
        use kaimono_orders::OrderStatus as S;
        match s {
            S::AwaitingStockCheck => Self::AwaitingStockCheck,
            S::AwaitingPayment => Self::AwaitingPayment,
            S::Paid => Self::Paid,
            S::Shipped => Self::Shipped,
            S::Cancelled => Self::Cancelled,
        }
    }
}

impl From<OrderStatusDto> for kaimono_orders::OrderStatus {
    fn from(s: OrderStatusDto) -> Self {
        match s {
            OrderStatusDto::AwaitingStockCheck => Self::AwaitingStockCheck,
            OrderStatusDto::AwaitingPayment => Self::AwaitingPayment,
            OrderStatusDto::Paid => Self::Paid,
            OrderStatusDto::Shipped => Self::Shipped,
            OrderStatusDto::Cancelled => Self::Cancelled,
        }
    }
}

/// An item's status: `held` (stock taken at checkout), `secured` (the shop confirmed), `rejected` (out of
/// stock, cancelled), `released` (the order was cancelled).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineStatusDto {
    Held,
    Secured,
    Rejected,
    Released,
}

impl From<kaimono_orders::LineStatus> for LineStatusDto {
    fn from(s: kaimono_orders::LineStatus) -> Self {
        use kaimono_orders::LineStatus as S;
        match s {
            S::Held => Self::Held,
            S::Secured => Self::Secured,
            S::Rejected => Self::Rejected,
            S::Released => Self::Released,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderLineResponse {
    /// The line's id (name it in `rejected_line_ids` at the stock check).
    pub id: Uuid,
    /// The variant ordered.
    pub variant_id: Uuid,
    /// Its SKU when ordered.
    pub sku: String,
    /// The product's name when ordered.
    pub product_name: String,
    /// The variant's color.
    pub color: String,
    /// The variant's size.
    pub size: String,
    /// Its consumption-tax rate.
    pub tax_category: TaxCategoryDto,
    /// Tax-inclusive price when ordered.
    #[schema(value_type = String, example = "1980")]
    pub unit_price: Money,
    /// Units ordered.
    #[schema(minimum = 1)]
    pub quantity: u32,
    /// Unit price × quantity, tax-inclusive.
    #[schema(value_type = String, example = "3960")]
    pub line_total: Money,
    /// Whether its stock is held, secured, rejected or released.
    pub status: LineStatusDto,
    /// Its units came off the shop's shelf (false for a subscription's generated order, which leaves
    /// stock alone, SUB-04).
    pub stocked: bool,
    /// The product's cover picture now, if it has one.
    pub image: Option<crate::dto::products::ProductImageResponse>,
}

/// The delivery address as it was when the order was placed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShipToResponse {
    /// Postal code, seven digits.
    pub postal_code: String,
    /// Postal code as printed: `150-0001`.
    pub postal_code_display: String,
    /// Prefecture, JIS code 1–47.
    pub prefecture: i16,
    /// Prefecture name (東京都).
    pub prefecture_name: String,
    /// City, ward, town or village (市区町村).
    pub city: String,
    /// Block and number (番地).
    pub street: String,
    /// Building and room, if any.
    pub building: Option<String>,
    /// The recipient (宛名), as on the member's address.
    pub recipient_name: String,
    /// The recipient's name in kana.
    pub recipient_kana: String,
    /// The recipient's phone number, digits only.
    pub phone: String,
}

impl From<kaimono_core::ShippingAddress> for ShipToResponse {
    fn from(a: kaimono_core::ShippingAddress) -> Self {
        Self {
            postal_code_display: display_postal_code(&a.postal_code),
            postal_code: a.postal_code,
            prefecture_name: prefecture_name(a.prefecture),
            prefecture: a.prefecture,
            city: a.city,
            street: a.street,
            building: a.building,
            recipient_name: a.recipient_name,
            recipient_kana: a.recipient_kana,
            phone: a.phone,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderResponse {
    /// The order's id.
    pub id: Uuid,
    /// The number to quote to the shop (`261122-8F3A2C1D`).
    pub number: String,
    /// The shop that ships it.
    pub shop: ShopRef,
    /// Where the order is.
    pub status: OrderStatusDto,
    /// The delivery address, as it was at checkout.
    pub ship_to: ShipToResponse,
    /// Wished delivery date (お届け希望日), if one was chosen.
    pub delivery_date: Option<NaiveDate>,
    /// One of `morning`, `12-14`, `14-16`, `16-18`, `18-20`, `19-21`.
    pub delivery_time_slot: Option<String>,
    /// Tax-inclusive total.
    #[schema(value_type = String, example = "5256")]
    pub total: Money,
    /// Tax per rate contained in the total (as on the cart), rounded once per rate; shipping is taxed
    /// at 10 %.
    pub tax: Vec<TaxLineResponse>,
    /// Shipping, tax-inclusive, included in `total` (CART-02).
    #[schema(value_type = String, example = "800")]
    pub shipping_fee: Money,
    /// The carrier chosen at checkout, if the shop ships with set carriers.
    pub shipping_carrier: Option<CarrierDto>,
    /// The items, in the order they were placed.
    pub lines: Vec<OrderLineResponse>,
    /// When it was placed.
    pub created_at: DateTime<Utc>,
    /// When the payment link was paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// Set once shipped (ORD-03).
    pub shipment: Option<ShipmentResponse>,
    /// When it was cancelled.
    pub cancelled_at: Option<DateTime<Utc>>,
    /// `out_of_stock`, `member`, `shop` or `payment_expired`.
    pub cancel_reason: Option<String>,
    /// The payment request and every attempt against it (PAY-03); on single-order responses only.
    pub payment: Option<PaymentResponse>,
    /// SUB-12: the subscription this order belongs to (its first order or a generated one).
    pub subscription: Option<OrderSubscriptionResponse>,
    /// The subscription's memo, copied when the order was generated.
    pub memo: Option<String>,
    /// A subscription order's payment method: `card`, `cash_on_delivery`, `deferred` or `custom` (the
    /// shop's own, named in `payment_method_name`).
    pub payment_method: Option<String>,
    /// The name of the shop's own payment method (PAY-08).
    pub payment_method_name: Option<String>,
    /// The payment method's fee (cash on delivery), tax-inclusive, included in `total`.
    #[schema(value_type = String, example = "330")]
    pub payment_fee: Money,
    /// SUB-15: points used as payment (1 point = ¥1); the total and its tax are unchanged.
    #[schema(value_type = String, example = "0")]
    pub points_used: Money,
    /// What the member pays: `total` less `points_used`.
    #[schema(value_type = String, example = "1780")]
    pub amount_due: Money,
}

/// SUB-12: the subscription an order came from.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderSubscriptionResponse {
    /// The subscription's id.
    pub id: Uuid,
    /// Its number, by the shop's numbering rule (SUB-09).
    pub number: String,
    /// The delivery after this one, as scheduled when the order was generated.
    pub next_delivery_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ShipmentResponse {
    /// The carrier.
    pub carrier: CarrierDto,
    /// The carrier's tracking number (送り状番号).
    pub tracking_number: String,
    /// When it was shipped.
    pub shipped_at: DateTime<Utc>,
}

/// The carriers: `yamato` (ヤマト運輸), `sagawa` (佐川急便), `japan_post` (日本郵便), `seino` (西濃運輸), `other`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CarrierDto {
    Yamato,
    Sagawa,
    JapanPost,
    Seino,
    Other,
}

impl From<kaimono_orders::Carrier> for CarrierDto {
    fn from(c: kaimono_orders::Carrier) -> Self {
        use kaimono_orders::Carrier as C;
        match c {
            C::Yamato => Self::Yamato,
            C::Sagawa => Self::Sagawa,
            C::JapanPost => Self::JapanPost,
            C::Seino => Self::Seino,
            C::Other => Self::Other,
        }
    }
}

impl From<CarrierDto> for kaimono_orders::Carrier {
    fn from(c: CarrierDto) -> Self {
        match c {
            CarrierDto::Yamato => Self::Yamato,
            CarrierDto::Sagawa => Self::Sagawa,
            CarrierDto::JapanPost => Self::JapanPost,
            CarrierDto::Seino => Self::Seino,
            CarrierDto::Other => Self::Other,
        }
    }
}

impl OrderResponse {
    /// The order with its payment request and attempts (single-order responses).
    pub fn new(order: Order, payment: Option<PaymentView>) -> Self {
        Self { payment: payment.map(Into::into), ..order.into() }
    }
}

impl From<Order> for OrderResponse {
    fn from(o: Order) -> Self {
        let tax = o.tax().lines.into_iter().map(Into::into).collect();
        let amount_due = o.amount_due();
        Self {
            id: o.id,
            number: o.number,
            shop: ShopRef { id: o.shop_id.0, name: o.shop_name },
            status: o.status.into(),
            ship_to: o.ship_to.into(),
            delivery_date: o.delivery_date,
            delivery_time_slot: o.delivery_time_slot,
            total: o.total,
            tax,
            shipping_fee: o.shipping_fee,
            shipping_carrier: o.shipping_carrier.map(Into::into),
            lines: o
                .lines
                .into_iter()
                .map(|l| OrderLineResponse {
                    line_total: l.total(),
                    id: l.id,
                    variant_id: l.variant_id.0,
                    sku: l.sku,
                    product_name: l.product_name,
                    color: l.color,
                    size: l.size,
                    tax_category: l.tax_category.into(),
                    unit_price: l.unit_price,
                    quantity: l.quantity,
                    status: l.status.into(),
                    stocked: l.stocked,
                    image: l.image.map(Into::into),
                })
                .collect(),
            created_at: o.created_at,
            paid_at: o.paid_at,
            shipment: o.shipment.map(|s| ShipmentResponse {
                carrier: s.carrier.into(),
                tracking_number: s.tracking_number,
                shipped_at: s.shipped_at,
            }),
            cancelled_at: o.cancelled_at,
            cancel_reason: o.cancel_reason.map(|r| r.as_str().to_owned()),
            payment: None,
            subscription: o.subscription.map(|s| OrderSubscriptionResponse {
                id: s.id,
                number: s.number,
                next_delivery_on: s.next_delivery_on,
            }),
            memo: o.memo,
            payment_method: o.payment_method,
            payment_method_name: o.payment_method_name,
            payment_fee: o.payment_fee,
            points_used: o.points_used,
            amount_due,
        }
    }
}
