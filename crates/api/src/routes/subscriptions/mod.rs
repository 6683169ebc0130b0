//! Subscriptions (定期購入, SUB-01 to SUB-15): the subscription cart and checkout and My Page for members
//! (`/me/subscription-cart`, `/me/subscriptions`), the shop's settings, list, detail and changes
//! (`/shops/{id}/subscriptions`), and a shop's public subscription terms.

mod cards;
mod cart;
mod member;
mod staff;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cart::configure(cfg);
    cards::configure(cfg);
    member::configure(cfg);
    staff::configure(cfg);
}
