//! `/orders` and `/me/orders`: placing the cart as delivery orders (CART-02) and the member's orders (ORD-04).

mod check_order_stock;
mod get_my_order;
mod list_my_orders;
mod list_shop_orders;
mod place_orders;

use super::products::ShopRef;
use crate::dto::{TaxCategoryDto, display_postal_code, prefecture_name};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::Money;
use kaimono_orders::Order;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(place_orders::place_orders)
        .service(list_my_orders::list_my_orders)
        .service(get_my_order::get_my_order)
        .service(list_shop_orders::list_shop_orders)
        .service(check_order_stock::check_order_stock);
}

/// Where an order is: `awaiting_stock_check` (placed, unpaid), `awaiting_payment`, `paid`, `shipped`, `cancelled`.
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
    pub id: Uuid,
    pub variant_id: Uuid,
    pub sku: String,
    pub product_name: String,
    pub color: String,
    pub size: String,
    pub tax_category: TaxCategoryDto,
    /// Tax-inclusive price when ordered.
    #[schema(value_type = String, example = "1980")]
    pub unit_price: Money,
    pub quantity: i32,
    #[schema(value_type = String, example = "3960")]
    pub line_total: Money,
    pub status: LineStatusDto,
}

/// The delivery address as it was when the order was placed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShipToResponse {
    pub postal_code: String,
    pub postal_code_display: String,
    pub prefecture: i16,
    pub prefecture_name: String,
    pub city: String,
    pub street: String,
    pub building: Option<String>,
    pub name: String,
    pub name_kana: String,
    pub phone: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderResponse {
    pub id: Uuid,
    /// The number to quote to the shop (`261122-8F3A2C1D`).
    pub number: String,
    pub shop: ShopRef,
    pub status: OrderStatusDto,
    pub ship_to: ShipToResponse,
    pub delivery_date: Option<NaiveDate>,
    /// One of `morning`, `12-14`, `14-16`, `16-18`, `18-20`, `19-21`.
    pub delivery_time_slot: Option<String>,
    /// Tax-inclusive total.
    #[schema(value_type = String, example = "5256")]
    pub total: Money,
    /// Tax at 10 % contained in the total.
    #[schema(value_type = String, example = "360")]
    pub tax_standard: Money,
    /// Tax at 8 % contained in the total.
    #[schema(value_type = String, example = "96")]
    pub tax_reduced: Money,
    pub lines: Vec<OrderLineResponse>,
    pub created_at: DateTime<Utc>,
}

impl From<Order> for OrderResponse {
    fn from(o: Order) -> Self {
        let a = o.ship_to;
        Self {
            id: o.id,
            number: o.number,
            shop: ShopRef { id: o.shop_id.0, name: o.shop_name },
            status: o.status.into(),
            ship_to: ShipToResponse {
                postal_code_display: display_postal_code(&a.postal_code),
                postal_code: a.postal_code,
                prefecture_name: prefecture_name(a.prefecture),
                prefecture: a.prefecture,
                city: a.city,
                street: a.street,
                building: a.building,
                name: a.name,
                name_kana: a.name_kana,
                phone: a.phone,
            },
            delivery_date: o.delivery_date,
            delivery_time_slot: o.delivery_time_slot,
            total: o.total,
            tax_standard: o.tax_standard,
            tax_reduced: o.tax_reduced,
            lines: o
                .lines
                .into_iter()
                .map(|l| OrderLineResponse {
                    line_total: l.unit_price.times(u32::try_from(l.quantity).unwrap_or(0)),
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
                })
                .collect(),
            created_at: o.created_at,
        }
    }
}
