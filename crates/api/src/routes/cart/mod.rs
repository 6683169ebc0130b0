//! `/me/cart`: the member's server-side cart (CART-01). Putting something in the cart holds no stock.

mod add_cart_item;
mod get_cart;
mod remove_cart_item;
mod set_cart_item;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_cart::get_cart)
        .service(add_cart_item::add_cart_item)
        .service(set_cart_item::set_cart_item)
        .service(remove_cart_item::remove_cart_item);
}
