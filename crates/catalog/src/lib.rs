//! The mall's catalog: shops with business calendars (CAT-01), products and variants (CAT-02),
//! stock per shop per variant (CAT-03), fulfilment options (CAT-04) and browsing (CAT-06).
//!
//! Stock changes are single conditional UPDATEs guarded by a CHECK (quantity >= 0) in the schema, so
//! no interleaving of requests can drive stock below zero. Authorization (which staff may edit which
//! shop) is the caller's job; this crate answers which shop owns what.

mod error;
mod images;
mod model;
mod products;
mod shipping;
mod shops;
mod stock;
mod views;

pub use error::CatalogError;
pub use images::{
    MAX_ALT_CHARS, MAX_IMAGES_PER_PRODUCT, ProductImage, StoredRendition, add_image, covers_of, delete_image,
    images_of, reorder_images, update_image_alt,
};
pub use model::*;
pub use products::{
    add_variant, archive_product, create_product, get_product, list_categories, list_products, product_shop,
    update_product, update_variant,
};
pub use shipping::{Shipping, ShippingMethod, ShippingQuote, set_shipping, shipping_of};
pub use shops::{create_shop, get_shop, list_shops, update_calendar, update_profile, update_settings};
pub use stock::{MAX_STOCK, adjust_stock, return_stock, set_stock, take_stock};
pub use views::{VariantView, shop_names, variant_covers, variant_view, variant_views};
