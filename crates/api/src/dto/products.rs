//! Wire types of `/products` routes (and of others that show the same resources).

use crate::dto::TaxCategoryDto;
use kaimono_catalog::{
    Fulfilment, ProductDetail, ProductSummary, ReservationPayment, StockLevel, SubscriptionTerms, Variant,
};
use kaimono_core::Money;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// When a reservation is paid: at the counter (店頭決済) or online beforehand (オンライン事前決済).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReservationPaymentDto {
    InStore,
    Prepaid,
}

impl From<ReservationPaymentDto> for ReservationPayment {
    fn from(value: ReservationPaymentDto) -> Self {
        match value {
            ReservationPaymentDto::InStore => ReservationPayment::InStore,
            ReservationPaymentDto::Prepaid => ReservationPayment::Prepaid,
        }
    }
}

impl From<ReservationPayment> for ReservationPaymentDto {
    fn from(value: ReservationPayment) -> Self {
        match value {
            ReservationPayment::InStore => ReservationPaymentDto::InStore,
            ReservationPayment::Prepaid => ReservationPaymentDto::Prepaid,
        }
    }
}

/// How a product can be bought (CAT-04, CAT-05).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FulfilmentDto {
    /// Can be reserved for pickup at the shop (取り置き).
    pub reservable: bool,
    /// Can be ordered for delivery (配送購入).
    pub deliverable: bool,
    /// How a reservation is paid.
    pub reservation_payment: ReservationPaymentDto,
    /// Offered as a subscription (定期購入) on these terms; absent or null: not offered (CAT-05).
    #[serde(default)]
    #[validate(nested)]
    pub subscription: Option<SubscriptionTermsDto>,
}

/// CAT-05: a product's subscription prices. The regular price is not used for subscriptions.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionTermsDto {
    /// The first delivery's price in yen, tax included (0 for a free first delivery).
    #[schema(value_type = String, example = "980")]
    #[validate(custom(function = crate::dto::validate_yen))]
    pub first_price: Money,
    /// The price from the 2nd delivery on.
    #[schema(value_type = String, example = "1980")]
    #[validate(custom(function = crate::dto::validate_yen))]
    pub price: Money,
    /// Deliveries at most, the first included (1–999); absent for no limit.
    #[validate(range(min = 1, max = 999))]
    #[schema(minimum = 1, maximum = 999)]
    pub max_deliveries: Option<u32>,
}

impl From<Fulfilment> for FulfilmentDto {
    fn from(f: Fulfilment) -> Self {
        Self {
            reservable: f.reservable,
            deliverable: f.deliverable,
            reservation_payment: f.reservation_payment.into(),
            subscription: f.subscription.map(|t| SubscriptionTermsDto {
                first_price: t.first_price,
                price: t.price,
                max_deliveries: t.max_deliveries,
            }),
        }
    }
}

impl From<FulfilmentDto> for Fulfilment {
    fn from(f: FulfilmentDto) -> Self {
        Self {
            reservable: f.reservable,
            deliverable: f.deliverable,
            reservation_payment: f.reservation_payment.into(),
            subscription: f.subscription.map(|t| SubscriptionTerms {
                first_price: t.first_price,
                price: t.price,
                max_deliveries: t.max_deliveries,
            }),
        }
    }
}

/// How much of a variant a shop has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AvailabilityDto {
    /// 在庫あり
    InStock,
    /// 残りわずか (1–3 left)
    FewLeft,
    /// 在庫なし
    OutOfStock,
}

/// Stock of a variant at one shop.
#[derive(Debug, Serialize, ToSchema)]
pub struct StockAtShop {
    /// The shop holding the stock.
    pub shop_id: Uuid,
    /// Its name.
    pub shop_name: String,
    /// Units on its shelf (staff only; shoppers see `availability`).
    pub quantity: i32,
    /// In stock, few left, or sold out.
    pub availability: AvailabilityDto,
}

