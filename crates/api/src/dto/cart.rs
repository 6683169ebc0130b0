//! Wire types of `/cart` routes (and of others that show the same resources).

use crate::dto::TaxCategoryDto;
use crate::dto::orders::CarrierDto;
use crate::dto::products::ShopRef;
use kaimono_core::{Money, TaxLine};
use kaimono_orders::Cart;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct CartItemResponse {
    /// The variant in the cart.
    pub variant_id: Uuid,
    /// Its product.
    pub product_id: Uuid,
    /// The shop that sells and ships it.
    pub shop: ShopRef,
    /// The product's name now.
    pub product_name: String,
    /// The variant's SKU.
    pub sku: String,
    /// The variant's color.
    pub color: String,
    /// The variant's size.
    pub size: String,
    /// Its consumption-tax rate.
    pub tax_category: TaxCategoryDto,
    /// Tax-inclusive price now.
    #[schema(value_type = String, example = "1980")]
    pub unit_price: Money,
    /// Units in the cart (1 to 99).
    #[schema(minimum = 1, maximum = 99)]
    pub quantity: u32,
    /// Unit price × quantity, tax-inclusive.
    #[schema(value_type = String, example = "3960")]
    pub line_total: Money,
    /// Units on the shop's shelf now; stock is held only when the order is placed.
    pub available: i32,
    /// The product's cover picture, if it has one.
    pub image: Option<crate::dto::products::ProductImageResponse>,
}

/// The tax contained in the total at one rate.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaxLineResponse {
    /// The rate: standard 10 % or reduced 8 %.
    pub tax_category: TaxCategoryDto,
    /// Tax-inclusive total at this rate.
    #[schema(value_type = String, example = "3960")]
    pub total: Money,
    /// The tax in it, rounded once.
    #[schema(value_type = String, example = "360")]
    pub tax: Money,
}

impl From<TaxLine> for TaxLineResponse {
    fn from(t: TaxLine) -> Self {
        Self { tax_category: t.category.into(), total: t.total, tax: t.tax }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CartResponse {
    /// The lines, oldest first.
    pub items: Vec<CartItemResponse>,
    /// Tax-inclusive total.
    #[schema(value_type = String, example = "5256")]
    pub total: Money,
    /// Tax per rate.
    pub tax: Vec<TaxLineResponse>,
    /// Per shop of the cart: its carriers and what shipping costs with its first carrier to the member's
    /// default address (checkout recomputes it for the address and carriers chosen).
    pub shipping: Vec<CartShippingResponse>,
    /// Goods and shipping, tax-inclusive; absent until the member has an address.
    #[schema(value_type = Option<String>, example = "6056")]
    pub grand_total: Option<Money>,
    /// The wished delivery dates checkout accepts (every shop of the cart delivers then); absent when
    /// the cart is empty or its shops have no date in common.
    pub delivery_window: Option<DeliveryWindowResponse>,
}

/// One shop's shipping in the cart (CART-02).
#[derive(Debug, Serialize, ToSchema)]
pub struct CartShippingResponse {
    /// The shop.
    pub shop: ShopRef,
    /// Its carriers, the default first, each with the time slots it delivers in; empty when the shop
    /// ships free without set carriers.
    pub options: Vec<ShippingOptionResponse>,
    /// The carrier quoted (the default one), if the shop has carriers.
    pub carrier: Option<CarrierDto>,
    /// What shipping costs to the default address, tax-inclusive; absent without an address.
    #[schema(value_type = Option<String>, example = "800")]
    pub fee: Option<Money>,
}

/// A carrier and the time slots it delivers in.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShippingOptionResponse {
    /// The carrier.
    pub carrier: CarrierDto,
    /// `morning`, `12-14`, `14-16`, `16-18`, `18-20`, `19-21`.
    pub time_slots: Vec<String>,
}

/// Wished delivery dates a checkout accepts, both included (ORD-01).
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryWindowResponse {
    /// The shops' preparation business days ahead.
    pub earliest: chrono::NaiveDate,
    /// The shops' delivery window ahead.
    pub latest: chrono::NaiveDate,
}

impl From<Cart> for CartResponse {
    fn from(cart: Cart) -> Self {
        Self {
            items: cart
                .lines
                .into_iter()
                .map(|l| CartItemResponse {
                    line_total: l.total(),
                    variant_id: l.variant_id.0,
                    product_id: l.product_id.0,
                    shop: ShopRef { id: l.shop_id.0, name: l.shop_name },
                    product_name: l.product_name,
                    sku: l.sku,
                    color: l.color,
                    size: l.size,
                    tax_category: l.tax_category.into(),
                    unit_price: l.unit_price,
                    quantity: l.quantity,
                    available: l.available,
                    image: l.image.map(Into::into),
                })
                .collect(),
            total: cart.total,
            tax: cart.tax.lines.into_iter().map(Into::into).collect(),
            grand_total: cart
                .shipping
                .iter()
                .map(|s| s.quote.as_ref().map(|q| q.fee))
                .sum::<Option<Money>>()
                .map(|fees| cart.total + fees),
            shipping: cart
                .shipping
                .into_iter()
                .map(|s| CartShippingResponse {
                    shop: ShopRef { id: s.shop_id.0, name: s.shop_name },
                    carrier: s.quote.as_ref().and_then(|q| q.carrier).map(Into::into),
                    fee: s.quote.map(|q| q.fee),
                    options: s
                        .options
                        .into_iter()
                        .map(|(carrier, time_slots)| ShippingOptionResponse { carrier: carrier.into(), time_slots })
                        .collect(),
                })
                .collect(),
            delivery_window: cart
                .delivery_window
                .map(|w| DeliveryWindowResponse { earliest: w.earliest, latest: w.latest }),
        }
    }
}
