//! `/products`: browsing (CAT-06) and, for a shop's staff, managing products, variants (CAT-02) and
//! fulfilment options (CAT-04), and their pictures (CAT-02).

mod add_product_image;
mod add_variant;
mod archive_product;
mod create_product;
mod delete_product_image;
mod get_product;
mod list_categories;
mod list_products;
mod list_shop_products;
mod reorder_product_images;
mod update_product;
mod update_product_image;
mod update_variant;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_products::list_products)
        .service(list_categories::list_categories)
        .service(get_product::get_product)
        .service(list_shop_products::list_shop_products)
        .service(create_product::create_product)
        .service(update_product::update_product)
        .service(archive_product::archive_product)
        .service(add_variant::add_variant)
        .service(update_variant::update_variant)
        .service(add_product_image::add_product_image)
        .service(reorder_product_images::reorder_product_images)
        .service(update_product_image::update_product_image)
        .service(delete_product_image::delete_product_image);
}

/// The owning shop of a product, if the caller is its staff (404 if there is no such product, 403 if
/// it is another shop's).
pub(crate) async fn authorize_product(
    state: &crate::state::AppState,
    principal: &crate::auth::Principal,
    product: kaimono_core::ProductId,
) -> Result<kaimono_core::ShopId, crate::error::ApiError> {
    let shop = kaimono_catalog::product_shop(&state.db, product).await?;
    principal.require_shop(state, shop).await?;
    Ok(shop)
}