impl From<StockLevel> for StockAtShop {
    fn from(s: StockLevel) -> Self {
        let availability = match s.quantity {
            q if q <= 0 => AvailabilityDto::OutOfStock,
            1..=3 => AvailabilityDto::FewLeft,
            _ => AvailabilityDto::InStock,
        };
        Self { shop_id: s.shop_id.0, shop_name: s.shop_name, quantity: s.quantity, availability }
    }
}

/// A variant (color × size) of a product.
#[derive(Debug, Serialize, ToSchema)]
pub struct VariantResponse {
    /// The variant's id.
    pub id: Uuid,
    /// Its SKU, unique in the mall.
    pub sku: String,
    /// Its color.
    pub color: String,
    /// Its size.
    pub size: String,
    /// Tax-inclusive price in yen, as a decimal string.
    #[schema(value_type = String, example = "1980")]
    pub price: Money,
    /// Off sale when false.
    pub active: bool,
    /// Stock per shop; empty if never stocked.
    pub stock: Vec<StockAtShop>,
}

impl VariantResponse {
    pub fn new(v: Variant, stock: Vec<StockAtShop>) -> Self {
        Self { id: v.id.0, sku: v.sku, color: v.color, size: v.size, price: v.price, active: v.active, stock }
    }
}

/// A product picture (CAT-02), stored in a few widths. Every URL is a path on this server
/// (`/media/…`), content-hashed and cacheable for good.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductImageResponse {
    /// The image's id.
    pub id: Uuid,
    /// What the picture shows, for screen readers; empty when staff gave none.
    pub alt: String,
    /// The picture's width in pixels (upright).
    pub width: u32,
    /// The picture's height in pixels (upright).
    pub height: u32,
    /// A mid-sized rendition (640 px wide or the picture's own width), for clients that take one URL.
    pub url: String,
    /// Every rendition, narrowest first, for `srcset`.
    pub sources: Vec<ImageSourceResponse>,
}

/// One stored width of a picture.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImageSourceResponse {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Its path on this server.
    pub url: String,
}

/// The path a stored file is served at.
pub fn media_url(name: &str) -> String {
    kaimono_media::public_path(name)
}

impl From<kaimono_catalog::ProductImage> for ProductImageResponse {
    fn from(image: kaimono_catalog::ProductImage) -> Self {
        let sources: Vec<ImageSourceResponse> = image
            .renditions
            .iter()
            .map(|r| ImageSourceResponse { width: r.width, height: r.height, url: media_url(&r.name) })
            .collect();
        let url = sources.iter().find(|s| s.width >= 640).or(sources.last()).map(|s| s.url.clone()).unwrap_or_default();
        Self { id: image.id, alt: image.alt, width: image.width, height: image.height, url, sources }
    }
}

/// The shop that sells a product.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShopRef {
    /// The shop's id.
    pub id: Uuid,
    /// The shop's name.
    pub name: String,
}

/// A product with its variants and per-shop availability.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductResponse {
    /// The product's id.
    pub id: Uuid,
    /// The shop that sells it.
    pub shop: ShopRef,
    /// The product's name.
    pub name: String,
    /// What it is.
    pub description: String,
    /// Its category.
    pub category: String,
    /// Its consumption-tax rate.
    pub tax_category: TaxCategoryDto,
    /// 10 or 8.
    pub tax_rate_percent: u32,
    /// How it is sold.
    pub fulfilment: FulfilmentDto,
    /// Its pictures in display order (the first is its cover).
    pub images: Vec<ProductImageResponse>,
    /// False once archived.
    pub active: bool,
    /// Lowest tax-inclusive price among active variants.
    #[schema(value_type = String, example = "1980")]
    pub price_min: Money,
    /// Highest tax-inclusive price among active variants.
    #[schema(value_type = String, example = "2980")]
    pub price_max: Money,
    /// Its colors and sizes with their stock.
    pub variants: Vec<VariantResponse>,
}

