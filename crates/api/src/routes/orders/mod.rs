//! `/orders` and `/me/orders`: placing the cart as delivery orders (CART-02) and the member's orders (ORD-04).

mod cancel_my_order;
mod cancel_shop_order;
mod check_order_stock;
mod get_my_order;
mod get_my_order_timeline;
mod get_shop_order;
mod get_shop_order_timeline;
mod list_my_orders;
mod list_shop_orders;
mod messages;
mod place_orders;
mod ship_order;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    messages::configure(cfg);
    cfg.service(place_orders::place_orders)
        .service(list_my_orders::list_my_orders)
        .service(get_my_order::get_my_order)
        .service(get_my_order_timeline::get_my_order_timeline)
        .service(list_shop_orders::list_shop_orders)
        .service(get_shop_order::get_shop_order)
        .service(get_shop_order_timeline::get_shop_order_timeline)
        .service(check_order_stock::check_order_stock)
        .service(ship_order::ship_order)
        .service(cancel_shop_order::cancel_shop_order)
        .service(cancel_my_order::cancel_my_order);
}