impl From<ProductDetail> for ProductResponse {
    fn from(d: ProductDetail) -> Self {
        let mut stock = d.stock;
        let prices: Vec<Money> = d.variants.iter().filter(|v| v.active).map(|v| v.price).collect();
        let variants = d
            .variants
            .into_iter()
            .map(|v| {
                let (mine, rest): (Vec<_>, Vec<_>) = stock.drain(..).partition(|s| s.variant_id == v.id);
                stock = rest;
                VariantResponse::new(v, mine.into_iter().map(Into::into).collect())
            })
            .collect();
        let p = d.product;
        Self {
            id: p.id.0,
            shop: ShopRef { id: p.shop_id.0, name: d.shop_name },
            name: p.name,
            description: p.description,
            category: p.category,
            tax_rate_percent: p.tax_category.rate_percent(),
            tax_category: p.tax_category.into(),
            fulfilment: p.fulfilment.into(),
            images: d.images.into_iter().map(Into::into).collect(),
            active: p.active,
            price_min: prices.iter().copied().min().unwrap_or(Money::ZERO),
            price_max: prices.iter().copied().max().unwrap_or(Money::ZERO),
            variants,
        }
    }
}

/// A product in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductSummaryResponse {
    /// The product's id.
    pub id: Uuid,
    /// The shop that sells it.
    pub shop: ShopRef,
    /// The product's name.
    pub name: String,
    /// Its category.
    pub category: String,
    /// Its consumption-tax rate.
    pub tax_category: TaxCategoryDto,
    /// How it is sold.
    pub fulfilment: FulfilmentDto,
    /// Its first picture, if it has any.
    pub cover: Option<ProductImageResponse>,
    /// On sale (false once archived; staff lists only).
    pub active: bool,
    /// The lowest variant price, tax-inclusive.
    #[schema(value_type = String, example = "1980")]
    pub price_min: Money,
    /// The highest variant price, tax-inclusive.
    #[schema(value_type = String, example = "2980")]
    pub price_max: Money,
    /// Some active variant is in stock at some shop.
    pub in_stock: bool,
}

impl From<ProductSummary> for ProductSummaryResponse {
    fn from(s: ProductSummary) -> Self {
        let p = s.product;
        Self {
            id: p.id.0,
            shop: ShopRef { id: p.shop_id.0, name: s.shop_name },
            name: p.name,
            category: p.category,
            tax_category: p.tax_category.into(),
            fulfilment: p.fulfilment.into(),
            cover: s.cover.map(Into::into),
            active: p.active,
            price_min: s.price_min,
            price_max: s.price_max,
            in_stock: s.in_stock,
        }
    }
}

/// A variant as created with its product or added later.
#[derive(Debug, Serialize, Deserialize, validator::Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantRequest {
    /// Unique across the mall.
    #[validate(length(min = 1, max = 64), custom(function = crate::dto::validate_not_blank))]
    #[schema(min_length = 1, max_length = 64)]
    pub sku: String,
    /// The variant's color (ホワイト …).
    #[validate(length(min = 1, max = 50), custom(function = crate::dto::validate_not_blank))]
    #[schema(min_length = 1, max_length = 50)]
    pub color: String,
    /// The variant's size (M, 24.5cm …).
    #[validate(length(min = 1, max = 50), custom(function = crate::dto::validate_not_blank))]
    #[schema(min_length = 1, max_length = 50)]
    pub size: String,
    /// Tax-inclusive price in whole yen, as a decimal string (`"1980"`).
    #[validate(custom(function = crate::dto::validate_price))]
    #[schema(value_type = String, example = "1980")]
    pub price: rust_decimal::Decimal,
}

impl VariantRequest {
    pub fn into_new(self, field: &str) -> Result<kaimono_catalog::NewVariant, crate::error::ApiError> {
        Ok(kaimono_catalog::NewVariant {
            price: crate::dto::price(self.price, field)?,
            sku: self.sku.trim().to_owned(),
            color: self.color.trim().to_owned(),
            size: self.size.trim().to_owned(),
        })
    }
}
